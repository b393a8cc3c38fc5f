/**
 * Retention: jobs in a final status created more than `days` ago are deleted with their
 * events and paragraph runs (cascade). The files they wrote stay in their output folders.
 */
import { FINAL_JOB_STATUSES } from "@jobmanager/domain";
import type { Db } from "./client";

export async function purgeOldJobs(db: Db, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const { count } = await db.job.deleteMany({
    where: { status: { in: [...FINAL_JOB_STATUSES] }, createdAt: { lt: cutoff } },
  });
  return count;
}
