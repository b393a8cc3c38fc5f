/**
 * Keeps `npm run bench` working: runs it in --quick mode (tiny counts) against the real server
 * and checks that every measurement produced a result. No timing is asserted. Without
 * jupyter-nbconvert / ipykernel the Jupyter side is skipped (the bench says so) and only our
 * side of the notebook comparison is checked.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { findJupyter } from "./measure-notebook";
import type { BenchResults } from "./report";

const root = path.resolve(import.meta.dirname, "..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "jobmanager-bench-test-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe("npm run bench -- --quick", () => {
  it("measures every benchmark and writes the JSON results and the Markdown table", { timeout: 600_000 }, async () => {
    const jupyter = findJupyter();
    if (!jupyter) console.warn("Notice: jupyter nbconvert / ipykernel missing; the bench skips the Jupyter comparison.");
    await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["bench/run.ts", "--quick", "--out", out], { cwd: root, maxBuffer: 16 * 2 ** 20 });

    const results = JSON.parse(fs.readFileSync(path.join(out, "latest.json"), "utf8")) as BenchResults;
    expect(results.quick).toBe(true);
    expect(results.machine.cpus).toBeGreaterThan(0);
    expect(results.commit).not.toBe("");
    expect(results.notebook.oursMs.length).toBe(results.notebook.runs);
    if (jupyter) expect(results.notebook.jupyterMs.length).toBe(results.notebook.runs);
    else expect(results.notebook.skipped).toMatch(/not installed/);
    expect(results.throughputSh.succeeded).toBe(results.throughputSh.jobs);
    expect(results.throughputPython.succeeded).toBe(results.throughputPython.jobs);
    expect(results.latency.dispatchMs.n).toBe(results.latency.jobs);
    expect(results.latency.liveStatusMs.n).toBeGreaterThanOrEqual(results.latency.jobs * 4);
    expect(results.latencyAtScale.dispatchMs.n).toBe(results.latencyAtScale.jobs);
    for (const load of [results.api.unfiltered, results.api.filtered, results.api.whileWriting]) {
      expect(load.requestsPerSecond).toBeGreaterThan(0);
      expect(load.non2xx + load.errors).toBe(0);
    }
    // Warm python interpreters are taken by the running environments: compare without them.
    const { idle, running } = results.memory;
    expect(running.processes - running.warm.processes).toBeGreaterThan(idle.processes - idle.warm.processes);
    expect(fs.readFileSync(path.join(out, "latest.md"), "utf8")).toContain("| benchmark | result | target |");
  });
});
