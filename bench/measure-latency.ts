/**
 * (3) Dispatch latency and (4) live status latency, from one series of trivial %sh jobs run
 * one at a time (so the runner is idle when each is submitted).
 *
 * Dispatch: JobEvent.at of STARTING − JobEvent.at of SUBMITTED (both stamped by the server;
 * SUBMITTED is the job row's createdAt, STARTING is taken just before the claim's transaction).
 *
 * Live status: for every status of every job, the time the graphql-ws client (this process)
 * received it − its JobEvent.at. Both are Date.now() on this machine; `at` is taken just
 * before the status transaction, so the figure includes the commit itself (an upper bound).
 * Millisecond resolution.
 */
import type { Api, JobWatcher } from "./client";
import { FINAL } from "./client";
import { jobBody } from "./fixtures";
import { summarize, type Summary } from "./stats";

export interface LatencyResult {
  jobs: number;
  dispatchMs: Summary;
  liveStatusMs: Summary;
  /** Per status: received − at. */
  liveStatusByStatusMs: Record<string, Summary>;
}

export async function measureLatency(api: Api, watcher: JobWatcher, count: number): Promise<LatencyResult> {
  const dispatch: number[] = [];
  const live: number[] = [];
  const byStatus: Record<string, number[]> = {};
  for (let i = 0; i <= count; i++) {
    const id = await api.submit(jobBody("sh"));
    const status = await watcher.waitFor(id, FINAL);
    if (status !== "SUCCEEDED") throw new Error(`latency job ${id} ended ${status}`);
    if (i === 0) continue; // warm-up
    const at = await api.eventTimes(id);
    dispatch.push(at.get("STARTING")! - at.get("SUBMITTED")!);
    for (const [s, received] of watcher.received(id)) {
      const committed = at.get(s);
      if (committed === undefined) continue;
      live.push(received - committed);
      (byStatus[s] ??= []).push(received - committed);
    }
    // Let the runner finish its bookkeeping so that the next submit finds it idle.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    jobs: count,
    dispatchMs: summarize(dispatch),
    liveStatusMs: summarize(live),
    liveStatusByStatusMs: Object.fromEntries(Object.entries(byStatus).map(([s, v]) => [s, summarize(v)])),
  };
}
