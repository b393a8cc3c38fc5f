/// <reference path="../../../tooling/provided-context.d.ts" />
/**
 * End-to-end test harness: the real server on a free port of 127.0.0.1, with a copy of the
 * migrated template database, its own data directory, the runner and the demo tenant.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createApiToken, PUBLIC_ROOT_ID, type Db, type Job } from "@jobmanager/db";
import type { BlobStore } from "@jobmanager/storage";
import { createClient, type Client } from "graphql-ws";
import { inject } from "vitest";
import WebSocket from "ws";
import { loadConfig } from "../src/config";
import { DEMO, seedDemo } from "../src/demo/seed";
import { startServer, type RunningServer } from "../src/server";

export { DEMO };

/** A fetch Response whose JSON body tests may read without casting. */
export type JsonResponse = Omit<Response, "json"> & { json(): Promise<any> };

export interface TestServer extends RunningServer {
  dataDir: string;
  /** The demo tenant's token. */
  token: string;
  /** fetch against the server, with the demo token unless `token` is given (null: none). */
  request(pathname: string, init?: RequestInit & { token?: string | null; json?: unknown }): Promise<JsonResponse>;
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<{ data?: T; errors?: any[] }>;
  /** Another tenant with a token of its own (and none of the demo objects). */
  createTenant(name: string): Promise<{ tenantId: string; token: string }>;
  /** Adds a Zeppelin model to the demo tenant (until the catalog API exists) and returns its id. */
  createModel(note: unknown, tenantId?: string): Promise<string>;
  /** Polls the REST API until the job is final; returns its last v3 body. */
  waitForFinalJob(id: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** The text of a file in a folder, read from blob storage. */
  readOutput(folderId: string, name: string, tenantId?: string): Promise<string>;
}

export async function startTestServer(options: { runner?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "jobmanager-test-"));
  const database = path.join(dataDir, "jobmanager.db");
  await fs.copyFile(inject("templateDatabase"), database);
  const config = loadConfig({
    JOBMANAGER_PORT: "0",
    JOBMANAGER_DATA_DIR: dataDir,
    DATABASE_URL: `file:${database}`,
    JOBMANAGER_RUNNER: options.runner === false ? "false" : "true",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    ...options.env,
  });
  const server = await startServer(config);
  const { token } = await seedDemo(server.db, server.blobs, dataDir);

  const request: TestServer["request"] = (pathname, init = {}) => {
    const { token: explicit, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    const bearer = explicit === undefined ? token : explicit;
    if (bearer) headers.set("authorization", `Bearer ${bearer}`);
    if (json !== undefined) headers.set("content-type", "application/json");
    return fetch(server.url + pathname, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) }) as Promise<JsonResponse>;
  };

  return {
    ...server,
    dataDir,
    token,
    request,
    async graphql(query, variables, explicit) {
      const response = await request("/graphql", { method: "POST", json: { query, variables }, token: explicit });
      return response.json() as Promise<any>;
    },
    async createTenant(name) {
      const tenant = await server.db.tenant.create({ data: { name } });
      const { secret } = await createApiToken(server.db, tenant.id, "test");
      return { tenantId: tenant.id, token: secret };
    },
    createModel(note, tenantId) {
      return insertModel(server.db, server.blobs, note, tenantId);
    },
    async waitForFinalJob(id, timeoutMs = 30_000) {
      let status: unknown;
      return until(
        () => `job ${id} to end (still ${String(status)} after ${timeoutMs} ms)`,
        async () => {
          const job = (await (await request(`/api/jobmanager/v3/jobs/${id}`)).json()) as Record<string, unknown>;
          status = job.status;
          return ["SUCCEEDED", "FAILED", "STOPPED"].includes(job.status as string) ? job : undefined;
        },
        timeoutMs,
      );
    },
    async readOutput(folderId, name, tenantId = DEMO.tenantId) {
      const file = await server.db.file.findFirstOrThrow({ where: { tenantId, folderId, name } });
      return (await server.blobs.readAll(file.blobKey)).toString("utf8");
    },
    async close() {
      await server.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A graphql-ws client of the server, signed in with the demo token unless `token` is given (null: none); no retries. */
export function graphqlWsClient(server: Pick<TestServer, "url" | "token">, token: string | null = server.token): Client {
  return createClient({
    url: server.url.replace("http", "ws") + "/graphql",
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
}

/** The cookies a response set (e.g. a login's session and XSRF cookies), as one Cookie header. */
export function cookieHeader(response: Pick<Response, "headers">): string {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

/**
 * Adds a Zeppelin model (one version) straight into a server's database and blob storage,
 * until the catalog API exists; returns its id. Also for a server in a child process.
 */
export async function insertModel(db: Db, blobs: BlobStore, note: unknown, tenantId: string = DEMO.tenantId): Promise<string> {
  const blob = await blobs.write(typeof note === "string" ? note : JSON.stringify(note));
  const model = await db.model.create({
    data: {
      tenantId,
      name: `Test model ${Math.random().toString(36).slice(2, 8)}`,
      author: tenantId,
      versions: { create: { number: 1, author: tenantId, format: "zeppelin", fileName: "note.zpln", blobKey: blob.key, sizeInBytes: blob.size } },
    },
  });
  return model.id;
}

/**
 * Polls `probe` every `intervalMs` until it gives something other than undefined or false,
 * and returns that; after `timeoutMs` it throws, naming what it waited for (`what` may be a
 * function, called then, to tell the last state seen). The one polling loop of the tests.
 */
export async function until<T>(
  what: string | (() => string),
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const demoJobParameters = {
  modelId: DEMO.modelId,
  configurationId: DEMO.configurationId,
  inputFolderId: DEMO.inputFolderId,
  outputFolderId: DEMO.outputFolderId,
};

/** A Zeppelin 0.9 note built from `%interpreter\ncode` paragraph texts (optionally titled). */
export function zeppelinNote(...paragraphs: Array<string | { title: string; text: string }>) {
  return {
    name: "Test note",
    id: "2TESTNOTE",
    defaultInterpreterGroup: "python",
    version: "0.11.2",
    config: {},
    info: {},
    paragraphs: paragraphs.map((p, i) => ({
      id: `paragraph_${i + 1}`,
      ...(typeof p === "string" ? { text: p } : p),
      config: { enabled: true },
      status: "READY",
    })),
  };
}

/** A Jupyter nbformat 4 notebook: one markdown cell, then one code cell. */
export const jupyterNotebook = (code = "print('hello from jupyter')") =>
  JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", source: ["# Jupyter\n"], metadata: {} },
      { cell_type: "code", source: [code], metadata: {}, outputs: [], execution_count: null },
    ],
  });

export type { Job };
export { PUBLIC_ROOT_ID };
