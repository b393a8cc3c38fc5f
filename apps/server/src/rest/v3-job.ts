/** The v3 Job shape (API-REFERENCE.md), exactly these fields. */
import type { Job } from "@jobmanager/db";

export interface V3Job {
  id: string;
  modelId: string;
  environmentId: string;
  message: string;
  status: string;
  creationDate: string;
  createdBy: string;
  inputFolderId: string;
  outputFolderId: string;
  configurationId: string;
  maximumExecutionTimeInSeconds: number;
}

export function toV3Job(job: Job): V3Job {
  return {
    id: job.id,
    modelId: job.modelId,
    environmentId: job.environmentId,
    message: job.message,
    status: job.status,
    creationDate: job.createdAt.toISOString(),
    createdBy: job.tenantId,
    inputFolderId: job.inputFolderId,
    outputFolderId: job.outputFolderId,
    configurationId: job.configurationId,
    maximumExecutionTimeInSeconds: job.maximumExecutionTimeInSeconds,
  };
}
