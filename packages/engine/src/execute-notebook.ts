/**
 * Runs a notebook's paragraphs in order and records each one as a ParagraphRun: status,
 * typed results, error and timing. A failed paragraph does not stop the run unless the note
 * asks for that; the caller turns the failures into the job's final status.
 *
 * Two things end a run early: a stop (the `stop` signal) and the time budget
 * (`maximumExecutionTimeInSeconds`, counted over paragraph execution only). Either aborts the
 * running paragraph (status ABORT, its output kept) and leaves the later ones unstarted
 * (READY).
 */
import type { Job } from "@jobmanager/db";
import type { Notebook, Paragraph } from "@jobmanager/domain";
import type { EngineContext } from "./engine-context";
import type { WorkingDirectory } from "./environment";
import { createInterpreterSet, type PythonInterpreter } from "./interpreters";
import { lastLine } from "./messages";
import { createOutputPublisher } from "./output-publisher";

export interface ParagraphFailure {
  paragraph: Paragraph;
  error: string;
}

/** How the run ended; failures are listed in any case. */
export type ExecutionEnd =
  | { kind: "completed" }
  | { kind: "stopped" }
  | { kind: "timedOut"; limitSeconds: number; paragraph: Paragraph | null };

export interface ExecutionResult {
  failures: ParagraphFailure[];
  end: ExecutionEnd;
}

export interface ExecutionOptions {
  interpreters: string[];
  variables: Record<string, string>;
  /** Aborted when the job is to stop. */
  stop: AbortSignal;
  /** Aborted when the server shuts down: the running paragraph may finish, no other starts. */
  drain?: AbortSignal;
  /** Wraps interpreter processes (sandbox, limits); see InterpreterContext.wrapCommand. */
  wrapCommand?: (argv: string[]) => string[];
  /** A pre-started %python driver in the environment's directory (python-pool.ts). */
  warmPython?: PythonInterpreter;
}

export async function executeNotebook(
  ctx: EngineContext,
  job: Job,
  notebook: Notebook,
  dir: WorkingDirectory,
  options: ExecutionOptions,
): Promise<ExecutionResult> {
  await ctx.db.paragraphRun.createMany({
    data: notebook.paragraphs.map((p) => ({
      jobId: job.id,
      index: p.index,
      paragraphId: p.id,
      title: p.title,
      interpreter: p.interpreter,
      text: p.text,
      status: p.enabled ? "PENDING" : "READY",
    })),
  });

  const output = createOutputPublisher(ctx.bus, job.id);
  let current = -1;
  const interpreters = createInterpreterSet(
    {
      workDir: dir.workDir,
      inputDir: dir.inputDir,
      outputDir: dir.outputDir,
      environmentId: dir.environmentId,
      variables: options.variables,
      interruptGraceMs: ctx.interruptGraceMs,
      onOutput: (text) => output.write(current, text),
      ...(options.wrapCommand ? { wrapCommand: options.wrapCommand } : {}),
    },
    options.interpreters,
    options.warmPython,
  );
  const budgetMs = job.maximumExecutionTimeInSeconds * 1000;
  let usedMs = 0;
  const failures: ParagraphFailure[] = [];
  let end: ExecutionEnd = { kind: "completed" };
  try {
    for (const paragraph of notebook.paragraphs) {
      if (!paragraph.enabled) continue;
      if (failures.length > 0 && notebook.stopOnError) break;
      if (options.stop.aborted || options.drain?.aborted) {
        end = { kind: "stopped" };
        break;
      }
      if (usedMs >= budgetMs) {
        end = { kind: "timedOut", limitSeconds: job.maximumExecutionTimeInSeconds, paragraph: null };
        break;
      }
      const where = { jobId_index: { jobId: job.id, index: paragraph.index } };
      const startedAt = new Date();
      await ctx.db.paragraphRun.update({ where, data: { status: "RUNNING", startedAt } });
      current = paragraph.index;

      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), Math.min(budgetMs - usedMs, 2 ** 31 - 1));
      const signal = AbortSignal.any([options.stop, timeout.signal]);
      const outcome = await interpreters.run({ interpreter: paragraph.interpreter, code: paragraph.code }, { signal });
      clearTimeout(timer);
      output.flush();
      const finishedAt = new Date();
      usedMs += finishedAt.getTime() - startedAt.getTime();

      const aborted = signal.aborted;
      await ctx.db.paragraphRun.update({
        where,
        data: {
          status: aborted ? "ABORT" : outcome.status,
          results: JSON.stringify(outcome.results),
          error: outcome.error,
          finishedAt,
          durationMs: finishedAt.getTime() - startedAt.getTime(),
        },
      });
      if (options.stop.aborted || options.drain?.aborted) {
        end = { kind: "stopped" };
        break;
      }
      if (timeout.signal.aborted) {
        end = { kind: "timedOut", limitSeconds: job.maximumExecutionTimeInSeconds, paragraph };
        break;
      }
      if (outcome.status === "ERROR") failures.push({ paragraph, error: outcome.error ?? "failed" });
    }
  } finally {
    output.close();
    await interpreters.close();
    // Paragraphs that never started are not pending any more.
    await ctx.db.paragraphRun.updateMany({ where: { jobId: job.id, status: "PENDING" }, data: { status: "READY" } });
  }
  return { failures, end };
}

/** `Paragraph 2 "Totals" failed [ZeroDivisionError: division by zero]`, one per failure. */
export function describeFailures(failures: ParagraphFailure[]): string {
  return failures
    .map(({ paragraph, error }) => `${describeParagraph(paragraph)} failed [${lastLine(error)}]`)
    .join("; ");
}

export function describeParagraph(paragraph: Paragraph): string {
  const title = paragraph.title ? ` "${paragraph.title}"` : "";
  return `Paragraph ${paragraph.index + 1}${title}`;
}
