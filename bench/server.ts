/**
 * The server under test: the real `src/main.ts` of apps/server as its own process (SQLite,
 * a temporary data directory, a free port), started the way `npm start` runs it. The bench
 * talks to it over HTTP and graphql-ws only, and opens its SQLite file for seeding.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface BenchServer {
  url: string;
  token: string;
  dataDir: string;
  databaseFile: string;
  pid: number;
  /** SIGTERM, wait for the exit (a CPU profile, if asked for, is written then). */
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** Environments run at once (JOBMANAGER_MAX_ENVIRONMENTS). */
  maxEnvironments: number;
  /** Write a V8 CPU profile of the server into this directory (node --cpu-prof). */
  cpuProfileDir?: string;
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobmanager-bench-"));
  const nodeArgs = options.cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir] : [];
  // Run from apps/server so that tsx reads its tsconfig (decorators for type-graphql).
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "src/main.ts"], {
    cwd: path.join(ROOT, "apps/server"),
    env: {
      ...process.env,
      JOBMANAGER_PORT: "0",
      JOBMANAGER_DATA_DIR: dataDir,
      JOBMANAGER_MAX_ENVIRONMENTS: String(options.maxEnvironments),
      JOBMANAGER_SHUTDOWN_GRACE_MS: "0",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Web UI\s+(http:\/\/\S+?)\//.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code} before it was ready`)));
  });
  child.stdout!.resume();
  const token = fs.readFileSync(path.join(dataDir, "demo-token"), "utf8").trim();
  return {
    url,
    token,
    dataDir,
    databaseFile: path.join(dataDir, "jobmanager.db"),
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
