/**
 * The lifecycle of one claimed job: STARTING (environment, input staging, model import) →
 * RUNNING (paragraphs) → outputs uploaded → environment stopped → SUCCEEDED | FAILED.
 * Whatever happens, outputs produced so far are uploaded and the environment is stopped
 * before the final status is written, so a client that sees a final status finds the results.
 */
import { transitionJob, type Job } from "@jobmanager/db";
import type { Notebook } from "@jobmanager/domain";
import { runSettingsOf } from "./configuration";
import type { EngineContext } from "./engine-context";
import {
  collectOutputs,
  markEnvironment,
  removeWorkingDirectory,
  stageInput,
  startEnvironment,
  type WorkingDirectory,
} from "./environment";
import { describeFailures, executeNotebook } from "./execute-notebook";
import { importModel } from "./import-model";
import { chain, describe } from "./messages";

export async function runJob(ctx: EngineContext, job: Job): Promise<void> {
  const log = (details: object, message: string) => ctx.logger.info({ jobId: job.id, ...details }, message);
  let dir: WorkingDirectory | undefined;
  let outcome: { status: "SUCCEEDED" | "FAILED"; message: string };

  try {
    const configuration = await ctx.db.environmentConfiguration.findUniqueOrThrow({ where: { id: job.configurationId } });
    const settings = runSettingsOf(configuration);
    try {
      dir = await startEnvironment(ctx, job);
      const staged = await stageInput(ctx, job, dir);
      log({ environmentId: dir.environmentId, staged }, "environment started");
    } catch (error) {
      throw new FatalJobError(chain("Failed to start environment", error));
    }

    let notebook: Notebook;
    try {
      notebook = await importModel(ctx, job);
    } catch (error) {
      throw new FatalJobError(chain("Unable to import model", error));
    }

    await markEnvironment(ctx, dir.environmentId, "RUNNING");
    await transitionJob(ctx.db, ctx.bus, { jobId: job.id, to: "RUNNING", message: "Started notebook execution." });
    const failures = await executeNotebook(ctx, job, notebook, dir, settings);
    outcome =
      failures.length === 0
        ? { status: "SUCCEEDED", message: "Finished notebook execution." }
        : { status: "FAILED", message: describeFailures(failures) };
  } catch (error) {
    outcome = { status: "FAILED", message: error instanceof FatalJobError ? error.message : chain("Job execution failed", error) };
    ctx.logger.error({ jobId: job.id, err: error }, "job failed");
  }

  if (dir) {
    try {
      const uploaded = await collectOutputs(ctx, job, dir);
      log({ uploaded }, "outputs stored");
    } catch (error) {
      outcome = { status: "FAILED", message: join(outcome.message, chain("Unable to store outputs", error)) };
    }
    try {
      await removeWorkingDirectory(dir);
      await markEnvironment(ctx, dir.environmentId, "STOPPED");
    } catch (error) {
      ctx.logger.error({ jobId: job.id, err: describe(error) }, "environment stop failed");
      outcome = { status: "FAILED", message: join(outcome.message, "Error while stopping environment") };
    }
  }
  await transitionJob(ctx.db, ctx.bus, { jobId: job.id, to: outcome.status, message: outcome.message });
  log({ status: outcome.status }, "job finished");
}

/** An error whose message is already the job's final message chain. */
class FatalJobError extends Error {}

function join(message: string, more: string): string {
  return message && !message.startsWith("Finished") ? `${message} ${more}` : more;
}
