-- CreateTable
CREATE TABLE "JobStatusCount" (
    "tenantId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("tenantId", "status")
);


-- The counts of the jobs there are now.
INSERT INTO "JobStatusCount" ("tenantId", "status", "count")
SELECT "tenantId", "status", COUNT(*) FROM "Job" GROUP BY "tenantId", "status";

-- Triggers keep the counts exact in the transaction that changes a job, whoever writes it
-- (the engine's transitionJob, retention, a tenant's cascade delete, raw SQL). Prisma does not
-- model triggers: a migration that rebuilds "Job" drops them and must create them again
-- (packages/db/src/migrations.test.ts checks that they exist).
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
