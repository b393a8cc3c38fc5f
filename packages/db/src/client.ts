/**
 * The Prisma client factory: SQLite through the better-sqlite3 driver adapter (no native
 * Prisma engine). Nothing outside packages/db imports the generated client directly.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/client";
import { rememberDatabaseFile } from "./reader";

export type Db = PrismaClient;
/** What services accept so that they can run inside a caller's transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export type {
  ApiToken,
  EnvironmentConfiguration,
  File,
  Folder,
  Job,
  JobEvent,
  Model,
  ModelVersion,
  ParagraphRun,
  Schedule,
  ScheduleFiring,
  Session,
  Tenant,
  User,
} from "../generated/client";

/** Opens the database named by a `file:` URL. WAL lets readers and the one writer overlap. */
export async function createDb(url: string): Promise<Db> {
  if (!url.startsWith("file:")) {
    throw new Error(`Only SQLite 'file:' database URLs are supported so far (got '${url}').`);
  }
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  rememberDatabaseFile(db, url.slice("file:".length));
  return db;
}
