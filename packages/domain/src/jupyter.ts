/**
 * Parses Jupyter notebooks (nbformat 4) into the same Notebook model as Zeppelin notes:
 * code cells run as `%python`, markdown cells as `%md`, raw cells are skipped. Pure.
 */
import { InvalidNotebookError } from "./errors";
import type { Notebook, Paragraph } from "./notebook";

export function parseJupyterNotebook(source: string): Notebook {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new InvalidNotebookError(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) throw new InvalidNotebookError("a Jupyter notebook is a JSON object");
  if (json.nbformat !== 4) throw new InvalidNotebookError(`only nbformat 4 is supported (got ${JSON.stringify(json.nbformat ?? null)})`);
  if (!Array.isArray(json.cells)) throw new InvalidNotebookError("a Jupyter notebook needs a 'cells' array");

  const paragraphs: Paragraph[] = [];
  json.cells.forEach((cell, position) => {
    if (!isObject(cell)) throw new InvalidNotebookError(`cell ${position + 1} is not an object`);
    const interpreter = cell.cell_type === "code" ? "python" : cell.cell_type === "markdown" ? "md" : null;
    if (cell.cell_type !== "raw" && interpreter === null) {
      throw new InvalidNotebookError(`cell ${position + 1} has an unknown cell_type ${JSON.stringify(cell.cell_type ?? null)}`);
    }
    if (!interpreter) return;
    const code = sourceText(cell.source, position);
    const index = paragraphs.length;
    paragraphs.push({
      id: typeof cell.id === "string" && cell.id ? cell.id : `cell_${position + 1}`,
      index,
      title: null,
      interpreter,
      localProperties: {},
      text: `%${interpreter}\n${code}`,
      code,
      enabled: true,
    });
  });
  if (!paragraphs.some((p) => p.interpreter === "python" && p.code.trim() !== "")) {
    throw new InvalidNotebookError("the notebook has no code cell to run");
  }
  const metadata = isObject(json.metadata) ? json.metadata : {};
  return { format: "jupyter", name: typeof metadata.title === "string" ? metadata.title : "Untitled notebook", defaultInterpreter: "python", stopOnError: false, paragraphs };
}

/** nbformat stores `source` as one string or as a list of lines (each with its newline). */
function sourceText(source: unknown, position: number): string {
  if (typeof source === "string") return source;
  if (Array.isArray(source) && source.every((line) => typeof line === "string")) return source.join("");
  throw new InvalidNotebookError(`cell ${position + 1} has a 'source' that is neither a string nor a list of strings`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
