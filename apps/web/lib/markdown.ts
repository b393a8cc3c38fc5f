/**
 * Markdown of a notebook's %md paragraph as HTML for the read-only preview. marked keeps raw
 * HTML, so its output always passes through sanitizeHtml before it reaches the page.
 */
import { Marked } from "marked";
import { sanitizeHtml } from "./sanitize";

const marked = new Marked({ gfm: true, breaks: false, async: false });

export function renderMarkdown(text: string): string {
  return sanitizeHtml(marked.parse(text, { async: false }));
}
