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

export function toV3Job(
  job: Pick<Job, "id" | "modelId" | "environmentId" | "message" | "status" | "createdAt" | "tenantId" | "inputFolderId" | "outputFolderId" | "configurationId" | "maximumExecutionTimeInSeconds">,
): V3Job {
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

/** A v3 list item: the Job shape plus `jobId` (the Spring-style sample's name for the id). */
export function toV3ListItem(job: Parameters<typeof toV3Job>[0]): V3Job & { jobId: string } {
  const item = toV3Job(job) as V3Job & { jobId: string };
  item.jobId = job.id; // last, as the sample has it
  return item;
}
