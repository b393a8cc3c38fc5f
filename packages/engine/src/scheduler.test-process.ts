/**
 * Test fixture: a scheduler in a process of its own over a shared SQLite file, driven by IPC
 * messages carrying the fake clock's time. (Two schedulers in one process would share one
 * thread, and better-sqlite3's synchronous busy wait would block the very writer it waits for.)
 */
import { createDb, createEventBus } from "@jobmanager/db";
import { silentLogger } from "./logger";
import { createScheduler } from "./scheduler";

const [databaseUrl] = process.argv.slice(2);
const db = await createDb(databaseUrl!);
let now = new Date(0);
const scheduler = createScheduler({ db, bus: createEventBus(), logger: silentLogger }, { now: () => now });

process.on("message", async (message: { tick: string } | { exit: true }) => {
  if ("exit" in message) {
    await db.$disconnect();
    process.exit(0);
  }
  now = new Date(message.tick);
  try {
    process.send!({ created: await scheduler.tick() });
  } catch (error) {
    process.send!({ error: String(error) });
  }
});
process.send!({ ready: true });
