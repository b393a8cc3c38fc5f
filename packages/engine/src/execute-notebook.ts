/**
 * Runs a notebook's paragraphs in order and records each one as a ParagraphRun: status,
 * typed results, error and timing. A failed paragraph does not stop the run unless the note
 * asks for that; the caller turns the failures into the job's final status.
 */
import type { Job } from "@jobmanager/db";
import type { Notebook, Paragraph } from "@jobmanager/domain";
import type { EngineContext } from "./engine-context";
import type { WorkingDirectory } from "./environment";
import { createInterpreterSet } from "./interpreters";
import { lastLine } from "./messages";

export interface ParagraphFailure {
  paragraph: Paragraph;
  error: string;
}

export async function executeNotebook(
  ctx: EngineContext,
  job: Job,
  notebook: Notebook,
  dir: WorkingDirectory,
  options: { interpreters: string[]; variables: Record<string, string> },
): Promise<ParagraphFailure[]> {
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

  const interpreters = createInterpreterSet(
    { workDir: dir.workDir, inputDir: dir.inputDir, outputDir: dir.outputDir, variables: options.variables },
    options.interpreters,
  );
  const failures: ParagraphFailure[] = [];
  try {
    for (const paragraph of notebook.paragraphs) {
      if (!paragraph.enabled) continue;
      if (failures.length > 0 && notebook.stopOnError) break;
      const where = { jobId_index: { jobId: job.id, index: paragraph.index } };
      const startedAt = new Date();
      await ctx.db.paragraphRun.update({ where, data: { status: "RUNNING", startedAt } });
      const outcome = await interpreters.run({ interpreter: paragraph.interpreter, code: paragraph.code });
      const finishedAt = new Date();
      await ctx.db.paragraphRun.update({
        where,
        data: {
          status: outcome.status,
          results: JSON.stringify(outcome.results),
          error: outcome.error,
          finishedAt,
          durationMs: finishedAt.getTime() - startedAt.getTime(),
        },
      });
      if (outcome.status === "ERROR") failures.push({ paragraph, error: outcome.error ?? "failed" });
    }
  } finally {
    await interpreters.close();
  }
  return failures;
}

/** `Paragraph 2 "Totals" failed [ZeroDivisionError: division by zero]`, one per failure. */
export function describeFailures(failures: ParagraphFailure[]): string {
  return failures
    .map(({ paragraph, error }) => {
      const title = paragraph.title ? ` "${paragraph.title}"` : "";
      return `Paragraph ${paragraph.index + 1}${title} failed [${lastLine(error)}]`;
    })
    .join("; ");
}
