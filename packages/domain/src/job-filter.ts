/** The fields a job list can be filtered on (API-REFERENCE.md, "Job filter"). */
import type { FieldSpec, Filter } from "./filter";
import { parseFilter } from "./filter";
import { JOB_STATUSES } from "./job-status";

export const JOB_FILTER_FIELDS = {
  modelId: { type: "string", operators: ["eq", "contains"] },
  message: { type: "string", operators: ["eq", "contains"] },
  status: { type: "enum", operators: ["eq"], values: JOB_STATUSES },
  creationDate: { type: "date", operators: ["after", "before"] },
} as const satisfies Record<string, FieldSpec>;

export type JobFilterField = keyof typeof JOB_FILTER_FIELDS;
export type JobFilter = Filter<JobFilterField>;

export function parseJobFilter(text: string | undefined): JobFilter {
  return parseFilter(text, JOB_FILTER_FIELDS);
}
