/**
 * Finds and kills the processes of an environment, also when the runner that started them
 * is gone. A process belongs to an environment when its environment carries
 * JOBMANAGER_ENVIRONMENT_ID=<id> (set for every interpreter process, inherited by their
 * children) or when its working directory lies inside the environment's directory. Linux
 * only (/proc); elsewhere nothing is found.
 */
import fs from "node:fs";
import path from "node:path";

/** Pids of the live processes that belong to the environment (never this process). */
export function findEnvironmentProcesses(environmentId: string, workDir: string): number[] {
  return findProcessesOf([{ environmentId, workDir }]);
}

/** One scan of /proc for the processes of any of the environments. */
export function findProcessesOf(environments: { environmentId: string; workDir: string }[]): number[] {
  if (environments.length === 0) return [];
  const markers = environments.map((e) => `JOBMANAGER_ENVIRONMENT_ID=${e.environmentId}\0`);
  const inside = (cwd: string) => environments.some(({ workDir }) => cwd === workDir || cwd.startsWith(workDir + path.sep));
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const environ = fs.readFileSync(`/proc/${pid}/environ`, "latin1");
      if (markers.some((marker) => environ.includes(marker))) {
        found.push(pid);
        continue;
      }
    } catch {
      // gone, or not ours to read
    }
    try {
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if (inside(cwd)) found.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/**
 * SIGKILLs every process of the environment, repeating while new ones appear (a process may
 * fork between the scan and the kill). Returns how many were killed.
 */
export function killEnvironmentProcesses(environmentId: string, workDir: string): number {
  return killProcessesOf([{ environmentId, workDir }]);
}

/** killEnvironmentProcesses for several environments, one /proc scan per round. */
export function killProcessesOf(environments: { environmentId: string; workDir: string }[]): number {
  let killed = 0;
  for (let round = 0; round < 10; round++) {
    const pids = findProcessesOf(environments);
    if (pids.length === 0) break;
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
        killed++;
      } catch {
        // already gone
      }
    }
  }
  return killed;
}
