/**
 * Claiming: the jobs table is the queue. The oldest SUBMITTED job whose configuration has a
 * free instance moves to STARTING through the state machine's compare-and-set, so of two
 * runners racing for one job exactly one wins; the loser tries the next candidate.
 */
import { transitionJob, type Job } from "@jobmanager/db";
import { InvalidTransitionError } from "@jobmanager/domain";
import type { EngineContext } from "./engine-context";

const ACTIVE = ["STARTING", "RUNNING", "STOPPING"];

export async function claimNextJob(ctx: EngineContext, runnerId: string, leaseMs: number): Promise<Job | null> {
  const candidates = await ctx.db.job.findMany({
    where: { status: "SUBMITTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 50,
    include: { configuration: { select: { maxInstances: true } } },
  });
  const busy = new Map<string, number>();
  for (const candidate of candidates) {
    const active =
      busy.get(candidate.configurationId) ??
      (await ctx.db.job.count({ where: { configurationId: candidate.configurationId, status: { in: ACTIVE } } }));
    busy.set(candidate.configurationId, active);
    if (active >= candidate.configuration.maxInstances) continue;
    try {
      return await transitionJob(ctx.db, ctx.bus, {
        jobId: candidate.id,
        from: "SUBMITTED",
        to: "STARTING",
        message: "Starting environment.",
        data: { leaseOwner: runnerId, leaseExpiresAt: new Date(Date.now() + leaseMs) },
      });
    } catch (error) {
      if (error instanceof InvalidTransitionError) continue; // another runner took it first
      throw error;
    }
  }
  return null;
}
