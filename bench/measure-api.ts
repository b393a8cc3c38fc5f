/**
 * (5) The API under load: `rows` finished jobs are inserted with raw SQL (one transaction of
 * prepared inserts), then autocannon drives GET /api/jobmanager/v3/jobs (a page of 100) for
 * `seconds` over `connections` connections, without and with a filter, and once more while
 * another connection commits a change to a job every 10 ms: the server keeps an unchanged
 * page until the database changes, so that third run shows the price of a busy database.
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { CONFIGURATION_ID, INPUT_FOLDER_ID, modelId, OUTPUT_FOLDER_ID, TENANT } from "./fixtures";
import type { BenchServer } from "./server";
import { round } from "./stats";

export interface LoadResult {
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface ApiResult {
  rows: number;
  insertMs: number;
  seconds: number;
  connections: number;
  unfiltered: LoadResult;
  filtered: LoadResult;
  /** Unfiltered, while jobs change 100 times a second (every page read misses the cache). */
  whileWriting: LoadResult & { commits: number };
}

/** A filter that matches about a third of the rows: FAILED jobs. */
export const FILTER = JSON.stringify({ status: { eq: "FAILED" } });

export async function measureApi(server: BenchServer, options: { rows: number; seconds: number; connections: number }): Promise<ApiResult> {
  const insertMs = insertJobs(server.databaseFile, options.rows);
  const base = "/api/jobmanager/v3/jobs?pageSize=100";
  const load = (path: string) => runLoad(server, path, options.seconds, options.connections);
  const unfiltered = await load(base);
  const filtered = await load(`${base}&filter=${encodeURIComponent(FILTER)}`);
  const whileWriting = await whileJobsChange(server.databaseFile, () => load(base));
  return { rows: options.rows, insertMs: round(insertMs), seconds: options.seconds, connections: options.connections, unfiltered, filtered, whileWriting };
}

/** Runs `work` while another connection rewrites the newest job's message every 10 ms. */
async function whileJobsChange(databaseFile: string, work: () => Promise<LoadResult>): Promise<LoadResult & { commits: number }> {
  const db = new Database(databaseFile);
  db.pragma("busy_timeout = 5000");
  const newest = (db.prepare("SELECT id FROM Job ORDER BY createdAt DESC LIMIT 1").get() as { id: string }).id;
  const touch = db.prepare("UPDATE Job SET message = ? WHERE id = ?");
  let commits = 0;
  const timer = setInterval(() => touch.run(`Changed ${++commits} times.`, newest), 10);
  try {
    return { ...(await work()), commits };
  } finally {
    clearInterval(timer);
    db.close();
  }
}

/** Finished jobs of the demo tenant, one a second back from now, statuses in rotation. */
export function insertJobs(databaseFile: string, rows: number): number {
  const started = performance.now();
  const db = new Database(databaseFile);
  db.pragma("busy_timeout = 5000");
  try {
    const versionId = (db.prepare("SELECT id FROM ModelVersion WHERE modelId = ?").get(modelId("sh")) as { id: string }).id;
    // The jobs run as the tenant's default user (the demo token's), as if started with it.
    const userId = (db.prepare("SELECT id FROM User WHERE username = ?").get(`tenant:${TENANT}`) as { id: string }).id;
    const insert = db.prepare(
      `INSERT INTO Job (id, tenantId, userId, modelId, modelVersionId, configurationId, environmentId, inputFolderId, outputFolderId,
         maximumExecutionTimeInSeconds, status, message, createdAt, startedAt, finishedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 3600, ?, ?, ?, ?, ?)`,
    );
    const statuses = ["SUCCEEDED", "FAILED", "STOPPED"];
    const messages = ["Finished notebook execution.", 'Paragraph 1 "Step 1" failed [ZeroDivisionError: division by zero]', "Stopped on request."];
    const now = Date.now() - rows * 1000;
    const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
    const BATCH = 10_000;
    for (let from = 0; from < rows; from += BATCH) {
      db.transaction(() => {
        for (let i = from; i < Math.min(rows, from + BATCH); i++) {
          const created = now + i * 1000;
          insert.run(randomUUID(), TENANT, userId, modelId("sh"), versionId, CONFIGURATION_ID, randomUUID(), INPUT_FOLDER_ID, OUTPUT_FOLDER_ID,
            statuses[i % 3], messages[i % 3], stamp(created), stamp(created + 100), stamp(created + 900));
        }
      })();
    }
  } finally {
    db.close();
  }
  return performance.now() - started;
}

async function runLoad(server: BenchServer, path: string, seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    url: server.url + path,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${server.token}` },
  });
  return {
    path,
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
