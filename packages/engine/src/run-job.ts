/**
 * The lifecycle of one claimed job: STARTING (environment, input staging, model import) →
 * RUNNING (paragraphs) → outputs uploaded → environment stopped → SUCCEEDED | FAILED, or,
 * once a stop was asked for (`stop` aborted, the job is STOPPING), → STOPPED.
 * Whatever happens, outputs produced so far are uploaded and the environment is stopped
 * before the final status is written, so a client that sees a final status finds the results.
 */
import { transitionJob, type Job } from "@jobmanager/db";
import { InvalidTransitionError, type JobStatus, type Notebook } from "@jobmanager/domain";
import { runSettingsOf } from "./configuration";
import type { EngineContext } from "./engine-context";
import { markEnvironment, removeWorkingDirectory, stageInput, startEnvironment, type WorkingDirectory } from "./environment";
import { describeFailures, describeParagraph, executeNotebook, type ExecutionResult } from "./execute-notebook";
import { importModel } from "./import-model";
import { interpreterWrapper } from "./interpreter-sandbox";
import { canonicalInterpreter } from "./interpreters";
import { chain, describe } from "./messages";
import { storeResults } from "./results";
import type { WarmPython } from "./python-pool";

type Outcome = { status: "SUCCEEDED" | "FAILED" | "STOPPED"; message: string };

export const STOPPED_MESSAGE = "Stopped on request.";

export interface JobSignals {
  /** Aborted when the job is STOPPING: interrupt the running paragraph. */
  stop: AbortSignal;
  /** Aborted when the server shuts down: finish the running paragraph, start no other. */
  drain?: AbortSignal;
  /**
   * Told about the environment once its processes were ended by their process groups; the
   * runner sweeps /proc for escapees of such environments in one scan at its heartbeat.
   */
  ended?: (environment: { environmentId: string; workDir: string }) => void;
}

export async function runJob(ctx: EngineContext, job: Job, signals: JobSignals = { stop: new AbortController().signal }): Promise<void> {
  const { stop, drain } = signals;
  const log = (details: object, message: string) => ctx.logger.info({ jobId: job.id, ...details }, message);
  let dir: WorkingDirectory | undefined;
  let outcome: Outcome;

  let warm: WarmPython | null = null;
  try {
    const configuration = await ctx.db.environmentConfiguration.findUniqueOrThrow({ where: { id: job.configurationId } });
    const settings = runSettingsOf(configuration);
    // The model first, so that a notebook with %python can take a warm driver (and its
    // directory); a failed import is reported after a failed environment start, as before.
    const imported = await importModel(ctx, job).then(
      (notebook) => ({ notebook }),
      (error: unknown) => ({ error }),
    );
    if ("notebook" in imported && usesPython(imported.notebook, settings.interpreters) && warmDriverFits(settings.variables)) {
      warm = ctx.pythonPool?.take(settings) ?? null;
    }
    try {
      dir = await startEnvironment(ctx, job, warm ?? undefined);
      const staged = await stageInput(ctx, job, dir);
      log({ environmentId: dir.environmentId, staged, warmPython: warm !== null }, "environment started");
    } catch (error) {
      throw new FatalJobError(chain("Failed to start environment", error));
    }
    if ("error" in imported) throw new FatalJobError(chain("Unable to import model", imported.error));
    const notebook = imported.notebook;

    if (stop.aborted || drain?.aborted) throw new StoppedError();
    await markEnvironment(ctx, dir.environmentId, "RUNNING");
    try {
      await transitionJob(ctx.db, ctx.bus, { jobId: job.id, from: "STARTING", to: "RUNNING", message: "Started notebook execution." });
    } catch (error) {
      if (error instanceof InvalidTransitionError) throw new StoppedError(); // stopped meanwhile
      throw error;
    }
    const wrapCommand = await interpreterWrapper(ctx.sandbox, dir.workDir, settings);
    const result = await executeNotebook(ctx, job, notebook, dir, {
      ...settings,
      stop,
      ...(drain ? { drain } : {}),
      ...(wrapCommand ? { wrapCommand } : {}),
      ...(warm ? { warmPython: warm.interpreter } : {}),
    });
    outcome = outcomeOf(result);
  } catch (error) {
    if (error instanceof StoppedError) outcome = { status: "STOPPED", message: STOPPED_MESSAGE };
    else {
      outcome = { status: "FAILED", message: error instanceof FatalJobError ? error.message : chain("Job execution failed", error) };
      ctx.logger.error({ jobId: job.id, err: error }, "job failed");
    }
  }

  // Closed with the notebook's interpreters already, unless the notebook never started.
  await warm?.interpreter.close();
  if (dir) {
    // The interpreters killed their process groups; a process that left its group (setsid)
    // is found by the runner's sweep (one /proc scan for all ended environments).
    signals.ended?.({ environmentId: dir.environmentId, workDir: dir.workDir });
    try {
      const uploaded = await storeResults(ctx, job, dir);
      log({ uploaded }, "outputs stored");
    } catch (error) {
      outcome = { ...outcome, status: outcome.status === "STOPPED" ? "STOPPED" : "FAILED", message: join(outcome.message, chain("Unable to store outputs", error)) };
    }
    try {
      await removeWorkingDirectory(dir);
      await markEnvironment(ctx, dir.environmentId, "STOPPED");
    } catch (error) {
      ctx.logger.error({ jobId: job.id, err: describe(error) }, "environment stop failed");
      outcome = { status: "FAILED", message: join(outcome.message, "Error while stopping environment") };
    }
  }
  await finish(ctx, job, outcome, signals);
  log({ status: outcome.status }, "job finished");
}

