/// <reference path="../../../tooling/provided-context.d.ts" />
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createDb, type Db } from "./client";
import { LAST_USED_INTERVAL_MS, TOKEN_CACHE_TTL_MS, tokenUseWritten } from "./token-cache";
import { createApiToken, findTenantByToken, revokeApiToken } from "./tokens";

describe("API token look-ups", () => {
  let dir: string;
  let db: Db;
  let tenantId: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jobmanager-tokens-"));
    await fs.copyFile(inject("templateDatabase"), path.join(dir, "db.sqlite"));
    db = await createDb(`file:${path.join(dir, "db.sqlite")}`);
    tenantId = (await db.tenant.create({ data: { name: "tokens" } })).id;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const lastUsedAt = async (id: string) => {
    await tokenUseWritten(db);
    return (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt?.getTime() ?? null;
  };

  it("refuses a revoked token at once, though it was cached", async () => {
    const { id, secret } = await createApiToken(db, tenantId, "revoked");
    const now = Date.now();
    expect((await findTenantByToken(db, secret, now))?.tenant.id).toBe(tenantId);
    expect((await findTenantByToken(db, secret, now + 1))?.tenant.id).toBe(tenantId);
    expect(await revokeApiToken(db, tenantId, id)).toBe(true);
    expect(await findTenantByToken(db, secret, now + 2)).toBeNull();
  });

  it("honours a revocation by another process once the cache entry expires", async () => {
    const { id, secret } = await createApiToken(db, tenantId, "elsewhere");
    const now = Date.now();
    expect((await findTenantByToken(db, secret, now))?.tenant.id).toBe(tenantId);
    await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } }); // not through this process's revokeApiToken
    expect((await findTenantByToken(db, secret, now + TOKEN_CACHE_TTL_MS - 1))?.tenant.id).toBe(tenantId);
    expect(await findTenantByToken(db, secret, now + TOKEN_CACHE_TTL_MS)).toBeNull();
  });

  it("sets lastUsedAt on use, at most once a minute", async () => {
    const { id, secret } = await createApiToken(db, tenantId, "used");
    expect(await lastUsedAt(id)).toBeNull();
    const now = Date.now();
    await findTenantByToken(db, secret, now);
    expect(await lastUsedAt(id)).toBe(now);
    await findTenantByToken(db, secret, now + LAST_USED_INTERVAL_MS - 1);
    expect(await lastUsedAt(id)).toBe(now);
    await findTenantByToken(db, secret, now + LAST_USED_INTERVAL_MS);
    expect(await lastUsedAt(id)).toBe(now + LAST_USED_INTERVAL_MS);
  });

  it("refuses unknown secrets", async () => {
    expect(await findTenantByToken(db, "jm_not-a-token")).toBeNull();
    expect(await findTenantByToken(db, "plainly wrong")).toBeNull();
  });
});
