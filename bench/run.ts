/**
 * `npm run bench`: starts the real server (SQLite, a temporary data directory) as its own
 * process and measures it over HTTP. Writes bench/results/latest.json and latest.md.
 * So far: the demo job end to end (submit → SUCCEEDED) and its dispatch latency
 * (submit → STARTING). The Benchmarks issue adds the peer comparison and the load tests.
 *
 *   npm run bench -- --runs 20
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values: options } = parseArgs({ options: { runs: { type: "string", default: "10" } } });
const runs = Number(options.runs);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobmanager-bench-"));
// Run from apps/server so that tsx reads its tsconfig (decorators for type-graphql).
const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: path.join(root, "apps/server"),
  env: { ...process.env, JOBMANAGER_PORT: "0", JOBMANAGER_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise<string>((resolve, reject) => {
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    const match = /Web UI\s+(http:\/\/\S+?)\//.exec(output);
    if (match) resolve(match[1]!);
  });
  server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
});
const token = fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim();
const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const demoJob = { modelId: "demo-model", configurationId: "demo-configuration", inputFolderId: "demo-input", outputFolderId: "demo-output" };

async function graphql<T>(query: string, variables: object = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const endToEnd: number[] = [];
const dispatch: number[] = [];
try {
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/api/jobmanager/v3/jobs`, { method: "POST", headers, body: JSON.stringify(demoJob) });
    const { id } = (await response.json()) as { id: string };
    let status = "SUBMITTED";
    while (!["SUCCEEDED", "FAILED", "STOPPED"].includes(status)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      status = ((await (await fetch(`${url}/api/jobmanager/v3/jobs/${id}`, { headers })).json()) as { status: string }).status;
    }
    const elapsed = performance.now() - started;
    if (status !== "SUCCEEDED") throw new Error(`demo job ${id} ended ${status}`);
    const { job } = await graphql<{ job: { events: Array<{ status: string; at: string }> } }>(
      "query($id: ID!) { job(id: $id) { events { status at } } }",
      { id },
    );
    const at = (s: string) => Date.parse(job.events.find((e) => e.status === s)!.at);
    if (i === 0) continue; // the first run warms up python and the database
    endToEnd.push(elapsed);
    dispatch.push(at("STARTING") - at("SUBMITTED"));
  }
} finally {
  server.kill("SIGTERM");
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { runs: values.length, p50: round(pick(0.5)), p90: round(pick(0.9)), min: round(sorted[0]!), max: round(sorted.at(-1)!) };
};
const round = (ms: number) => Math.round(ms * 10) / 10;

const results = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` },
  versions: { node: process.version, python: execFileSync("python3", ["--version"], { encoding: "utf8" }).trim() },
  benchmarks: {
    demoJobEndToEndMs: { description: "Demo job (4 paragraphs: md, 2× python, sh), REST submit → SUCCEEDED seen by polling every 5 ms", ...stats(endToEnd) },
    dispatchMs: { description: "Submit → STARTING (JobEvent timestamps), idle runner", ...stats(dispatch) },
  },
};

const table = [
  `| benchmark | runs | p50 (ms) | p90 (ms) | min | max |`,
  `|---|---|---|---|---|---|`,
  ...Object.entries(results.benchmarks).map(([, b]) => `| ${b.description} | ${b.runs} | ${b.p50} | ${b.p90} | ${b.min} | ${b.max} |`),
].join("\n");
const outDir = path.join(root, "bench/results");
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
fs.writeFileSync(
  path.join(outDir, "latest.md"),
  `# Benchmarks\n\n${results.date}, commit ${results.commit}, ${results.machine.cpus} CPUs, ${results.machine.memoryGiB} GiB, Node ${results.versions.node}\n\n${table}\n`,
);
console.log(table);
fs.rmSync(dataDir, { recursive: true, force: true });

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}
