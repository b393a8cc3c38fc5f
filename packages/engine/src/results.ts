/**
 * Whatever ended a job, its results go to the output folder: every file under the
 * environment's `output/` and the executed notebook (see executed-notebook.ts). Used by the
 * runner after a run and by recovery after the runner was lost.
 */
import fs from "node:fs";
import { ownerForWritingInto, putFile, recordJobOutput, type Job } from "@jobmanager/db";
import type { EngineContext } from "./engine-context";
import { collectOutputs, type WorkingDirectory } from "./environment";
import { executedNotebook } from "./executed-notebook";

/** Returns how many files were stored. */
export async function storeResults(ctx: EngineContext, job: Job, dir: WorkingDirectory): Promise<number> {
  // Under the private root the results belong to the job's user, like the folder they land in.
  const ownerUserId = await ownerForWritingInto(ctx.db, job, job.outputFolderId);
  const files = fs.existsSync(dir.outputDir) ? await collectOutputs(ctx, job, dir, ownerUserId) : 0;
  return files + ((await storeExecutedNotebook(ctx, job, ownerUserId)) ? 1 : 0);
}

/** Writes the executed notebook into the output folder; false when no paragraph was recorded. */
async function storeExecutedNotebook(ctx: EngineContext, job: Job, ownerUserId: string): Promise<boolean> {
  const runs = await ctx.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
  if (runs.length === 0) return false; // the model was never imported: nothing ran
  const version = await ctx.db.modelVersion.findUniqueOrThrow({ where: { id: job.modelVersionId } });
  const payload = (await ctx.blobs.readAll(version.blobKey)).toString("utf8");
  const notebook = executedNotebook(version.format, payload, runs);
  if (!notebook) return false;
  const file = await putFile(ctx.db, ctx.blobs, {
    tenantId: job.tenantId,
    ownerUserId,
    folderId: job.outputFolderId,
    name: notebook.fileName,
    content: notebook.content,
    modifiedBy: job.tenantId,
    contentType: "application/json",
  });
  await recordJobOutput(ctx.db, job.id, file, notebook.fileName);
  return true;
}
