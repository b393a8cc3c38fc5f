import type { Db, EventBus } from "@jobmanager/db";
import type { BlobStore } from "@jobmanager/storage";
import type { Logger } from "./logger";
import type { PythonPool } from "./python-pool";
import type { SandboxTools } from "./sandbox";

/** What every part of the engine is given; nothing in the engine opens its own I/O. */
export interface EngineContext {
  db: Db;
  bus: EventBus;
  blobs: BlobStore;
  /** Directory under which each environment gets its working directory. */
  workRoot: string;
  logger: Logger;
  /** Between SIGINT and SIGKILL of a paragraph's processes on stop or timeout. Default 2000 ms. */
  interruptGraceMs?: number;
  /**
   * The sandbox tools, resolved once by the caller (`resolveSandboxTools()`); undefined or
   * null: interpreters run without bwrap and limits.
   */
  sandbox?: SandboxTools | null;
  /** Pre-started %python drivers (the runner's); undefined: every job starts its own. */
  pythonPool?: PythonPool;
}
