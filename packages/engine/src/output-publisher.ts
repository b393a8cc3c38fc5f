/**
 * Publishes a job's live paragraph output on the bus in batches (at most a few events a
 * second per job), so a chatty paragraph cannot flood subscribers. Everything written is
 * published, in order: `flush` sends what is pending (called when a paragraph ends).
 */
import type { EventBus } from "@jobmanager/db";

export interface OutputPublisher {
  write(index: number, text: string): void;
  flush(): void;
  close(): void;
}

export function createOutputPublisher(bus: EventBus, jobId: string, intervalMs = 250): OutputPublisher {
  let pending: { index: number; offset: number; text: string } | null = null;
  const offsets = new Map<number, number>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const { index, offset, text } = pending;
    pending = null;
    bus.publish({ type: "paragraph.output", jobId, index, offset, text });
  };

  return {
    write(index, text) {
      if (!text) return;
      if (pending && pending.index !== index) flush();
      const offset = offsets.get(index) ?? 0;
      offsets.set(index, offset + text.length);
      if (pending) pending.text += text;
      else pending = { index, offset, text };
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
    close: flush,
  };
}
