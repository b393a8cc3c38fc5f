/** Parsing of paragraph result payloads (Zeppelin's display system). */

/** `%table` data: tab-separated cells, newline-separated rows, header row first. */
export function parseTable(data: string): { header: string[]; rows: string[][] } {
  const lines = data.replace(/\r\n/g, "\n").split("\n");
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const [first, ...rest] = lines.map((line) => line.split("\t"));
  return { header: first ?? [], rows: rest };
}

/** An image result is either a data: URL already or bare base64 of a PNG. */
export function imageSource(data: string): string {
  const trimmed = data.trim();
  return trimmed.startsWith("data:") ? trimmed : `data:image/png;base64,${trimmed.replace(/\s+/g, "")}`;
}
