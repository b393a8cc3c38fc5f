-- Every principal is a user. Each tenant gets a default user ('tenant:<tenantId>', no password),
-- which takes over what belonged to the tenant as a whole: its tokens, token-login sessions,
-- jobs and schedules, and the items already under _PRIVATE_ROOT_ID.
INSERT INTO "User" ("id", "tenantId", "username", "passwordHash", "createdAt")
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       "id", 'tenant:' || "id", '', "createdAt"
FROM "Tenant";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ApiToken" ("createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "secretHash", "tenantId", "userId") SELECT "createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "secretHash", "tenantId", (SELECT "u"."id" FROM "User" "u" WHERE "u"."username" = 'tenant:' || "ApiToken"."tenantId") FROM "ApiToken";
DROP TABLE "ApiToken";
ALTER TABLE "new_ApiToken" RENAME TO "ApiToken";
CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");
CREATE INDEX "ApiToken_tenantId_idx" ON "ApiToken"("tenantId");
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "xsrfToken" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("createdAt", "expiresAt", "id", "secretHash", "tenantId", "userId", "xsrfToken") SELECT "createdAt", "expiresAt", "id", "secretHash", "tenantId", coalesce("userId", (SELECT "u"."id" FROM "User" "u" WHERE "u"."username" = 'tenant:' || "Session"."tenantId")), "xsrfToken" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE UNIQUE INDEX "Session_secretHash_key" ON "Session"("secretHash");
CREATE INDEX "Session_tenantId_idx" ON "Session"("tenantId");
CREATE TEMP TABLE "private_folder" AS WITH RECURSIVE "private"("id") AS (
    SELECT "id" FROM "Folder" WHERE "parentId" = '_PRIVATE_ROOT_ID'
    UNION ALL SELECT "f"."id" FROM "Folder" "f" JOIN "private" ON "f"."parentId" = "private"."id"
) SELECT "id" FROM "private";
CREATE TABLE "new_Folder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "ownerUserId" TEXT NOT NULL DEFAULT '',
    "parentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "modifiedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedBy" TEXT NOT NULL,
    CONSTRAINT "Folder_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Folder" ("id", "modifiedAt", "modifiedBy", "name", "parentId", "tenantId", "ownerUserId") SELECT "id", "modifiedAt", "modifiedBy", "name", "parentId", "tenantId", CASE WHEN "id" IN (SELECT "id" FROM "private_folder") THEN (SELECT "u"."id" FROM "User" "u" WHERE "u"."username" = 'tenant:' || "Folder"."tenantId") ELSE '' END FROM "Folder";
DROP TABLE "Folder";
ALTER TABLE "new_Folder" RENAME TO "Folder";
CREATE UNIQUE INDEX "Folder_tenantId_ownerUserId_parentId_name_key" ON "Folder"("tenantId", "ownerUserId", "parentId", "name");
CREATE TABLE "new_File" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "ownerUserId" TEXT NOT NULL DEFAULT '',
    "folderId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL DEFAULT 'application/octet-stream',
    "sizeInBytes" INTEGER NOT NULL,
    "blobKey" TEXT NOT NULL,
    "modifiedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedBy" TEXT NOT NULL,
    CONSTRAINT "File_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_File" ("blobKey", "contentType", "folderId", "id", "modifiedAt", "modifiedBy", "name", "sizeInBytes", "tenantId", "ownerUserId") SELECT "blobKey", "contentType", "folderId", "id", "modifiedAt", "modifiedBy", "name", "sizeInBytes", "tenantId", CASE WHEN "folderId" = '_PRIVATE_ROOT_ID' OR "folderId" IN (SELECT "id" FROM "private_folder") THEN (SELECT "u"."id" FROM "User" "u" WHERE "u"."username" = 'tenant:' || "File"."tenantId") ELSE '' END FROM "File";
