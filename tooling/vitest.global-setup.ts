/// <reference path="./provided-context.d.ts" />
/**
 * Migrates one template SQLite database with the real migrations; each test copies it
 * instead of migrating again.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../packages/db/src/migrate";


export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jobmanager-template-"));
  const file = path.join(dir, "template.db");
  await migrate(`file:${file}`);
  project.provide("templateDatabase", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
