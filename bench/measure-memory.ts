/**
 * (6) Memory: VmRSS (from /proc/<pid>/status) of the server process and of all its
 * descendants (interpreters, sandboxes), idle and with `count` environments running a
 * sleeping %python paragraph; the overhead per environment is the difference / count. The
 * pre-started python interpreters the server keeps ready (JOBMANAGER_PYTHON_POOL_SIZE) are
 * counted in each sample, and reported apart (`warm`) and left out of that difference, since
 * running environments take them and the pool refills. Linux only (reads /proc).
 */
import fs from "node:fs";
import type { Api, JobWatcher } from "./client";
import { FINAL } from "./client";
import { jobBody } from "./fixtures";
import { round } from "./stats";

export interface MemorySample {
  serverMiB: number;
  /** The server and every descendant process. */
  totalMiB: number;
  processes: number;
  /** The warm (not yet taken) python interpreters among them. */
  warm: { processes: number; MiB: number };
}

export interface MemoryResult {
  idle: MemorySample;
  running: MemorySample;
  environments: number;
  perEnvironmentMiB: number;
}

export async function measureMemory(api: Api, watcher: JobWatcher, serverPid: number, count: number): Promise<MemoryResult> {
  const idle = sampleMemory(serverPid);
  const ids = await Promise.all(Array.from({ length: count }, () => api.submit(jobBody("sleep"))));
  await Promise.all(ids.map((id) => watcher.waitFor(id, new Set(["RUNNING", ...FINAL]))));
  // RUNNING comes before the interpreter is up: wait until the paragraphs are executing.
  const deadline = Date.now() + 30_000;
  const takenDrivers = () => {
    const drivers = pythonDrivers(descendants(serverPid));
    return drivers.length - warmDrivers(drivers).length;
  };
  while (Date.now() < deadline && takenDrivers() < count) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const running = sampleMemory(serverPid);
  await Promise.all(ids.map((id) => api.stop(id)));
  await Promise.all(ids.map((id) => watcher.waitFor(id, FINAL)));
  const withoutWarm = (sample: MemorySample) => sample.totalMiB - sample.warm.MiB;
  return { idle, running, environments: count, perEnvironmentMiB: round((withoutWarm(running) - withoutWarm(idle)) / count) };
}

export function sampleMemory(pid: number): MemorySample {
  const tree = [pid, ...descendants(pid)];
  const rss = tree.map(rssKiB);
  const warm = warmDrivers(pythonDrivers(tree));
  const warmKiB = warm.map(rssKiB).reduce((a, b) => a + b, 0);
  return {
    serverMiB: round(rss[0]! / 1024),
    totalMiB: round(rss.reduce((a, b) => a + b, 0) / 1024),
    processes: tree.length,
    warm: { processes: warm.length, MiB: round(warmKiB / 1024) },
  };
}

function rssKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // gone meanwhile
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid …; comm may contain spaces and parentheses.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** Of these python drivers, those started ahead that no job has taken yet (they still carry the pool's marker). */
function warmDrivers(drivers: number[]): number[] {
  return drivers.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/environ`, "latin1").includes("JOBMANAGER_ENVIRONMENT_ID=pool-");
    } catch {
      return false;
    }
  });
}

/** The python drivers among the processes (`descendants` scans all of /proc: once a sample). */
function pythonDrivers(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("python_driver.py") && fs.readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("python");
    } catch {
      return false;
    }
  });
}
