import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentProcesses, processesLeft, startJobFor } from "./engine-helpers";
import { startTestServer, zeppelinNote, type TestServer } from "./harness";

describe("processes that leave their paragraph's process group", () => {
  let server: TestServer;
  beforeAll(async () => {
    // A short lease: the runner's heartbeat (which sweeps) runs every 300 ms.
    server = await startTestServer({ env: { JOBMANAGER_LEASE_MS: "900" } });
  });
  afterAll(() => server?.close());

  it("are killed by the runner's sweep after their job ended", async () => {
    const job = await startJobFor(server, zeppelinNote("%sh\nsetsid sleep 300 > /dev/null 2>&1 < /dev/null &\necho started"));
    expect((await server.waitForFinalJob(job.id)).status).toBe("SUCCEEDED");
    expect(await processesLeft(server.dataDir, job.environmentId)).toEqual([]);
    expect(environmentProcesses(server.dataDir, job.environmentId)).toEqual([]);
  });
});
