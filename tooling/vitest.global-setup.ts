/**
 * Migrates one template SQLite database with the real migrations (`prisma migrate deploy`);
 * each test copies it instead of migrating again.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobmanager-template-"));
  const file = path.join(dir, "template.db");
  execFileSync("bash", [path.resolve(import.meta.dirname, "../packages/db/scripts/prisma.sh"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  project.provide("templateDatabase", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
