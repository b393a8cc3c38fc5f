/**
 * The results file (JSON, with machine, versions and commit) and the Markdown table that
 * README's "Performance" section shows; targets from issue 7, each marked met or missed.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import Database from "better-sqlite3";
import type { ApiResult } from "./measure-api";
import type { LatencyResult } from "./measure-latency";
import type { MemoryResult } from "./measure-memory";
import type { NotebookResult } from "./measure-notebook";
import type { ThroughputResult } from "./measure-throughput";
import { findJupyter, jupyterPython } from "./measure-notebook";
import { ROOT } from "./server";

export interface BenchResults {
  date: string;
  quick: boolean;
  commit: string;
  machine: { cpus: number; cpuModel: string | undefined; memoryGiB: number; platform: string; loadAverage1m: number };
  versions: Record<string, string>;
  settings: Record<string, number | string>;
  notebook: NotebookResult;
  throughputSh: ThroughputResult;
  throughputPython: ThroughputResult;
  latency: LatencyResult;
  /** The same, once the API measurement's jobs are in the database. */
  latencyAtScale: LatencyResult;
  api: ApiResult;
  memory: MemoryResult;
  durationSeconds: number;
}

export function machine(): BenchResults["machine"] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

export function versions(): Record<string, string> {
  const run = (command: string, args: string[]) => {
    try {
      return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n")[0]!;
    } catch {
      return "not installed";
    }
  };
  const jupyter = findJupyter();
  const memory = new Database(":memory:");
  const sqlite = (memory.prepare("select sqlite_version() as v").get() as { v: string }).v;
  memory.close();
  return {
    node: process.version,
    python: run("python3", ["--version"]),
    jupyterNbconvert: run("jupyter", ["nbconvert", "--version"]),
    ipykernel: jupyter ? run(jupyterPython(jupyter), ["-c", "import ipykernel; print(ipykernel.__version__)"]) : "not installed",
    sqlite,
    bubblewrap: run("bwrap", ["--version"]),
  };
}

export function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return dirty ? `${commit}-dirty` : commit;
  } catch {
    return "unknown";
  }
}

const mark = (met: boolean | null) => (met === null ? "n/a" : met ? "met" : "**missed**");

export function markdownTable(r: BenchResults): string {
  const n = r.notebook;
  const rows: string[][] = [
    ["Notebook (5 %python paragraphs), submit → SUCCEEDED, median", `${n.oursMedianMs} ms (Jupyter nbconvert: ${n.jupyterMedianMs ?? "n/a"} ms; ratio ${n.ratio ?? "n/a"}, ${n.runs} runs each)`, "≤ 0.05× Jupyter", mark(n.ratio === null ? null : n.ratio <= 0.05)],
    ["… of which (medians): queued / starting / running (paragraphs)", `${n.oursPhasesMs.queued} / ${n.oursPhasesMs.starting} / ${n.oursPhasesMs.running} (${n.oursPhasesMs.paragraphs}) ms`, "", ""],
    [`Throughput %sh (${r.throughputSh.jobs} jobs at once)`, `${r.throughputSh.jobsPerSecond} jobs/s (drained in ${r.throughputSh.drainMs} ms)`, "≥ 100 jobs/s", mark(r.throughputSh.jobsPerSecond >= 100)],
    [`Throughput %python (${r.throughputPython.jobs} jobs at once)`, `${r.throughputPython.jobsPerSecond} jobs/s (drained in ${r.throughputPython.drainMs} ms)`, "≥ 40 jobs/s", mark(r.throughputPython.jobsPerSecond >= 40)],
    [`Dispatch submit → STARTING, idle runner (${r.latency.jobs} jobs)`, `p50 ${r.latency.dispatchMs.p50} ms, p99 ${r.latency.dispatchMs.p99} ms`, "p50 ≤ 5 ms", mark(r.latency.dispatchMs.p50 <= 5)],
    [`… with ${r.api.rows.toLocaleString("en")} jobs in the database (${r.latencyAtScale.jobs} jobs)`, `p50 ${r.latencyAtScale.dispatchMs.p50} ms, p99 ${r.latencyAtScale.dispatchMs.p99} ms`, "p50 ≤ 5 ms", mark(r.latencyAtScale.dispatchMs.p50 <= 5)],
    [`Live status, committed → graphql-ws client (${r.latency.liveStatusMs.n} events)`, `p50 ${r.latency.liveStatusMs.p50} ms, p99 ${r.latency.liveStatusMs.p99} ms`, "p99 ≤ 10 ms", mark(r.latency.liveStatusMs.p99 <= 10)],
    ...(["unfiltered", "filtered"] as const).map((k) => {
      const l = r.api[k];
      return [
        `GET /jobs page of 100 ${k === "filtered" ? "with filter status=FAILED " : ""}(${r.api.rows.toLocaleString("en")} jobs, ${r.api.connections} connections, ${r.api.seconds} s)`,
        `${l.requestsPerSecond} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms${l.non2xx + l.errors > 0 ? `, ${l.non2xx} non-2xx, ${l.errors} errors` : ""}`,
        "p99 ≤ 25 ms, ≥ 1,500 req/s",
        mark(l.p99Ms <= 25 && l.requestsPerSecond >= 1500 && l.non2xx + l.errors === 0),
      ];
    }),
    (() => {
      const l = r.api.whileWriting;
      return [
        `… the same while a job changes every 10 ms (${l.commits} commits, each clearing the page cache)`,
        `${l.requestsPerSecond} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms${l.non2xx + l.errors > 0 ? `, ${l.non2xx} non-2xx, ${l.errors} errors` : ""}`,
        "p99 ≤ 25 ms, ≥ 1,500 req/s",
        mark(l.p99Ms <= 25 && l.requestsPerSecond >= 1500 && l.non2xx + l.errors === 0),
      ];
    })(),
    [`Memory: server + children RSS, idle → ${r.memory.environments} running environments`, `${r.memory.idle.totalMiB} MiB → ${r.memory.running.totalMiB} MiB (server alone ${r.memory.idle.serverMiB} → ${r.memory.running.serverMiB} MiB; warm python interpreters ${r.memory.idle.warm.processes}, ${r.memory.idle.warm.MiB} MiB → ${r.memory.running.warm.processes}, ${r.memory.running.warm.MiB} MiB); ${r.memory.perEnvironmentMiB} MiB per environment`, "—", "—"],
  ];
  return [
    "| benchmark | result | target | |",
    "|---|---|---|---|",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

export function markdownReport(r: BenchResults): string {
  const m = r.machine;
  return [
    `# Benchmarks${r.quick ? " (quick mode: tiny counts, not representative)" : ""}`,
    "",
    `${r.date}, commit ${r.commit}; ${m.cpus} CPUs (${m.cpuModel ?? "?"}), ${m.memoryGiB} GiB, ${m.platform}; load average at the end ${m.loadAverage1m}.`,
    `Node ${r.versions.node}, ${r.versions.python}, SQLite ${r.versions.sqlite}, jupyter nbconvert ${r.versions.jupyterNbconvert}, ipykernel ${r.versions.ipykernel}, bubblewrap ${r.versions.bubblewrap}.`,
    `Server: ${Object.entries(r.settings).map(([k, v]) => `${k}=${v}`).join(", ")}. Took ${r.durationSeconds} s.`,
    "",
    markdownTable(r),
    "",
  ].join("\n");
}
