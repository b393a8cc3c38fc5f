/**
 * (2) Throughput: `count` trivial jobs submitted at once over REST (concurrent POSTs); from
 * the first submit until the last final status is received over graphql-ws.
 */
import type { Api, JobWatcher } from "./client";
import { FINAL } from "./client";
import { jobBody, type ModelName } from "./fixtures";
import { round } from "./stats";

export interface ThroughputResult {
  jobs: number;
  succeeded: number;
  /** First submit → every job submitted (201 received). */
  submitMs: number;
  /** First submit → last final status. */
  drainMs: number;
  jobsPerSecond: number;
}

export async function measureThroughput(api: Api, watcher: JobWatcher, model: ModelName, count: number): Promise<ThroughputResult> {
  const started = performance.now();
  const ids = await Promise.all(Array.from({ length: count }, () => api.submit(jobBody(model))));
  const submitMs = performance.now() - started;
  const statuses = await Promise.all(ids.map((id) => watcher.waitFor(id, FINAL)));
  const drainMs = performance.now() - started;
  const succeeded = statuses.filter((s) => s === "SUCCEEDED").length;
  if (succeeded !== count) console.warn(`throughput %${model}: ${count - succeeded} of ${count} jobs did not succeed`);
  return { jobs: count, succeeded, submitMs: round(submitMs), drainMs: round(drainMs), jobsPerSecond: round(count / (drainMs / 1000)) };
}
