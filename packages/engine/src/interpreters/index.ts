/**
 * The interpreters of one environment, behind one `run(paragraph)`. %python starts lazily
 * (one process, reused by every python paragraph); %sh, %md and %html need no process
 * between paragraphs. What must stay true: `run` never throws for a paragraph's problem
 * (unknown or disabled interpreter, python that cannot start): it returns ERROR.
 */
import { renderHtml } from "./html";
import { renderMarkdown } from "./markdown";
import { createPythonInterpreter, type PythonInterpreter } from "./python";
import { runShell } from "./shell";
import type { InterpreterContext, ParagraphOutcome, RunOptions } from "./types";

export type * from "./types";
export { buildProcessEnv } from "./process-env";
export { resolvePythonExecutable } from "./python-executable";
export { createPythonInterpreter, DRIVER_PATH, type PythonInterpreter } from "./python";
export { runShell } from "./shell";
export { renderMarkdown } from "./markdown";
export { renderHtml, sanitizeHtml } from "./html";
export { DisplayCollector, parseDisplayText, normalizeResults } from "./display-system";

/** The interpreters this layer provides, in the order messages list them. */
export const SUPPORTED_INTERPRETERS = ["md", "python", "sh", "html"] as const;
export type InterpreterName = (typeof SUPPORTED_INTERPRETERS)[number];

const ALIASES: Record<string, InterpreterName> = { python3: "python" };

/**
 * The canonical name for an interpreter name as written in a note or a configuration
 * (`%python3` → `python`), or null when this layer does not provide it (`spark`).
 */
export function canonicalInterpreter(name: string): InterpreterName | null {
  const key = name.trim().replace(/^%/, "").toLowerCase();
  const alias = ALIASES[key];
  if (alias) return alias;
  return (SUPPORTED_INTERPRETERS as readonly string[]).includes(key) ? (key as InterpreterName) : null;
}

export interface InterpreterSet {
  /** The interpreters usable here (supported ∩ enabled), in SUPPORTED_INTERPRETERS order. */
  readonly available: readonly InterpreterName[];
  /** Runs one paragraph; paragraphs must be run one at a time (python runs are queued). */
  run(paragraph: { interpreter: string; code: string }, options?: RunOptions): Promise<ParagraphOutcome>;
  /** Starts %python ahead of its first paragraph (if enabled); never throws. */
  warmUp(): Promise<void>;
  /** Closes the python process if one was started; idempotent, never throws. */
  close(): Promise<void>;
}

/**
 * @param enabled the configuration's enabled interpreters (aliases allowed); default: all
 *   supported ones.
 * @param warmPython a pre-started driver, started in `ctx.workDir`, that %python uses instead
 *   of starting its own (it adopts `ctx` at once and is closed with the set in any case).
 */
export function createInterpreterSet(ctx: InterpreterContext, enabled?: readonly string[], warmPython?: PythonInterpreter): InterpreterSet {
  const wanted = enabled === undefined ? null : new Set(enabled.map(canonicalInterpreter));
  const available = SUPPORTED_INTERPRETERS.filter((name) => wanted === null || wanted.has(name));
  let python: Promise<PythonInterpreter> | null = null;
  let closed = false;
  if (warmPython) {
    warmPython.adopt(ctx);
    python = Promise.resolve(warmPython);
  }

  const startPython = (): Promise<PythonInterpreter> => {
    python ??= createPythonInterpreter(ctx);
    return python;
  };

  const run = async (
    paragraph: { interpreter: string; code: string },
    options: RunOptions = {},
  ): Promise<ParagraphOutcome> => {
    const name = canonicalInterpreter(paragraph.interpreter);
    if (name === null || !available.includes(name)) {
      const list = available.length > 0 ? available.join(", ") : "none";
      return {
        status: "ERROR",
        results: [],
        error: `Interpreter %${paragraph.interpreter} is not available in this environment (available: ${list}).`,
      };
    }
    if (closed) return { status: "ERROR", results: [], error: "The interpreters of this environment are closed." };
    switch (name) {
      case "md":
        return renderMarkdown(paragraph.code);
      case "html":
        return renderHtml(paragraph.code);
      case "sh":
        return runShell(paragraph.code, ctx, options);
      case "python": {
        let interpreter: PythonInterpreter;
        try {
          interpreter = await startPython();
        } catch (err) {
          return {
            status: "ERROR",
            results: [],
            error: `The python interpreter could not be started: ${err instanceof Error ? err.message : String(err)}`,
          };
        }
        return interpreter.run(paragraph.code, options);
      }
    }
  };

  return {
    available,
    run,
    async warmUp() {
      if (closed || !available.includes("python")) return;
      await startPython().then(
        () => undefined,
        () => undefined,
      );
    },
    async close() {
      closed = true;
      if (python === null) return;
      const interpreter = await python.catch(() => null);
      await interpreter?.close();
    },
  };
}
