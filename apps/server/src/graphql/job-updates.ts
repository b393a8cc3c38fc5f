/**
 * The `jobUpdated` stream: first one snapshot per recorded status (so a late subscriber misses
 * nothing), then every later status change as it is published, each exactly once and in
 * order (JobEvent ids are increasing). It completes after a final status.
 */
import { type Job } from "@jobmanager/db";
import { isFinal, type JobStatus } from "@jobmanager/domain";
import type { ServiceContext } from "../services/context";
import { AsyncQueue } from "./async-queue";

/** The caller has checked that the job belongs to the tenant. */
export async function* jobUpdates(services: ServiceContext, jobId: string): AsyncGenerator<Job> {
  const queue = new AsyncQueue<{ job: Job; eventId: number }>();
  const unsubscribe = services.bus.subscribe((event) => {
    if (event.type === "job.updated" && event.job.id === jobId) queue.push(event);
  });
  try {
    const [current, history] = await Promise.all([
      services.db.job.findUniqueOrThrow({ where: { id: jobId } }),
      services.db.jobEvent.findMany({ where: { jobId }, orderBy: { id: "asc" } }),
    ]);
    let lastEventId = 0;
    for (const event of history) {
      lastEventId = event.id;
      yield { ...current, status: event.status, message: event.message };
      if (isFinal(event.status as JobStatus)) return;
    }
    for await (const { job, eventId } of queue) {
      if (eventId <= lastEventId) continue;
      lastEventId = eventId;
      yield job;
      if (isFinal(job.status as JobStatus)) return;
    }
  } finally {
    unsubscribe();
    queue.close();
  }
}
