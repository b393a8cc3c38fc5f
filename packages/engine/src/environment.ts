/**
 * An environment's life on disk: its working directory with `input/` and `output/`, the
 * staging of the input folder, the upload of everything under `output/` to the output folder,
 * and its removal. The Environment row follows along (STARTING → RUNNING → STOPPED).
 */
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { ensureFolder, listFilesRecursive, putFile, recordJobOutput, type Job } from "@jobmanager/db";
import type { EngineContext } from "./engine-context";

export interface WorkingDirectory {
  environmentId: string;
  workDir: string;
  inputDir: string;
  outputDir: string;
}

/** An environment's directories: `input/` and `output/` inside its working directory. */
export function workingDirectory(environmentId: string, workDir: string): WorkingDirectory {
  return { environmentId, workDir, inputDir: path.join(workDir, "input"), outputDir: path.join(workDir, "output") };
}

/** The working directory of a job's environment when it was not made ready ahead. */
export function defaultWorkDir(ctx: EngineContext, job: Job): string {
  return path.join(ctx.workRoot, job.environmentId);
}

/**
 * @param prepared a directory made ready ahead (a warm python driver's, python-pool.ts);
 *   default: `<work root>/<environment id>`.
 */
export async function startEnvironment(ctx: EngineContext, job: Job, prepared?: { workDir: string }): Promise<WorkingDirectory> {
  const dir = workingDirectory(job.environmentId, prepared?.workDir ?? defaultWorkDir(ctx, job));
  const { workDir } = dir;
  await ctx.db.environment.upsert({
    where: { id: job.environmentId },
    create: { id: job.environmentId, tenantId: job.tenantId, configurationId: job.configurationId, jobId: job.id, status: "STARTING", workDir },
    update: { status: "STARTING", workDir },
  });
  await fs.mkdir(dir.inputDir, { recursive: true });
  await fs.mkdir(dir.outputDir, { recursive: true });
  return dir;
}

/** Copies every file of the job's input folder (and its subfolders) into `input/`. */
export async function stageInput(ctx: EngineContext, job: Job, dir: WorkingDirectory): Promise<number> {
  const files = await listFilesRecursive(ctx.db, job, job.inputFolderId);
  for (const { path: relative, file } of files) {
    await ctx.blobs.copyToFile(file.blobKey, path.join(dir.inputDir, relative));
  }
  return files.length;
}

export async function markEnvironment(ctx: EngineContext, environmentId: string, status: "RUNNING" | "STOPPED" | "FAILED") {
  await ctx.db.environment.update({
    where: { id: environmentId },
    data: { status, ...(status === "RUNNING" ? {} : { stoppedAt: new Date() }) },
  });
}

/**
 * Uploads every regular file under `output/` into the output folder, keeping subfolders.
 * @param ownerUserId the owner of what is written there (ownerForWritingInto the output folder).
 */
export async function collectOutputs(ctx: EngineContext, job: Job, dir: WorkingDirectory, ownerUserId: string): Promise<number> {
  let count = 0;
  const walk = async (local: string, folderId: string, prefix = "") => {
    const entries = await fs.readdir(local, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(local, entry.name);
      if (entry.isDirectory()) {
        const folder = await ensureFolder(ctx.db, { tenantId: job.tenantId, ownerUserId, parentId: folderId, name: entry.name, modifiedBy: job.tenantId });
        await walk(full, folder.id, `${prefix}${entry.name}/`);
      } else if (entry.isFile()) {
        // Symlinks and other special files are skipped: they could point outside the sandbox.
        const file = await putFile(ctx.db, ctx.blobs, {
          tenantId: job.tenantId,
          ownerUserId,
          folderId,
          name: entry.name,
          content: createReadStream(full),
          modifiedBy: job.tenantId,
        });
        await recordJobOutput(ctx.db, job.id, file, prefix + entry.name);
        count++;
      }
    }
  };
  await walk(dir.outputDir, job.outputFolderId);
  return count;
}

export async function removeWorkingDirectory(dir: WorkingDirectory): Promise<void> {
  await fs.rm(dir.workDir, { recursive: true, force: true });
}