/** Writes the final status; a job that was stopped meanwhile ends STOPPED whatever it did. */
async function finish(ctx: EngineContext, job: Job, outcome: Outcome, { stop }: JobSignals): Promise<void> {
  const current = await ctx.db.job.findUniqueOrThrow({ where: { id: job.id }, select: { status: true } });
  if (outcome.status === "STOPPED" && current.status !== "STOPPING" && !stop.aborted) {
    // Drained at shutdown: the job ends as if it had been stopped (via STOPPING).
    await transitionJob(ctx.db, ctx.bus, { jobId: job.id, to: "STOPPING", message: "Stopping: the server is shutting down." });
    await transitionJob(ctx.db, ctx.bus, { jobId: job.id, to: "STOPPED", message: "Stopped: the server shut down." });
    return;
  }
  if (current.status === "STOPPING" || stop.aborted) {
    const message = outcome.status === "FAILED" ? join(STOPPED_MESSAGE, outcome.message) : STOPPED_MESSAGE;
    await transitionJob(ctx.db, ctx.bus, { jobId: job.id, to: "STOPPED", message });
    return;
  }
  try {
    // `from`: the status just read, so the transition needs no second read.
    const from = current.status as JobStatus;
    await transitionJob(ctx.db, ctx.bus, { jobId: job.id, from, to: outcome.status === "STOPPED" ? "FAILED" : outcome.status, message: outcome.message });
  } catch (error) {
    // A stop arrived between the read and the write: the job ends STOPPED.
    if (!(error instanceof InvalidTransitionError)) throw error;
    await transitionJob(ctx.db, ctx.bus, { jobId: job.id, to: "STOPPED", message: STOPPED_MESSAGE });
  }
}

function outcomeOf({ failures, end }: ExecutionResult): Outcome {
  switch (end.kind) {
    case "stopped":
      return { status: "STOPPED", message: STOPPED_MESSAGE };
    case "timedOut": {
      const aborted = end.paragraph ? `; ${describeParagraph(end.paragraph)} was aborted` : "";
      const message = `The maximum execution time of ${end.limitSeconds} seconds (maximumExecutionTimeInSeconds) was used up${aborted}`;
      return { status: "FAILED", message: failures.length > 0 ? `${message}; ${describeFailures(failures)}` : message };
    }
    case "completed":
      return failures.length === 0
        ? { status: "SUCCEEDED", message: "Finished notebook execution." }
        : { status: "FAILED", message: describeFailures(failures) };
  }
}

/** Whether the notebook has an enabled %python paragraph that the configuration allows. */
function usesPython(notebook: Notebook, interpreters: string[]): boolean {
  if (!interpreters.some((name) => canonicalInterpreter(name) === "python")) return false;
  return notebook.paragraphs.some((p) => p.enabled && canonicalInterpreter(p.interpreter) === "python");
}

/**
 * A warm driver started without the configuration's variables; those that python reads only
 * at its start (PYTHONPATH, locale, TZ, loader) would not take effect, so such a
 * configuration starts its own driver.
 */
function warmDriverFits(variables: Record<string, string>): boolean {
  return !Object.keys(variables).some((name) => /^(PYTHON|LC_|LD_)/.test(name) || name === "LANG" || name === "TZ");
}

/** An error whose message is already the job's final message chain. */
class FatalJobError extends Error {}
/** The job was stopped before its notebook started. */
class StoppedError extends Error {}

function join(message: string, more: string): string {
  return message && !message.startsWith("Finished") ? `${message} ${more}` : more;
}
