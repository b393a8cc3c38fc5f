/**
 * `npm start`: migrates the database, then serves the API, the web UI and the runner, with
 * the demo tenant seeded.
 */
import fs from "node:fs";
import { migrate } from "@jobmanager/db";
import { loadConfig } from "./config";
import { DEMO, seedDemo } from "./demo/seed";
import { startServer } from "./server";

const config = loadConfig();
fs.mkdirSync(config.dataDir, { recursive: true });
await migrate(config.databaseUrl);
const server = await startServer(config);
const { token } = await seedDemo(server.db, server.blobs, config.dataDir);

const jobBody = JSON.stringify({
  modelId: DEMO.modelId,
  configurationId: DEMO.configurationId,
  inputFolderId: DEMO.inputFolderId,
  outputFolderId: DEMO.outputFolderId,
});
process.stdout.write(`
  Job Manager is running.

  Web UI     ${server.url}/#token=${token}
  GraphQL    ${server.url}/graphql   (subscriptions: ${server.url.replace("http", "ws")}/graphql)
  REST v3    ${server.url}/api/jobmanager/v3/jobs

  Demo token ${token}
             (also in ${config.dataDir}/demo-token)

  Try:  curl -s -X POST ${server.url}/api/jobmanager/v3/jobs \\
          -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" \\
          -d '${jobBody}'

`);

// SIGTERM/SIGINT: take no more jobs, let running paragraphs finish within the grace period,
// then stop their jobs (STOPPED, outputs kept). A second signal exits at once.
let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    server.logger.info({ signal, graceMs: config.shutdownGraceMs }, "shutting down");
    void server.close(config.shutdownGraceMs).then(() => process.exit(0));
  });
}
