import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoJobParameters, startTestServer, zeppelinNote, type TestServer } from "./harness";

const START = `mutation($input: StartJobInput!) { startJob(input: $input) { id } }`;

describe("idempotent job starts", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());

  it("returns the same job for the same key over GraphQL, even for concurrent requests", async () => {
    const before = await server.db.job.count();
    const input = { ...demoJobParameters, idempotencyKey: "nightly-2026-12-04" };
    const results = await Promise.all(Array.from({ length: 5 }, () => server.graphql(START, { input })));
    const ids = new Set(results.map((r) => r.data.startJob.id));
    expect(ids.size).toBe(1);
    expect((await server.graphql(START, { input })).data.startJob.id).toBe([...ids][0]);
    expect(await server.db.job.count()).toBe(before + 1);
  });

  it("takes the key from the Idempotency-Key header over REST", async () => {
    const start = () =>
      server.request("/api/jobmanager/v3/jobs", { method: "POST", json: demoJobParameters, headers: { "Idempotency-Key": "rest-key-1" } }).then((r) => r.json());
    const [a, b] = [await start(), await start()];
    expect(a.id).toBe(b.id);
    const plain = await (await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: demoJobParameters })).json();
    expect(plain.id).not.toBe(a.id);
  });

  it("keeps keys apart per tenant", async () => {
    const other = await server.createTenant("idempotency-other");
    const modelId = await server.createModel(zeppelinNote("%sh\necho theirs"), other.tenantId);
    const configuration = await server.db.environmentConfiguration.create({ data: { tenantId: other.tenantId, name: "c" } });
    const theirParameters = { modelId, configurationId: configuration.id, inputFolderId: "_PUBLIC_ROOT_ID", outputFolderId: "_PUBLIC_ROOT_ID" };
    const mine = await server.graphql(START, { input: { ...demoJobParameters, idempotencyKey: "shared" } });
    const theirs = await server.graphql(START, { input: { ...theirParameters, idempotencyKey: "shared" } }, other.token);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.startJob.id).not.toBe(mine.data.startJob.id);
  });
});
