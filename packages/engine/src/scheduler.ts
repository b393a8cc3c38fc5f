/**
 * The scheduler: at each tick, every RUNNING schedule whose latest fire time (at or before
 * now) is newer than the last one dealt with gets one job for that fire time. Exactly once,
 * however many schedulers share the database: the job and its ScheduleFiring row (primary key
 * schedule + fire time) are written in one transaction, so a second scheduler's attempt
 * fails on the key and creates nothing. A fire time missed while no scheduler ran fires once
 * when one starts again (or is skipped, by configuration); older missed ones never fire.
 */
import { createJob, isUniqueViolation, resolveJobParameters, type Db, type EventBus, type Schedule } from "@jobmanager/db";
import { AppError, parseCron } from "@jobmanager/domain";
import type { Logger } from "./logger";

export interface SchedulerOptions {
  /** The clock; tests pass a fake one. Default: the system clock. */
  now?: () => Date;
  /** How often to look for due schedules. Default 1 s. */
  intervalMs?: number;
  /** What to do with a fire time that passed while no scheduler ran. Default "fire-once". */
  missedFirings?: "fire-once" | "skip";
  /** A fire time later than this is "missed" rather than merely a little late. Default 60 s. */
  graceMs?: number;
}

export interface Scheduler {
  start(): void;
  stop(): void;
  /** Fires what is due now; returns the number of jobs this call created. */
  tick(): Promise<number>;
}

export function createScheduler(ctx: { db: Db; bus: EventBus; logger: Logger }, options: SchedulerOptions = {}): Scheduler {
  const now = options.now ?? (() => new Date());
  const graceMs = options.graceMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<number> | null = null;

  async function fire(schedule: Schedule, fireTime: Date): Promise<boolean> {
    const dealtWith = dealtWithUpdate(schedule, fireTime);
    try {
      const parameters = {
        modelId: schedule.modelId,
        configurationId: schedule.configurationId,
        inputFolderId: schedule.inputFolderId,
        outputFolderId: schedule.outputFolderId,
        maximumExecutionTimeInSeconds: schedule.maximumExecutionTime,
        retries: 0,
      };
      const newJob = await resolveJobParameters(ctx.db, schedule, parameters);
      await createJob(ctx.db, ctx.bus, newJob, async (tx, job) => {
        await tx.scheduleFiring.create({ data: { scheduleId: schedule.id, fireTime, jobId: job.id } });
        await tx.schedule.updateMany(dealtWith);
      });
      ctx.logger.info({ scheduleId: schedule.id, fireTime }, "schedule fired");
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false; // another scheduler fired this one
      if (!(error instanceof AppError)) throw error;
      // The schedule names something that is gone: record the firing with its reason.
      ctx.logger.warn({ scheduleId: schedule.id, fireTime, err: error.message }, "schedule could not start its job");
      await ctx.db
        .$transaction([ctx.db.scheduleFiring.create({ data: { scheduleId: schedule.id, fireTime, error: error.message } }), ctx.db.schedule.updateMany(dealtWith)])
        .catch((e) => {
          if (!isUniqueViolation(e)) throw e;
        });
      return false;
    }
  }

  async function tickOnce(): Promise<number> {
    const at = now();
    const schedules = await ctx.db.schedule.findMany({ where: { status: "RUNNING" } });
    let fired = 0;
    for (const schedule of schedules) {
      let latest: Date | null;
      try {
        latest = parseCron(schedule.scheduleString, schedule.timezone).latest(at);
      } catch (error) {
        ctx.logger.error({ scheduleId: schedule.id, err: (error as Error).message }, "schedule has an invalid cron string");
        continue;
      }
      const since = schedule.lastFireTime ?? schedule.createdAt;
      if (!latest || latest.getTime() <= since.getTime()) continue;
      const missed = at.getTime() - latest.getTime() > graceMs;
      if (missed && options.missedFirings === "skip") {
        await ctx.db.schedule.updateMany(dealtWithUpdate(schedule, latest));
        continue;
      }
      if (await fire(schedule, latest)) fired++;
    }
    return fired;
  }

  const tick = (): Promise<number> => {
    // one tick at a time per scheduler; a second call waits for the running one
    ticking ??= tickOnce().finally(() => (ticking = null));
    return ticking;
  };

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => tick().catch((error) => ctx.logger.error({ err: error }, "scheduler tick failed")), options.intervalMs ?? 1000);
      void tick().catch((error) => ctx.logger.error({ err: error }, "scheduler tick failed"));
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    tick,
  };
}

/** Records that the schedule's fire time was dealt with, unless a later one already was. */
function dealtWithUpdate(schedule: Schedule, fireTime: Date) {
  return { where: { id: schedule.id, OR: [{ lastFireTime: null }, { lastFireTime: { lt: fireTime } }] }, data: { lastFireTime: fireTime } };
}
