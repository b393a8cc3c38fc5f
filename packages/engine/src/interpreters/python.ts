/**
 * %python: one long-lived python3 process (python_driver.py) per environment, so that
 * state carries over between paragraphs as in Zeppelin.
 *
 * Protocol: commands go to the driver's stdin as JSON lines ({"t":"run","code"}); the
 * driver answers on an extra pipe, fd 3, as JSON lines ("ready", "o" output text, "r" typed
 * result, "done" + error), so nothing user code prints can corrupt the protocol.
 *
 * What must stay true: `run` always settles (a dead driver gives ERROR, never a hang), runs
 * are strictly sequential, and `close` leaves no process of the group behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Readable } from "node:stream";
import { DisplayCollector } from "./display-system";
import { sanitizeResults } from "./html";
import { buildProcessEnv } from "./process-env";
import { DEFAULT_INTERRUPT_GRACE_MS, signalGroup } from "./process-group";
import { resolvePythonExecutable } from "./python-executable";
import type { Interpreter, InterpreterContext, ParagraphOutcome, RunOptions } from "./types";

export const DRIVER_PATH = fileURLToPath(new URL("./python_driver.py", import.meta.url));

/** How long `close` lets the driver exit on its own before killing the group. */
const CLOSE_GRACE_MS = 300;
/** The driver must say "ready" within this time. */
const START_TIMEOUT_MS = 30_000;
/** After the process exited, how long to wait for its pipes to drain. */
const DRAIN_MS = 300;
const STDERR_TAIL = 4000;

export interface PythonInterpreter extends Interpreter {
  /** The driver's pid, which is also its process group id. */
  readonly pid: number;
  /** True once the process has exited (crash, kill or close). */
  readonly exited: boolean;
  /**
   * Hands a pre-started driver (python-pool.ts) to an environment: from now on it reports to
   * `ctx` (output, interrupt grace), and the driver takes `ctx`'s environment variables and
   * environment marker before the first paragraph. The driver must have been started in
   * `ctx.workDir`.
   */
  adopt(ctx: InterpreterContext): void;
}

type DriverMessage =
  | { t: "ready" }
  | { t: "o"; d: string }
  | { t: "r"; k: "TEXT" | "HTML" | "TABLE" | "IMG"; d: string }
  | { t: "done"; error: string | null };

interface ActiveRun {
  collector: DisplayCollector;
  interrupted: boolean;
  settle: (outcome: ParagraphOutcome) => void;
}

/**
 * Starts the python driver for an environment and resolves once it is ready.
 * Rejects (with the process's stderr in the message) when it cannot start.
 */
export async function createPythonInterpreter(ctx: InterpreterContext): Promise<PythonInterpreter> {
  const python = await resolvePythonExecutable();
  const argv = [python, DRIVER_PATH];
  const [command, ...args] = ctx.wrapCommand ? ctx.wrapCommand(argv) : argv;
  const child = spawn(command ?? python, args, {
    cwd: ctx.workDir,
    env: buildProcessEnv(ctx),
    detached: true,
    stdio: ["pipe", "pipe", "pipe", "pipe"],
  });
  const driver = new PythonDriver(child, ctx);
  await driver.ready;
  return driver;
}

class PythonDriver implements PythonInterpreter {
  readonly ready: Promise<void>;
  private readonly child: ChildProcess;
  private ctx: InterpreterContext;
  private active: ActiveRun | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private stderrTail = "";
  private exitDescription: string | null = null;
  private spawnError: string | null = null;
  private closing = false;
  private closed: Promise<void> | null = null;
  private readonly exitedPromise: Promise<void>;
  private markReady!: () => void;
  private failStart!: (err: Error) => void;

