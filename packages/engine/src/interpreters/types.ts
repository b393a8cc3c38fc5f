/**
 * The contract between the notebook executor and the interpreters (%python, %sh, %md, %html).
 * An interpreter never throws for a paragraph's own failure: failures are data
 * (`status: "ERROR"` with a message), so the executor can go on with the next paragraph.
 */

/** Zeppelin's result types (the display system). */
export type ResultType = "TEXT" | "HTML" | "TABLE" | "IMG";

/** One typed result of a paragraph, as Zeppelin stores it in `results.msg[]`. */
export interface ParagraphResult {
  type: ResultType;
  /** TABLE: tab-separated columns, newline-separated rows, header first. */
  data: string;
}

export interface ParagraphOutcome {
  status: "FINISHED" | "ERROR";
  /** Typed results in output order; adjacent TEXT is merged, empty results are left out. */
  results: ParagraphResult[];
  /** Why the paragraph failed (a traceback, "Exit code 2", ...); null when FINISHED. */
  error: string | null;
}

export interface InterpreterContext {
  /** The environment's working directory: cwd and HOME of every process. */
  workDir: string;
  /** `workDir/input`: the staged input files. */
  inputDir: string;
  /** `workDir/output`: everything written here becomes job output. */
  outputDir: string;
  /**
   * Exported to every process as JOBMANAGER_ENVIRONMENT_ID, the marker by which recovery
   * finds the processes of an environment whose runner was lost. Optional.
   */
  environmentId?: string;
  /** The environment configuration's variables, exported to every process. */
  variables: Record<string, string>;
  /** Live stdout/stderr text as it is produced, in small batches (optional). */
  onOutput?: (chunk: string) => void;
  /**
   * Wraps the argv of every interpreter process before it is spawned, e.g. in `bwrap` or
   * `prlimit`. Default: the argv unchanged. The wrapper must keep running the command in
   * the foreground (the interpreters kill the wrapper's whole process group).
   */
  wrapCommand?: (argv: string[]) => string[];
  /** Between SIGINT and SIGKILL of the group when a run is aborted. Default 2000 ms. */
  interruptGraceMs?: number;
}

/** Per-run options, beyond the spec'd `run(code)`. */
export interface RunOptions {
  /**
   * Aborting interrupts the paragraph: SIGINT to its process group, then SIGKILL of the
   * group after a grace period (`InterpreterContext.interruptGraceMs`, default 2 s). The outcome is ERROR, with an error that starts with
   * "Interrupted". An interrupted %python interpreter may be dead afterwards (killed).
   */
  signal?: AbortSignal;
}

export interface Interpreter {
  run(code: string, options?: RunOptions): Promise<ParagraphOutcome>;
  /** Ends the process(es) and kills their process group; never throws, idempotent. */
  close(): Promise<void>;
}
