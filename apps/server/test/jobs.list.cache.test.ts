import { transitionJob } from "@jobmanager/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoJobParameters, startTestServer, type TestServer } from "./harness";

/** The job list keeps its pages until the database changes: never a stale page. */
describe("GET /api/jobmanager/v3/jobs between changes", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());

  const start = async () => (await (await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: demoJobParameters })).json()).id as string;
  const list = async (query = "", headers: Record<string, string> = {}) => {
    const response = await server.request(`/api/jobmanager/v3/jobs${query}`, { headers });
    return { response, body: response.status === 200 ? await response.json() : null };
  };
  const failed = `?filter=${encodeURIComponent(JSON.stringify({ status: { eq: "FAILED" } }))}`;

  it("answers JSON with an ETag, 304 to a client that has the page, and a new page once a job changes", async () => {
    const first = await start();
    const before = await list();
    expect(before.response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const etag = before.response.headers.get("etag")!;
    expect(etag).toMatch(/^W\//);
    expect(before.body.jobs.map((job: { id: string }) => job.id)).toContain(first);
    // (fetch adds `Cache-Control: no-cache` to a conditional request unless told otherwise)
    expect((await list("", { "if-none-match": etag, "cache-control": "max-age=0" })).response.status).toBe(304);
    expect((await list(failed)).body.page.totalElements).toBe(0);

    await transitionJob(server.db, server.bus, { jobId: first, to: "FAILED", message: "Failed on purpose." });
    const second = await start();
    const after = await list();
    expect(after.response.headers.get("etag")).not.toBe(etag);
    expect(after.body.jobs[0].id).toBe(second);
    expect(after.body.page.totalElements).toBe(before.body.page.totalElements + 1);
    expect(after.body.jobs.find((job: { id: string }) => job.id === first)).toMatchObject({ status: "FAILED", message: "Failed on purpose." });
    const failedPage = (await list(failed)).body;
    expect(failedPage.page.totalElements).toBe(1);
    expect(failedPage.jobs.map((job: { id: string }) => job.id)).toEqual([first]);
  });
});
