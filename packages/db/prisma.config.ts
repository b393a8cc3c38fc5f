/**
 * Prisma CLI configuration without native engines (see DESIGN.md, "Prisma here"): the Wasm
 * schema engine runs migrations through the better-sqlite3 driver adapter.
 */
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL must name the SQLite file to migrate (file:/path/to.db).");
    return new PrismaBetterSQLite3({ url });
  },
});
