/**
 * Job services, shared by REST and GraphQL: start (validated, every referenced object must
 * exist for the tenant), get, and list with the v3 filter language. A foreign id answers
 * exactly like a missing one.
 */
import { createJob, filterWhere, folderExists, type Job } from "@jobmanager/db";
import { JobParameters, NotFoundError, PageQuery, parseInput, parseJobFilter, ValidationError } from "@jobmanager/domain";
import type { ServiceContext } from "./context";

export async function startJob({ db, bus, tenant }: ServiceContext, input: unknown): Promise<Job> {
  const params = parseInput(JobParameters, input);
  const model = await db.model.findFirst({
    where: { id: params.modelId, tenantId: tenant.id },
    include: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
  });
  if (!model) throw new NotFoundError("Model", params.modelId);
  const version = model.versions[0];
  if (!version) throw new ValidationError(`Model '${params.modelId}' has no version to run.`);
  const configuration = await db.environmentConfiguration.count({ where: { id: params.configurationId, tenantId: tenant.id } });
  if (!configuration) throw new NotFoundError("Environment configuration", params.configurationId);
  if (!(await folderExists(db, tenant.id, params.inputFolderId))) throw new NotFoundError("Input folder", params.inputFolderId);
  if (!(await folderExists(db, tenant.id, params.outputFolderId))) throw new NotFoundError("Output folder", params.outputFolderId);
  return createJob(db, bus, { ...params, tenantId: tenant.id, modelVersionId: version.id });
}

export async function getJob({ db, tenant }: ServiceContext, id: string): Promise<Job> {
  const job = await db.job.findFirst({ where: { id, tenantId: tenant.id } });
  if (!job) throw new NotFoundError("Job", id);
  return job;
}

/** The tenant's jobs matching a v3 filter (JSON text; a malformed one is a 400). */
function jobsWhere(tenant: ServiceContext["tenant"], filter: string | undefined | null) {
  return { tenantId: tenant.id, ...filterWhere(parseJobFilter(filter ?? undefined), { creationDate: "createdAt" }) };
}

const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] as const;

export interface JobConnection {
  jobs: Job[];
  totalCount: number;
  hasNextPage: boolean;
}

/** Cursor paging (GraphQL), newest first; `after` is the id of the last job of the previous page. */
export async function listJobs(
  { db, tenant }: ServiceContext,
  { first, after, filter }: { first: number; after?: string | null; filter?: string | null },
): Promise<JobConnection> {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError("first must be between 1 and 100.");
  const where = jobsWhere(tenant, filter);
  if (after && !(await db.job.count({ where: { id: after, tenantId: tenant.id } }))) {
    throw new ValidationError(`The cursor '${after}' does not name a job of yours.`);
  }
  const [rows, totalCount] = await Promise.all([
    db.job.findMany({ where, orderBy: [...NEWEST_FIRST], take: first + 1, ...(after ? { cursor: { id: after }, skip: 1 } : {}) }),
    db.job.count({ where }),
  ]);
  return { jobs: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
}

export interface JobPage {
  jobs: Job[];
  pageNumber: number;
  pageSize: number;
  totalElements: number;
}

/** Offset paging (REST v3): `pageNumber` from 0, `pageSize` 1–100 (default 100), newest first. */
export async function pageJobs({ db, tenant }: ServiceContext, query: unknown): Promise<JobPage> {
  const { pageNumber, pageSize, filter } = parseInput(PageQuery, query);
  const where = jobsWhere(tenant, filter);
  const [jobs, totalElements] = await Promise.all([
    db.job.findMany({ where, orderBy: [...NEWEST_FIRST], skip: pageNumber * pageSize, take: pageSize }),
    db.job.count({ where }),
  ]);
  return { jobs, pageNumber, pageSize, totalElements };
}
