/**
 * %sh: each paragraph is one `bash -c` process in the environment's working directory,
 * in its own process group, with the scrubbed environment. What must stay true: when the
 * paragraph ends, its whole process group is killed, so no child (`sleep 100 &`) outlives it.
 */
import { spawn } from "node:child_process";
import { DisplayCollector } from "./display-system";
import { sanitizeResults } from "./html";
import { buildProcessEnv } from "./process-env";
import { DEFAULT_INTERRUPT_GRACE_MS, signalGroup } from "./process-group";
import type { InterpreterContext, ParagraphOutcome, RunOptions } from "./types";

/** After bash exited and the group was killed, how long to wait for the pipe to drain. */
const DRAIN_MS = 500;

/**
 * The outer bash makes fd 2 a copy of fd 1 (one pipe, so stdout and stderr interleave
 * exactly as written) and then replaces itself with `bash -c <code>`: same pid and group,
 * and bash's own messages show the user's code only ("bash: line 3: foo: command not found").
 */
const LAUNCHER = 'exec 2>&1; exec -a bash "$BASH" -c "$1"';

/** Runs one %sh paragraph: exit code 0 → FINISHED, else ERROR "Exit code N" (or the signal). */
export function runShell(code: string, ctx: InterpreterContext, options: RunOptions = {}): Promise<ParagraphOutcome> {
  if (options.signal?.aborted) {
    return Promise.resolve({ status: "ERROR", results: [], error: "Interrupted before the paragraph started." });
  }
  const argv = ["bash", "-c", LAUNCHER, "bash", code];
  const [command = "bash", ...args] = ctx.wrapCommand ? ctx.wrapCommand(argv) : argv;

  return new Promise<ParagraphOutcome>((resolve) => {
    const collector = new DisplayCollector();
    let interrupted = false;
    let killTimer: NodeJS.Timeout | undefined;
    let drainTimer: NodeJS.Timeout | undefined;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let spawnError: Error | null = null;
    let settled = false;

    const child = spawn(command, args, {
      cwd: ctx.workDir,
      env: buildProcessEnv(ctx),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });

    const killGroup = (signal: NodeJS.Signals) => signalGroup(child.pid, signal);
    const onAbort = () => {
      if (interrupted) return;
      interrupted = true;
      killGroup("SIGINT");
      killTimer = setTimeout(() => killGroup("SIGKILL"), ctx.interruptGraceMs ?? DEFAULT_INTERRUPT_GRACE_MS);
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });

    const onText = (text: string) => {
      collector.write(text);
      try {
        ctx.onOutput?.(text);
      } catch {
        // a listener's failure must not break the run
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding("utf8");
      stream?.on("data", onText);
    }

    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      clearTimeout(drainTimer);
      options.signal?.removeEventListener("abort", onAbort);
      killGroup("SIGKILL");
      child.stdout?.destroy();
      child.stderr?.destroy();
      const results = sanitizeResults(collector.results());
      if (spawnError) {
        resolve({ status: "ERROR", results, error: `Could not start bash: ${spawnError.message}` });
        return;
      }
      const reason =
        exit?.signal != null ? `Killed by signal ${exit.signal}` : `Exit code ${exit?.code ?? "unknown"}`;
      if (!interrupted && exit?.code === 0) resolve({ status: "FINISHED", results, error: null });
      else resolve({ status: "ERROR", results, error: interrupted ? `Interrupted (${reason})` : reason });
    };

    child.once("error", (err) => {
      spawnError = err;
      if (child.pid === undefined) settle();
    });
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      // bash is gone: end every child it left behind, which also closes their copies of
      // the pipe, so "close" follows; the timer covers a child that escaped the group.
      killGroup("SIGKILL");
      drainTimer = setTimeout(settle, DRAIN_MS);
    });
    child.once("close", settle);
  });
}
