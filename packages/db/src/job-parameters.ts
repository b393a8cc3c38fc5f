/**
 * Resolves what a new job names: the model (and its last version), the configuration and the
 * folders must all exist for the tenant (the folders: visible to the user); a foreign id answers like a missing one (404).
 * Shared by the job API and the scheduler.
 */
import { NotFoundError, ValidationError, type JobParameters } from "@jobmanager/domain";
import type { Db } from "./client";
import { folderExists, type Principal } from "./files";
import type { NewJob } from "./jobs";

export async function resolveJobParameters(db: Db, principal: Principal, params: JobParameters): Promise<NewJob> {
  const { tenantId } = principal;
  // Four independent lookups at once; the errors still come in this order.
  const [model, configurations, inputExists, outputExists] = await Promise.all([
    db.model.findFirst({
      where: { id: params.modelId, tenantId },
      include: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
    }),
    db.environmentConfiguration.count({ where: { id: params.configurationId, tenantId } }),
    folderExists(db, principal, params.inputFolderId),
    folderExists(db, principal, params.outputFolderId),
  ]);
  if (!model) throw new NotFoundError("Model", params.modelId);
  const version = model.versions[0];
  if (!version) throw new ValidationError(`Model '${params.modelId}' has no version to run.`);
  if (!configurations) throw new NotFoundError("Environment configuration", params.configurationId);
  if (!inputExists) throw new NotFoundError("Input folder", params.inputFolderId);
  if (!outputExists) throw new NotFoundError("Output folder", params.outputFolderId);
  return { ...params, tenantId, userId: principal.userId, modelVersionId: version.id };
}
