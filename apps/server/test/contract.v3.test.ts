/**
 * Contract of the REST v3 routes against API-REFERENCE.md: every field's name and type, per
 * endpoint, and the error body.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoJobParameters, startTestServer, type TestServer } from "./harness";

type Kind = "string" | "number" | "boolean" | "null" | "array" | "object" | "iso-date";
const kindOf = (value: unknown): Kind =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value) ? "iso-date" : (typeof value as Kind);

function expectShape(body: Record<string, unknown>, shape: Record<string, Kind>) {
  expect(Object.keys(body).sort()).toEqual(Object.keys(shape).sort());
  for (const [field, kind] of Object.entries(shape)) expect(kindOf(body[field]), field).toBe(kind);
}

const JOB: Record<string, Kind> = {
  id: "string",
  modelId: "string",
  environmentId: "string",
  message: "string",
  status: "string",
  creationDate: "iso-date",
  createdBy: "string",
  inputFolderId: "string",
  outputFolderId: "string",
  configurationId: "string",
  maximumExecutionTimeInSeconds: "number",
};
const SCHEDULE: Record<string, Kind> = {
  id: "string",
  name: "string",
  modelId: "string",
  scheduleString: "string",
  creationDate: "iso-date",
  createdBy: "string",
  status: "string",
  inputFolderId: "string",
  outputFolderId: "string",
  configurationId: "string",
  maximumExecutionTime: "number",
};
const PAGE: Record<string, Kind> = { number: "number", size: "number", totalPages: "number", totalElements: "number" };
const SPRING_PAGE: Record<string, Kind> = {
  content: "array",
  page: "object",
  totalPages: "number",
  totalElements: "number",
  last: "boolean",
  size: "number",
  number: "number",
  numberOfElements: "number",
  first: "boolean",
  sort: "null",
};

describe("REST v3 contract", () => {
  let server: TestServer;
  let jobId: string;
  let scheduleId: string;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());
  const call = async (method: string, path: string, json?: unknown) => {
    const response = await server.request(`/api/jobmanager/v3${path}`, { method, json });
    return { status: response.status, body: response.status === 204 ? null : await response.json() };
  };

  it("POST /jobs → 201 Job", async () => {
    const { status, body } = await call("POST", "/jobs", { ...demoJobParameters, maximumExecutionTimeInSeconds: "7200" });
    expect(status).toBe(201);
    expectShape(body, JOB);
    expect(body.status).toBe("SUBMITTED");
    jobId = body.id;
  });

  it("GET /jobs/{id} → Job", async () => {
    const { status, body } = await call("GET", `/jobs/${jobId}`);
    expect(status).toBe(200);
    expectShape(body, JOB);
  });

  it("GET /jobs → both list forms, items with id and jobId", async () => {
    const { body } = await call("GET", "/jobs");
    expectShape(body, { ...SPRING_PAGE, jobs: "array" });
    expectShape(body.page, PAGE);
    expectShape(body.jobs[0], { ...JOB, jobId: "string" });
  });

  it("POST /jobs/{id}/stop → Job (STOPPING), then 409 once the job has ended", async () => {
    const { status, body } = await call("POST", `/jobs/${jobId}/stop`);
    expect(status).toBe(200);
    expectShape(body, JOB);
    expect(body.status).toBe("STOPPING");
    const again = await call("POST", `/jobs/${jobId}/stop`);
    expect(again.status).toBe(409);
    expectShape(again.body.errors[0], { code: "string", message: "string", logref: "string" });
  });

  it("POST /schedules → 201 Schedule", async () => {
    const { status, body } = await call("POST", "/schedules", { ...demoJobParameters, name: "contract", scheduleString: "0 9 * * *", maximumExecutionTime: 60 });
    expect(status).toBe(201);
    expectShape(body, SCHEDULE);
    scheduleId = body.id;
  });

  it("GET /schedules/{id}, POST /schedules/{id}/stop and /start → Schedule", async () => {
    for (const [method, path, status] of [["GET", "", "RUNNING"], ["POST", "/stop", "STOPPED"], ["POST", "/start", "RUNNING"]] as const) {
      const { body } = await call(method, `/schedules/${scheduleId}${path}`);
      expectShape(body, SCHEDULE);
      expect(body.status).toBe(status);
    }
  });

  it("GET /schedules → {schedules, page} with the Spring-style fields", async () => {
    const { body } = await call("GET", "/schedules");
    expectShape(body, { ...SPRING_PAGE, schedules: "array" });
    expectShape(body.schedules[0], SCHEDULE);
  });

  it("DELETE /schedules/{id} → 204", async () => {
    expect((await call("DELETE", `/schedules/${scheduleId}`)).status).toBe(204);
  });

  it("errors → {errors:[{code, message, logref}]}", async () => {
    const { status, body } = await call("GET", "/jobs/nope");
    expect(status).toBe(404);
    expectShape(body, { errors: "array" });
    expectShape(body.errors[0], { code: "string", message: "string", logref: "string" });
  });

  it("an unknown route is a 404 with the error body", async () => {
    const { status, body } = await call("GET", "/nothing-here");
    expect(status).toBe(404);
    expect(body.errors[0].code).toBe("jobmanager.notFound");
  });
});
