/**
 * The runner: claims SUBMITTED jobs up to its concurrency and runs each to a final status.
 * It wakes at once when a job is submitted or an environment frees up (bus events), renews
 * the leases of its jobs by heartbeat, stops a job of its own as soon as it is STOPPING (bus
 * event in this process; at the heartbeat when another process asked), and recovers jobs
 * whose runner was lost. At the heartbeat it also sweeps /proc, once for all environments
 * ended since the last one, for processes that left their interpreter's process group; it
 * keeps pre-started %python drivers ready (python-pool.ts) and closes them when it stops.
 */
import os from "node:os";
import { transitionJob } from "@jobmanager/db";
import { isFinal, type JobStatus } from "@jobmanager/domain";
import { claimNextJob } from "./claim";
import { interpreterWrapper } from "./interpreter-sandbox";
import { killProcessesOf } from "./orphans";
import { createPythonPool } from "./python-pool";
import type { EngineContext } from "./engine-context";
import { recoverLostJobs } from "./recovery";
import { runJob } from "./run-job";
import { createRunnerIdentity } from "./runner-identity";

export interface RunnerOptions {
  /** Environments run at once by this runner. Default: the number of CPUs. */
  concurrency?: number;
  /** How long a claim stays valid without a heartbeat. Default 30 s. */
  leaseMs?: number;
  /** Pre-started %python drivers kept ready per sandbox setting (python-pool.ts). Default 2; 0: none. */
  pythonPoolSize?: number;
}

export interface Runner {
  /** The lease owner written on the jobs it holds (see runner-identity.ts). */
  readonly id: string;
  start(): void;
  /**
   * Stops claiming; running paragraphs get `graceMs` to finish (default: wait for the jobs
   * to end), then their jobs are stopped (STOPPING → STOPPED, outputs kept). Resolves when
   * every job of this runner has a final status.
   */
  stop(graceMs?: number): Promise<void>;
}

export function createRunner(context: EngineContext, options: RunnerOptions = {}): Runner {
  const id = createRunnerIdentity().owner;
  const pythonPool = createPythonPool({
    size: options.pythonPoolSize ?? 2,
    workRoot: context.workRoot,
    wrapperFor: (workDir, limits) => interpreterWrapper(context.sandbox, workDir, limits),
    logger: context.logger,
  });
  const ctx: EngineContext = { ...context, pythonPool };
  const concurrency = options.concurrency ?? os.availableParallelism();
  const leaseMs = options.leaseMs ?? 30_000;
  const running = new Map<string, { done: Promise<void>; stop: AbortController }>();
  const drain = new AbortController();
  let stopped = true;
  let pumping = false;
  let again = false;
  let unsubscribe = () => {};
  let timer: NodeJS.Timeout | undefined;
  /** Environments ended since the last sweep for processes that escaped their groups. */
  let ended: { environmentId: string; workDir: string }[] = [];
  const sweep = () => {
    if (ended.length === 0) return;
    const environments = ended;
    ended = [];
    const killed = killProcessesOf(environments);
    if (killed > 0) ctx.logger.warn({ killed }, "killed processes left behind by ended environments");
  };

  async function pump(): Promise<void> {
    if (pumping) {
      again = true; // a wake-up while claiming: look once more when done
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped && running.size < concurrency) {
          const job = await claimNextJob(ctx, id, leaseMs);
          if (!job) break;
          const stop = new AbortController();
          const done = runJob(ctx, job, { stop: stop.signal, drain: drain.signal, ended: (environment) => ended.push(environment) })
            .catch((error) => ctx.logger.error({ jobId: job.id, err: error }, "runner could not finish job"))
            .finally(() => {
              running.delete(job.id);
              void pump();
              setImmediate(() => pythonPool.refill()); // after the next claim got going
            });
          running.set(job.id, { done, stop });
        }
      } while (again && !stopped);
    } catch (error) {
      ctx.logger.error({ err: error }, "claiming failed");
    } finally {
      pumping = false;
    }
  }

  async function tick(): Promise<void> {
    try {
      sweep();
      const expiresAt = new Date(Date.now() + leaseMs);
      if (running.size > 0) {
        const ids = [...running.keys()];
        await ctx.db.job.updateMany({ where: { id: { in: ids }, leaseOwner: id }, data: { leaseExpiresAt: expiresAt } });
        // A stop asked for through another process reaches us here.
        const stopping = await ctx.db.job.findMany({ where: { id: { in: ids }, status: "STOPPING" }, select: { id: true } });
        for (const job of stopping) running.get(job.id)?.stop.abort();
      }
      await recoverLostJobs(ctx, id, leaseMs);
      if (!stopped) await pump();
    } catch (error) {
      ctx.logger.error({ err: error }, "runner heartbeat failed");
    }
  }

  return {
    id,
    start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe = ctx.bus.subscribe((event) => {
        if (event.type !== "job.updated") return;
        if (event.job.status === "STOPPING") running.get(event.job.id)?.stop.abort();
        // At the next turn: the event's other subscribers (graphql-ws clients, the REST
        // response) are served first instead of waiting behind the claim's queries.
        const status = event.job.status as JobStatus;
        if (status === "SUBMITTED" || isFinal(status)) setImmediate(() => void pump());
      });
      timer = setInterval(() => void tick(), Math.max(100, Math.floor(leaseMs / 3)));
      void tick();
    },
    async stop(graceMs) {
      stopped = true;
      const all = () => Promise.allSettled([...running.values()].map((run) => run.done));
      if (graceMs !== undefined && running.size > 0) {
        drain.abort(); // running paragraphs may finish; no further paragraph starts
        const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
        await Promise.race([all(), grace]);
        for (const [jobId, run] of running) {
          ctx.logger.warn({ jobId }, "shutting down: stopping the job");
          await requestStop(ctx, jobId);
          run.stop.abort();
        }
      }
      await all();
      unsubscribe();
      clearInterval(timer);
      await pythonPool.close();
      sweep();
    },
  };
}

/** Moves the job to STOPPING (if it is not final yet), so that it ends STOPPED. */
async function requestStop(ctx: EngineContext, jobId: string): Promise<void> {
  try {
    await transitionJob(ctx.db, ctx.bus, { jobId, to: "STOPPING", message: "Stopping: the server is shutting down." });
  } catch {
    // already final or already stopping
  }
}
