/**
 * Recovery: a job whose lease has expired lost its runner (a crash or a kill). It is finalised
 * as FAILED with a message that says so; it never runs twice.
 */
import { transitionJob } from "@jobmanager/db";
import { InvalidTransitionError } from "@jobmanager/domain";
import type { EngineContext } from "./engine-context";

export async function failJobsOfLostRunners(ctx: EngineContext, now = new Date()): Promise<number> {
  const orphans = await ctx.db.job.findMany({
    where: { status: { in: ["STARTING", "RUNNING", "STOPPING"] }, leaseExpiresAt: { lt: now } },
    select: { id: true, leaseOwner: true },
  });
  let failed = 0;
  for (const orphan of orphans) {
    try {
      await transitionJob(ctx.db, ctx.bus, {
        jobId: orphan.id,
        to: "FAILED",
        message: `The runner executing this job was lost [runner ${orphan.leaseOwner ?? "unknown"} stopped renewing its lease]`,
      });
      failed++;
    } catch (error) {
      if (!(error instanceof InvalidTransitionError)) throw error;
    }
  }
  return failed;
}
