/**
 * The newcomer's two commands, for real: a fresh clone of this repository's HEAD in an empty
 * temporary folder, `npm start` until it serves the UI and the API, then `npm test` there.
 * The nested `npm test` skips this file (JOBMANAGER_NESTED_TEST) so it does not recurse.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../../..");
const nested = process.env.JOBMANAGER_NESTED_TEST === "1";
const isGitCheckout = fs.existsSync(path.join(repo, ".git"));

describe.skipIf(nested || !isGitCheckout)("a fresh clone", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobmanager-clone-"));
  const clone = path.join(dir, "jobmanager");
  let server: ChildProcess | undefined;
  afterAll(() => {
    if (server?.pid) killGroup(server.pid);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves the web UI and the API after `npm start`", async () => {
    execFileSync("git", ["clone", "--quiet", repo, clone]);
    expect(fs.readdirSync(clone).sort()).not.toContain("node_modules");

    server = spawn("npm", ["start"], {
      cwd: clone,
      env: { ...cleanEnv(), JOBMANAGER_PORT: "0" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const banner = await waitForOutput(server, /Demo token (jm_\S+)/, 10 * 60_000);
    const url = /Web UI\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(banner)![1]!;
    const token = /Demo token (jm_\S+)/.exec(banner)![1]!;

    const page = await fetch(`${url}/jobs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Job Manager");
    const viewer = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ viewer { name } models { id } }" }),
    });
    expect(await viewer.json()).toEqual({ data: { viewer: { name: "demo" }, models: [{ id: "demo-model" }] } });
    expect(fs.readFileSync(path.join(clone, ".data/demo-token"), "utf8").trim()).toBe(token);

    killGroup(server.pid!);
    server = undefined;
  }, 12 * 60_000);

  it("passes `npm test`", () => {
    const output = execFileSync("npm", ["test"], {
      cwd: clone,
      env: { ...cleanEnv(), JOBMANAGER_NESTED_TEST: "1" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const summary = /^tests: (\d+) passed, (\d+) failed/m.exec(output);
    expect(summary, output.slice(-3000)).not.toBeNull();
    expect(Number(summary![1])).toBeGreaterThan(50);
    expect(summary![2]).toBe("0");
  }, 20 * 60_000);
});

/** The environment without vitest's own variables, as a newcomer's shell would have it. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)));
}

function killGroup(pid: number) {
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // already gone
  }
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`npm start printed no ${pattern} in time:\n${output.slice(-3000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
}
