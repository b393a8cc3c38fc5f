/** The job's event log, oldest first: one entry per status change with its message. */
import { formatDateTime } from "@/lib/format";
import type { JobEvent } from "@/lib/graphql";
import { MessageChain } from "./MessageChain";
import { StatusBadge } from "./StatusBadge";

export function JobTimeline({ events }: { events: readonly JobEvent[] }) {
  if (events.length === 0) return <p className="empty">No status changes yet.</p>;
  return (
    <ol className="timeline" aria-label="Status timeline" data-testid="job-timeline">
      {events.map((event) => (
        <li key={event.id} className="timeline-item">
          <StatusBadge status={event.status} />
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          {event.message ? (
            <span className="timeline-message">
              <MessageChain message={event.message} />
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
