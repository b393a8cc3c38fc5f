import type { Db, EventBus } from "@jobmanager/db";
import type { BlobStore } from "@jobmanager/storage";
import type { Logger } from "./logger";

/** What every part of the engine is given; nothing in the engine opens its own I/O. */
export interface EngineContext {
  db: Db;
  bus: EventBus;
  blobs: BlobStore;
  /** Directory under which each environment gets its working directory. */
  workRoot: string;
  logger: Logger;
}
