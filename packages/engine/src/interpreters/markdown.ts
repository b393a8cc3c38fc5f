/**
 * %md: markdown rendered by marked (GitHub flavour: tables, task lists, strikethrough) and
 * sanitised like %html, because markdown may embed raw HTML. Synchronous and pure.
 */
import { Marked } from "marked";
import { sanitizeHtml } from "./html";
import type { ParagraphOutcome } from "./types";

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** A %md paragraph → one HTML result (ERROR only if marked itself fails). */
export function renderMarkdown(code: string): ParagraphOutcome {
  try {
    const html = marked.parse(code, { async: false });
    return { status: "FINISHED", results: [{ type: "HTML", data: sanitizeHtml(html) }], error: null };
  } catch (err) {
    return { status: "ERROR", results: [], error: `Markdown could not be rendered: ${String(err)}` };
  }
}
