/**
 * The bench's view of the server: REST calls and a graphql-ws `jobsChanged` subscription that
 * records, per job, when each status reached this process (Date.now(), the machine's clock,
 * the same clock the server stamps JobEvent.at with).
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { BenchServer } from "./server";

export const FINAL = new Set(["SUCCEEDED", "FAILED", "STOPPED"]);

export interface Api {
  submit(body: object): Promise<string>;
  stop(id: string): Promise<void>;
  graphql<T>(query: string, variables?: object): Promise<T>;
  /** JobEvent timestamps (ms since epoch) per status. */
  eventTimes(id: string): Promise<Map<string, number>>;
}

export function createApi(server: BenchServer): Api {
  const headers = { authorization: `Bearer ${server.token}`, "content-type": "application/json" };
  const api: Api = {
    async submit(body) {
      const response = await fetch(`${server.url}/api/jobmanager/v3/jobs`, { method: "POST", headers, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`POST /jobs answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    async stop(id) {
      const response = await fetch(`${server.url}/api/jobmanager/v3/jobs/${id}/stop`, { method: "POST", headers });
      if (!response.ok) throw new Error(`POST /jobs/${id}/stop answered ${response.status}: ${await response.text()}`);
    },
    async graphql<T>(query: string, variables: object = {}) {
      const response = await fetch(`${server.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data: T; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    async eventTimes(id) {
      const { job } = await api.graphql<{ job: { events: Array<{ status: string; at: string }> } }>(
        "query($id: ID!) { job(id: $id) { events { status at } } }",
        { id },
      );
      return new Map(job.events.map((e) => [e.status, Date.parse(e.at)]));
    },
  };
  return api;
}

/** Every status change of the tenant's jobs, as received over graphql-ws. */
export interface JobWatcher {
  /** When (Date.now()) each status of the job was received. */
  received(id: string): Map<string, number>;
  /** Resolves with the status once the job has reached `status` (or a final one). */
  waitFor(id: string, statuses: Set<string>): Promise<string>;
  close(): Promise<void>;
}

export async function watchJobs(server: BenchServer): Promise<JobWatcher> {
  const client: Client = createClient({
    url: server.url.replace(/^http/, "ws") + "/graphql",
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${server.token}` },
    lazy: false,
  });
  const seen = new Map<string, Map<string, number>>();
  const waiters = new Map<string, Array<{ statuses: Set<string>; resolve: (status: string) => void }>>();
  const ready = new Promise<void>((resolve, reject) => {
    client.on("connected", () => resolve());
    client.on("error", reject);
  });
  const unsubscribe = client.subscribe<{ jobsChanged: { id: string; status: string } }>(
    { query: "subscription { jobsChanged { id status } }" },
    {
      next: ({ data }) => {
        const now = Date.now();
        if (!data) return;
        const { id, status } = data.jobsChanged;
        const times = seen.get(id) ?? new Map<string, number>();
        seen.set(id, times);
        if (!times.has(status)) times.set(status, now);
        const pending = waiters.get(id) ?? [];
        waiters.set(id, pending.filter((w) => (w.statuses.has(status) ? (w.resolve(status), false) : true)));
      },
      error: (error) => console.error("jobsChanged subscription failed:", error),
      complete: () => {},
    },
  );
  await ready;
  // The subscription is registered on the server shortly after the socket says "connected".
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    received: (id) => seen.get(id) ?? new Map(),
    waitFor(id, statuses) {
      const reached = [...(seen.get(id)?.keys() ?? [])].find((s) => statuses.has(s));
      if (reached) return Promise.resolve(reached);
      return new Promise((resolve) => {
        const pending = waiters.get(id) ?? [];
        pending.push({ statuses, resolve });
        waiters.set(id, pending);
      });
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}
