import { transitionJob } from "@jobmanager/db";
import type { Client } from "graphql-ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { demoJobParameters, graphqlWsClient, startTestServer, type TestServer } from "./harness";

const START = `mutation($input: StartJobInput!) { startJob(input: $input) { id status message } }`;
const UPDATES = `subscription($id: ID!) { jobUpdated(id: $id) { id status message } }`;

/** Collects the statuses a subscription delivers until it completes. */
function collectStatuses(client: Client, id: string, onStatus?: (status: string) => void): Promise<string[]> {
  const statuses: string[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe<{ jobUpdated: { status: string } }>(
      { query: UPDATES, variables: { id } },
      {
        next: ({ data, errors }) => {
          if (errors) return reject(new Error(JSON.stringify(errors)));
          statuses.push(data!.jobUpdated.status);
          onStatus?.(data!.jobUpdated.status);
        },
        error: reject,
        complete: () => resolve(statuses),
      },
    );
  });
}

describe("GraphQL jobs", () => {
  let clients: Client[] = [];
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    clients = [];
  });

  describe("with the runner", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => server?.close());

    it("delivers every status of a job to a graphql-ws client, in order", async () => {
      const started = await server.graphql(START, { input: demoJobParameters });
      expect(started.errors).toBeUndefined();
      expect(started.data.startJob.status).toBe("SUBMITTED");
      const client = graphqlWsClient(server);
      clients.push(client);
      const statuses = await collectStatuses(client, started.data.startJob.id);
      expect(statuses).toEqual(["SUBMITTED", "STARTING", "RUNNING", "SUCCEEDED"]);
    });

    it("returns the job with its events and paragraphs, and lists it", async () => {
      const { data } = await server.graphql(START, { input: { ...demoJobParameters, maximumExecutionTimeInSeconds: 120 } });
      const id = data.startJob.id;
      await server.waitForFinalJob(id);
      const result = await server.graphql(
        `query($id: ID!) { job(id: $id) { id status message maximumExecutionTimeInSeconds model { name }
            events { status message at } paragraphs { index interpreter status durationMs results { type data } }
            outputFiles { path file { name sizeInBytes downloadPath } } }
          jobs(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        { id },
      );
      expect(result.errors).toBeUndefined();
      const job = result.data.job;
      expect(job).toMatchObject({ id, status: "SUCCEEDED", maximumExecutionTimeInSeconds: 120, model: { name: "Demo: sales summary" } });
      expect(job.events.map((e: { status: string }) => e.status)).toEqual(["SUBMITTED", "STARTING", "RUNNING", "SUCCEEDED"]);
      expect(job.events[2].message).toBe("Started notebook execution.");
      expect(job.paragraphs.map((p: { status: string }) => p.status)).toEqual(["FINISHED", "FINISHED", "FINISHED", "FINISHED"]);
      const outputs = Object.fromEntries(job.outputFiles.map((o: { path: string; file: unknown }) => [o.path, o.file]));
      expect(Object.keys(outputs).sort()).toEqual(["Sales summary.zpln", "summary.csv"]);
      expect(outputs["summary.csv"]).toMatchObject({ name: "summary.csv", sizeInBytes: 66, downloadPath: expect.stringMatching(/^\/api\/dataexchange\/v3\/files\//) });
      const download = await server.request(outputs["summary.csv"].downloadPath);
      expect(await download.text()).toBe("region,revenue\nEast,1492.25\nNorth,546.75\nSouth,903.00\nWest,668.00\n");
      const foreign = await server.graphql("query($id: ID!) { job(id: $id) { outputFiles { path } } }", { id }, (await server.createTenant("outputs-other")).token);
      expect(foreign.errors?.[0].extensions.code).toBe("jobmanager.notFound");
      expect(result.data.jobs.nodes[0].id).toBe(id); // newest first
      expect(result.data.jobs.pageInfo.hasNextPage).toBe(result.data.jobs.totalCount > 1);
    });

    it("answers a bad startJob input with the validation code and creates nothing", async () => {
      const before = await server.db.job.count();
      const result = await server.graphql(START, { input: { ...demoJobParameters, maximumExecutionTimeInSeconds: -5 } });
      expect(result.errors?.[0]).toMatchObject({
        message: expect.stringContaining("maximumExecutionTimeInSeconds"),
        extensions: { code: "jobmanager.invalidInput" },
      });
      expect(await server.db.job.count()).toBe(before);
    });
  });

  describe("without a runner", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ runner: false });
    });
    afterAll(() => server?.close());

    it("streams status changes live after replaying the ones before the subscription", async () => {
      const { data } = await server.graphql(START, { input: demoJobParameters });
      const id = data.startJob.id;
      const client = graphqlWsClient(server);
      clients.push(client);
      let sawSubmitted!: () => void;
      const submitted = new Promise<void>((resolve) => (sawSubmitted = resolve));
      const done = collectStatuses(client, id, (status) => status === "SUBMITTED" && sawSubmitted());
      await submitted;
      for (const to of ["STARTING", "STOPPING", "STOPPED"] as const) {
        await transitionJob(server.db, server.bus, { jobId: id, to });
      }
      expect(await done).toEqual(["SUBMITTED", "STARTING", "STOPPING", "STOPPED"]);
    });

    it("streams the live list changes that match a filter, and counts jobs per status", async () => {
      const client = graphqlWsClient(server);
      clients.push(client);
      const seen: Array<{ id: string; status: string }> = [];
      let done!: () => void;
      const twoSeen = new Promise<void>((resolve) => (done = resolve));
      const filter = JSON.stringify({ status: { or: [{ eq: "STOPPING" }, { eq: "STOPPED" }] } });
      client.subscribe<{ jobsChanged: { id: string; status: string } }>(
        { query: "subscription($f: String) { jobsChanged(filter: $f) { id status } }", variables: { f: filter } },
        { next: ({ data }) => (seen.push(data!.jobsChanged), seen.length === 2 && done()), error: (e) => { throw e; }, complete: () => {} },
      );
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the subscription start
      const a = (await server.graphql(START, { input: demoJobParameters })).data.startJob.id;
      const b = (await server.graphql(START, { input: demoJobParameters })).data.startJob.id;
      await transitionJob(server.db, server.bus, { jobId: a, to: "FAILED", message: "not matching" });
      await transitionJob(server.db, server.bus, { jobId: b, to: "STOPPING" });
      await transitionJob(server.db, server.bus, { jobId: b, to: "STOPPED" });
      await twoSeen;
      expect(seen).toEqual([{ id: b, status: "STOPPING" }, { id: b, status: "STOPPED" }]);

      const counts = await server.graphql("{ jobCounts { status count } }");
      const byStatus = Object.fromEntries(counts.data.jobCounts.map((c: { status: string; count: number }) => [c.status, c.count]));
      expect(Object.keys(byStatus)).toEqual(["SUBMITTED", "STARTING", "RUNNING", "SUCCEEDED", "STOPPING", "STOPPED", "FAILED"]);
      expect(byStatus.STOPPED).toBeGreaterThanOrEqual(2);
      expect(byStatus.FAILED).toBe(1);
      const failedOnly = await server.graphql('{ jobCounts(filter: "{\\"status\\":{\\"eq\\":\\"FAILED\\"}}") { status count } }');
      expect(failedOnly.data.jobCounts.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(1);
    });

    it("refuses a jobsChanged subscription with a malformed filter", async () => {
      const client = graphqlWsClient(server);
      clients.push(client);
      const result = new Promise((resolve, reject) =>
        client.subscribe({ query: 'subscription { jobsChanged(filter: "{oops") { id } }' }, { next: resolve, error: reject, complete: () => {} }),
      );
      expect(JSON.stringify(await result)).toContain("jobmanager.invalidInput");
    });

    it("refuses a subscription without a valid token", async () => {
      const { data } = await server.graphql(START, { input: demoJobParameters });
      const client = graphqlWsClient(server, "jm_wrong");
      clients.push(client);
      await expect(collectStatuses(client, data.startJob.id)).rejects.toMatchObject({ code: 4403 });
    });

    it("refuses a subscription to another tenant's job", async () => {
      const { data } = await server.graphql(START, { input: demoJobParameters });
      const other = await server.createTenant("subscriber");
      const client = graphqlWsClient(server, other.token);
      clients.push(client);
      await expect(collectStatuses(client, data.startJob.id)).rejects.toThrow(/"code":"jobmanager.notFound"/);
    });
  });
});
