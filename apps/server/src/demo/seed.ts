/**
 * The demo tenant, created idempotently at every start: a token (kept in
 * `<data dir>/demo-token`, since only its hash is in the database), the "Sales summary"
 * Zeppelin model, a Python configuration, and input/output folders with a sample CSV.
 * Fixed ids keep the README's curl examples working as written.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { createApiToken, ensureFolder, findTenantByToken, putFile, PUBLIC_ROOT_ID, type Db } from "@jobmanager/db";
import type { BlobStore } from "@jobmanager/storage";

export const DEMO = {
  tenantId: "demo",
  tenantName: "demo",
  modelId: "demo-model",
  configurationId: "demo-configuration",
  inputFolderId: "demo-input",
  outputFolderId: "demo-output",
} as const;

const NOTE_FILE = "sales-summary_2JMDEMO01.zpln";

export async function seedDemo(db: Db, blobs: BlobStore, dataDir: string): Promise<{ token: string }> {
  await db.tenant.upsert({ where: { id: DEMO.tenantId }, create: { id: DEMO.tenantId, name: DEMO.tenantName }, update: {} });

  if ((await db.modelVersion.count({ where: { modelId: DEMO.modelId } })) === 0) {
    const note = await fs.readFile(path.join(import.meta.dirname, NOTE_FILE));
    const blob = await blobs.write(note);
    await db.model.upsert({
      where: { id: DEMO.modelId },
      create: {
        id: DEMO.modelId,
        tenantId: DEMO.tenantId,
        name: "Demo: sales summary",
        description: "Totals the revenue per region of sales.csv and writes summary.csv.",
        type: "Zeppelin notebook",
        author: DEMO.tenantName,
      },
      update: {},
    });
    await db.modelVersion.create({
      data: { modelId: DEMO.modelId, number: 1, author: DEMO.tenantName, format: "zeppelin", fileName: NOTE_FILE, blobKey: blob.key, sizeInBytes: blob.size },
    });
  }

  await db.environmentConfiguration.upsert({
    where: { id: DEMO.configurationId },
    create: {
      id: DEMO.configurationId,
      tenantId: DEMO.tenantId,
      name: "Default Python",
      description: "Python 3, shell and Markdown paragraphs; no network.",
      maxInstances: 4,
    },
    update: {},
  });

  const input = await ensureFolder(db, { id: DEMO.inputFolderId, tenantId: DEMO.tenantId, parentId: PUBLIC_ROOT_ID, name: "demo-input", modifiedBy: DEMO.tenantName });
  await ensureFolder(db, { id: DEMO.outputFolderId, tenantId: DEMO.tenantId, parentId: PUBLIC_ROOT_ID, name: "demo-output", modifiedBy: DEMO.tenantName });
  if ((await db.file.count({ where: { tenantId: DEMO.tenantId, folderId: input.id, name: "sales.csv" } })) === 0) {
    await putFile(db, blobs, {
      tenantId: DEMO.tenantId,
      folderId: input.id,
      name: "sales.csv",
      content: await fs.readFile(path.join(import.meta.dirname, "sales.csv")),
      modifiedBy: DEMO.tenantName,
    });
  }

  return { token: await demoToken(db, dataDir) };
}

/** The demo token from the data directory while it is still valid, or a new one. */
async function demoToken(db: Db, dataDir: string): Promise<string> {
  const file = path.join(dataDir, "demo-token");
  const saved = await fs.readFile(file, "utf8").then((text) => text.trim(), () => "");
  if (saved && (await findTenantByToken(db, saved))?.tenant.id === DEMO.tenantId) return saved;
  const { secret } = await createApiToken(db, DEMO.tenantId, "demo");
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
