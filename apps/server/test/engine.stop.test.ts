import { createEventBus, transitionJob } from "@jobmanager/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentProcesses, processesLeft, startJobFor, waitForParagraph } from "./engine-helpers";
import { DEMO, startTestServer, zeppelinNote, type TestServer } from "./harness";

describe("stopping a job", () => {
  let server: TestServer;
  beforeAll(async () => {
    // A short grace between SIGINT and SIGKILL, and a short lease so the heartbeat runs often.
    server = await startTestServer({ env: { JOBMANAGER_STOP_GRACE_MS: "300", JOBMANAGER_LEASE_MS: "900" } });
  });
  afterAll(() => server?.close());

  const longNote = () =>
    zeppelinNote(
      "%python\nimport subprocess\nwith open(f'{outputFolder}/partial.txt', 'w') as f:\n    f.write('written before the stop')\nchild = subprocess.Popen(['sleep', '300'])\nprint('started a child')",
      "%sh\necho running; sleep 300 & sleep 300; echo never",
      "%python\nprint('never started')",
    );

  it("interrupts the running paragraph, keeps the outputs, leaves no process and ends STOPPED", async () => {
    const job = await startJobFor(server, longNote());
    await waitForParagraph(server, job.id, 1, "RUNNING");
    expect(environmentProcesses(server.dataDir, job.environmentId).length).toBeGreaterThan(0);

    const response = await server.request(`/api/jobmanager/v3/jobs/${job.id}/stop`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: job.id, status: "STOPPING" });

    const final = await server.waitForFinalJob(job.id);
    expect(final).toMatchObject({ status: "STOPPED", message: "Stopped on request." });
    const runs = await server.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["FINISHED", "ABORT", "READY"]);
    expect(JSON.parse(runs[1]!.results)[0].data).toContain("running");
    expect(await server.readOutput(DEMO.outputFolderId, "partial.txt")).toBe("written before the stop");
    const notebook = JSON.parse(await server.readOutput(DEMO.outputFolderId, "Test note.zpln"));
    expect(notebook.paragraphs.map((p: { status: string }) => p.status)).toEqual(["FINISHED", "ABORT", "READY"]);
    expect(await processesLeft(server.dataDir, job.environmentId)).toEqual([]);
    const events = await server.db.jobEvent.findMany({ where: { jobId: job.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.status)).toEqual(["SUBMITTED", "STARTING", "RUNNING", "STOPPING", "STOPPED"]);
  });

  it("stops a job whose STOPPING was written by another process, at the runner's heartbeat", async () => {
    const job = await startJobFor(server, zeppelinNote("%python\nimport time\nprint('sleeping', flush=True)\ntime.sleep(300)"));
    await waitForParagraph(server, job.id, 0, "RUNNING");
    // Another process shares the database but not this server's event bus.
    await transitionJob(server.db, createEventBus(), { jobId: job.id, to: "STOPPING", message: "Stopping on request." });
    const final = await server.waitForFinalJob(job.id);
    expect(final.status).toBe("STOPPED");
    expect(await processesLeft(server.dataDir, job.environmentId)).toEqual([]);
  });

  it("stops a job that is still waiting in SUBMITTED through the GraphQL mutation", async () => {
    const idle = await startTestServer({ runner: false });
    try {
      const modelId = await idle.createModel(zeppelinNote("%python\nprint('never')"));
      const started = await idle.graphql(`mutation($input: StartJobInput!) { startJob(input: $input) { id } }`, {
        input: { modelId, configurationId: DEMO.configurationId, inputFolderId: DEMO.inputFolderId, outputFolderId: DEMO.outputFolderId },
      });
      const id = started.data.startJob.id;
      const stopped = await idle.graphql(`mutation($id: ID!) { stopJob(id: $id) { id status } }`, { id });
      expect(stopped.errors).toBeUndefined();
      expect(stopped.data.stopJob).toEqual({ id, status: "STOPPING" });
      expect(await idle.waitForFinalJob(id)).toMatchObject({ status: "STOPPED", message: "Stopped on request before it started." });
    } finally {
      await idle.close();
    }
  });

  it("answers 409 when the job has already ended, and 404 for an unknown or foreign job", async () => {
    const job = await startJobFor(server, zeppelinNote("%python\nprint('quick')"));
    await server.waitForFinalJob(job.id);
    const again = await server.request(`/api/jobmanager/v3/jobs/${job.id}/stop`, { method: "POST" });
    expect(again.status).toBe(409);
    expect((await again.json()).errors[0]).toMatchObject({ code: "jobmanager.conflict", message: expect.stringContaining("SUCCEEDED") });

    const unknown = await server.request(`/api/jobmanager/v3/jobs/no-such-job/stop`, { method: "POST" });
    expect(unknown.status).toBe(404);
    const other = await server.createTenant("stop-foreign");
    const foreign = await server.request(`/api/jobmanager/v3/jobs/${job.id}/stop`, { method: "POST", token: other.token });
    expect(foreign.status).toBe(404);

    const gql = await server.graphql(`mutation($id: ID!) { stopJob(id: $id) { id } }`, { id: job.id });
    expect(gql.errors?.[0]?.extensions?.code).toBe("jobmanager.conflict");
  });
});
