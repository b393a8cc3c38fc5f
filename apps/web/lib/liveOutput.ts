/**
 * Live paragraph output from `jobOutput`: chunks with an offset into each paragraph's text.
 * `appendChunk` places a chunk at its offset (a replay after a reconnect overlaps what we
 * have, and is cut to the new part), and `parseDisplay` splits the text into Zeppelin
 * display-system results: a line starting with `%html`, `%table`, `%img` or `%text` opens a
 * result of that type, which lasts until the next such line.
 */
import type { ParagraphResult } from "./graphql";

export function appendChunk(current: string, offset: number, text: string): string {
  if (offset > current.length) return current + text; // a gap: keep what arrives rather than nothing
  return current.slice(0, offset) + text + current.slice(offset + text.length);
}

const MARKER = /^%(html|table|img|text)(?:[ \t]|$)/;

export function parseDisplay(text: string): ParagraphResult[] {
  const results: ParagraphResult[] = [];
  let type = "TEXT";
  let lines: string[] = [];
  const flush = () => {
    const data = lines.join("\n");
    if (data.trim() || type !== "TEXT") results.push({ type, data });
    lines = [];
  };
  for (const line of text.split("\n")) {
    const match = MARKER.exec(line);
    if (match) {
      flush();
      type = match[1]!.toUpperCase();
      const rest = line.slice(match[0].length);
      if (rest) lines.push(rest);
    } else {
      lines.push(line);
    }
  }
  flush();
  return results;
}
