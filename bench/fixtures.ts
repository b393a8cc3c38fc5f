/**
 * What the bench runs: the 5-paragraph Python notebook (as a Zeppelin note for us and as
 * the equivalent .ipynb for the Jupyter executor), trivial %sh / %python / sleeping notes,
 * and a configuration with room for many environments. They are written straight into the
 * server's SQLite file and blob store (the catalog API for uploads is not there yet), under
 * the demo tenant whose token the server prints.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createFileSystemBlobStore } from "@jobmanager/storage";
import type { BenchServer } from "./server";

export const TENANT = "demo";
export const CONFIGURATION_ID = "bench-configuration";
export const INPUT_FOLDER_ID = "bench-input";
export const OUTPUT_FOLDER_ID = "bench-output";
/** Environments of the bench configuration at once: more than any measurement starts. */
const MAX_INSTANCES = 10_000;

/** The notebook compared with Jupyter: small computation, a file read, a file write. */
export const NOTEBOOK_CELLS = [
  "import csv, json, os, statistics\nvalues = [i * i % 97 for i in range(10_000)]",
  "with open(os.path.join(inputFolder, 'measurements.csv'), newline='') as f:\n    rows = list(csv.DictReader(f))\nprint(len(rows), 'rows')",
  "per_sensor = {}\nfor row in rows:\n    per_sensor.setdefault(row['sensor'], []).append(float(row['value']))\nsummary = {k: round(statistics.mean(v), 3) for k, v in sorted(per_sensor.items())}",
  "with open(os.path.join(outputFolder, 'summary.json'), 'w') as f:\n    json.dump({'sensors': summary, 'checksum': sum(values)}, f)",
  "print(summary)",
];

/** The input file the notebook reads: 1,000 rows of (sensor, value). */
export function measurementsCsv(): string {
  const lines = ["sensor,value"];
  for (let i = 0; i < 1000; i++) lines.push(`s${i % 7},${((i * 37) % 101) / 10}`);
  return lines.join("\n") + "\n";
}

export function zeppelinNote(name: string, paragraphs: Array<{ interpreter: string; code: string }>): string {
  return JSON.stringify({
    name,
    id: name.replace(/\W/g, "").toUpperCase().slice(0, 9),
    paragraphs: paragraphs.map((p, i) => ({ id: `paragraph_${i + 1}`, title: `Step ${i + 1}`, text: `%${p.interpreter}\n${p.code}`, config: { enabled: true } })),
  });
}

/** The same cells for `jupyter nbconvert --execute`; the first defines the folders our driver predefines. */
export function jupyterNotebook(): string {
  const cells = NOTEBOOK_CELLS.map((code, i) => ({
    cell_type: "code",
    execution_count: null,
    id: `cell-${i + 1}`,
    metadata: {},
    outputs: [],
    source: (i === 0 ? "inputFolder, outputFolder = 'input', 'output'\n" : "") + code,
  }));
  return JSON.stringify({
    cells,
    metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" }, language_info: { name: "python" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

export const MODELS = {
  notebook: zeppelinNote("bench notebook", NOTEBOOK_CELLS.map((code) => ({ interpreter: "python", code }))),
  sh: zeppelinNote("bench sh", [{ interpreter: "sh", code: "echo ok" }]),
  python: zeppelinNote("bench python", [{ interpreter: "python", code: "print('ok')" }]),
  /** Runs until stopped: an environment that stays up for the memory measurement. */
  sleep: zeppelinNote("bench sleep", [{ interpreter: "python", code: "import time\ntime.sleep(600)" }]),
} as const;
export type ModelName = keyof typeof MODELS;

export const modelId = (name: ModelName) => `bench-${name}`;

/** The body of POST /jobs for one of the bench models. */
export function jobBody(name: ModelName): object {
  return { modelId: modelId(name), configurationId: CONFIGURATION_ID, inputFolderId: INPUT_FOLDER_ID, outputFolderId: OUTPUT_FOLDER_ID, maximumExecutionTimeInSeconds: 3600 };
}

/** Writes the bench models, configuration and folders into the server's database and blobs. */
export async function seedFixtures(server: BenchServer): Promise<void> {
  const blobs = createFileSystemBlobStore(path.join(server.dataDir, "blobs"));
  const now = new Date().toISOString();
  const modelBlobs = await Promise.all(Object.entries(MODELS).map(async ([name, note]) => ({ name: name as ModelName, note, blob: await blobs.write(note) })));
  const input = await blobs.write(measurementsCsv());
  const db = new Database(server.databaseFile);
  db.pragma("busy_timeout = 5000");
  try {
    db.transaction(() => {
      db.prepare(
        `INSERT INTO EnvironmentConfiguration (id, tenantId, name, description, maxInstances, createdAt, updatedAt) VALUES (?, ?, 'Bench', 'Benchmarks: many environments at once', ?, ?, ?)`,
      ).run(CONFIGURATION_ID, TENANT, MAX_INSTANCES, now, now);
      for (const { name, note, blob } of modelBlobs) {
        db.prepare(`INSERT INTO Model (id, tenantId, name, author, createdAt, updatedAt) VALUES (?, ?, ?, 'bench', ?, ?)`).run(modelId(name), TENANT, `bench ${name}`, now, now);
        db.prepare(
          `INSERT INTO ModelVersion (id, modelId, number, author, format, fileName, blobKey, sizeInBytes, createdAt) VALUES (?, ?, 1, 'bench', 'zeppelin', ?, ?, ?, ?)`,
        ).run(randomUUID(), modelId(name), `${name}.zpln`, blob.key, Buffer.byteLength(note), now);
      }
      for (const id of [INPUT_FOLDER_ID, OUTPUT_FOLDER_ID]) {
        db.prepare(`INSERT INTO Folder (id, tenantId, parentId, name, modifiedAt, modifiedBy) VALUES (?, ?, '_PUBLIC_ROOT_ID', ?, ?, 'bench')`).run(id, TENANT, id, now);
      }
      db.prepare(
        `INSERT INTO File (id, tenantId, folderId, name, contentType, sizeInBytes, blobKey, modifiedAt, modifiedBy) VALUES (?, ?, ?, 'measurements.csv', 'text/csv', ?, ?, ?, 'bench')`,
      ).run(randomUUID(), TENANT, INPUT_FOLDER_ID, input.size, input.key, now);
    })();
  } finally {
    db.close();
  }
}

/** Writes the .ipynb and its input into a fresh directory for one Jupyter run. */
export function prepareJupyterDir(dir: string): string {
  fs.mkdirSync(path.join(dir, "input"), { recursive: true });
  fs.mkdirSync(path.join(dir, "output"), { recursive: true });
  fs.writeFileSync(path.join(dir, "input", "measurements.csv"), measurementsCsv());
  const file = path.join(dir, "bench.ipynb");
  fs.writeFileSync(file, jupyterNotebook());
  return file;
}
