/**
 * Helpers for the interpreter tests (real processes, real temporary directories).
 * Not used by production code.
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InterpreterContext } from "./types";

/** A fresh working directory with `input/` and `output/`, as an environment has. */
export async function makeContext(
  variables: Record<string, string> = {},
): Promise<InterpreterContext & { chunks: string[]; cleanup: () => Promise<void> }> {
  const workDir = await mkdtemp(join(tmpdir(), "jm-interp-"));
  const inputDir = join(workDir, "input");
  const outputDir = join(workDir, "output");
  await mkdir(inputDir);
  await mkdir(outputDir);
  const chunks: string[] = [];
  return {
    workDir,
    inputDir,
    outputDir,
    variables,
    chunks,
    onOutput: (chunk) => chunks.push(chunk),
    cleanup: () => rm(workDir, { recursive: true, force: true }),
  };
}

/**
 * Whether a process is still running. A zombie counts as gone: PID 1 in a container does
 * not always reap the orphans it inherits, but a zombie runs nothing.
 */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** Waits up to `ms` for a process to be gone; returns whether it still runs. */
export async function stillAliveAfter(pid: number, ms = 1000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await isAlive(pid))) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return isAlive(pid);
}
