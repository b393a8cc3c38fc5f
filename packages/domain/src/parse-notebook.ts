/** Picks the parser for an uploaded payload by its file name: `.ipynb` is Jupyter, the rest Zeppelin. */
import { InvalidNotebookError } from "./errors";
import { parseJupyterNotebook } from "./jupyter";
import type { Notebook } from "./notebook";
import { parseZeppelinNote } from "./zeppelin";

export type NotebookFormat = Notebook["format"];

export function notebookFormatOf(fileName: string): NotebookFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".ipynb")) return "jupyter";
  if (lower.endsWith(".zpln") || lower.endsWith(".json")) return "zeppelin";
  throw new InvalidNotebookError(`'${fileName}' is neither a Zeppelin note (.zpln, note.json) nor a Jupyter notebook (.ipynb)`);
}

export function parseNotebook(fileName: string, bytes: Buffer | string): Notebook {
  const text = typeof bytes === "string" ? bytes : bytes.toString("utf8");
  return notebookFormatOf(fileName) === "jupyter" ? parseJupyterNotebook(text) : parseZeppelinNote(text);
}
