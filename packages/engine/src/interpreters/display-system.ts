/**
 * Zeppelin's display system, shared by %python and %sh: output that starts with a line
 * `%html`, `%table`, `%text` (or `%img`), at the very beginning of the output or of any
 * line, starts a typed result that runs until the next such directive. Everything else is
 * TEXT. Pure: no I/O, so it is tested table-driven.
 */
import type { ParagraphResult, ResultType } from "./types";

const DIRECTIVE = /(^|\n)%(text|html|table|img)(?=[ \t\r\n]|$)/g;

/**
 * Splits raw output text into typed results, in order. One separator after the directive
 * (a space, a tab or the line break) is dropped: `%html <b>x</b>` gives HTML `<b>x</b>`.
 * The result is not normalised (see `normalizeResults`).
 */
export function parseDisplayText(text: string): ParagraphResult[] {
  const out: ParagraphResult[] = [];
  let type: ResultType = "TEXT";
  let start = 0;
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index + (m[1] ?? "").length;
    const name = m[2] ?? "text";
    out.push({ type, data: text.slice(start, at) });
    type = name.toUpperCase() as ResultType;
    let next = at + 1 + name.length;
    if (text.startsWith("\r\n", next)) next += 2;
    else if (next < text.length && " \t\n".includes(text.charAt(next))) next += 1;
    start = next;
  }
  out.push({ type, data: text.slice(start) });
  return out;
}

/**
 * Leaves out whitespace-only results, trims the trailing line breaks of TABLE and IMG data
 * (a trailing newline is not an empty row), and merges adjacent TEXT results.
 */
export function normalizeResults(results: ParagraphResult[]): ParagraphResult[] {
  const out: ParagraphResult[] = [];
  for (const r of results) {
    if (r.data.trim() === "") continue;
    const data = r.type === "TABLE" || r.type === "IMG" ? r.data.replace(/[\r\n]+$/, "") : r.data;
    const last = out[out.length - 1];
    if (r.type === "TEXT" && last?.type === "TEXT") last.data += data;
    else out.push({ type: r.type, data });
  }
  return out;
}

type Segment = { text: string } | { result: ParagraphResult };

/**
 * Collects one paragraph's output: raw text as it streams in, plus results that an
 * interpreter emits directly (e.g. `z.show`). A directly emitted result ends any typed
 * result started by a directive; the text after it is TEXT again (as Zeppelin's
 * `z.show` prints `%text` after its table).
 */
export class DisplayCollector {
  private readonly segments: Segment[] = [];

  write(text: string): void {
    if (text === "") return;
    const last = this.segments[this.segments.length - 1];
    if (last && "text" in last) last.text += text;
    else this.segments.push({ text });
  }

  addResult(result: ParagraphResult): void {
    this.segments.push({ result: { ...result } });
  }

  /** The results so far (can be called while the paragraph is still running). */
  results(): ParagraphResult[] {
    const raw: ParagraphResult[] = [];
    for (const s of this.segments) {
      if ("text" in s) raw.push(...parseDisplayText(s.text));
      else raw.push({ ...s.result });
    }
    return normalizeResults(raw);
  }
}
