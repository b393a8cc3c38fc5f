/**
 * The sandbox wrapper of an environment's interpreter processes (see sandbox.ts): the same
 * for a job's own processes and for the warm python drivers made ready for its directory.
 */
import fs from "node:fs";
import path from "node:path";
import { DRIVER_PATH, resolvePythonExecutable } from "./interpreters";
import { sandboxWrapper, type SandboxTools } from "./sandbox";

export interface SandboxLimits {
  network: boolean;
  memoryLimitMb: number | null;
  processLimit: number | null;
}

export async function interpreterWrapper(
  tools: SandboxTools | null | undefined,
  workDir: string,
  limits: SandboxLimits,
): Promise<((argv: string[]) => string[]) | undefined> {
  if (!tools) return undefined;
  return sandboxWrapper(tools, {
    workDir,
    network: limits.network,
    memoryLimitMb: limits.memoryLimitMb,
    processLimit: limits.processLimit,
    readOnly: [await pythonPrefix(), DRIVER_PATH],
  });
}

let prefix: Promise<string> | undefined;

/** The python installation the sandbox must show read-only (`<prefix>/bin/python3`), found once per process. */
function pythonPrefix(): Promise<string> {
  prefix ??= resolvePythonExecutable().then((executable) =>
    path.isAbsolute(executable) ? path.dirname(path.dirname(fs.realpathSync(executable))) : "/usr",
  );
  return prefix;
}
