/**
 * The queue as claiming sees it, in one read: per (tenant, configuration) with SUBMITTED jobs,
 * the configuration's limit and environments in use, the tenant's active jobs and latest
 * start, the oldest queued time, and the configuration's next job (FIFO, ties by id).
 */
import type { Db } from "./client";

/** One row per (tenant, configuration) with queued jobs: what the choice needs, in one read. */
export interface QueuedGroup {
  configurationId: string;
  name: string;
  maxInstances: number | bigint;
  /** The configuration's environments in use. */
  inUse: number | bigint;
  /** The tenant's active jobs. */
  load: number | bigint;
  /** The tenant's latest start (null: never served). */
  lastStart: unknown;
  oldest: unknown;
  /** The configuration's oldest SUBMITTED job (FIFO; ties by id). */
  candidate: string | null;
}

const QUEUED_GROUPS = `
  WITH queued AS (
    SELECT "tenantId", "configurationId", MIN("createdAt") AS oldest
    FROM "Job" WHERE "status" = 'SUBMITTED'
    GROUP BY "tenantId", "configurationId"
  )
  SELECT q."configurationId" AS "configurationId", c."name" AS "name", c."maxInstances" AS "maxInstances",
    (SELECT COUNT(*) FROM "Job" a WHERE a."configurationId" = q."configurationId" AND a."status" IN ('STARTING', 'RUNNING', 'STOPPING')) AS "inUse",
    (SELECT COUNT(*) FROM "Job" a WHERE a."tenantId" = q."tenantId" AND a."status" IN ('STARTING', 'RUNNING', 'STOPPING')) AS "load",
    (SELECT MAX(s."startedAt") FROM "Job" s WHERE s."tenantId" = q."tenantId" AND s."startedAt" IS NOT NULL) AS "lastStart",
    q.oldest AS "oldest",
    (SELECT j."id" FROM "Job" j WHERE j."status" = 'SUBMITTED' AND j."configurationId" = q."configurationId" ORDER BY j."createdAt", j."id" LIMIT 1) AS "candidate"
  FROM queued q JOIN "EnvironmentConfiguration" c ON c."id" = q."configurationId"`;

export function queuedGroups(db: Db): Promise<QueuedGroup[]> {
  return db.$queryRawUnsafe<QueuedGroup[]>(QUEUED_GROUPS);
}
