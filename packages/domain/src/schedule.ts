/** Schedule inputs and filter fields (API-REFERENCE.md, "ScheduleParameters" and "Schedule"). */
import { z } from "zod";
import { parseCron } from "./cron";
import type { FieldSpec, Filter } from "./filter";
import { parseFilter } from "./filter";
import { DEFAULT_MAXIMUM_EXECUTION_TIME_SECONDS, JobParameters } from "./schemas";

export const SCHEDULE_STATUSES = ["RUNNING", "STOPPED"] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export const ScheduleParameters = JobParameters.omit({ maximumExecutionTimeInSeconds: true, retries: true })
  .extend({
    name: z.string({ error: "name is required and must be a string" }).trim().min(1, "name must not be empty").max(128, "name must be at most 128 characters"),
    scheduleString: z.string({ error: "scheduleString is required and must be a cron string" }).trim().min(1, "scheduleString must not be empty"),
    timezone: z.string().trim().min(1).default("UTC"),
    maximumExecutionTime: JobParameters.shape.maximumExecutionTimeInSeconds.removeDefault().optional().default(DEFAULT_MAXIMUM_EXECUTION_TIME_SECONDS),
  })
  .superRefine((value, context) => {
    try {
      parseCron(value.scheduleString, value.timezone);
    } catch (error) {
      context.addIssue({ code: "custom", path: ["scheduleString"], message: (error as Error).message });
    }
  });
export type ScheduleParameters = z.infer<typeof ScheduleParameters>;

export const SCHEDULE_FILTER_FIELDS = {
  name: { type: "string", operators: ["eq", "contains"] },
  status: { type: "enum", operators: ["eq"], values: SCHEDULE_STATUSES },
  modelId: { type: "string", operators: ["eq", "contains"] },
  scheduleString: { type: "string", operators: ["eq", "contains"] },
  creationDate: { type: "date", operators: ["gt", "after", "before"] },
} as const satisfies Record<string, FieldSpec>;

export type ScheduleFilter = Filter<keyof typeof SCHEDULE_FILTER_FIELDS>;

export function parseScheduleFilter(text: string | undefined): ScheduleFilter {
  return parseFilter(text, SCHEDULE_FILTER_FIELDS);
}
