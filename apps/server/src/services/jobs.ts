/**
 * Job services, shared by REST and GraphQL: start (validated, every referenced object must
 * exist for the tenant), get, list with the v3 filter language, and stop. A foreign id
 * answers exactly like a missing one.
 */
import { countJobs, createJob, isUniqueViolation, jobCountsByStatus, jobFilterWhere, listJobRows, resolveJobParameters, SHARED_OWNER, transitionJob, type Db, type Job, type JobListRow } from "@jobmanager/db";
import {
  ConflictError,
  InvalidTransitionError,
  isFinal,
  JOB_STATUSES,
  JobParameters,
  NotFoundError,
  PageQuery,
  parseInput,
  parseJobFilter,
  ValidationError,
  type JobStatus,
} from "@jobmanager/domain";
import type { ServiceContext } from "./context";
import { cursorPage, type CursorPage, type CursorQuery } from "./cursor-page";

/**
 * Starts a job. With an idempotency key, the same key (for the same tenant) returns the job it
 * created the first time instead of starting another.
 */
export async function startJob(
  { db, bus, tenant, userId }: ServiceContext,
  input: unknown,
  options: { idempotencyKey?: string | null } = {},
): Promise<Job> {
  const params = parseInput(JobParameters, input);
  const key = options.idempotencyKey?.trim();
  if (key !== undefined && (key.length === 0 || key.length > 200)) throw new ValidationError("idempotencyKey must be 1 to 200 characters.");
  const earlier = key ? await jobOfIdempotencyKey(db, tenant.id, key) : null;
  if (earlier) return earlier;
  const newJob = await resolveJobParameters(db, { tenantId: tenant.id, userId }, params);
  try {
    return await createJob(db, bus, newJob, key ? (tx, job) => tx.jobIdempotencyKey.create({ data: { tenantId: tenant.id, key, jobId: job.id } }).then(() => {}) : undefined);
  } catch (error) {
    // Two requests with one key at once: the loser returns the winner's job.
    if (key && isUniqueViolation(error)) return (await jobOfIdempotencyKey(db, tenant.id, key))!;
    throw error;
  }
}

async function jobOfIdempotencyKey(db: Db, tenantId: string, key: string): Promise<Job | null> {
  const entry = await db.jobIdempotencyKey.findUnique({ where: { tenantId_key: { tenantId, key } } });
  return entry ? db.job.findUnique({ where: { id: entry.jobId } }) : null;
}

export async function getJob({ db, tenant }: ServiceContext, id: string): Promise<Job> {
  const job = await db.job.findFirst({ where: { id, tenantId: tenant.id } });
  if (!job) throw new NotFoundError("Job", id);
  return job;
}


/** The orders a job list can take; the (tenantId, createdAt, id) index serves both. */
export const JOB_ORDERS = {
  NEWEST_FIRST: [{ createdAt: "desc" }, { id: "desc" }],
  OLDEST_FIRST: [{ createdAt: "asc" }, { id: "asc" }],
} as const;
export type JobOrder = keyof typeof JOB_ORDERS;

/**
 * Asks a job to stop and returns it in STOPPING. The runner that holds it interrupts the
 * running paragraph and ends it STOPPED (outputs kept). A SUBMITTED job has no runner yet:
 * it ends STOPPED here, unless a runner claimed it a moment earlier (compare-and-set), in
 * which case that runner stops it. Stopping a STOPPING job is a no-op; a final job is a 409.
 */
export async function stopJob(services: ServiceContext, id: string): Promise<Job> {
  const { db, bus } = services;
  for (let attempt = 0; ; attempt++) {
    const job = await getJob(services, id);
    const status = job.status as JobStatus;
    if (isFinal(status)) throw new ConflictError(`Job '${id}' has already ended (${status}); only a job that has not ended can be stopped.`);
    if (status === "STOPPING") return job;
    try {
      const stopping = await transitionJob(db, bus, { jobId: id, from: status, to: "STOPPING", message: "Stopping on request." });
      if (status === "SUBMITTED") {
        await transitionJob(db, bus, { jobId: id, from: "STOPPING", to: "STOPPED", message: "Stopped on request before it started." });
      }
      return stopping;
    } catch (error) {
      // The status moved between our read and our write (claimed, finished): judge again.
      if (!(error instanceof InvalidTransitionError) || attempt >= 5) throw error;
    }
  }
}

/** Cursor paging (GraphQL), newest first by default; `after` is the id of the last job of the previous page. */
export async function listJobs(
  { db, tenant }: ServiceContext,
  { filter, order = "NEWEST_FIRST", ...query }: CursorQuery & { filter?: string | null; order?: JobOrder },
): Promise<CursorPage<Job>> {
  const parsed = parseJobFilter(filter ?? undefined); // a malformed filter is a 400
  const where = jobFilterWhere(tenant.id, parsed);
  return cursorPage(query, "jobs", {
    exists: async (id) => (await db.job.count({ where: { id, tenantId: tenant.id } })) === 1,
    find: (args) => db.job.findMany({ where, orderBy: [...JOB_ORDERS[order]], ...args }),
    count: async () => countJobs(db, tenant.id, parsed),
  });
}

export interface JobPage {
  jobs: JobListRow[];
  pageNumber: number;
  pageSize: number;
  totalElements: number;
}

/** Offset paging (REST v3): `pageNumber` from 0, `pageSize` 1–100 (default 100), newest first. */
export async function pageJobs({ db, tenant }: ServiceContext, query: unknown): Promise<JobPage> {
  const { pageNumber, pageSize, filter } = parseInput(PageQuery, query);
  const parsed = parseJobFilter(filter);
  const jobs = listJobRows(db, tenant.id, parsed, { offset: pageNumber * pageSize, limit: pageSize });
  const totalElements = countJobs(db, tenant.id, parsed);
  return { jobs, pageNumber, pageSize, totalElements };
}

/** How many of the tenant's jobs (matching a filter) are in each status; every status listed. */
export async function countJobsByStatus({ db, tenant }: ServiceContext, filter?: string | null): Promise<Array<{ status: JobStatus; count: number }>> {
  const parsed = parseJobFilter(filter ?? undefined);
  if (Object.keys(parsed).length === 0) {
    const counts = jobCountsByStatus(db, tenant.id);
    return JOB_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }
  const groups = await db.job.groupBy({ by: ["status"], where: jobFilterWhere(tenant.id, parsed), _count: { _all: true } });
  return JOB_STATUSES.map((status) => ({ status, count: groups.find((g) => g.status === status)?._count._all ?? 0 }));
}

/**
 * The files a job wrote into its output folder, by path; `file` is null once deleted. Files in
 * another user's private tree are left out altogether (their names are theirs too).
 */
export async function outputFilesOfJob({ db, tenant, userId }: ServiceContext, jobId: string) {
  const rows = await db.jobOutputFile.findMany({ where: { jobId, job: { tenantId: tenant.id } }, orderBy: { path: "asc" } });
  const files = await db.file.findMany({ where: { id: { in: rows.map((r) => r.fileId) }, tenantId: tenant.id } });
  const visible = (file: (typeof files)[number]) => file.ownerUserId === SHARED_OWNER || file.ownerUserId === userId;
  return rows
    .map((row) => ({ path: row.path, file: files.find((f) => f.id === row.fileId) ?? null }))
    .filter((output) => output.file === null || visible(output.file));
}
