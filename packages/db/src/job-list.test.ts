/// <reference path="../../../tooling/provided-context.d.ts" />
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseJobFilter } from "@jobmanager/domain";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createDb, type Db } from "./client";
import { countJobs, statusesOnly } from "./job-counts";
import { jobFilterWhere, listJobRows } from "./job-list";
import { closeReader } from "./reader";

const STATUSES = ["SUBMITTED", "RUNNING", "SUCCEEDED", "FAILED", "STOPPED"];
const MESSAGES = ["Finished notebook execution.", "100% done_ok", "Paragraph 1 failed [ZeroDivisionError]", "", "100x doneXok"];

describe("job lists and counts", () => {
  let dir: string;
  let file: string;
  let db: Db;
  let tenantId: string;
  let otherTenantId: string;
  const start = Date.parse("2026-01-01T00:00:00Z");

  /** Jobs written as another process would write them: raw SQL, no Prisma (the counts come from triggers). */
  function insertJobs(tenant: string, count: number, from: number) {
    const raw = new Database(file);
    raw.pragma("foreign_keys = OFF"); // the jobs name no real model: only the lists are under test
    const insert = raw.prepare(
      `INSERT INTO "Job" (id, tenantId, userId, modelId, modelVersionId, configurationId, environmentId, inputFolderId, outputFolderId, maximumExecutionTimeInSeconds, status, message, createdAt)
       VALUES (?, ?, 'u', ?, 'v', 'c', 'e', 'in', 'out', 60, ?, ?, ?)`,
    );
    raw.transaction(() => {
      for (let i = from; i < from + count; i++) {
        insert.run(`${tenant}-${String(i).padStart(4, "0")}`, tenant, i % 2 ? "model-a" : "model-b", STATUSES[i % 5], MESSAGES[i % 5], new Date(start + (i % 7) * 1000).toISOString().replace("Z", "+00:00"));
      }
    })();
    raw.close();
  }

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jobmanager-joblist-"));
    file = path.join(dir, "db.sqlite");
    await fs.copyFile(inject("templateDatabase"), file);
    db = await createDb(`file:${file}`);
    tenantId = (await db.tenant.create({ data: { name: "lists" } })).id;
    otherTenantId = (await db.tenant.create({ data: { name: "neighbour" } })).id;
    insertJobs(tenantId, 60, 0);
    insertJobs(otherTenantId, 13, 0);
  });
  afterAll(async () => {
    await db?.$disconnect();
    if (db) closeReader(db);
    await fs.rm(dir, { recursive: true, force: true });
  });

  const FILTERS = [
    undefined,
    '{"status":{"eq":"FAILED"}}',
    '{"status":{"or":[{"eq":"FAILED"},{"eq":"STOPPED"}]}}',
    '{"modelId":{"eq":"model-a"},"status":{"eq":"SUCCEEDED"}}',
    '{"message":{"contains":"% done_"}}',
    '{"message":{"contains":"FAILED"}}',
    '{"message":{"eq":""}}',
    '{"creationDate":{"after":"2026-01-01T00:00:02Z","before":"2026-01-01T00:00:05.000Z"}}',
    '{"modelId":{"or":[{"contains":"-a"},{"eq":"model-b"}]},"creationDate":{"before":"2026-01-01T00:00:01Z"}}',
  ];

  it("reads the same jobs, in the same order, as the Prisma query of the same filter", async () => {
    for (const text of FILTERS) {
      const filter = parseJobFilter(text);
      const expected = await db.job.findMany({ where: jobFilterWhere(tenantId, filter), orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, createdAt: true } });
      for (const [offset, limit] of [[0, 100], [3, 7]] as const) {
        const rows = listJobRows(db, tenantId, filter, { offset, limit });
        expect(rows.map((r) => [r.id, r.createdAt.getTime()]), text).toEqual(expected.slice(offset, offset + limit).map((r) => [r.id, r.createdAt.getTime()]));
      }
      expect(countJobs(db, tenantId, filter), text).toBe(expected.length);
      expect(expected.length, text).toBeGreaterThan(0);
    }
  });

  it("answers a status-only filter from the counts and any other by counting", () => {
    expect(statusesOnly(parseJobFilter(undefined))).toEqual(expect.arrayContaining(STATUSES));
    expect(statusesOnly(parseJobFilter('{"status":{"or":[{"eq":"FAILED"},{"eq":"STOPPED"}]}}'))?.toSorted()).toEqual(["FAILED", "STOPPED"]);
    expect(statusesOnly(parseJobFilter('{"modelId":{"eq":"model-a"}}'))).toBeNull();
  });

  it("keeps the counts exact through inserts, status changes and deletes, whoever writes", async () => {
    const exact = async (tenant: string) => {
      for (const status of STATUSES) {
        const filter = parseJobFilter(JSON.stringify({ status: { eq: status } }));
        expect(countJobs(db, tenant, filter), status).toBe(await db.job.count({ where: { tenantId: tenant, status } }));
      }
      expect(countJobs(db, tenant, {})).toBe(await db.job.count({ where: { tenantId: tenant } }));
    };
    await exact(tenantId);
    await db.job.updateMany({ where: { tenantId, status: "RUNNING" }, data: { status: "SUCCEEDED" } });
    await db.job.update({ where: { id: `${tenantId}-0003` }, data: { status: "STOPPED" } });
    await db.job.update({ where: { id: `${tenantId}-0004` }, data: { message: "no status change" } });
    await exact(tenantId);
    await db.job.deleteMany({ where: { tenantId, status: "FAILED" } });
    insertJobs(tenantId, 5, 100);
    await exact(tenantId);
    await exact(otherTenantId);
    await db.tenant.delete({ where: { id: otherTenantId } }); // cascades to its jobs
    expect(countJobs(db, otherTenantId, {})).toBe(0);
    await exact(tenantId);
  });

  it("never answers from a result older than the last commit", async () => {
    const filter = parseJobFilter('{"message":{"eq":"fresh"}}');
    expect(listJobRows(db, tenantId, filter, { offset: 0, limit: 10 })).toEqual([]);
    expect(countJobs(db, tenantId, filter)).toBe(0);
    await db.job.update({ where: { id: `${tenantId}-0010` }, data: { message: "fresh" } });
    expect(listJobRows(db, tenantId, filter, { offset: 0, limit: 10 }).map((r) => r.id)).toEqual([`${tenantId}-0010`]);
    expect(countJobs(db, tenantId, filter)).toBe(1);
  });
});
