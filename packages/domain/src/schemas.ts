/**
 * Input contracts, written once and shared by REST and GraphQL: each schema and its type
 * share a name. `parseInput` turns a zod failure into a ValidationError whose message names
 * every offending field.
 */
import { z } from "zod";
import { ValidationError } from "./errors";

const id = (field: string) =>
  z.string({ error: `${field} is required and must be a string` }).trim().min(1, `${field} must not be empty`);

/** The v3 SDK and samples send the limit as a string ("7200"); numbers are accepted too. */
const seconds = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, "must be a whole number of seconds")])
  .transform((value) => Number(value))
  .pipe(z.number().int("must be a whole number of seconds").min(1, "must be at least 1").max(31_536_000, "must be at most one year"));

export const DEFAULT_MAXIMUM_EXECUTION_TIME_SECONDS = 3600;
export const MAX_JOB_RETRIES = 5;

export const JobParameters = z.object({
  modelId: id("modelId"),
  configurationId: id("configurationId"),
  inputFolderId: id("inputFolderId"),
  outputFolderId: id("outputFolderId"),
  maximumExecutionTimeInSeconds: seconds.optional().default(DEFAULT_MAXIMUM_EXECUTION_TIME_SECONDS),
  /**
   * Beyond the v3 reference: how many times the job may run again from the start when its
   * runner is lost (crash, kill). Default 0: such a job fails. Never retried for its own
   * failures, a timeout or a stop.
   */
  retries: z.number().int("retries must be a whole number").min(0, "retries must be at least 0").max(MAX_JOB_RETRIES, `retries must be at most ${MAX_JOB_RETRIES}`).optional().default(0),
});
export type JobParameters = z.infer<typeof JobParameters>;

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.join(".");
    return path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message;
  });
  throw new ValidationError(`Invalid input: ${problems.join("; ")}.`);
}

/** `pageNumber` (0-based) and `pageSize` of the v3 list endpoints; at most 10,000 items reachable. */
export const MAX_REACHABLE_ITEMS = 10_000;
const wholeNumber = (field: string) =>
  z.union([z.number(), z.string().trim().regex(/^-?\d+$/, `${field} must be a whole number`)]).transform(Number).pipe(z.number().int());

function pageQuery(maxPageSize: number) {
  const size = `pageSize must be between 1 and ${maxPageSize}`;
  return z
    .object({
      pageNumber: wholeNumber("pageNumber").pipe(z.number().min(0, "pageNumber must be at least 0")).default(0),
      pageSize: wholeNumber("pageSize").pipe(z.number().min(1, size).max(maxPageSize, size)).default(100),
      filter: z.string().optional(),
    })
    .refine((q) => q.pageNumber * q.pageSize < MAX_REACHABLE_ITEMS, { message: `At most ${MAX_REACHABLE_ITEMS} items can be reached by paging` });
}

/** Job Manager lists (jobs, schedules): 100 a page by default and at most. */
export const PageQuery = pageQuery(100);
export type PageQuery = z.infer<typeof PageQuery>;
/** Model Management and Data Exchange lists: up to 1,000 a page. */
export const CatalogPageQuery = pageQuery(1000);
export type CatalogPageQuery = z.infer<typeof CatalogPageQuery>;
