/**
 * The in-process event bus: every job status change is published here after it is
 * committed, and subscriptions, the runner's wake-up and the web UI listen. (With PostgreSQL
 * the same interface will be carried by LISTEN/NOTIFY.)
 */
import { EventEmitter } from "node:events";
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
}

export function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(event) {
      emitter.emit("event", event);
    },
    subscribe(listener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
  };
}
