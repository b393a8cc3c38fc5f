/**
 * SIGTERM: the server takes no more jobs, lets running paragraphs finish within the grace
 * period (starting no further paragraph), then stops what still runs; every job ends
 * STOPPED with its outputs, and no interpreter process is left.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb } from "@jobmanager/db";
import { createFileSystemBlobStore } from "@jobmanager/storage";
import { expect, it } from "vitest";
import { paragraphStatuses, spawnServer, startJobOn } from "./child-server";
import { processesLeft } from "./engine-helpers";
import { DEMO, insertModel, until, zeppelinNote } from "./harness";

it("on SIGTERM lets the running paragraph finish within the grace period, then stops the jobs and exits", async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "jobmanager-shutdown-"));
  const server = await spawnServer(dataDir, { JOBMANAGER_SHUTDOWN_GRACE_MS: "2500", JOBMANAGER_STOP_GRACE_MS: "300" });
  const db = await createDb(`file:${path.join(dataDir, "jobmanager.db")}`);
  try {
    const blobs = createFileSystemBlobStore(path.join(dataDir, "blobs"));
    const endless = await startJobOn(server, await insertModel(db, blobs, zeppelinNote("%sh\necho endless > $OUTPUT_FOLDER/endless.txt; sleep 300")));
    await until("the endless paragraph to run", async () => (await paragraphStatuses(server, endless.id))[0] === "RUNNING");
    const finishing = await startJobOn(
      server,
      await insertModel(db, blobs, zeppelinNote("%sh\nsleep 1; echo done > $OUTPUT_FOLDER/finished.txt", "%sh\necho never > $OUTPUT_FOLDER/never.txt")),
    );
    await until("the finishing paragraph to run", async () => (await paragraphStatuses(server, finishing.id))[0] === "RUNNING");

    server.child.kill("SIGTERM");
    await server.exited;
    expect(server.child.exitCode, server.logs()).toBe(0);

    const jobs = await db.job.findMany({ where: { id: { in: [endless.id, finishing.id] } } });
    expect(jobs.map((j) => j.status)).toEqual(["STOPPED", "STOPPED"]);
    const runs = await db.paragraphRun.findMany({ where: { jobId: finishing.id }, orderBy: { index: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["FINISHED", "READY"]);
    const names = (await db.file.findMany({ where: { tenantId: DEMO.tenantId, folderId: DEMO.outputFolderId } })).map((f) => f.name).sort();
    expect(names).toEqual(expect.arrayContaining(["endless.txt", "finished.txt"]));
    expect(names).not.toContain("never.txt");
    for (const job of [endless, finishing]) expect(await processesLeft(dataDir, job.environmentId)).toEqual([]);
  } finally {
    server.child.kill("SIGKILL");
    await db.$disconnect();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}, 180_000); // a real server start (migrations included): slow on a busy 2-core machine
