/**
 * The in-process event bus: every job status change is published here after it is
 * committed, and subscriptions, the runner's wake-up and the web UI listen. (With PostgreSQL
 * the same interface will be carried by LISTEN/NOTIFY.)
 */
import { EventEmitter } from "node:events";
import { isFinal, type JobStatus } from "@jobmanager/domain";
import type { Job } from "./client";

export type BusEvent =
  /** A job changed status; `eventId` is the id of the JobEvent row that recorded it. */
  | { type: "job.updated"; job: Job; eventId: number }
  | ParagraphOutputEvent;

/**
 * Live output of a running paragraph, in batches. `offset` is where `text` starts in the
 * paragraph's output stream (characters), so a subscriber can drop what it has seen.
 */
export interface ParagraphOutputEvent {
  type: "paragraph.output";
  jobId: string;
  index: number;
  offset: number;
  text: string;
}

export interface EventBus {
  publish(event: BusEvent): void;
  /** Listens to every event; returns the function that stops listening. */
  subscribe(listener: (event: BusEvent) => void): () => void;
  /**
   * The paragraph output published so far for a job, in order, so that a late subscriber can
   * replay it: kept while the job runs and for a while after it ended, at most
   * OUTPUT_BACKLOG_CHARS per job (the oldest chunks go first).
   */
  outputBacklog(jobId: string): ParagraphOutputEvent[];
}

/** Characters of live output kept per job for replay. */
export const OUTPUT_BACKLOG_CHARS = 1_000_000;
/** How long the backlog is kept after the job ended (its results are in the database then). */
const BACKLOG_AFTER_END_MS = 60_000;

export function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const backlogs = new Map<string, { events: ParagraphOutputEvent[]; chars: number }>();
  const remember = (event: BusEvent) => {
    if (event.type === "paragraph.output") {
      const backlog = backlogs.get(event.jobId) ?? { events: [], chars: 0 };
      backlogs.set(event.jobId, backlog);
      backlog.events.push(event);
      backlog.chars += event.text.length;
      while (backlog.chars > OUTPUT_BACKLOG_CHARS && backlog.events.length > 1) backlog.chars -= backlog.events.shift()!.text.length;
    } else if (isFinal(event.job.status as JobStatus) && backlogs.has(event.job.id)) {
      setTimeout(() => backlogs.delete(event.job.id), BACKLOG_AFTER_END_MS).unref();
    }
  };
  return {
    publish(event) {
      remember(event);
      emitter.emit("event", event);
    },
    outputBacklog(jobId) {
      return [...(backlogs.get(jobId)?.events ?? [])];
    },
    subscribe(listener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
  };
}
