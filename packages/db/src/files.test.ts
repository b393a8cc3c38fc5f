/// <reference path="../../../tooling/provided-context.d.ts" />
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { createDb, type Db } from "./client";
import { ensureFolder, listFilesRecursive, PRIVATE_ROOT_ID, PUBLIC_ROOT_ID } from "./files";

describe("listFilesRecursive", () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jobmanager-files-"));
    await fs.copyFile(inject("templateDatabase"), path.join(dir, "db.sqlite"));
    db = await createDb(`file:${path.join(dir, "db.sqlite")}`);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("lists a tree's files depth first, each folder's files before its subfolders, by name", async () => {
    const tenantId = (await db.tenant.create({ data: { name: "files" } })).id;
    const other = (await db.tenant.create({ data: { name: "other files" } })).id;
    const folder = (parentId: string, name: string, tenant = tenantId) => ensureFolder(db, { tenantId: tenant, parentId, name, modifiedBy: "test" });
    const file = (folderId: string, name: string, tenant = tenantId) =>
      db.file.create({ data: { tenantId: tenant, folderId, name, sizeInBytes: 1, blobKey: `${folderId}/${name}`, modifiedBy: "test", contentType: "text/plain" } });

    const input = await folder(PUBLIC_ROOT_ID, "input");
    const b = await folder(input.id, "b");
    const a = await folder(input.id, "a");
    const deep = await folder(a.id, "deep");
    await file(input.id, "z.txt");
    await file(input.id, "m.txt");
    await file(b.id, "b1.txt");
    await file(a.id, "a1.txt");
    await file(deep.id, "d1.txt");
    await file(deep.id, "c1.txt");
    await file(PUBLIC_ROOT_ID, "outside.txt");
    await file(input.id, "foreign.txt", other); // another tenant's row in the same folder id

    const me = { tenantId, userId: "me" };
    const listed = await listFilesRecursive(db, me, input.id);
    expect(listed.map((entry) => entry.path)).toEqual(["m.txt", "z.txt", "a/a1.txt", "a/deep/c1.txt", "a/deep/d1.txt", "b/b1.txt"]);
    expect(listed.every((entry) => entry.file.tenantId === tenantId)).toBe(true);
    expect(await listFilesRecursive(db, me, deep.id)).toMatchObject([{ path: "c1.txt" }, { path: "d1.txt" }]);
    expect(await listFilesRecursive(db, { tenantId: other, userId: "me" }, input.id)).toMatchObject([{ path: "foreign.txt" }]);
  });

  it("lists under the private root only the principal's own folders and files", async () => {
    const tenantId = (await db.tenant.create({ data: { name: "private files" } })).id;
    for (const owner of ["me", "someone else"]) {
      const mine = await ensureFolder(db, { tenantId, ownerUserId: owner, parentId: PRIVATE_ROOT_ID, name: "docs", modifiedBy: "test" });
      await db.file.create({ data: { tenantId, ownerUserId: owner, folderId: mine.id, name: `${owner}.txt`, sizeInBytes: 1, blobKey: owner, modifiedBy: "test" } });
    }
    const listed = await listFilesRecursive(db, { tenantId, userId: "me" }, PRIVATE_ROOT_ID);
    expect(listed.map((entry) => entry.path)).toEqual(["docs/me.txt"]);
  });
});
