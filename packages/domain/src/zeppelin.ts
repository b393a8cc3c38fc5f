/**
 * Parses Zeppelin notes: one JSON document per note, `.zpln` (0.9+) or `note.json` (0.8).
 * Both carry `paragraphs[]` with `text`, `title`, `id` and `config.enabled`; 0.8 names the
 * default interpreter in `config.defaultInterpreter` or not at all, 0.9+ in
 * `defaultInterpreterGroup`. Pure: text in, Notebook out, InvalidNotebookError on anything else.
 */
import { InvalidNotebookError } from "./errors";
import type { Notebook, Paragraph } from "./notebook";

/** Zeppelin's own rule for the interpreter directive, plus optional `(k=v, …)` properties. */
const DIRECTIVE = /^\s*%([a-zA-Z0-9_\-]+(?:\.\w+)*)(?:\(([^)]*)\))?/;

const FALLBACK_INTERPRETER = "python";

export function parseZeppelinNote(source: string): Notebook {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new InvalidNotebookError(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) throw new InvalidNotebookError("a Zeppelin note is a JSON object");
  if (!Array.isArray(json.paragraphs)) {
    throw new InvalidNotebookError("a Zeppelin note needs a 'paragraphs' array");
  }
  const config = isObject(json.config) ? json.config : {};
  const defaultInterpreter =
    stringOr(json.defaultInterpreterGroup) ?? stringOr(config.defaultInterpreter) ?? FALLBACK_INTERPRETER;

  const paragraphs = json.paragraphs.map((raw, index) =>
    parseParagraph(raw, index, defaultInterpreter),
  );
  if (!paragraphs.some((p) => p.enabled && p.code.trim() !== "")) {
    throw new InvalidNotebookError("the note has no enabled paragraph with code to run");
  }
  return {
    format: "zeppelin",
    name: stringOr(json.name) ?? "Untitled note",
    defaultInterpreter,
    stopOnError: config.stopOnError === true,
    paragraphs,
  };
}

function parseParagraph(raw: unknown, index: number, defaultInterpreter: string): Paragraph {
  if (!isObject(raw)) throw new InvalidNotebookError(`paragraph ${index + 1} is not an object`);
  if (raw.text !== undefined && raw.text !== null && typeof raw.text !== "string") {
    throw new InvalidNotebookError(`paragraph ${index + 1} has a 'text' that is not a string`);
  }
  const text = typeof raw.text === "string" ? raw.text : "";
  const config = isObject(raw.config) ? raw.config : {};
  const directive = DIRECTIVE.exec(text);
  return {
    id: stringOr(raw.id) ?? `paragraph_${index + 1}`,
    index,
    title: stringOr(raw.title) ?? null,
    interpreter: directive?.[1] ?? defaultInterpreter,
    localProperties: parseLocalProperties(directive?.[2]),
    text,
    code: directive ? text.slice(directive[0].length).replace(/^[ \t]*\r?\n/, "") : text,
    enabled: config.enabled !== false,
  };
}

function parseLocalProperties(list: string | undefined): Record<string, string> {
  const properties: Record<string, string> = {};
  if (!list) return properties;
  for (const pair of list.split(",")) {
    const [key, ...rest] = pair.split("=");
    const name = key?.trim();
    if (name) properties[name] = rest.join("=").trim();
  }
  return properties;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
