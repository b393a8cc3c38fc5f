import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoJobParameters, startTestServer, type TestServer } from "./harness";

describe("authentication and tenant isolation", () => {
  let server: TestServer;
  let jobId: string;
  let other: { tenantId: string; token: string };
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
    other = await server.createTenant("other");
    jobId = (await (await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: demoJobParameters })).json()).id;
  });
  afterAll(() => server?.close());

  it.each([
    ["no Authorization header", null, "Missing or invalid credentials"],
    ["an unknown token", "jm_not-a-real-token", "The token is unknown or revoked."],
    ["a malformed header", "", "Missing or invalid credentials"],
  ])("answers 401 with the v3 error body to %s", async (_name, token, message) => {
    const response = await server.request(`/api/jobmanager/v3/jobs/${jobId}`, { token });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ code: "jobmanager.unauthorized", message: expect.stringContaining(message), logref: expect.any(String) }],
    });
  });

  it("answers 401 to a POST without a token and creates nothing", async () => {
    const before = await server.db.job.count();
    const response = await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: demoJobParameters, token: null });
    expect(response.status).toBe(401);
    expect(await server.db.job.count()).toBe(before);
  });

  it("answers 401 on GraphQL without a valid token", async () => {
    const response = await server.request("/graphql", { method: "POST", json: { query: "{ viewer { id } }" }, token: "jm_wrong" });
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe("jobmanager.unauthorized");
    expect(body.data).toBeUndefined();
  });

  it("stores tokens hashed, never in clear", async () => {
    const stored = await server.db.apiToken.findMany();
    expect(stored.length).toBeGreaterThan(0);
    for (const token of stored) {
      expect(token.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(token.secretHash).not.toContain(server.token);
    }
    expect(JSON.stringify(stored)).not.toContain(server.token);
  });

  it("shows tenant A's job to tenant B as a 404, over REST and GraphQL", async () => {
    const rest = await server.request(`/api/jobmanager/v3/jobs/${jobId}`, { token: other.token });
    expect(rest.status).toBe(404);
    expect((await rest.json()).errors[0]).toMatchObject({ code: "jobmanager.notFound", message: `Job '${jobId}' was not found.` });

    const gql = await server.graphql("query($id: ID!) { job(id: $id) { id status } }", { id: jobId }, other.token);
    expect(gql.data).toBeNull();
    expect(gql.errors?.[0].extensions.code).toBe("jobmanager.notFound");

    const list = await server.graphql("{ jobs { totalCount nodes { id } } models { id } configurations { id } folders { id } }", {}, other.token);
    expect(list.data).toEqual({ jobs: { totalCount: 0, nodes: [] }, models: [], configurations: [], folders: [] });
  });

  it("refuses tenant B a job on tenant A's model, configuration and folders, with 404", async () => {
    const response = await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: demoJobParameters, token: other.token });
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].message).toBe(`Model '${DEMO.modelId}' was not found.`);
  });
});
