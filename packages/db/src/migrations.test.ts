/// <reference path="../../../tooling/provided-context.d.ts" />
/**
 * The migrations, applied in order, must build exactly the database that schema.prisma
 * describes: several branches may each add a migration, and a rebuild of a table in one can
 * silently drop what another added.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { isUpToDate } from "./migrate";

const root = path.resolve(import.meta.dirname, "../../..");

function describeDatabase(db: Database.Database) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_prisma%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      {
        columns: db.prepare(`PRAGMA table_info("${table}")`).all(),
        indexes: (db.prepare(`PRAGMA index_list("${table}")`).all() as Array<{ name: string; unique: number }>)
          .filter((index) => !index.name.startsWith("sqlite_autoindex"))
          .map((index) => ({ ...index, columns: db.prepare(`PRAGMA index_info("${index.name}")`).all() }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        foreignKeys: db.prepare(`PRAGMA foreign_key_list("${table}")`).all(),
      },
    ]),
  );
}

describe("migrations", () => {
  it("build exactly the schema of prisma/schema.prisma", () => {
    const fromSchema = execFileSync(
      "bash",
      [path.join(root, "packages/db/scripts/prisma.sh"), "migrate", "diff", "--from-empty", "--to-schema-datamodel", path.join(root, "prisma/schema.prisma"), "--script"],
      { env: { ...process.env, DATABASE_URL: "file::memory:" }, encoding: "utf8" },
    );
    const expected = new Database(":memory:");
    expected.exec(fromSchema);
    const migrated = new Database(inject("templateDatabase"), { readonly: true });
    expect(describeDatabase(migrated)).toEqual(describeDatabase(expected));
  });

  it("keep the triggers Prisma does not model (a migration that rebuilds their table drops them)", () => {
    const migrated = new Database(inject("templateDatabase"), { readonly: true });
    const triggers = migrated.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
    expect(triggers).toEqual(["Job_count_delete", "Job_count_insert", "Job_count_update"]);
  });
});

describe("isUpToDate", () => {
  it("is true for a fully migrated database and false when a migration is missing, edited or absent", () => {
    const template = inject("templateDatabase");
    expect(isUpToDate(`file:${template}`)).toBe(true);

    const dir = mkdtempSync(path.join(os.tmpdir(), "jobmanager-migrate-"));
    expect(isUpToDate(`file:${path.join(dir, "none.db")}`)).toBe(false);

    const missing = path.join(dir, "missing.db");
    copyFileSync(template, missing);
    const db = new Database(missing);
    db.prepare("DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)").run();
    db.close();
    expect(isUpToDate(`file:${missing}`)).toBe(false);

    const edited = path.join(dir, "edited.db");
    copyFileSync(template, edited);
    const db2 = new Database(edited);
    db2.prepare("UPDATE _prisma_migrations SET checksum = 'x' WHERE migration_name = (SELECT min(migration_name) FROM _prisma_migrations)").run();
    db2.close();
    expect(isUpToDate(`file:${edited}`)).toBe(false);
  });
});
