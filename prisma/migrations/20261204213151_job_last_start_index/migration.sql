-- CreateIndex
CREATE INDEX "Job_tenantId_startedAt_idx" ON "Job"("tenantId", "startedAt");

