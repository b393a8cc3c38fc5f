/**
 * How many of a tenant's jobs match a v3 job filter. A filter on nothing but the status is
 * answered from JobStatusCount (kept exact by triggers, see its migration) instead of counting
 * the rows; any other filter counts the matching rows (kept until the database changes).
 */
import { JOB_STATUSES, type Condition, type JobFilter, type JobStatus } from "@jobmanager/domain";
import type { Db } from "./client";
import { jobFilterSql } from "./job-list";
import { cachedRead } from "./reader";

export function countJobs(db: Db, tenantId: string, filter: JobFilter): number {
  const statuses = statusesOnly(filter);
  if (statuses) {
    const counts = jobCountsByStatus(db, tenantId);
    return statuses.reduce((sum, status) => sum + (counts.get(status) ?? 0), 0);
  }
  const where = jobFilterSql(tenantId, filter);
  return cachedRead(db, `SELECT COUNT(*) FROM "Job" WHERE ${where.sql}`, where.params, (statement) => statement.pluck().get(...where.params) as number);
}

/** The tenant's job count per status (statuses without jobs may be missing); do not modify it. */
export function jobCountsByStatus(db: Db, tenantId: string): Map<string, number> {
  return cachedRead(db, `SELECT "status", "count" FROM "JobStatusCount" WHERE "tenantId" = ?`, [tenantId], (statement) => {
    const rows = statement.all(tenantId) as Array<{ status: string; count: number }>;
    return new Map(rows.map((row) => [row.status, row.count]));
  });
}

/**
 * The statuses a filter admits when it filters on the status alone (all of them for an empty
 * filter); null when it names another field.
 */
export function statusesOnly(filter: JobFilter): readonly JobStatus[] | null {
  let admitted: readonly JobStatus[] = JOB_STATUSES;
  for (const [field, conditions] of Object.entries(filter)) {
    if (field !== "status") return null;
    for (const condition of conditions as Condition[]) {
      const values = equalities(condition);
      if (!values) return null;
      admitted = admitted.filter((status) => values.has(status));
    }
  }
  return admitted;
}

function equalities(condition: Condition): Set<string> | null {
  if (condition.op === "eq") return new Set([condition.value]);
  if (condition.op !== "or") return null;
  const values = new Set<string>();
  for (const alternative of condition.conditions) {
    const inner = equalities(alternative);
    if (!inner) return null;
    for (const value of inner) values.add(value);
  }
  return values;
}
