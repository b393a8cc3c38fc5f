/**
 * The notebook model every payload format is parsed into (Zeppelin today, Jupyter later).
 * The engine runs `paragraphs` in order; nothing here knows how.
 */
export interface Paragraph {
  /** Stable id from the note, or `paragraph_<index>` when the note has none. */
  id: string;
  index: number;
  title: string | null;
  /** Interpreter name without the `%`, e.g. `python`, `sh`, `md`, `spark.pyspark`. */
  interpreter: string;
  /** `%spark(pool=pool_1)` → `{ pool: "pool_1" }`. */
  localProperties: Record<string, string>;
  /** The whole paragraph text as stored in the note. */
  text: string;
  /** The code to run: `text` without the leading `%interpreter(...)` directive. */
  code: string;
  enabled: boolean;
}

export interface Notebook {
  format: "zeppelin" | "jupyter";
  name: string;
  defaultInterpreter: string;
  /** When true the run stops at the first failed paragraph; the Job Manager default is to go on. */
  stopOnError: boolean;
  paragraphs: Paragraph[];
}
