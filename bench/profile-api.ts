/**
 * Profiling aid for the API under load (not part of `npm run bench`): seeds N jobs, runs the
 * two GET /jobs loads, prints the query plans and raw SQLite timings of the list queries.
 *   tsx bench/profile-api.ts [rows] [cpu-profile-dir]
 */
import { seedFixtures } from "./fixtures";
import { measureApi } from "./measure-api";
import { startBenchServer } from "./server";
const rows = Number(process.argv[2] ?? 100000);
const server = await startBenchServer({ maxEnvironments: 8, ...(process.argv[3] ? { cpuProfileDir: process.argv[3] } : {}) });
try {
  await seedFixtures(server);
  console.log(JSON.stringify(await measureApi(server, { rows, seconds: 10, connections: 16 }), null, 1));
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(server.databaseFile);
  for (const sql of [
    "EXPLAIN QUERY PLAN SELECT * FROM Job WHERE tenantId = 'demo' ORDER BY createdAt DESC, id DESC LIMIT 100 OFFSET 0",
    "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM Job WHERE tenantId = 'demo'",
    "EXPLAIN QUERY PLAN SELECT * FROM Job WHERE tenantId = 'demo' AND status = 'FAILED' ORDER BY createdAt DESC, id DESC LIMIT 100 OFFSET 0",
    "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM Job WHERE tenantId = 'demo' AND status = 'FAILED'",
  ]) console.log(sql, db.prepare(sql).all());
  for (const sql of ["SELECT COUNT(*) FROM Job WHERE tenantId = 'demo'", "SELECT * FROM Job WHERE tenantId = 'demo' ORDER BY createdAt DESC, id DESC LIMIT 100 OFFSET 0", "SELECT COUNT(*) FROM Job WHERE tenantId = 'demo' AND status = 'FAILED'", "SELECT * FROM Job WHERE tenantId = 'demo' AND status = 'FAILED' ORDER BY createdAt DESC, id DESC LIMIT 100"]) {
    const t = performance.now(); for (let i = 0; i < 20; i++) db.prepare(sql).all(); console.log(((performance.now() - t) / 20).toFixed(2), "ms", sql);
  }
  db.close();
} finally {
  await server.stop();
}
