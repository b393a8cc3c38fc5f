/**
 * The real server as a child process (`node --import tsx src/main.ts`, as `npm start` runs
 * it), for tests that kill or signal it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { demoJobParameters } from "./harness";

const serverDir = path.resolve(import.meta.dirname, "..");

export interface ChildServer {
  child: ChildProcess;
  url: string;
  token: string;
  exited: Promise<void>;
  /** Everything it wrote to stdout and stderr so far. */
  logs(): string;
}

/** Starts `src/main.ts` as its own process; resolves once it prints its URL. */
export function spawnServer(dataDir: string, env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", JOBMANAGER_PORT: "0", JOBMANAGER_DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.length > 100_000) out = out.slice(-50_000);
      const match = /Web UI\s+(\S+)\/#token=(\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, token: match[2]!, exited, logs: () => out + err });
    });
    void exited.then(() => reject(new Error(`server exited before it was ready:\n${out}\n${err}`)));
  });
}

export async function api(server: ChildServer, pathname: string, init: RequestInit = {}): Promise<any> {
  const response = await fetch(server.url + pathname, {
    ...init,
    headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
  });
  return response.json();
}

export async function paragraphStatuses(server: ChildServer, jobId: string): Promise<string[]> {
  const body = await api(server, "/graphql", {
    method: "POST",
    body: JSON.stringify({ query: "query($id: ID!) { job(id: $id) { paragraphs { status } } }", variables: { id: jobId } }),
  });
  return body.data.job.paragraphs.map((p: { status: string }) => p.status);
}

/** Starts a job of the demo tenant over REST; returns its v3 body. */
export async function startJobOn(server: ChildServer, modelId: string, extra: Record<string, unknown> = {}): Promise<{ id: string; environmentId: string }> {
  return api(server, "/api/jobmanager/v3/jobs", {
    method: "POST",
    body: JSON.stringify({ ...demoJobParameters, modelId, ...extra }),
  });
}
