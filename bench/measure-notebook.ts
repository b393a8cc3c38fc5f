/**
 * (1) The 5-paragraph notebook here (REST submit → SUCCEEDED received over graphql-ws) against
 * `jupyter nbconvert --to notebook --execute` on the equivalent .ipynb (process start → exit),
 * alternating, after one unmeasured warm-up run of each.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Api, JobWatcher } from "./client";
import { FINAL } from "./client";
import { jobBody, prepareJupyterDir } from "./fixtures";
import { median, round } from "./stats";

export interface NotebookResult {
  runs: number;
  oursMedianMs: number;
  jupyterMedianMs: number | null;
  /** ours / Jupyter's; target ≤ 0.05. */
  ratio: number | null;
  oursMs: number[];
  jupyterMs: number[];
  /**
   * Where our time goes, medians from the JobEvent timestamps: queued (SUBMITTED → STARTING),
   * starting (→ RUNNING: environment, input staging, model import), running (→ SUCCEEDED:
   * python start, paragraphs, outputs, environment stop), of which paragraphs (sum of the
   * paragraphs' durationMs, python start included in the first).
   */
  oursPhasesMs: { queued: number; starting: number; running: number; paragraphs: number };
  /** Why Jupyter was not measured, if it was not. */
  skipped?: string;
}

/**
 * The `jupyter` executable, or null when jupyter-nbconvert or ipykernel (for the python that
 * runs jupyter, from its #! line: Debian's /usr/bin/python3, not a pyenv shim) are missing.
 */
export function findJupyter(): string | null {
  try {
    const executable = execFileSync("sh", ["-c", "command -v jupyter"], { encoding: "utf8" }).trim();
    execFileSync(executable, ["nbconvert", "--version"], { stdio: "ignore" });
    execFileSync(jupyterPython(executable), ["-c", "import ipykernel"], { stdio: "ignore" });
    return executable;
  } catch {
    return null;
  }
}

/** The interpreter named on the #! line of the jupyter script (python3 if there is none). */
export function jupyterPython(jupyter: string): string {
  const first = fs.readFileSync(jupyter, "utf8").split("\n", 1)[0] ?? "";
  const [interpreter, ...rest] = first.replace(/^#!\s*/, "").split(/\s+/);
  if (!first.startsWith("#!") || !interpreter) return "python3";
  return interpreter.endsWith("/env") ? (rest[0] ?? "python3") : interpreter;
}

export async function measureNotebook(api: Api, watcher: JobWatcher, runs: number): Promise<NotebookResult> {
  const jupyter = findJupyter();
  const ours: number[] = [];
  const theirs: number[] = [];
  const phases = { queued: [] as number[], starting: [] as number[], running: [] as number[], paragraphs: [] as number[] };
  for (let i = 0; i <= runs; i++) {
    const a = await runOurs(api, watcher);
    const b = jupyter ? await runJupyter(jupyter) : null;
    if (i === 0) continue; // warm-up: python, the page cache, the kernel spec lookup
    ours.push(a.elapsed);
    for (const key of Object.keys(phases) as Array<keyof typeof phases>) phases[key].push(a.phases[key]);
    if (b !== null) theirs.push(b);
  }
  const oursMedianMs = median(ours);
  const jupyterMedianMs = jupyter ? median(theirs) : null;
  return {
    runs,
    oursMedianMs,
    jupyterMedianMs,
    ratio: jupyterMedianMs ? round(oursMedianMs / jupyterMedianMs, 3) : null,
    oursMs: ours.map((v) => round(v)),
    oursPhasesMs: { queued: median(phases.queued), starting: median(phases.starting), running: median(phases.running), paragraphs: median(phases.paragraphs) },
    jupyterMs: theirs.map((v) => round(v)),
    ...(jupyter ? {} : { skipped: "jupyter nbconvert or ipykernel not installed (apt-get install jupyter-nbconvert python3-ipykernel)" }),
  };
}

async function runOurs(api: Api, watcher: JobWatcher): Promise<{ elapsed: number; phases: NotebookResult["oursPhasesMs"] }> {
  const started = performance.now();
  const id = await api.submit(jobBody("notebook"));
  const status = await watcher.waitFor(id, FINAL);
  const elapsed = performance.now() - started;
  if (status !== "SUCCEEDED") throw new Error(`the notebook job ${id} ended ${status}`);
  const { job } = await api.graphql<{ job: { events: Array<{ status: string; at: string }>; paragraphs: Array<{ durationMs: number | null }> } }>(
    "query($id: ID!) { job(id: $id) { events { status at } paragraphs { durationMs } } }",
    { id },
  );
  const at = new Map(job.events.map((e) => [e.status, Date.parse(e.at)]));
  const phases = {
    queued: at.get("STARTING")! - at.get("SUBMITTED")!,
    starting: at.get("RUNNING")! - at.get("STARTING")!,
    running: at.get("SUCCEEDED")! - at.get("RUNNING")!,
    paragraphs: job.paragraphs.reduce((sum, p) => sum + (p.durationMs ?? 0), 0),
  };
  return { elapsed, phases };
}

async function runJupyter(jupyter: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobmanager-bench-jupyter-"));
  try {
    const notebook = prepareJupyterDir(dir);
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(jupyter, ["nbconvert", "--to", "notebook", "--execute", "--output", "executed.ipynb", notebook], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.once("error", reject);
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`jupyter nbconvert exited with ${code}: ${stderr.slice(-2000)}`))));
    });
    const elapsed = performance.now() - started;
    if (!fs.existsSync(path.join(dir, "output", "summary.json"))) throw new Error("jupyter nbconvert did not write output/summary.json");
    return elapsed;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
