/** The v3 Schedule shape (API-REFERENCE.md), exactly these fields. */
import type { Schedule } from "@jobmanager/db";

export function toV3Schedule(schedule: Schedule) {
  return {
    id: schedule.id,
    name: schedule.name,
    modelId: schedule.modelId,
    scheduleString: schedule.scheduleString,
    creationDate: schedule.createdAt.toISOString(),
    createdBy: schedule.tenantId,
    status: schedule.status,
    inputFolderId: schedule.inputFolderId,
    outputFolderId: schedule.outputFolderId,
    configurationId: schedule.configurationId,
    maximumExecutionTime: schedule.maximumExecutionTime,
  };
}
