import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processesLeft, startJobFor } from "./engine-helpers";
import { DEMO, startTestServer, zeppelinNote, type TestServer } from "./harness";

const ZEPPELIN_DATE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;

describe("a job's lifecycle", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { JOBMANAGER_STOP_GRACE_MS: "300" } });
  });
  afterAll(() => server?.close());

  it("records every status as a timestamped event, in order, with the v3 messages", async () => {
    const job = await startJobFor(server, zeppelinNote("%python\nprint('hello')"));
    const final = await server.waitForFinalJob(job.id);
    expect(final).toMatchObject({ status: "SUCCEEDED", message: "Finished notebook execution." });
    const events = await server.db.jobEvent.findMany({ where: { jobId: job.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.status, e.message])).toEqual([
      ["SUBMITTED", ""],
      ["STARTING", "Starting environment."],
      ["RUNNING", "Started notebook execution."],
      ["SUCCEEDED", "Finished notebook execution."],
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.at.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.at.getTime());
  });

  it("writes the executed notebook with each paragraph's status, results and Zeppelin dates into the output folder", async () => {
    const note = zeppelinNote(
      { title: "Greeting", text: "%md\n# Hello" },
      "%python\nz.show([['a', 'b'], [1, 2]])",
      "%sh\nexit 3",
      "%spark\nsc.parallelize([1])",
    );
    note.name = "Executed: report/2024";
    note.paragraphs.push({ id: "paragraph_5", text: "%python\nprint('disabled')", config: { enabled: false }, status: "READY" });
    const job = await startJobFor(server, note);
    const final = await server.waitForFinalJob(job.id);
    expect(final.status).toBe("FAILED");
    expect(final.message).toBe("Paragraph 3 failed [Exit code 3]; Paragraph 4 failed [Interpreter %spark is not available in this environment (available: md, python, sh, html).]");

    const executed = JSON.parse(await server.readOutput(DEMO.outputFolderId, "2024.zpln"));
    expect(executed.paragraphs.map((p: { status: string }) => p.status)).toEqual(["FINISHED", "FINISHED", "ERROR", "ERROR", "READY"]);
    expect(executed.paragraphs[0].results).toEqual({ code: "SUCCESS", msg: [{ type: "HTML", data: expect.stringContaining("<h1>Hello</h1>") }] });
    expect(executed.paragraphs[1].results).toEqual({ code: "SUCCESS", msg: [{ type: "TABLE", data: "a\tb\n1\t2" }] });
    expect(executed.paragraphs[2].results.code).toBe("ERROR");
    expect(executed.paragraphs[2].results.msg.at(-1).data).toContain("Exit code 3");
    expect(executed.paragraphs[0].dateStarted).toMatch(ZEPPELIN_DATE);
    expect(executed.paragraphs[0].dateFinished).toMatch(ZEPPELIN_DATE);
    expect(executed.paragraphs[4].dateStarted).toBeUndefined();
  });

  it("fails a paragraph whose interpreter the configuration does not enable, and goes on", async () => {
    const pythonOnly = await server.db.environmentConfiguration.create({
      data: { tenantId: DEMO.tenantId, name: "Python only", interpreters: JSON.stringify(["python"]) },
    });
    const job = await startJobFor(server, zeppelinNote("%sh\necho no shell", "%python\nprint('python ran')"), { configurationId: pythonOnly.id });
    const final = await server.waitForFinalJob(job.id);
    expect(final.message).toBe("Paragraph 1 failed [Interpreter %sh is not available in this environment (available: python).]");
    const runs = await server.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["ERROR", "FINISHED"]);
  });

  it("stops at the first failed paragraph when the note's config asks for it", async () => {
    const note = zeppelinNote("%sh\nexit 1", "%python\nprint('not reached')") as ReturnType<typeof zeppelinNote> & { config: Record<string, unknown> };
    note.config = { stopOnError: true };
    const job = await startJobFor(server, note);
    expect((await server.waitForFinalJob(job.id)).status).toBe("FAILED");
    const runs = await server.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["ERROR", "READY"]);
  });

  it("aborts the paragraph that uses up maximumExecutionTimeInSeconds, starts no later one, keeps outputs and says so", async () => {
    const job = await startJobFor(
      server,
      zeppelinNote(
        "%python\nprint('first')",
        "%sh\necho begun > $OUTPUT_FOLDER/begun.txt\nsleep 300 & sleep 300",
        "%python\nprint('never started')",
      ),
      { maximumExecutionTimeInSeconds: 1 },
    );
    const final = await server.waitForFinalJob(job.id);
    expect(final.status).toBe("FAILED");
    expect(final.message).toBe("The maximum execution time of 1 seconds (maximumExecutionTimeInSeconds) was used up; Paragraph 2 was aborted");
    const runs = await server.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["FINISHED", "ABORT", "READY"]);
    expect(await server.readOutput(DEMO.outputFolderId, "begun.txt")).toBe("begun\n");
    expect(await processesLeft(server.dataDir, job.environmentId)).toEqual([]);
  });

  it("adds up the time of all paragraphs against the limit: each alone fits, together they do not", async () => {
    const job = await startJobFor(server, zeppelinNote("%sh\nsleep 0.6", "%sh\nsleep 0.6", "%sh\nsleep 0.6"), { maximumExecutionTimeInSeconds: 1 });
    const final = await server.waitForFinalJob(job.id);
    expect(final.message).toBe("The maximum execution time of 1 seconds (maximumExecutionTimeInSeconds) was used up; Paragraph 2 was aborted");
    const runs = await server.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["FINISHED", "ABORT", "READY"]);
  });
});
