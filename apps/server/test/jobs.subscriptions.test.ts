import type { Client } from "graphql-ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startJobFor } from "./engine-helpers";
import { graphqlWsClient, startTestServer, until, zeppelinNote, type TestServer } from "./harness";

const OUTPUT = `subscription($jobId: ID!) { jobOutput(jobId: $jobId) { jobId index offset text } }`;
const EVENTS = `subscription($jobId: ID!) { jobEvents(jobId: $jobId) { id status message at } }`;

interface Chunk {
  jobId: string;
  index: number;
  offset: number;
  text: string;
}

describe("GraphQL subscriptions jobOutput and jobEvents", () => {
  let server: TestServer;
  let clients: Client[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    clients = [];
  });

  function collect<T>(query: string, jobId: string, token = server.token): Promise<T[]> {
    const client = graphqlWsClient(server, token);
    clients.push(client);
    const items: T[] = [];
    return new Promise((resolve, reject) => {
      client.subscribe<Record<string, T>>(
        { query, variables: { jobId } },
        {
          next: ({ data, errors }) => (errors ? reject(new Error(JSON.stringify(errors))) : items.push(Object.values(data!)[0]!)),
          error: reject,
          complete: () => resolve(items),
        },
      );
    });
  }

  /** Each paragraph's chunks must follow each other without gap or overlap. */
  function textsOf(chunks: Chunk[]): Record<number, string> {
    const texts: Record<number, string> = {};
    for (const chunk of chunks) {
      expect(chunk.offset).toBe((texts[chunk.index] ?? "").length);
      texts[chunk.index] = (texts[chunk.index] ?? "") + chunk.text;
    }
    return texts;
  }

  it("streams each paragraph's output as it is produced, exactly once, in order and in batches", async () => {
    const job = await startJobFor(
      server,
      zeppelinNote("%python\nfor i in range(2000):\n    print(i, flush=True)", "%sh\necho shell says hi"),
    );
    const chunks = await collect<Chunk>(OUTPUT, job.id);
    const texts = textsOf(chunks);
    expect(texts[0]).toBe(Array.from({ length: 2000 }, (_, i) => `${i}\n`).join(""));
    expect(texts[1]).toBe("shell says hi\n");
    expect(chunks.every((c) => c.jobId === job.id)).toBe(true);
    expect(chunks.filter((c) => c.index === 0).length).toBeLessThan(50); // batched, not one per line
  });

  it("gives a subscriber that comes in mid-run what it missed, then the rest, without duplicates", async () => {
    const job = await startJobFor(server, zeppelinNote("%python\nimport time\nprint('early', flush=True)\ntime.sleep(1)\nprint('late')"));
    await until("the first output to be published", () => server.bus.outputBacklog(job.id).length > 0, 20_000, 20);
    const chunks = await collect<Chunk>(OUTPUT, job.id);
    expect(textsOf(chunks)).toEqual({ 0: "early\nlate\n" });
  });

  it("replays the stored results to a subscriber of a job that ended long ago", async () => {
    const job = await startJobFor(server, zeppelinNote("%python\nprint('stored')"));
    await server.waitForFinalJob(job.id);
    const bus = server.bus as { outputBacklog: (id: string) => unknown[] };
    const original = bus.outputBacklog;
    bus.outputBacklog = () => []; // as after the backlog expired
    const chunks = await collect<Chunk>(OUTPUT, job.id).finally(() => (bus.outputBacklog = original));
    expect(chunks).toEqual([{ jobId: job.id, index: 0, offset: 0, text: "stored\n" }]);
  });

  it("delivers every event of a job once, in order, with its time, and completes at the final status", async () => {
    const job = await startJobFor(server, zeppelinNote("%sh\nsleep 0.2"));
    const events = await collect<{ id: string; status: string; message: string; at: string }>(EVENTS, job.id);
    expect(events.map((e) => e.status)).toEqual(["SUBMITTED", "STARTING", "RUNNING", "SUCCEEDED"]);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
    expect(events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const late = await collect<{ status: string }>(EVENTS, job.id);
    expect(late.map((e) => e.status)).toEqual(["SUBMITTED", "STARTING", "RUNNING", "SUCCEEDED"]);
  });

  it("refuses both subscriptions for another tenant's job as not found", async () => {
    const job = await startJobFor(server, zeppelinNote("%python\nprint('mine')"));
    const other = await server.createTenant("subscriptions-foreign");
    for (const query of [OUTPUT, EVENTS]) {
      await expect(collect(query, job.id, other.token)).rejects.toThrow(/jobmanager.notFound/);
    }
  });
});
