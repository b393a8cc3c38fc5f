/**
 * Resolves the real python executable once per server process. `python3` on PATH is often
 * a version-manager shim (pyenv: a bash script that execs pyenv, ~90 ms per start here);
 * the binary it ends up in (`sys.executable`) starts in ~16 ms. Every %python interpreter
 * is spawned with the resolved path.
 */
import { execFile } from "node:child_process";

let cached: Promise<string> | undefined;

/**
 * The absolute path of the real python3 binary (`sys.executable`), resolved on first call
 * and cached. Falls back to plain `"python3"` when the probe fails, so a broken probe never
 * prevents an interpreter from starting (it only costs start-up time).
 */
export function resolvePythonExecutable(): Promise<string> {
  cached ??= probe();
  return cached;
}

function probe(): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      "python3",
      ["-c", "import sys; print(sys.executable)"],
      { timeout: 10_000, encoding: "utf8" },
      (err, stdout) => {
        const path = stdout.trim();
        resolve(err || !path.startsWith("/") ? "python3" : path);
      },
    );
  });
}
