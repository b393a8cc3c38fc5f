/**
 * %html and the output of %md: HTML written by a notebook is shown in the web UI, so it is
 * sanitised here, once, before it is stored. What must stay true: no script, no event
 * handler attribute, no javascript:/vbscript: URL, no style that can load a URL survives.
 * Normal document markup (headings, lists, tables, code, links, images) does.
 */
import sanitize from "sanitize-html";
import type { ParagraphOutcome, ParagraphResult } from "./types";

const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla)\([\d\s.,%]+\))$/i;
const LENGTH = /^(0|auto|-?[\d.]+(px|em|rem|%|pt|vh|vw|ch))$/i;
const LENGTHS = /^((0|auto|-?[\d.]+(px|em|rem|%|pt|vh|vw|ch))\s*){1,4}$/i;
const BORDER = /^[\w\s#().,%-]+$/i;

const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    ...sanitize.defaults.allowedTags,
    "img",
    "del",
    "ins",
    "input",
    "details",
    "summary",
    "center",
    "font",
  ],
  allowedAttributes: {
    "*": ["class", "title", "style", "align", "lang", "dir"],
    a: ["href", "name", "target", "rel"],
    img: ["src", "alt", "width", "height"],
    td: ["colspan", "rowspan", "valign"],
    th: ["colspan", "rowspan", "valign", "scope"],
    col: ["span", "width"],
    colgroup: ["span", "width"],
    ol: ["start", "type", "reversed"],
    li: ["value"],
    input: ["type", "checked", "disabled"],
    details: ["open"],
    font: ["color", "size"],
    time: ["datetime"],
    data: ["value"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https", "data"] },
  allowProtocolRelative: false,
  allowedStyles: {
    "*": {
      color: [COLOR],
      "background-color": [COLOR],
      "text-align": [/^(left|right|center|justify)$/],
      "vertical-align": [/^(top|middle|bottom|baseline)$/],
      "font-weight": [/^(normal|bold|bolder|lighter|\d{3})$/],
      "font-style": [/^(normal|italic|oblique)$/],
      "font-size": [LENGTH],
      "font-family": [/^[\w\s,"'-]+$/],
      "text-decoration": [/^[\w\s-]+$/],
      "white-space": [/^(normal|nowrap|pre|pre-wrap|pre-line)$/],
      width: [LENGTH],
      height: [LENGTH],
      "max-width": [LENGTH],
      "max-height": [LENGTH],
      margin: [LENGTHS],
      padding: [LENGTHS],
      border: [BORDER],
      "border-collapse": [/^(collapse|separate)$/],
      display: [/^(block|inline|inline-block|none|flex|grid|table)$/],
    },
  },
  // GFM task lists render `<input type="checkbox" disabled>`; no other form input.
  exclusiveFilter: (frame) => frame.tag === "input" && frame.attribs.type !== "checkbox",
  transformTags: {
    input: (tagName, attribs) => ({ tagName, attribs: { ...attribs, disabled: "" } }),
    a: (tagName, attribs) =>
      attribs.target ? { tagName, attribs: { ...attribs, rel: "noopener noreferrer" } } : { tagName, attribs },
  },
};

/** Sanitises HTML from a notebook for display (see the header for what is kept). */
export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS);
}

/** A %html paragraph: its code is HTML; one sanitised HTML result. */
export function renderHtml(code: string): ParagraphOutcome {
  return { status: "FINISHED", results: [{ type: "HTML", data: sanitizeHtml(code) }], error: null };
}

/**
 * HTML results that %python and %sh print through the display system (`%html ...`) are
 * sanitised the same way; other result types are returned unchanged.
 */
export function sanitizeResults(results: ParagraphResult[]): ParagraphResult[] {
  return results.map((r) => (r.type === "HTML" ? { type: r.type, data: sanitizeHtml(r.data) } : r));
}
