/**
 * Recovery after a crash: a real server process is SIGKILLed while two jobs run, then started
 * again on the same data directory. The job without retries must end FAILED because its
 * runner was lost, at once (the restarted server proves its predecessor dead instead of
 * waiting for the two-minute lease), with no interpreter process left and its partial
 * outputs in the output folder; the job that asked for a retry runs again and succeeds.
 *
 * The sandbox is off here: bubblewrap's --die-with-parent would end the interpreters with
 * the server, and it is the restarted server's recovery that must find and kill them.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@jobmanager/db";
import { createFileSystemBlobStore } from "@jobmanager/storage";
import { afterEach, describe, expect, it } from "vitest";
import { api, paragraphStatuses, spawnServer, startJobOn, type ChildServer } from "./child-server";
import { environmentProcesses, processesLeft } from "./engine-helpers";
import { DEMO, insertModel, until, zeppelinNote } from "./harness";

const FINAL = ["SUCCEEDED", "FAILED", "STOPPED"];

describe("recovery after the server was killed", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("fails a lost job at once, kills its processes and keeps its partial outputs; a job with retries runs again", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "jobmanager-recovery-"));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const env = { JOBMANAGER_LEASE_MS: "120000", JOBMANAGER_SANDBOX: "off" };
    const first = await spawnServer(dataDir, env);
    cleanups.push(async () => void first.child.kill("SIGKILL"));

    let db: Db = await createDb(`file:${path.join(dataDir, "jobmanager.db")}`);
    cleanups.push(async () => db.$disconnect());
    const blobs = createFileSystemBlobStore(path.join(dataDir, "blobs"));
    const lostNote = zeppelinNote(
      "%python\nimport subprocess\nwith open(f'{outputFolder}/partial.txt', 'w') as f:\n    f.write('before the crash')\nchild = subprocess.Popen(['sleep', '300'])",
      "%sh\necho working; sleep 300",
      "%python\nprint('never started')",
    );
    lostNote.name = "Lost note";
    const lost = await startJobOn(first, await insertModel(db, blobs, lostNote));
    const retried = await startJobOn(first, await insertModel(db, blobs, zeppelinNote("%sh\nsleep 2\necho attempt done > $OUTPUT_FOLDER/retried.txt")), { retries: 1 });
    await until("both jobs to run", async () => {
      const [a, b] = await Promise.all([paragraphStatuses(first, lost.id), paragraphStatuses(first, retried.id)]);
      return a[1] === "RUNNING" && b[0] === "RUNNING";
    });

    first.child.kill("SIGKILL");
    await first.exited;
    // The interpreters outlive the server: the restarted server must find and kill them.
    expect(environmentProcesses(dataDir, lost.environmentId).length).toBeGreaterThan(0);
    await db.$disconnect(); // let the restarted server migrate without our connection in its way

    const second = await spawnServer(dataDir, env);
    cleanups.push(async () => {
      second.child.kill("SIGTERM");
      await second.exited;
    });
    db = await createDb(`file:${path.join(dataDir, "jobmanager.db")}`);
    const finalOf = (server: ChildServer, id: string) =>
      until(`job ${id} to be final`, async () => {
        const body = await api(server, `/api/jobmanager/v3/jobs/${id}`);
        return FINAL.includes(body.status) ? body : undefined;
      });

    const failed = await finalOf(second, lost.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.message).toMatch(/^The job's runner was lost \[runner .* its process is gone\]$/);
    expect(await processesLeft(dataDir, lost.environmentId)).toEqual([]);
    expect(await paragraphStatuses(second, lost.id)).toEqual(["FINISHED", "ABORT", "READY"]);
    const read = async (name: string) => {
      const file = await db.file.findFirstOrThrow({ where: { tenantId: DEMO.tenantId, folderId: DEMO.outputFolderId, name } });
      return (await blobs.readAll(file.blobKey)).toString("utf8");
    };
    expect(await read("partial.txt")).toBe("before the crash");
    expect(JSON.parse(await read("Lost note.zpln")).paragraphs[1].status).toBe("ABORT");

    expect((await finalOf(second, retried.id)).status).toBe("SUCCEEDED");
    const events = await db.jobEvent.findMany({ where: { jobId: retried.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.status)).toEqual(["SUBMITTED", "STARTING", "RUNNING", "SUBMITTED", "STARTING", "RUNNING", "SUCCEEDED"]);
    expect(events[3]!.message).toMatch(/runner was lost .*; running it again \(attempt 2 of 2\)\.$/);
    expect((await db.job.findUniqueOrThrow({ where: { id: retried.id } })).attempt).toBe(2);
    expect(await read("retried.txt")).toBe("attempt done\n");
    expect(await processesLeft(dataDir, retried.environmentId)).toEqual([]);
    expect(await db.job.count({ where: { status: { in: ["STARTING", "RUNNING", "STOPPING"] } } })).toBe(0);
  }, 240_000); // two real server starts (migrations included): slow on a busy 2-core machine
});
