/**
 * The tenant's jobs matching a v3 job filter, newest first (createdAt desc, id desc), read with
 * one prepared statement on the read-only connection (reader.ts), the result kept until the
 * database changes: the REST list's hot path. The rows are shared: do not modify them.
 * The indexes (tenantId, createdAt, id) and (tenantId, status, createdAt, id) serve it without a
 * sort step.
 */
import type { JobFilter } from "@jobmanager/domain";
import type { Db, Job } from "./client";
import { filterSql, filterWhere } from "./filter-where";
import { cachedRead } from "./reader";

/** The filter fields whose column has another name. */
const JOB_FILTER_COLUMNS = { creationDate: "createdAt" } as const;

/** The Prisma `where` of a tenant's jobs that match a parsed v3 job filter. */
export function jobFilterWhere(tenantId: string, filter: JobFilter) {
  return { tenantId, ...filterWhere(filter, JOB_FILTER_COLUMNS) };
}

/** The same as an SQL condition on "Job". */
export function jobFilterSql(tenantId: string, filter: JobFilter) {
  const condition = filterSql(filter, JOB_FILTER_COLUMNS);
  return { sql: `"tenantId" = ? AND ${condition.sql}`, params: [tenantId, ...condition.params] };
}

/** The columns of a job that a list shows (the v3 Job shape). */
export type JobListRow = Pick<
  Job,
  "id" | "tenantId" | "modelId" | "environmentId" | "message" | "status" | "createdAt" | "inputFolderId" | "outputFolderId" | "configurationId" | "maximumExecutionTimeInSeconds"
>;
const LIST_COLUMNS = `"id", "tenantId", "modelId", "environmentId", "message", "status", "createdAt", "inputFolderId", "outputFolderId", "configurationId", "maximumExecutionTimeInSeconds"`;

export function listJobRows(db: Db, tenantId: string, filter: JobFilter, { offset, limit }: { offset: number; limit: number }): JobListRow[] {
  const where = jobFilterSql(tenantId, filter);
  const sql = `SELECT ${LIST_COLUMNS} FROM "Job" WHERE ${where.sql} ORDER BY "createdAt" DESC, "id" DESC LIMIT ? OFFSET ?`;
  const params = [...where.params, limit, offset];
  return cachedRead(db, sql, params, (statement) => {
    const rows = statement.all(...params) as Array<Omit<JobListRow, "createdAt"> & { createdAt: string | Date }>;
    for (const row of rows) row.createdAt = new Date(row.createdAt); // stored as ISO 8601 text
    return rows as JobListRow[];
  });
}
