/**
 * The executed notebook: the model's own payload with every paragraph's status, results and
 * run dates filled in, stored in the job's output folder next to the files the notebook
 * wrote. It is built from the ParagraphRun rows, so it can be written after a success, a
 * failure, a timeout, a stop, and by recovery after the runner was lost.
 *
 * File name: `<note name>.zpln` (characters that Data Exchange does not allow in names become
 * `_`). One writer per model format; Zeppelin is the only one so far (Jupyter comes with
 * `.ipynb` models).
 */
import type { ParagraphRun } from "@jobmanager/db";

export interface ExecutedNotebook {
  fileName: string;
  content: string;
}

type Writer = (payload: string, runs: ParagraphRun[]) => ExecutedNotebook;

const WRITERS: Record<string, Writer> = {
  zeppelin: writeZeppelin,
};

/** Null when the payload's format has no writer yet (nothing is written then). */
export function executedNotebook(format: string, payload: string, runs: ParagraphRun[]): ExecutedNotebook | null {
  const writer = WRITERS[format];
  return writer ? writer(payload, runs) : null;
}

/** Data Exchange names: letters, digits, `- _ . ( )` and space. */
export function safeFileName(name: string, extension: string): string {
  const base = name.replace(/[^\p{L}\p{N}\-_.() ]/gu, "_").replace(/^[.\s]+/, "").trim().slice(0, 200);
  return `${base || "notebook"}${extension}`;
}

function writeZeppelin(payload: string, runs: ParagraphRun[]): ExecutedNotebook {
  const note = JSON.parse(payload) as { name?: unknown; paragraphs?: Array<Record<string, unknown>> };
  const byIndex = new Map(runs.map((run) => [run.index, run]));
  (note.paragraphs ?? []).forEach((paragraph, index) => {
    const run = byIndex.get(index);
    if (!run) return;
    const msg = JSON.parse(run.results) as Array<{ type: string; data: string }>;
    if (run.error && !msg.some((m) => m.data.includes(run.error ?? ""))) msg.push({ type: "TEXT", data: run.error });
    paragraph.status = run.status;
    paragraph.results = { code: resultCode(run.status), msg };
    if (run.startedAt) paragraph.dateStarted = zeppelinDate(run.startedAt);
    if (run.finishedAt) paragraph.dateFinished = zeppelinDate(run.finishedAt);
  });
  const name = typeof note.name === "string" && note.name.trim() ? note.name.split("/").at(-1)! : "notebook";
  return { fileName: safeFileName(name, ".zpln"), content: JSON.stringify(note, null, 2) };
}

function resultCode(status: string): string {
  switch (status) {
    case "FINISHED":
      return "SUCCESS";
    case "ERROR":
    case "ABORT":
      return "ERROR";
    default:
      return "INCOMPLETE";
  }
}

/** Zeppelin's date format, `2021-07-26 03:15:33.820` (UTC here). */
export function zeppelinDate(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}
