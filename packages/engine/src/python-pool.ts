/**
 * Warm %python interpreters: a few python drivers started ahead of time per sandbox setting
 * (network, memory and process limits), so that a job's first %python paragraph does not
 * wait for the interpreter to start.
 *
 * Each warm driver is started exactly as a job's own one would be (same sandbox wrapper, the
 * scrubbed environment without any configuration variable), in a fresh directory of its own
 * under the work root (with `input/` and `output/`). A job that takes it makes that directory
 * its working directory, and the driver adopts the job's environment variables and
 * environment marker (python.ts `adopt`) before the first paragraph. What must stay true:
 * one driver serves one job and is closed with it (no state passes between jobs); the pool
 * refills in the background (after jobs end, or at once when a job found it empty); `close`
 * leaves no process and no directory behind.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { createPythonInterpreter, type PythonInterpreter } from "./interpreters";
import type { SandboxLimits } from "./interpreter-sandbox";
import { workingDirectory } from "./environment";
import type { Logger } from "./logger";

/** What decides how a driver is started (its sandbox); drivers are shared between equal settings. */
export type PoolSettings = SandboxLimits;

export interface WarmPython {
  /** The driver's directory (with `input/` and `output/`), which the job takes as its own. */
  workDir: string;
  interpreter: PythonInterpreter;
}

export interface PythonPool {
  /**
   * A ready driver for these settings, or null when none is ready (the caller starts its own
   * as before). Asking for new settings starts keeping drivers warm for them.
   */
  take(settings: PoolSettings): WarmPython | null;
  /**
   * Starts drivers to bring every settings' pool back to its size. Called when a job ended
   * (so that a driver's start does not compete with a starting job); a take that finds the
   * pool empty refills at once.
   */
  refill(): void;
  /** Kills the idle drivers, removes their directories, starts no more. */
  close(): Promise<void>;
}

export interface PythonPoolOptions {
  /** Ready drivers kept per settings; 0: no pool. */
  size: number;
  /** Under which each warm driver gets its directory (the environments' work root). */
  workRoot: string;
  /** The sandbox wrapper for a driver in `workDir` (as the job's own interpreters get). */
  wrapperFor: (workDir: string, settings: PoolSettings) => Promise<((argv: string[]) => string[]) | undefined>;
  logger: Logger;
}

/**
 * The environment marker a warm driver starts with: never an environment's id, and longer
 * than one (a UUID), so that the driver can overwrite it in place with the job's id (see
 * python_driver.py `_adopt`) and /proc shows the job's marker for the driver itself.
 */
function placeholderMarker(): string {
  return `pool-${randomUUID()}`.padEnd(64, "-");
}

export function createPythonPool(options: PythonPoolOptions): PythonPool {
  const pools = new Map<string, { settings: PoolSettings; ready: WarmPython[]; starting: number }>();
  const all = new Set<WarmPython>();
  const starting = new Set<Promise<void>>();
  let closed = false;

  const keyOf = (settings: PoolSettings) => `${settings.network}|${settings.memoryLimitMb ?? ""}|${settings.processLimit ?? ""}`;

  async function startOne(settings: PoolSettings): Promise<WarmPython> {
    const dir = workingDirectory(placeholderMarker(), path.join(options.workRoot, `pool-${randomUUID()}`));
    const { workDir } = dir;
    await fs.mkdir(dir.inputDir, { recursive: true });
    await fs.mkdir(dir.outputDir, { recursive: true });
    try {
      const wrapCommand = await options.wrapperFor(workDir, settings);
      const interpreter = await createPythonInterpreter({
        ...dir,
        variables: { JOBMANAGER_PYTHON_POOLED: "1" },
        ...(wrapCommand ? { wrapCommand } : {}),
      });
      return { workDir, interpreter };
    } catch (error) {
      await fs.rm(workDir, { recursive: true, force: true });
      throw error;
    }
  }

  function refill(key: string, settings: PoolSettings): void {
    const pool = pools.get(key)!;
    while (!closed && pool.ready.length + pool.starting < options.size) {
      pool.starting++;
      const started: Promise<void> = startOne(settings).then(
        async (warm) => {
          pool.starting--;
          if (closed) return discard(warm);
          all.add(warm);
          pool.ready.push(warm);
        },
        (error: unknown) => {
          pool.starting--;
          // Not retried here: the next take() tries again, and jobs start their own meanwhile.
          options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "could not pre-start a python interpreter");
        },
      );
      starting.add(started);
      void started.finally(() => starting.delete(started));
    }
  }

  async function discard(warm: WarmPython): Promise<void> {
    all.delete(warm);
    await warm.interpreter.close();
    await fs.rm(warm.workDir, { recursive: true, force: true });
  }

  return {
    take(settings) {
      if (closed || options.size <= 0) return null;
      const key = keyOf(settings);
      if (!pools.has(key)) pools.set(key, { settings, ready: [], starting: 0 });
      const pool = pools.get(key)!;
      let warm: WarmPython | undefined;
      while ((warm = pool.ready.shift())) {
        if (!warm.interpreter.exited) break;
        void discard(warm); // died while waiting
      }
      if (warm) all.delete(warm);
      else refill(key, settings);
      return warm ?? null;
    },
    refill() {
      for (const [key, pool] of pools) refill(key, pool.settings);
    },
    async close() {
      closed = true;
      await Promise.all([...all].map(discard));
      await Promise.all([...starting]); // each discards its driver on arrival
      pools.clear();
    },
  };
}
