import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoJobParameters, startTestServer, zeppelinNote, type TestServer } from "./harness";

const V3_JOB_FIELDS = [
  "configurationId",
  "createdBy",
  "creationDate",
  "environmentId",
  "id",
  "inputFolderId",
  "maximumExecutionTimeInSeconds",
  "message",
  "modelId",
  "outputFolderId",
  "status",
];

describe("REST /api/jobmanager/v3/jobs", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it("runs the demo job from SUBMITTED to SUCCEEDED and stores its result file in the output folder", async () => {
    const response = await server.request("/api/jobmanager/v3/jobs", {
      method: "POST",
      json: { ...demoJobParameters, maximumExecutionTimeInSeconds: "600" },
    });
    expect(response.status).toBe(201);
    const job = await response.json();
    expect(Object.keys(job).sort()).toEqual(V3_JOB_FIELDS);
    expect(job).toMatchObject({ ...demoJobParameters, status: "SUBMITTED", message: "", createdBy: DEMO.tenantId, maximumExecutionTimeInSeconds: 600 });
    expect(job.creationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(job.environmentId).toEqual(expect.any(String));

    const final = await server.waitForFinalJob(job.id);
    expect(final).toMatchObject({ id: job.id, status: "SUCCEEDED", environmentId: job.environmentId });
    expect(await server.readOutput(DEMO.outputFolderId, "summary.csv")).toBe(
      "region,revenue\nEast,1492.25\nNorth,546.75\nSouth,903.00\nWest,668.00\n",
    );

    const runs = await server.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(runs.map((r) => [r.interpreter, r.status])).toEqual([
      ["md", "FINISHED"],
      ["python", "FINISHED"],
      ["python", "FINISHED"],
      ["sh", "FINISHED"],
    ]);
    expect(runs.every((r) => r.durationMs !== null && r.startedAt && r.finishedAt)).toBe(true);
    expect(JSON.parse(runs[0]!.results)).toEqual([{ type: "HTML", data: expect.stringContaining("<h2>Sales summary</h2>") }]);
    expect(JSON.parse(runs[1]!.results)).toEqual([{ type: "TEXT", data: "Read 10 sales.\n" }]);
    expect(JSON.parse(runs[2]!.results)).toEqual([{ type: "TABLE", data: expect.stringContaining("region\trevenue\nEast\t1492.25") }]);
    expect(JSON.parse(runs[3]!.results)[0].data).toContain("summary.csv has 5 lines");

    const environment = await server.db.environment.findUniqueOrThrow({ where: { id: job.environmentId } });
    expect(environment.status).toBe("STOPPED");
  });

  it("fails a job whose second paragraph raises, still runs the third, and names the failed paragraph", async () => {
    const failing = await server.createModel(
      zeppelinNote(
        "%python\nvalues = [3, 0]",
        { title: "Divide", text: "%python\nprint('dividing')\nvalues[0] / values[1]" },
        "%python\nwith open(f'{outputFolder}/after-failure.txt', 'w') as f:\n    f.write('third paragraph ran')",
      ),
    );
    const response = await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: { ...demoJobParameters, modelId: failing } });
    const job = await response.json();
    const final = await server.waitForFinalJob(job.id);

    expect(final.status).toBe("FAILED");
    expect(final.message).toBe('Paragraph 2 "Divide" failed [ZeroDivisionError: division by zero]');
    const runs = await server.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["FINISHED", "ERROR", "FINISHED"]);
    expect(runs[1]!.error).toContain("ZeroDivisionError");
    expect(JSON.parse(runs[1]!.results)).toEqual([{ type: "TEXT", data: "dividing\n" }]);
    expect(await server.readOutput(DEMO.outputFolderId, "after-failure.txt")).toBe("third paragraph ran");
  });

  it("fails a job whose model cannot be imported with the v3 message chain", async () => {
    const broken = await server.createModel("{ this is not a note");
    const job = await (await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: { ...demoJobParameters, modelId: broken } })).json();
    const final = await server.waitForFinalJob(job.id);
    expect(final.status).toBe("FAILED");
    expect(final.message).toMatch(/^Unable to import model \[Invalid notebook: not JSON/);
  });

  it.each([
    ["a body that is not JSON", { body: "{modelId:", headers: { "content-type": "application/json" } }, /not valid JSON/],
    ["missing fields", { json: { modelId: DEMO.modelId } }, /configurationId.*inputFolderId.*outputFolderId/],
    ["a time limit that is not a number", { json: { ...demoJobParameters, maximumExecutionTimeInSeconds: "soon" } }, /maximumExecutionTimeInSeconds/],
    ["a body that is an array", { json: [demoJobParameters] }, /Invalid input/],
  ])("answers 400 to %s and creates no job", async (_name, init, message) => {
    const before = await server.db.job.count();
    const response = await server.request("/api/jobmanager/v3/jobs", { method: "POST", ...init });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({ errors: [{ code: "jobmanager.invalidInput", message: expect.stringMatching(message), logref: expect.any(String) }] });
    expect(await server.db.job.count()).toBe(before);
  });

  it.each([
    ["model", { modelId: "no-such-model" }, "Model 'no-such-model' was not found."],
    ["configuration", { configurationId: "nope" }, "Environment configuration 'nope' was not found."],
    ["input folder", { inputFolderId: "nope" }, "Input folder 'nope' was not found."],
    ["output folder", { outputFolderId: "nope" }, "Output folder 'nope' was not found."],
  ])("answers 404 for an unknown %s and creates no job", async (_name, change, message) => {
    const before = await server.db.job.count();
    const response = await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: { ...demoJobParameters, ...change } });
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0]).toMatchObject({ code: "jobmanager.notFound", message });
    expect(await server.db.job.count()).toBe(before);
  });

  it("answers 404 for an unknown job id", async () => {
    const response = await server.request("/api/jobmanager/v3/jobs/00000000-0000-0000-0000-000000000000");
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].code).toBe("jobmanager.notFound");
  });
});
