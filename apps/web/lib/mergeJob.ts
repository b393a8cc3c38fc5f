/**
 * The detail page sees a job from two sources: the `job(id)` query (complete, with
 * paragraphs) and `jobUpdated(id)` snapshots (status, message, times, events). This merges
 * them: scalar fields from whichever is further along in the lifecycle (the query on a tie,
 * as it is fetched again after every snapshot), events as the union of both in time order,
 * paragraphs from the query.
 */
import type { JobDetail, JobEvent, JobHead } from "./graphql";
import { statusRank } from "./jobStatus";

export function mergeEvents(a: readonly JobEvent[], b: readonly JobEvent[]): JobEvent[] {
  const byId = new Map<string, JobEvent>();
  for (const event of [...a, ...b]) byId.set(event.id, event);
  return [...byId.values()]
    .map((event, order) => ({ event, order, time: Date.parse(event.at) }))
    .sort((x, y) => (x.time === y.time || Number.isNaN(x.time - y.time) ? x.order - y.order : x.time - y.time))
    .map(({ event }) => event);
}

export function mergeJob(queried: JobDetail, live: JobHead | null): JobDetail {
  if (!live || live.id !== queried.id) return queried;
  const head = statusRank(live.status) > statusRank(queried.status) ? live : queried;
  return { ...queried, ...head, events: mergeEvents(queried.events, live.events), paragraphs: queried.paragraphs };
}
