/**
 * Recovery after a crash: a real server process is SIGKILLed while a job runs, then started
 * again on the same data directory. The job must end FAILED because its runner was lost, at
 * once (the restarted server proves its predecessor dead instead of waiting for the lease),
 * with no interpreter process left and its partial outputs in the output folder.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@jobmanager/db";
import { resolveSandboxTools } from "@jobmanager/engine";
import { createFileSystemBlobStore } from "@jobmanager/storage";
import { afterEach, describe, expect, it } from "vitest";
import { api, insertModel, paragraphStatuses, spawnServer, startJobOn, until } from "./child-server";
import { environmentProcesses, processesLeft } from "./engine-helpers";
import { DEMO, zeppelinNote } from "./harness";

const { bwrap } = resolveSandboxTools();

const modes = [
  { sandbox: "off", skip: false },
  { sandbox: "auto", skip: !bwrap },
];

describe("recovery after the server was killed", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.each(modes)("fails the running job as lost, kills its processes and keeps its partial outputs (sandbox $sandbox)", async ({ sandbox, skip }) => {
    if (skip) {
      console.warn("NOTICE: bwrap is not available; the sandboxed recovery test is skipped.");
      return;
    }
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "jobmanager-recovery-"));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    // A lease far longer than the test may wait: recovery must not depend on its expiry.
    const env = { JOBMANAGER_LEASE_MS: "120000", JOBMANAGER_SANDBOX: sandbox };
    const first = await spawnServer(dataDir, env);
    cleanups.push(async () => void first.child.kill("SIGKILL"));

    let db: Db | undefined = await createDb(`file:${path.join(dataDir, "jobmanager.db")}`);
    cleanups.push(async () => db?.$disconnect());
    const blobs = createFileSystemBlobStore(path.join(dataDir, "blobs"));
    const note = zeppelinNote(
      "%python\nimport subprocess\nwith open(f'{outputFolder}/partial.txt', 'w') as f:\n    f.write('before the crash')\nchild = subprocess.Popen(['sleep', '300'])",
      "%sh\necho working; sleep 300",
      "%python\nprint('never started')",
    );
    const job = await startJobOn(first, await insertModel(db, blobs, note));
    await until("the second paragraph to run", async () => ((await paragraphStatuses(first, job.id))[1] === "RUNNING" ? true : undefined));
    expect(environmentProcesses(dataDir, job.environmentId).length).toBeGreaterThan(0);

    first.child.kill("SIGKILL");
    await first.exited;
    // Unsandboxed, the interpreters outlive the server (bwrap's --die-with-parent ends them):
    // it is the restarted server's recovery that must find and kill them.
    if (sandbox === "off") expect(environmentProcesses(dataDir, job.environmentId).length).toBeGreaterThan(0);
    // Let the restarted server migrate without our connection in its way.
    await db.$disconnect();

    const second = await spawnServer(dataDir, env);
    db = await createDb(`file:${path.join(dataDir, "jobmanager.db")}`);
    cleanups.push(async () => {
      second.child.kill("SIGTERM");
      await second.exited;
    });
    const final = await until("the job to be final", async () => {
      const body = await api(second, `/api/jobmanager/v3/jobs/${job.id}`);
      return ["SUCCEEDED", "FAILED", "STOPPED"].includes(body.status) ? body : undefined;
    });
    expect(final.status).toBe("FAILED");
    expect(final.message).toMatch(/runner was lost/);
    expect(await processesLeft(dataDir, job.environmentId)).toEqual([]);
    expect(await paragraphStatuses(second, job.id)).toEqual(["FINISHED", "ABORT", "READY"]);

    const read = async (name: string) => {
      const file = await db!.file.findUniqueOrThrow({ where: { tenantId_folderId_name: { tenantId: DEMO.tenantId, folderId: DEMO.outputFolderId, name } } });
      return (await blobs.readAll(file.blobKey)).toString("utf8");
    };
    expect(await read("partial.txt")).toBe("before the crash");
    expect(JSON.parse(await read("Test note.zpln")).paragraphs[1].status).toBe("ABORT");
    const active = await db.job.count({ where: { status: { in: ["STARTING", "RUNNING", "STOPPING"] } } });
    expect(active).toBe(0);
    await db.$disconnect();
    db = undefined;
  });

  it("runs a job again from the start when it asked for retries and its runner was lost", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "jobmanager-retry-"));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const env = { JOBMANAGER_LEASE_MS: "120000" };
    const first = await spawnServer(dataDir, env);
    cleanups.push(async () => void first.child.kill("SIGKILL"));
    let db = await createDb(`file:${path.join(dataDir, "jobmanager.db")}`);
    cleanups.push(async () => db.$disconnect());
    const blobs = createFileSystemBlobStore(path.join(dataDir, "blobs"));
    const note = zeppelinNote("%sh\nsleep 2\necho attempt done > $OUTPUT_FOLDER/retried.txt");
    const job = await startJobOn(first, await insertModel(db, blobs, note), { retries: 1 });
    await until("the paragraph to run", async () => ((await paragraphStatuses(first, job.id))[0] === "RUNNING" ? true : undefined));

    first.child.kill("SIGKILL");
    await first.exited;
    await db.$disconnect();
    const second = await spawnServer(dataDir, env);
    cleanups.push(async () => {
      second.child.kill("SIGTERM");
      await second.exited;
    });
    db = await createDb(`file:${path.join(dataDir, "jobmanager.db")}`);
    const final = await until("the job to be final", async () => {
      const body = await api(second, `/api/jobmanager/v3/jobs/${job.id}`);
      return ["SUCCEEDED", "FAILED", "STOPPED"].includes(body.status) ? body : undefined;
    });
    expect(final.status).toBe("SUCCEEDED");
    const events = await db.jobEvent.findMany({ where: { jobId: job.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.status)).toEqual(["SUBMITTED", "STARTING", "RUNNING", "SUBMITTED", "STARTING", "RUNNING", "SUCCEEDED"]);
    expect(events[3]!.message).toMatch(/runner was lost .*; running it again \(attempt 2 of 2\)\.$/);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).attempt).toBe(2);
    expect(await processesLeft(dataDir, job.environmentId)).toEqual([]);
  });
});
