/**
 * Applies the migrations in prisma/migrations with `prisma migrate deploy` (the Wasm schema
 * engine through the driver adapter; no native engine). Used by the server at start and by
 * the tests' global setup, so both run the very migrations a user gets.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const script = path.resolve(import.meta.dirname, "../scripts/prisma.sh");

export async function migrate(databaseUrl: string): Promise<void> {
  try {
    await promisify(execFile)("bash", [script, "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`Migrating ${databaseUrl} failed:\n${stdout}${stderr}`);
  }
}
