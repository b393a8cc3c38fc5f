import { defaultUserOf, purgeOldJobs } from "@jobmanager/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoJobParameters, startTestServer, type TestServer } from "./harness";

describe("retention", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it("purges final jobs older than the retention period with their events and paragraphs, keeping their output files", async () => {
    const start = () => server.request("/api/jobmanager/v3/jobs", { method: "POST", json: demoJobParameters }).then((r) => r.json());
    const old = await start();
    await server.waitForFinalJob(old.id);
    const recent = await start();
    await server.waitForFinalJob(recent.id);
    const now = new Date();
    await server.db.job.update({ where: { id: old.id }, data: { createdAt: new Date(now.getTime() - 91 * 86_400_000) } });
    expect(await server.db.paragraphRun.count({ where: { jobId: old.id } })).toBe(4);

    expect(await purgeOldJobs(server.db, 90, now)).toBe(1);
    expect(await server.db.job.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await server.db.jobEvent.count({ where: { jobId: old.id } })).toBe(0);
    expect(await server.db.paragraphRun.count({ where: { jobId: old.id } })).toBe(0);
    expect(await server.db.job.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await server.readOutput(DEMO.outputFolderId, "summary.csv")).toContain("region,revenue");
  });

  it("never purges a job that is not final, however old", async () => {
    const waiting = await server.db.job.create({
      data: { tenantId: DEMO.tenantId, userId: (await defaultUserOf(server.db, DEMO.tenantId)).id, modelId: DEMO.modelId, modelVersionId: (await server.db.modelVersion.findFirstOrThrow()).id, configurationId: DEMO.configurationId, inputFolderId: DEMO.inputFolderId, outputFolderId: DEMO.outputFolderId, environmentId: "e-old", maximumExecutionTimeInSeconds: 60, status: "STOPPING", createdAt: new Date(2000, 0, 1) },
    });
    await purgeOldJobs(server.db, 90);
    expect(await server.db.job.findUnique({ where: { id: waiting.id } })).not.toBeNull();
    await server.db.job.delete({ where: { id: waiting.id } });
  });
});
