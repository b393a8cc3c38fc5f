/**
 * Applies the migrations in prisma/migrations with `prisma migrate deploy` (the Wasm schema
 * engine through the driver adapter; no native engine). Used by the server at start and by
 * the tests' global setup, so both run the very migrations a user gets.
 *
 * Starting the CLI takes seconds, so a database that already holds every migration (same
 * name, same checksum: Prisma's is the SHA-256 of migration.sql) is left alone. Anything else
 * (a new, edited, failed or rolled-back migration) goes to the CLI, which decides.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";

const script = path.resolve(import.meta.dirname, "../scripts/prisma.sh");
const migrationsDir = path.resolve(import.meta.dirname, "../../../prisma/migrations");

export async function migrate(databaseUrl: string): Promise<void> {
  if (isUpToDate(databaseUrl)) return;
  try {
    await promisify(execFile)("bash", [script, "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Migrating ${databaseUrl} failed:\n${stdout}${stderr}`);
  }
}

/** Migration folder name → checksum of its migration.sql, as Prisma records it. */
function expectedMigrations(): Map<string, string> {
  const expected = new Map<string, string>();
  for (const entry of readdirSync(migrationsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sql = readFileSync(path.join(migrationsDir, entry.name, "migration.sql"));
    expected.set(entry.name, createHash("sha256").update(sql).digest("hex"));
  }
  return expected;
}

export function isUpToDate(databaseUrl: string): boolean {
  const file = databaseUrl.replace(/^file:/, "");
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!hasTable) return false;
    const applied = db.prepare("SELECT migration_name AS name, checksum, finished_at AS finishedAt, rolled_back_at AS rolledBackAt FROM _prisma_migrations").all() as Array<{
      name: string;
      checksum: string;
      finishedAt: string | null;
      rolledBackAt: string | null;
    }>;
    const done = new Map(applied.filter((row) => row.finishedAt && !row.rolledBackAt).map((row) => [row.name, row.checksum]));
    if (applied.some((row) => !row.finishedAt && !row.rolledBackAt)) return false;
    const expected = expectedMigrations();
    return done.size === expected.size && [...expected].every(([name, checksum]) => done.get(name) === checksum);
  } finally {
    db.close();
  }
}