  constructor(child: ChildProcess, ctx: InterpreterContext) {
    this.child = child;
    this.ctx = ctx;
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.failStart = reject;
    });
    this.ready.catch(() => undefined);
    const startTimer = setTimeout(() => {
      this.failStart(new Error(`The python interpreter did not start within ${START_TIMEOUT_MS / 1000} s`));
      this.killGroup("SIGKILL");
    }, START_TIMEOUT_MS);
    void this.ready.then(
      () => clearTimeout(startTimer),
      () => clearTimeout(startTimer),
    );

    child.stdin?.on("error", () => undefined); // EPIPE when the driver died: handled by exit
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding("utf8");
      stream?.on("data", (text: string) => this.onRawOutput(text));
    }
    const messages = child.stdio[3] as Readable | null | undefined;
    messages?.setEncoding("utf8");
    let partial = "";
    messages?.on("data", (text: string) => {
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (line !== "") this.onLine(line);
    });
    messages?.on("error", () => undefined);

    this.exitedPromise = new Promise<void>((resolve) => {
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        this.onExited();
        resolve();
      };
      child.once("error", (err) => {
        // spawn failure (no exit event follows when the process never started)
        this.spawnError ??= err.message;
        this.exitDescription ??= "never started";
        if (child.pid === undefined) finish();
      });
      child.once("exit", (code, signal) => {
        this.exitDescription ??= signal ? `signal ${signal}` : `exit code ${code ?? "?"}`;
        // Let the pipes deliver what the process wrote before it died.
        setTimeout(finish, DRAIN_MS).unref();
      });
      child.once("close", finish);
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get exited(): boolean {
    return this.exitDescription !== null;
  }

  adopt(ctx: InterpreterContext): void {
    this.ctx = ctx;
    const env = buildProcessEnv(ctx);
    this.child.stdin?.write(JSON.stringify({ t: "adopt", env, marker: env.JOBMANAGER_ENVIRONMENT_ID ?? null }) + "\n");
  }

  run(code: string, options: RunOptions = {}): Promise<ParagraphOutcome> {
    const next = this.queue.then(() => this.runNow(code, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): Promise<void> {
    this.closed ??= this.doClose();
    return this.closed;
  }

  private async doClose(): Promise<void> {
    this.closing = true;
    if (this.child.pid === undefined) return;
    if (!this.exited) {
      this.child.stdin?.end(); // EOF: the idle driver exits by itself
      await Promise.race([this.exitedPromise, delay(CLOSE_GRACE_MS)]);
    }
    // Always: background processes the paragraphs started share the group.
    this.killGroup("SIGKILL");
    await Promise.race([this.exitedPromise, delay(5000)]);
    for (const stream of this.child.stdio) stream?.destroy();
  }

  private runNow(code: string, options: RunOptions): Promise<ParagraphOutcome> {
    if (this.closing) return Promise.resolve(failure("The python interpreter has been closed."));
    if (this.exited) return Promise.resolve(failure(this.deathMessage()));
    if (options.signal?.aborted) return Promise.resolve(failure("Interrupted before the paragraph started."));

    return new Promise<ParagraphOutcome>((resolve) => {
      let killTimer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        if (!run.interrupted) {
          run.interrupted = true;
          this.killGroup("SIGINT");
          killTimer = setTimeout(() => this.killGroup("SIGKILL"), this.ctx.interruptGraceMs ?? DEFAULT_INTERRUPT_GRACE_MS);
        }
      };
      const run: ActiveRun = {
        collector: new DisplayCollector(),
        interrupted: false,
        settle: (outcome) => {
          clearTimeout(killTimer);
          options.signal?.removeEventListener("abort", onAbort);
          this.active = null;
          resolve(outcome);
        },
      };
      this.active = run;
      options.signal?.addEventListener("abort", onAbort, { once: true });
      this.child.stdin?.write(JSON.stringify({ t: "run", code }) + "\n");
    });
  }

  private onLine(line: string): void {
    let message: DriverMessage;
    try {
      message = JSON.parse(line) as DriverMessage;
    } catch {
      this.appendStderr(`[protocol] unparsable message: ${line.slice(0, 200)}\n`);
      return;
    }
    const run = this.active;
    switch (message.t) {
      case "ready":
        this.markReady();
        return;
      case "o":
        if (!run) return;
        run.collector.write(message.d);
        this.emit(message.d);
        return;
      case "r":
        if (!run) return;
        run.collector.addResult({ type: message.k, data: message.d });
        this.emit(`%${message.k.toLowerCase()}\n${message.d}\n%text\n`);
        return;
      case "done": {
        if (!run) return;
        const results = sanitizeResults(run.collector.results());
        if (message.error === null) {
          run.settle({ status: "FINISHED", results, error: null });
        } else {
          const error = run.interrupted ? `Interrupted\n${message.error}` : message.error;
          run.settle({ status: "ERROR", results, error: error.replace(/\n+$/, "") });
        }
        return;
      }
    }
  }

  /** fd 1/2 of the driver itself (user output goes through fd 3): kept for diagnostics. */
  private onRawOutput(text: string): void {
    this.appendStderr(text);
    if (this.active) {
      this.active.collector.write(text);
      this.emit(text);
    }
  }

  private onExited(): void {
    const message = this.deathMessage();
    this.failStart(new Error(message));
    const run = this.active;
    if (run) {
      const prefix = run.interrupted ? "Interrupted: " : "";
      run.settle({ status: "ERROR", results: sanitizeResults(run.collector.results()), error: prefix + message });
    }
  }

  private deathMessage(): string {
    if (this.closing) return "The python interpreter has been closed.";
    if (this.spawnError !== null) return `The python interpreter could not be started: ${this.spawnError}`;
    const tail = this.stderrTail.trim();
    return (
      `The python interpreter process exited (${this.exitDescription ?? "unknown reason"}).` +
      (tail ? `\n${tail}` : "")
    );
  }

  private appendStderr(text: string): void {
    this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL);
  }

  private emit(text: string): void {
    try {
      this.ctx.onOutput?.(text);
    } catch {
      // a listener's failure must not break the run
    }
  }

  private killGroup(signal: NodeJS.Signals): void {
    signalGroup(this.child.pid, signal);
  }
}

function failure(error: string): ParagraphOutcome {
  return { status: "ERROR", results: [], error };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
