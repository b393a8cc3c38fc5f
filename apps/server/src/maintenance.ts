/** Periodic housekeeping of the server: the job retention purge, at start and then hourly. */
import { purgeOldJobs, type Db } from "@jobmanager/db";
import type { Logger } from "./logger";

const HOUR_MS = 60 * 60 * 1000;

export function startMaintenance({ db, logger, retentionDays }: { db: Db; logger: Logger; retentionDays: number }): () => void {
  const purge = () =>
    purgeOldJobs(db, retentionDays)
      .then((count) => count > 0 && logger.info({ count, retentionDays }, "purged old jobs"))
      .catch((error) => logger.error({ err: error }, "retention purge failed"));
  void purge();
  const timer = setInterval(purge, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
