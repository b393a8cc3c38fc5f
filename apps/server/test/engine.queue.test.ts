import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobFor, waitForParagraph } from "./engine-helpers";
import { DEMO, PUBLIC_ROOT_ID, startTestServer, until, zeppelinNote, type TestServer } from "./harness";

describe("the queue", () => {
  describe("per configuration", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ env: { JOBMANAGER_STOP_GRACE_MS: "300" } });
    });
    afterAll(() => server?.close());

    it("keeps a job SUBMITTED, saying why, while its configuration's maxInstances environments are in use", async () => {
      const single = await server.db.environmentConfiguration.create({ data: { tenantId: DEMO.tenantId, name: "Single instance", maxInstances: 1 } });
      const first = await startJobFor(server, zeppelinNote("%sh\nsleep 300"), { configurationId: single.id });
      await waitForParagraph(server, first.id, 0, "RUNNING");
      const second = await startJobFor(server, zeppelinNote("%sh\necho second"), { configurationId: single.id });

      const waiting = await until(
        "the second job to say why it waits",
        async () => {
          const job = await server.db.job.findUniqueOrThrow({ where: { id: second.id } });
          return job.message ? job : undefined;
        },
        10_000,
        25,
      );
      expect(waiting.status).toBe("SUBMITTED");
      expect(waiting.message).toBe("Waiting for a free environment: configuration 'Single instance' allows 1 environment at a time, all in use.");

      await server.request(`/api/jobmanager/v3/jobs/${first.id}/stop`, { method: "POST" });
      expect((await server.waitForFinalJob(second.id)).status).toBe("SUCCEEDED");
      const [a, b] = await Promise.all([first, second].map((j) => server.db.job.findUniqueOrThrow({ where: { id: j.id } })));
      expect(b!.startedAt!.getTime()).toBeGreaterThanOrEqual(a!.finishedAt!.getTime());
    });
  });

  describe("with a global limit of one environment", () => {
    let server: TestServer;
    beforeAll(async () => {
      // A lease of two minutes means a heartbeat every 40 s: every start below within the
      // tests' bounds comes from a wake-up (job submitted, environment freed), not polling.
      server = await startTestServer({ env: { JOBMANAGER_MAX_ENVIRONMENTS: "1", JOBMANAGER_LEASE_MS: "120000" } });
    });
    afterAll(() => server?.close());

    it("runs one environment at a time and serves another tenant's single job before the first tenant's backlog", async () => {
      const wide = await server.db.environmentConfiguration.create({ data: { tenantId: DEMO.tenantId, name: "Wide", maxInstances: 10 } });
      const busyTenant = [];
      for (let i = 0; i < 4; i++) busyTenant.push(await startJobFor(server, zeppelinNote("%sh\nsleep 0.3"), { configurationId: wide.id }));

      const other = await server.createTenant("queue-other");
      const otherConfiguration = await server.db.environmentConfiguration.create({ data: { tenantId: other.tenantId, name: "Other" } });
      const otherModel = await server.createModel(zeppelinNote("%sh\necho other"), other.tenantId);
      const response = await server.request("/api/jobmanager/v3/jobs", {
        method: "POST",
        token: other.token,
        json: { modelId: otherModel, configurationId: otherConfiguration.id, inputFolderId: PUBLIC_ROOT_ID, outputFolderId: PUBLIC_ROOT_ID },
      });
      const single = await response.json();

      for (const job of busyTenant) expect((await server.waitForFinalJob(job.id, 20_000)).status).toBe("SUCCEEDED");
      await until("the other tenant's job to succeed", async () => (await server.db.job.findUniqueOrThrow({ where: { id: single.id } })).status === "SUCCEEDED", 20_000, 25);
      const jobs = await server.db.job.findMany({ where: { id: { in: [...busyTenant, single].map((j) => j.id) } }, orderBy: { startedAt: "asc" } });
      // The other tenant's job runs second: right after the job that was running when it came.
      expect(jobs.map((j) => j.id).indexOf(single.id)).toBeLessThanOrEqual(1);
      for (let i = 1; i < jobs.length; i++) expect(jobs[i]!.startedAt!.getTime()).toBeGreaterThanOrEqual(jobs[i - 1]!.finishedAt!.getTime());
    });
  });
});
