/**
 * Recovery: a job whose runner is gone (a crash, a kill, a lost machine) is finalised as
 * FAILED with a message that says its runner was lost; it never runs twice. Its orphaned
 * processes are killed, its partial outputs and executed notebook go to the output folder,
 * and its working directory is removed.
 *
 * When is a runner gone? When its lease expired (it stopped renewing it), or, at once, when
 * its lease owner names a process of this machine that no longer exists (runner-identity.ts):
 * a server restarted after SIGKILL recovers its previous instance's jobs at start, without
 * waiting a full lease. A recovering runner first takes the lease over with a
 * compare-and-set, so two runners never recover the same job.
 */
import { transitionJob, type Job } from "@jobmanager/db";
import { InvalidTransitionError } from "@jobmanager/domain";
import type { EngineContext } from "./engine-context";
import { defaultWorkDir, markEnvironment, removeWorkingDirectory, workingDirectory } from "./environment";
import { describe } from "./messages";
import { killEnvironmentProcesses } from "./orphans";
import { storeResults } from "./results";
import { isOwnerProvablyDead } from "./runner-identity";

export const LOST_RUNNER_MESSAGE = "The job's runner was lost";

export async function recoverLostJobs(ctx: EngineContext, recoverer: string, leaseMs: number, now = new Date()): Promise<number> {
  // Held by another runner: this runner's own jobs are alive by definition.
  const active = await ctx.db.job.findMany({
    where: { status: { in: ["STARTING", "RUNNING", "STOPPING"] }, leaseOwner: { not: null }, NOT: { leaseOwner: recoverer } },
  });
  let recovered = 0;
  for (const job of active) {
    const expired = job.leaseExpiresAt !== null && job.leaseExpiresAt < now;
    const dead = isOwnerProvablyDead(job.leaseOwner);
    if (!expired && !dead) continue;
    const { count } = await ctx.db.job.updateMany({
      where: { id: job.id, leaseOwner: job.leaseOwner, status: job.status },
      data: { leaseOwner: recoverer, leaseExpiresAt: new Date(now.getTime() + leaseMs) },
    });
    if (count === 0) continue; // another runner took it over first
    const reason = dead ? "its process is gone" : "it stopped renewing its lease";
    const message = `${LOST_RUNNER_MESSAGE} [runner ${job.leaseOwner} ${reason}]`;
    const retry = job.status !== "STOPPING" && job.attempt <= job.retries;
    if (await (retry ? retryJob(ctx, job, message) : recoverJob(ctx, job, message))) recovered++;
  }
  return recovered;
}

/** The job's Environment row (null when it never got one) and its directory. */
async function environmentOf(ctx: EngineContext, job: Job) {
  const environment = await ctx.db.environment.findUnique({ where: { id: job.environmentId } });
  return { environment, dir: workingDirectory(job.environmentId, environment?.workDir ?? defaultWorkDir(ctx, job)) };
}

async function retryJob(ctx: EngineContext, job: Job, message: string): Promise<boolean> {
  const { environment, dir } = await environmentOf(ctx, job);
  killEnvironmentProcesses(job.environmentId, dir.workDir);
  await removeWorkingDirectory(dir);
  if (environment) await markEnvironment(ctx, environment.id, "FAILED").catch(() => undefined);
  await ctx.db.paragraphRun.deleteMany({ where: { jobId: job.id } });
  const next = job.attempt + 1;
  try {
    await transitionJob(ctx.db, ctx.bus, {
      jobId: job.id,
      to: "SUBMITTED",
      message: `${message}; running it again (attempt ${next} of ${job.retries + 1}).`,
      data: { attempt: next },
    });
    ctx.logger.warn({ jobId: job.id, attempt: next }, "retrying the job of a lost runner");
    return true;
  } catch (error) {
    if (error instanceof InvalidTransitionError) return false;
    throw error;
  }
}

async function recoverJob(ctx: EngineContext, job: Job, message: string): Promise<boolean> {
  const { environment, dir } = await environmentOf(ctx, job);
  const killed = killEnvironmentProcesses(job.environmentId, dir.workDir);
  const finishedAt = new Date();
  await ctx.db.paragraphRun.updateMany({ where: { jobId: job.id, status: "RUNNING" }, data: { status: "ABORT", finishedAt } });
  await ctx.db.paragraphRun.updateMany({ where: { jobId: job.id, status: "PENDING" }, data: { status: "READY" } });
  let finalMessage = message;
  try {
    const stored = await storeResults(ctx, job, dir);
    ctx.logger.info({ jobId: job.id, killed, stored }, "recovered the job of a lost runner");
  } catch (error) {
    finalMessage = `${message} Unable to store outputs [${describe(error)}]`;
  }
  await removeWorkingDirectory(dir).catch(() => undefined);
  if (environment) await markEnvironment(ctx, environment.id, "FAILED").catch(() => undefined);
  try {
    await transitionJob(ctx.db, ctx.bus, { jobId: job.id, to: "FAILED", message: finalMessage });
    return true;
  } catch (error) {
    if (error instanceof InvalidTransitionError) return false;
    throw error;
  }
}
