/// <reference path="../../../tooling/provided-context.d.ts" />
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, createEventBus, defaultUserOf, type Db } from "@jobmanager/db";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { silentLogger } from "./logger";
import { createScheduler, type SchedulerOptions } from "./scheduler";

/** A clock the test moves by hand. */
function fakeClock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (iso: string) => (now = new Date(iso)) };
}

describe("scheduler", () => {
  let dir: string;
  let dbs: Db[];
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "scheduler-"));
    await fs.copyFile(inject("templateDatabase"), path.join(dir, "db.sqlite"));
    dbs = [];
  });
  afterEach(async () => {
    await Promise.all(dbs.map((db) => db.$disconnect()));
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** One more process's view of the shared database. */
  async function openDb(): Promise<Db> {
    const db = await createDb(`file:${path.join(dir, "db.sqlite")}`);
    dbs.push(db);
    return db;
  }

  async function seed(db: Db, scheduleString: string, createdAt: string) {
    await db.tenant.create({ data: { id: "t", name: "t" } });
    await db.model.create({
      data: { id: "m", tenantId: "t", name: "m", author: "t", versions: { create: { number: 1, author: "t", format: "zeppelin", fileName: "n.zpln", blobKey: "x", sizeInBytes: 1 } } },
    });
    await db.environmentConfiguration.create({ data: { id: "c", tenantId: "t", name: "c" } });
    const user = await defaultUserOf(db, "t");
    return db.schedule.create({
      data: {
        tenantId: "t",
        userId: user.id,
        name: "every minute",
        modelId: "m",
        configurationId: "c",
        inputFolderId: "_PUBLIC_ROOT_ID",
        outputFolderId: "_PUBLIC_ROOT_ID",
        scheduleString,
        maximumExecutionTime: 60,
        createdAt: new Date(createdAt),
      },
    });
  }

  /** A scheduler in its own process over the same database file, ticked at a given time. */
  async function schedulerProcess() {
    const child: ChildProcess = fork(path.join(import.meta.dirname, "scheduler.test-process.ts"), [`file:${path.join(dir, "db.sqlite")}`], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const next = () =>
      new Promise<{ created?: number; error?: string; ready?: boolean }>((resolve) => child.once("message", resolve as (m: unknown) => void));
    await next();
    return {
      async tick(at: Date): Promise<number> {
        const reply = next();
        child.send({ tick: at.toISOString() });
        const { created, error } = await reply;
        if (error) throw new Error(error);
        return created!;
      },
      stop: () => child.send({ exit: true }),
    };
  }

  const schedulerOn = (db: Db, clock: { now: () => Date }, options: SchedulerOptions = {}) =>
    createScheduler({ db, bus: createEventBus(), logger: silentLogger }, { now: clock.now, ...options });

  it("fires each fire time exactly once with two scheduler processes sharing one database", async () => {
    const db = await openDb();
    const schedule = await seed(db, "0 * * * * ?", "2026-12-04T10:00:30Z");
    const [first, second] = await Promise.all([schedulerProcess(), schedulerProcess()]);
    try {
      const both = (at: string) => Promise.all([first.tick(new Date(at)), second.tick(new Date(at))]);
      expect(await both("2026-12-04T10:00:45Z")).toEqual([0, 0]); // 10:00:00 is before the schedule existed
      for (const minute of ["01", "02", "03", "04", "05"]) {
        const created = await both(`2026-12-04T10:${minute}:00.500Z`);
        expect(created[0]! + created[1]!).toBe(1);
      }
      expect(await both("2026-12-04T10:05:30Z")).toEqual([0, 0]); // nothing new within the same minute
    } finally {
      first.stop();
      second.stop();
    }
    const firings = await db.scheduleFiring.findMany({ where: { scheduleId: schedule.id }, orderBy: { fireTime: "asc" } });
    expect(firings.map((f) => f.fireTime.toISOString())).toEqual([1, 2, 3, 4, 5].map((m) => `2026-12-04T10:0${m}:00.000Z`));
    expect(await db.job.count()).toBe(5);
    expect(new Set(firings.map((f) => f.jobId)).size).toBe(5);
  });

  it("fires a firing missed while no scheduler ran once when one starts again, not once per missed time", async () => {
    const db = await openDb();
    await seed(db, "0 */10 * * * ?", "2026-12-04T08:00:00Z");
    const clock = fakeClock("2026-12-04T10:03:00Z"); // 12 fire times passed since 08:00
    expect(await schedulerOn(db, clock).tick()).toBe(1);
    const [firing] = await db.scheduleFiring.findMany();
    expect(firing?.fireTime.toISOString()).toBe("2026-12-04T10:00:00.000Z");
    // a restarted scheduler does not fire it again
    expect(await schedulerOn(await openDb(), clock).tick()).toBe(0);
    expect(await db.job.count()).toBe(1);
  });

  it("skips missed firings when configured to, and fires the next one on time", async () => {
    const db = await openDb();
    await seed(db, "0 */10 * * * ?", "2026-12-04T08:00:00Z");
    const clock = fakeClock("2026-12-04T10:03:00Z");
    const scheduler = schedulerOn(db, clock, { missedFirings: "skip" });
    expect(await scheduler.tick()).toBe(0);
    clock.set("2026-12-04T10:10:01Z");
    expect(await scheduler.tick()).toBe(1);
    expect((await db.scheduleFiring.findMany()).map((f) => f.fireTime.toISOString())).toEqual(["2026-12-04T10:10:00.000Z"]);
  });

  it("fires nothing for a stopped schedule", async () => {
    const db = await openDb();
    const schedule = await seed(db, "0 * * * * ?", "2026-12-04T10:00:00Z");
    await db.schedule.update({ where: { id: schedule.id }, data: { status: "STOPPED" } });
    expect(await schedulerOn(db, fakeClock("2026-12-04T10:30:00Z")).tick()).toBe(0);
    expect(await db.job.count()).toBe(0);
  });

  it("records a firing whose model is gone with the reason, and creates no job", async () => {
    const db = await openDb();
    const schedule = await seed(db, "0 * * * * ?", "2026-12-04T10:00:00Z");
    await db.schedule.update({ where: { id: schedule.id }, data: { modelId: "deleted-model" } });
    expect(await schedulerOn(db, fakeClock("2026-12-04T10:01:00Z")).tick()).toBe(0);
    const [firing] = await db.scheduleFiring.findMany();
    expect(firing).toMatchObject({ jobId: null, error: "Model 'deleted-model' was not found." });
  });
});
