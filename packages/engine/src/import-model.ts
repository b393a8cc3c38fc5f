/** Loads the job's model version from blob storage and parses it into a Notebook. */
import { parseNotebook, parseZeppelinNote, type Notebook } from "@jobmanager/domain";
import type { Job } from "@jobmanager/db";
import type { EngineContext } from "./engine-context";

export async function importModel(ctx: EngineContext, job: Job): Promise<Notebook> {
  const version = await ctx.db.modelVersion.findUniqueOrThrow({ where: { id: job.modelVersionId } });
  const payload = await ctx.blobs.readAll(version.blobKey);
  switch (version.format) {
    case "zeppelin":
      return parseZeppelinNote(payload.toString("utf8"));
    case "jupyter":
      return parseNotebook(version.fileName, payload);
    default:
      throw new Error(`Unsupported model format '${version.format}'`);
  }
}
