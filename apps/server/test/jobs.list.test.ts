import { transitionJob } from "@jobmanager/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoJobParameters, startTestServer, type TestServer } from "./harness";

describe("GET /api/jobmanager/v3/jobs", () => {
  let server: TestServer;
  /** Job ids, oldest first. */
  const ids: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
    const outcomes = [
      ["FAILED", "Paragraph 2 failed [Error: boom]"],
      ["STOPPED", "Stopped by the user."],
      ["SUBMITTED", ""],
      ["FAILED", "Failed to start environment [disk full]"],
      ["SUBMITTED", ""],
    ] as const;
    for (const [i, [status, message]] of outcomes.entries()) {
      const { id } = await (await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: demoJobParameters })).json();
      await server.db.job.update({ where: { id }, data: { createdAt: new Date(Date.UTC(2026, 0, 1 + i)) } });
      if (status === "STOPPED") await transitionJob(server.db, server.bus, { jobId: id, to: "STOPPING" });
      if (status !== "SUBMITTED") await transitionJob(server.db, server.bus, { jobId: id, to: status, message });
      ids.push(id);
    }
  });
  afterAll(() => server?.close());

  const list = async (query = "", token?: string | null) => {
    const response = await server.request(`/api/jobmanager/v3/jobs${query}`, { token });
    return { status: response.status, body: await response.json() };
  };
  const idsOf = (body: { jobs: Array<{ id: string }> }) => body.jobs.map((job) => job.id);
  const filtered = (filter: object) => list(`?filter=${encodeURIComponent(JSON.stringify(filter))}`);

  it("returns both the Spring-style and the {jobs, page} form, newest first, 100 a page by default", async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(idsOf(body)).toEqual([...ids].reverse());
    expect(body.page).toEqual({ number: 0, size: 100, totalPages: 1, totalElements: 5 });
    expect(body).toMatchObject({ totalPages: 1, totalElements: 5, last: true, first: true, size: 100, number: 0, numberOfElements: 5, sort: null });
    expect(body.content).toEqual(body.jobs);
    for (const job of body.jobs) {
      expect(job.jobId).toBe(job.id);
      expect(Object.keys(job).sort()).toEqual([
        "configurationId", "createdBy", "creationDate", "environmentId", "id", "inputFolderId", "jobId",
        "maximumExecutionTimeInSeconds", "message", "modelId", "outputFolderId", "status",
      ]);
    }
  });

  it("pages: the first page, the last page, and beyond the last page", async () => {
    const first = await list("?pageNumber=0&pageSize=2");
    expect(idsOf(first.body)).toEqual([ids[4], ids[3]]);
    expect(first.body.page).toEqual({ number: 0, size: 2, totalPages: 3, totalElements: 5 });
    expect(first.body).toMatchObject({ first: true, last: false, numberOfElements: 2 });

    const last = await list("?pageNumber=2&pageSize=2");
    expect(idsOf(last.body)).toEqual([ids[0]]);
    expect(last.body).toMatchObject({ first: false, last: true, numberOfElements: 1 });

    const beyond = await list("?pageNumber=7&pageSize=2");
    expect(beyond.status).toBe(200);
    expect(beyond.body.jobs).toEqual([]);
    expect(beyond.body.page.totalElements).toBe(5);
  });

  it("returns an empty page for a tenant without jobs", async () => {
    const other = await server.createTenant("empty");
    const { status, body } = await list("", other.token);
    expect(status).toBe(200);
    expect(body.jobs).toEqual([]);
    expect(body.page).toEqual({ number: 0, size: 100, totalPages: 0, totalElements: 0 });
  });

  it.each([
    ["a page size of 0", "?pageSize=0", /pageSize must be between 1 and 100/],
    ["a page size of 101", "?pageSize=101", /pageSize must be between 1 and 100/],
    ["a negative page number", "?pageNumber=-1", /pageNumber/],
    ["a page size that is not a number", "?pageSize=ten", /pageSize must be a whole number/],
    ["a page beyond the 10,000 reachable items", "?pageNumber=100&pageSize=100", /At most 10000 items/],
    ["a malformed filter", "?filter=%7Bstatus", /not valid JSON/],
    ["an unknown filter field", `?filter=${encodeURIComponent('{"owner":{"eq":"x"}}')}`, /'owner' is not supported/],
  ])("answers 400 to %s", async (_name, query, message) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ code: "jobmanager.invalidInput", message: expect.stringMatching(message) });
  });

  it("filters with eq on status", async () => {
    expect(idsOf((await filtered({ status: { eq: "FAILED" } })).body)).toEqual([ids[3], ids[0]]);
  });

  it("filters with or", async () => {
    expect(idsOf((await filtered({ status: { or: [{ eq: "STOPPED" }, { eq: "FAILED" }] } })).body)).toEqual([ids[3], ids[1], ids[0]]);
  });

  it("filters with contains on the message", async () => {
    expect(idsOf((await filtered({ message: { contains: "environment" } })).body)).toEqual([ids[3]]);
  });

  it("filters with after and before on the creation date", async () => {
    expect(idsOf((await filtered({ creationDate: { after: "2026-01-02T00:00:00Z" } })).body)).toEqual([ids[4], ids[3], ids[2]]);
    expect(idsOf((await filtered({ creationDate: { before: "2026-01-02T00:00:00Z" } })).body)).toEqual([ids[0]]);
    expect(
      idsOf((await filtered({ status: { eq: "SUBMITTED" }, creationDate: { after: "2026-01-01T12:00:00Z", before: "2026-01-04T00:00:00Z" } })).body),
    ).toEqual([ids[2]]);
  });

  it("filters with eq on the model id, and the same filter works over GraphQL", async () => {
    expect(idsOf((await filtered({ modelId: { eq: "demo-model" } })).body)).toHaveLength(5);
    expect(idsOf((await filtered({ modelId: { eq: "other-model" } })).body)).toEqual([]);
    const gql = await server.graphql("query($f: String) { jobs(first: 10, filter: $f) { totalCount nodes { id } } }", {
      f: JSON.stringify({ status: { eq: "FAILED" } }),
    });
    expect(gql.data.jobs).toEqual({ totalCount: 2, nodes: [{ id: ids[3] }, { id: ids[0] }] });
    const bad = await server.graphql('{ jobs(filter: "{nope") { totalCount } }');
    expect(bad.errors?.[0].extensions.code).toBe("jobmanager.invalidInput");
  });

  it("pages over GraphQL by cursor in either order, oldest first on request", async () => {
    const page = (order: string, after?: string) =>
      server.graphql("query($o: JobOrder, $a: String) { jobs(first: 2, order: $o, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }", { o: order, a: after });
    const walk = async (order: string) => {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const { data, errors } = await page(order, after);
        expect(errors).toBeUndefined();
        seen.push(...data.jobs.nodes.map((node: { id: string }) => node.id));
        if (!data.jobs.pageInfo.hasNextPage) return seen;
        after = data.jobs.pageInfo.endCursor;
      }
    };
    expect(await walk("OLDEST_FIRST")).toEqual(ids);
    expect(await walk("NEWEST_FIRST")).toEqual([...ids].reverse());
    const bad = await page("SIDEWAYS");
    expect(bad.errors?.[0].extensions.code).toBe("jobmanager.invalidInput");
  });
});
