/**
 * Job services, shared by REST and GraphQL: start (validated, every referenced object must
 * exist for the tenant), get, list and stop. A foreign id answers exactly like a missing one.
 */
import { createJob, folderExists, transitionJob, type Job } from "@jobmanager/db";
import {
  ConflictError,
  InvalidTransitionError,
  isFinal,
  JobParameters,
  NotFoundError,
  parseInput,
  ValidationError,
  type JobStatus,
} from "@jobmanager/domain";
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

export interface JobPage {
  jobs: Job[];
  totalCount: number;
  hasNextPage: boolean;
}

/** Newest first; `after` is the id of the last job of the previous page. */
export async function listJobs({ db, tenant }: ServiceContext, { first, after }: { first: number; after?: string | null }): Promise<JobPage> {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError("first must be between 1 and 100.");
  if (after) await getJob({ db, tenant } as ServiceContext, after);
  const where = { tenantId: tenant.id };
  const [rows, totalCount] = await Promise.all([
    db.job.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: first + 1,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    }),
    db.job.count({ where }),
  ]);
  return { jobs: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
}
