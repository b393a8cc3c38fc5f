/**
 * The runner: claims SUBMITTED jobs up to its concurrency and runs each to a final status.
 * It wakes at once when a job is submitted or an environment frees up (bus events), renews
 * the leases of its jobs by heartbeat, and sweeps up jobs whose runner was lost.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { claimNextJob } from "./claim";
import type { EngineContext } from "./engine-context";
import { failJobsOfLostRunners } from "./recovery";
import { runJob } from "./run-job";

export interface RunnerOptions {
  /** Environments run at once by this runner. Default: the number of CPUs. */
  concurrency?: number;
  /** How long a claim stays valid without a heartbeat. Default 30 s. */
  leaseMs?: number;
}

export interface Runner {
  readonly id: string;
  start(): void;
  /** Stops claiming and waits for the running jobs to end. */
  stop(): Promise<void>;
}

export function createRunner(ctx: EngineContext, options: RunnerOptions = {}): Runner {
  const id = `runner-${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? os.availableParallelism();
  const leaseMs = options.leaseMs ?? 30_000;
  const running = new Map<string, Promise<void>>();
  let stopped = true;
  let pumping = false;
  let again = false;
  let unsubscribe = () => {};
  let timer: NodeJS.Timeout | undefined;

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
          const run = runJob(ctx, job)
            .catch((error) => ctx.logger.error({ jobId: job.id, err: error }, "runner could not finish job"))
            .finally(() => {
              running.delete(job.id);
              void pump();
            });
          running.set(job.id, run);
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
      const expiresAt = new Date(Date.now() + leaseMs);
      if (running.size > 0) {
        await ctx.db.job.updateMany({ where: { id: { in: [...running.keys()] }, leaseOwner: id }, data: { leaseExpiresAt: expiresAt } });
      }
      await failJobsOfLostRunners(ctx);
      await pump();
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
        if (event.type === "job.updated" && ["SUBMITTED", "SUCCEEDED", "FAILED", "STOPPED"].includes(event.job.status)) {
          void pump();
        }
      });
      timer = setInterval(() => void tick(), Math.max(100, Math.floor(leaseMs / 3)));
      void tick();
    },
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}
