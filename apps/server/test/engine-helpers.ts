/**
 * Helpers for the engine's end-to-end tests: start a job for a note, wait for a paragraph to
 * reach a status, and find the processes of a job's environment (by the marker the engine
 * puts on every interpreter process) and a server's warm python interpreters (in /proc).
 */
import fs from "node:fs";
import path from "node:path";
import { findEnvironmentProcesses } from "@jobmanager/engine";
import { demoJobParameters, until, type TestServer } from "./harness";

export async function startJobFor(
  server: TestServer,
  note: unknown,
  extra: Record<string, unknown> = {},
  token?: string,
): Promise<{ id: string; environmentId: string }> {
  const modelId = await server.createModel(note);
  const response = await server.request("/api/jobmanager/v3/jobs", {
    method: "POST",
    json: { ...demoJobParameters, modelId, ...extra },
    ...(token ? { token } : {}),
  });
  if (response.status !== 201) throw new Error(`job not created: ${response.status} ${JSON.stringify(await response.json())}`);
  return response.json();
}

/** Polls until the job's paragraph has the status (generous upper bound, then throws). */
export async function waitForParagraph(server: TestServer, jobId: string, index: number, status: string, timeoutMs = 20_000): Promise<void> {
  let seen: string | undefined;
  await until(
    () => `paragraph ${index} of job ${jobId} to be ${status} (it is ${seen ?? "missing"})`,
    async () => {
      seen = (await server.db.paragraphRun.findUnique({ where: { jobId_index: { jobId, index } } }))?.status;
      return seen === status;
    },
    timeoutMs,
    25,
  );
}

/** Live processes of the job's environment. */
export function environmentProcesses(dataDir: string, environmentId: string): number[] {
  return findEnvironmentProcesses(environmentId, path.join(dataDir, "environments", environmentId));
}

/** Pids of the pre-started (not yet taken) python drivers of the server with this data dir (bwrap or not). */
export function warmDrivers(dataDir: string): number[] {
  const root = path.join(dataDir, "environments") + path.sep;
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Under bwrap the wrapper processes carry the same environment: count the drivers only.
      const [program = "", script = ""] = fs.readFileSync(`/proc/${entry}/cmdline`, "latin1").split("\0");
      if (!path.basename(program).startsWith("python") || !script.endsWith("python_driver.py")) continue;
      const environ = fs.readFileSync(`/proc/${entry}/environ`, "latin1");
      if (environ.includes("JOBMANAGER_PYTHON_POOLED=1\0") && environ.includes(`HOME=${root}`)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** Waits until no process of the environment is left; returns the pids still alive after the bound. */
export async function processesLeft(dataDir: string, environmentId: string, timeoutMs = 5000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = environmentProcesses(dataDir, environmentId);
    if (pids.length === 0 || Date.now() > deadline) return pids;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
