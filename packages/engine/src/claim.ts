/**
 * Claiming: the jobs table is the queue. Per configuration it is FIFO (the oldest SUBMITTED
 * job first); across configurations the runner picks the one whose tenant has the fewest
 * active jobs, then the tenant served least recently, then the oldest job, so one tenant's
 * thousand queued jobs do not starve another tenant's single job (round robin per tenant). A configuration with all `maxInstances` environments in use is
 * skipped, and its waiting jobs say so in their message. The move to STARTING goes through
 * the state machine's compare-and-set, so of two runners racing for one job exactly one
 * wins; the loser tries again.
 */
import { setWaitingMessage, transitionJob, type Job } from "@jobmanager/db";
import { InvalidTransitionError } from "@jobmanager/domain";
import type { EngineContext } from "./engine-context";

const ACTIVE = ["STARTING", "RUNNING", "STOPPING"];

export async function claimNextJob(ctx: EngineContext, runnerId: string, leaseMs: number): Promise<Job | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const queued = await ctx.db.job.groupBy({
      by: ["tenantId", "configurationId"],
      where: { status: "SUBMITTED" },
      _min: { createdAt: true },
    });
    if (queued.length === 0) return null;
    const configurationIds = [...new Set(queued.map((q) => q.configurationId))];
    const tenantIds = [...new Set(queued.map((q) => q.tenantId))];
    const [configurations, activeByConfiguration, activeByTenant, lastStartByTenant] = await Promise.all([
      ctx.db.environmentConfiguration.findMany({ where: { id: { in: configurationIds } }, select: { id: true, name: true, maxInstances: true } }),
      ctx.db.job.groupBy({ by: ["configurationId"], where: { status: { in: ACTIVE }, configurationId: { in: configurationIds } }, _count: { _all: true } }),
      ctx.db.job.groupBy({ by: ["tenantId"], where: { status: { in: ACTIVE } }, _count: { _all: true } }),
      ctx.db.job.groupBy({ by: ["tenantId"], where: { tenantId: { in: tenantIds }, startedAt: { not: null } }, _max: { startedAt: true } }),
    ]);
    const lastStart = new Map(lastStartByTenant.map((l) => [l.tenantId, l._max.startedAt?.getTime() ?? 0]));
    const busy = new Map(activeByConfiguration.map((a) => [a.configurationId, a._count._all]));
    const tenantLoad = new Map(activeByTenant.map((a) => [a.tenantId, a._count._all]));
    const eligible = [];
    for (const group of queued) {
      const configuration = configurations.find((c) => c.id === group.configurationId);
      if (!configuration) continue;
      const inUse = busy.get(configuration.id) ?? 0;
      if (inUse >= configuration.maxInstances) {
        const plural = configuration.maxInstances === 1 ? "environment" : "environments";
        await setWaitingMessage(
          ctx.db,
          configuration.id,
          `Waiting for a free environment: configuration '${configuration.name}' allows ${configuration.maxInstances} ${plural} at a time, all in use.`,
        );
        continue;
      }
      eligible.push({
        configurationId: group.configurationId,
        load: tenantLoad.get(group.tenantId) ?? 0,
        served: lastStart.get(group.tenantId) ?? 0,
        oldest: group._min.createdAt?.getTime() ?? 0,
      });
    }
    eligible.sort((a, b) => a.load - b.load || a.served - b.served || a.oldest - b.oldest);
    const choice = eligible[0];
    if (!choice) return null;
    const candidate = await ctx.db.job.findFirst({
      where: { status: "SUBMITTED", configurationId: choice.configurationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    if (!candidate) continue;
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
