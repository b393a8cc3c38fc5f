/**
 * Claiming: the jobs table is the queue. Per configuration it is FIFO (the oldest SUBMITTED
 * job first); across configurations the runner picks the one whose tenant has the fewest
 * active jobs, then the tenant served least recently, then the oldest job, so one tenant's
 * thousand queued jobs do not starve another tenant's single job (round robin per tenant). A configuration with all `maxInstances` environments in use is
 * skipped, and its waiting jobs say so in their message. All of that is one read (queuedGroups);
 * the move to STARTING goes through
 * the state machine's compare-and-set, so of two runners racing for one job exactly one
 * wins; the loser tries again.
 */
import { queuedGroups, setWaitingMessage, transitionJob, type Job } from "@jobmanager/db";
import { InvalidTransitionError } from "@jobmanager/domain";
import type { EngineContext } from "./engine-context";

export async function claimNextJob(ctx: EngineContext, runnerId: string, leaseMs: number): Promise<Job | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const queued = await queuedGroups(ctx.db);
    if (queued.length === 0) return null;
    const eligible = [];
    for (const group of queued) {
      const maxInstances = Number(group.maxInstances);
      if (Number(group.inUse) >= maxInstances) {
        const plural = maxInstances === 1 ? "environment" : "environments";
        await setWaitingMessage(
          ctx.db,
          group.configurationId,
          `Waiting for a free environment: configuration '${group.name}' allows ${maxInstances} ${plural} at a time, all in use.`,
        );
        continue;
      }
      if (group.candidate === null) continue;
      eligible.push({ candidate: group.candidate, load: Number(group.load), served: timeOf(group.lastStart), oldest: timeOf(group.oldest) });
    }
    eligible.sort((a, b) => a.load - b.load || a.served - b.served || a.oldest - b.oldest);
    const choice = eligible[0];
    if (!choice) return null;
    try {
      return await transitionJob(ctx.db, ctx.bus, {
        jobId: choice.candidate,
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

/** A raw SQLite timestamp (epoch milliseconds or ISO text, as the adapter stores it) in ms; 0 for none. */
function timeOf(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number" || typeof value === "bigint") return Number(value);
  const parsed = Date.parse(String(value));
  return Number.isNaN(parsed) ? 0 : parsed;
}
