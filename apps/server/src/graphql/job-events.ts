/**
 * The `jobEvents` stream: the job's recorded events first (so a late subscriber misses
 * nothing), then every new one as it is published, each exactly once and in order (JobEvent
 * ids increase). It completes after the event of a final status.
 */
import type { JobEvent } from "@jobmanager/db";
import { isFinal, type JobStatus } from "@jobmanager/domain";
import type { ServiceContext } from "../services/context";
import { AsyncQueue } from "./async-queue";

/** The caller has checked that the job belongs to the tenant. */
export async function* jobEventStream(services: ServiceContext, jobId: string): AsyncGenerator<JobEvent> {
  const queue = new AsyncQueue<number>();
  const unsubscribe = services.bus.subscribe((event) => {
    if (event.type === "job.updated" && event.job.id === jobId) queue.push(event.eventId);
  });
  try {
    const history = await services.db.jobEvent.findMany({ where: { jobId }, orderBy: { id: "asc" } });
    let lastEventId = 0;
    for (const event of history) {
      lastEventId = event.id;
      yield event;
      if (isFinal(event.status as JobStatus)) return;
    }
    for await (const eventId of queue) {
      if (eventId <= lastEventId) continue;
      // Read every event we have not delivered yet, in id order (none is skipped).
      const events = await services.db.jobEvent.findMany({ where: { jobId, id: { gt: lastEventId, lte: eventId } }, orderBy: { id: "asc" } });
      for (const event of events) {
        lastEventId = event.id;
        yield event;
        if (isFinal(event.status as JobStatus)) return;
      }
    }
  } finally {
    unsubscribe();
    queue.close();
  }
}
