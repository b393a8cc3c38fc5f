/**
 * Loads the job's model version from blob storage and parses it into a Notebook, the same way
 * as the upload that stored it (by its file name: `.ipynb` Jupyter, otherwise Zeppelin).
 */
import { parseNotebook, type Notebook } from "@jobmanager/domain";
import type { Job } from "@jobmanager/db";
import type { EngineContext } from "./engine-context";

export async function importModel(ctx: EngineContext, job: Job): Promise<Notebook> {
  const version = await ctx.db.modelVersion.findUniqueOrThrow({ where: { id: job.modelVersionId } });
  return parseNotebook(version.fileName, await ctx.blobs.readAll(version.blobKey));
}
