/**
 * The `jobOutput` stream: paragraph output as it is produced (batched by the engine to a few
 * updates a second per job). A subscriber first gets what was published so far (the bus
 * keeps a backlog per job), then live chunks; `offset` tells where a chunk starts in its
 * paragraph's output, which makes the delivery exactly once even where the backlog and the
 * live events overlap. For a job that ended long ago (no backlog left) the stored results of
 * each paragraph are sent instead. It completes when the job has a final status.
 */
import type { ParagraphOutputEvent } from "@jobmanager/db";
import { isFinal, type JobStatus } from "@jobmanager/domain";
import type { ServiceContext } from "../services/context";
import { AsyncQueue } from "./async-queue";

export interface ParagraphOutputChunk {
  jobId: string;
  index: number;
  offset: number;
  text: string;
}

type Item = { kind: "output"; event: ParagraphOutputEvent } | { kind: "final" };

/** The caller has checked that the job belongs to the tenant. */
export async function* jobOutputStream(services: ServiceContext, jobId: string): AsyncGenerator<ParagraphOutputChunk> {
  const queue = new AsyncQueue<Item>();
  const unsubscribe = services.bus.subscribe((event) => {
    if (event.type === "paragraph.output" && event.jobId === jobId) queue.push({ kind: "output", event });
    if (event.type === "job.updated" && event.job.id === jobId && isFinal(event.job.status as JobStatus)) queue.push({ kind: "final" });
  });
  const seen = new Map<number, number>(); // paragraph index → characters delivered
  function* fresh(event: ParagraphOutputEvent): Generator<ParagraphOutputChunk> {
    const upTo = seen.get(event.index) ?? 0;
    const end = event.offset + event.text.length;
    if (end <= upTo) return;
    const skip = Math.max(0, upTo - event.offset);
    seen.set(event.index, end);
    yield { jobId, index: event.index, offset: event.offset + skip, text: event.text.slice(skip) };
  }
  try {
    const job = await services.db.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
    const backlog = services.bus.outputBacklog(jobId);
    if (isFinal(job.status as JobStatus) && backlog.length === 0) {
      const runs = await services.db.paragraphRun.findMany({ where: { jobId }, orderBy: { index: "asc" } });
      for (const run of runs) {
        const text = (JSON.parse(run.results) as Array<{ type: string; data: string }>)
          .map((result) => (result.type === "TEXT" ? result.data : `%${result.type.toLowerCase()}\n${result.data}\n`))
          .join("");
        if (text) yield { jobId, index: run.index, offset: 0, text };
      }
      return;
    }
    for (const event of backlog) yield* fresh(event);
    if (isFinal(job.status as JobStatus)) return;
    for await (const item of queue) {
      if (item.kind === "final") return;
      yield* fresh(item.event);
    }
  } finally {
    unsubscribe();
    queue.close();
  }
}
