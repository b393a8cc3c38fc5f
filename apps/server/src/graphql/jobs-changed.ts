/**
 * The `jobsChanged` stream for live lists: every status change of a job of the tenant that
 * matches the filter (as the job is after the change). The filter is checked when subscribing,
 * so a malformed one fails the subscription at once.
 */
import type { Job } from "@jobmanager/db";
import { matchesFilter, parseJobFilter } from "@jobmanager/domain";
import type { ServiceContext } from "../services/context";
import { AsyncQueue } from "./async-queue";

export function jobsChanged(services: ServiceContext, filterText: string | null | undefined): AsyncIterable<Job> {
  const filter = parseJobFilter(filterText ?? undefined);
  const queue = new AsyncQueue<Job>();
  const unsubscribe = services.bus.subscribe((event) => {
    if (event.type !== "job.updated" || event.job.tenantId !== services.tenant.id) return;
    const { job } = event;
    const fields = { modelId: job.modelId, message: job.message, status: job.status, creationDate: job.createdAt };
    if (matchesFilter(filter, fields)) queue.push(job);
  });
  return {
    [Symbol.asyncIterator]() {
      const iterator = queue[Symbol.asyncIterator]();
      return {
        next: () => iterator.next(),
        return: () => {
          unsubscribe();
          return iterator.return!();
        },
      };
    },
  };
}