DROP TABLE "private_folder";
DROP TABLE "File";
ALTER TABLE "new_File" RENAME TO "File";
CREATE UNIQUE INDEX "File_tenantId_ownerUserId_folderId_name_key" ON "File"("tenantId", "ownerUserId", "folderId", "name");
CREATE TABLE "new_Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
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
INSERT INTO "new_Job" ("attempt", "configurationId", "createdAt", "environmentId", "finishedAt", "id", "inputFolderId", "leaseExpiresAt", "leaseOwner", "maximumExecutionTimeInSeconds", "message", "modelId", "modelVersionId", "outputFolderId", "retries", "startedAt", "status", "tenantId", "userId") SELECT "attempt", "configurationId", "createdAt", "environmentId", "finishedAt", "id", "inputFolderId", "leaseExpiresAt", "leaseOwner", "maximumExecutionTimeInSeconds", "message", "modelId", "modelVersionId", "outputFolderId", "retries", "startedAt", "status", "tenantId", (SELECT "u"."id" FROM "User" "u" WHERE "u"."username" = 'tenant:' || "Job"."tenantId") FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE INDEX "Job_status_createdAt_idx" ON "Job"("status", "createdAt");
CREATE INDEX "Job_tenantId_createdAt_id_idx" ON "Job"("tenantId", "createdAt", "id");
CREATE INDEX "Job_tenantId_status_createdAt_id_idx" ON "Job"("tenantId", "status", "createdAt", "id");
CREATE INDEX "Job_tenantId_startedAt_idx" ON "Job"("tenantId", "startedAt");
CREATE TABLE "new_Schedule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "configurationId" TEXT NOT NULL,
    "inputFolderId" TEXT NOT NULL,
    "outputFolderId" TEXT NOT NULL,
    "scheduleString" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "maximumExecutionTime" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "lastFireTime" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Schedule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Schedule" ("configurationId", "createdAt", "id", "inputFolderId", "lastFireTime", "maximumExecutionTime", "modelId", "name", "outputFolderId", "scheduleString", "status", "tenantId", "timezone", "updatedAt", "userId") SELECT "configurationId", "createdAt", "id", "inputFolderId", "lastFireTime", "maximumExecutionTime", "modelId", "name", "outputFolderId", "scheduleString", "status", "tenantId", "timezone", "updatedAt", (SELECT "u"."id" FROM "User" "u" WHERE "u"."username" = 'tenant:' || "Schedule"."tenantId") FROM "Schedule";
DROP TABLE "Schedule";
ALTER TABLE "new_Schedule" RENAME TO "Schedule";
CREATE INDEX "Schedule_status_idx" ON "Schedule"("status");
CREATE INDEX "Schedule_tenantId_createdAt_idx" ON "Schedule"("tenantId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Rebuilding "Job" dropped the triggers that keep JobStatusCount exact (migration
-- job_status_counts); the same triggers again. The counts themselves are unchanged: every job
-- was copied with its tenant and status.
CREATE TRIGGER "Job_count_insert" AFTER INSERT ON "Job"
BEGIN
  INSERT INTO "JobStatusCount" ("tenantId", "status", "count") VALUES (NEW."tenantId", NEW."status", 1)
  ON CONFLICT ("tenantId", "status") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Job_count_delete" AFTER DELETE ON "Job"
BEGIN
  UPDATE "JobStatusCount" SET "count" = "count" - 1 WHERE "tenantId" = OLD."tenantId" AND "status" = OLD."status";
END;

CREATE TRIGGER "Job_count_update" AFTER UPDATE OF "tenantId", "status" ON "Job"
WHEN OLD."tenantId" IS NOT NEW."tenantId" OR OLD."status" IS NOT NEW."status"
BEGIN
  UPDATE "JobStatusCount" SET "count" = "count" - 1 WHERE "tenantId" = OLD."tenantId" AND "status" = OLD."status";
  INSERT INTO "JobStatusCount" ("tenantId", "status", "count") VALUES (NEW."tenantId", NEW."status", 1)
  ON CONFLICT ("tenantId", "status") DO UPDATE SET "count" = "count" + 1;
END;
