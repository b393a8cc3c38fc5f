-- DropIndex
DROP INDEX "Job_tenantId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Job_tenantId_createdAt_id_idx" ON "Job"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Job_tenantId_status_createdAt_id_idx" ON "Job"("tenantId", "status", "createdAt", "id");

