/**
 * `npm run bench`: starts the real server (SQLite, a temporary data directory) as its own
 * process, seeds the bench notebooks, measures it over REST and graphql-ws (see issue 7 and
 * each measure-*.ts), and writes <out>/latest.json and <out>/latest.md.
 *
 *   npm run bench                      full counts (a few minutes)
 *   npm run bench -- --quick           tiny counts, to check that it works
 *   npm run bench -- --profile <dir>   also write a V8 CPU profile of the server there
 *   npm run bench -- --only notebook,latency,sh,python,memory,api
 *                                      just these parts, printed (the results files stay)
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createApi, watchJobs } from "./client";
import { seedFixtures } from "./fixtures";
import { measureApi } from "./measure-api";
import { measureLatency } from "./measure-latency";
import { measureMemory } from "./measure-memory";
import { measureNotebook } from "./measure-notebook";
import { measureThroughput } from "./measure-throughput";
import { gitCommit, machine, markdownReport, versions, type BenchResults } from "./report";
import { ROOT, startBenchServer } from "./server";

const { values: options } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    out: { type: "string", default: path.join(ROOT, "bench/results") },
    profile: { type: "string" },
    only: { type: "string" },
  },
});
const PARTS = ["notebook", "latency", "sh", "python", "memory", "api"] as const;
const only = options.only?.split(",").map((part) => part.trim());
for (const part of only ?? []) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only: unknown part '${part}' (${PARTS.join(", ")})`);
const quick = options.quick!;
const counts = quick
  ? { notebookRuns: 2, sh: 10, python: 5, latency: 5, apiRows: 2_000, apiSeconds: 1, connections: 4, environments: 2, latencyAtScale: 2 }
  : { notebookRuns: 10, sh: 500, python: 200, latency: 200, apiRows: 100_000, apiSeconds: 10, connections: 16, environments: 8, latencyAtScale: 20 };
/** Room for the 8 sleeping environments of the memory measurement (default: the CPU count). */
const MAX_ENVIRONMENTS = 8;

const began = performance.now();
const commit = gitCommit(); // now: the tree may be edited while the bench runs
const log = (message: string) => console.log(`[bench ${((performance.now() - began) / 1000).toFixed(1)} s] ${message}`);

log("starting the server");
const server = await startBenchServer({ maxEnvironments: MAX_ENVIRONMENTS, ...(options.profile ? { cpuProfileDir: path.resolve(options.profile) } : {}) });
if (only) {
  try {
    await seedFixtures(server);
    const api = createApi(server);
    const watcher = await watchJobs(server);
    const parts: Record<string, unknown> = {};
    try {
      if (only.includes("notebook")) parts.notebook = await measureNotebook(api, watcher, counts.notebookRuns);
      if (only.includes("latency")) parts.latency = await measureLatency(api, watcher, counts.latency);
      if (only.includes("sh")) parts.throughputSh = await measureThroughput(api, watcher, "sh", counts.sh);
      if (only.includes("python")) parts.throughputPython = await measureThroughput(api, watcher, "python", counts.python);
      if (only.includes("memory")) parts.memory = await measureMemory(api, watcher, server.pid, counts.environments);
      if (only.includes("api")) parts.api = await measureApi(server, { rows: counts.apiRows, seconds: counts.apiSeconds, connections: counts.connections });
    } finally {
      await watcher.close();
    }
    console.log(JSON.stringify(parts, null, 2));
  } finally {
    await server.stop();
  }
  process.exit(0);
}

let results: BenchResults;
try {
  await seedFixtures(server);
  const api = createApi(server);
  const watcher = await watchJobs(server);
  try {
    log(`notebook vs jupyter nbconvert, ${counts.notebookRuns} runs each`);
    const notebook = await measureNotebook(api, watcher, counts.notebookRuns);
    log(`dispatch and live status latency, ${counts.latency} jobs`);
    const latency = await measureLatency(api, watcher, counts.latency);
    log(`throughput, ${counts.sh} %sh jobs`);
    const throughputSh = await measureThroughput(api, watcher, "sh", counts.sh);
    log(`throughput, ${counts.python} %python jobs`);
    const throughputPython = await measureThroughput(api, watcher, "python", counts.python);
    log(`memory, idle and ${counts.environments} environments`);
    const memory = await measureMemory(api, watcher, server.pid, counts.environments);
    log(`API under load, ${counts.apiRows} jobs in the database`);
    const apiResult = await measureApi(server, { rows: counts.apiRows, seconds: counts.apiSeconds, connections: counts.connections });
    log(`dispatch and live status latency again, ${counts.latencyAtScale} jobs, with the ${counts.apiRows} jobs in the database`);
    const latencyAtScale = await measureLatency(api, watcher, counts.latencyAtScale);
    results = {
      date: new Date().toISOString(),
      quick,
      commit,
      machine: machine(),
      versions: versions(),
      settings: { JOBMANAGER_MAX_ENVIRONMENTS: MAX_ENVIRONMENTS, JOBMANAGER_SANDBOX: "auto", LOG_LEVEL: "warn", configurationMaxInstances: 10_000 },
      notebook,
      throughputSh,
      throughputPython,
      latency,
      latencyAtScale,
      api: apiResult,
      memory,
      durationSeconds: Math.round((performance.now() - began) / 1000),
    };
  } finally {
    await watcher.close();
  }
} finally {
  await server.stop();
}

const outDir = path.resolve(options.out!);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
const report = markdownReport(results);
fs.writeFileSync(path.join(outDir, "latest.md"), report);
console.log("\n" + report);
if (results.notebook.skipped) console.log(`Notice: Jupyter not measured: ${results.notebook.skipped}`);
