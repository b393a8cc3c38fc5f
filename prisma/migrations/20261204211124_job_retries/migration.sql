-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
    "configurationId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "inputFolderId" TEXT NOT NULL,
    "outputFolderId" TEXT NOT NULL,
    "maximumExecutionTimeInSeconds" INTEGER NOT NULL,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    CONSTRAINT "Job_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Job_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Job_configurationId_fkey" FOREIGN KEY ("configurationId") REFERENCES "EnvironmentConfiguration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Job" ("configurationId", "createdAt", "environmentId", "finishedAt", "id", "inputFolderId", "leaseExpiresAt", "leaseOwner", "maximumExecutionTimeInSeconds", "message", "modelId", "modelVersionId", "outputFolderId", "startedAt", "status", "tenantId") SELECT "configurationId", "createdAt", "environmentId", "finishedAt", "id", "inputFolderId", "leaseExpiresAt", "leaseOwner", "maximumExecutionTimeInSeconds", "message", "modelId", "modelVersionId", "outputFolderId", "startedAt", "status", "tenantId" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE INDEX "Job_status_createdAt_idx" ON "Job"("status", "createdAt");
CREATE INDEX "Job_tenantId_createdAt_idx" ON "Job"("tenantId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

