/**
 * The schema as SDL, sorted so that it diffs well. `schema.graphql` beside package.json is the
 * committed copy clients can read; a test fails when it differs from what the code builds
 * (refresh it with `bash scripts/pnpm.sh --filter @jobmanager/server emit-schema`).
 */
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "./schema";

export const SDL_FILE = path.resolve(import.meta.dirname, "../../schema.graphql");

export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildSchema()))}\n`;
}
