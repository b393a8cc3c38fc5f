import path from "node:path";
import { resolveSandboxTools } from "@jobmanager/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobFor } from "./engine-helpers";
import { DEMO, startTestServer, zeppelinNote, type TestServer } from "./harness";

const { bwrap, prlimit } = resolveSandboxTools();
if (!bwrap) console.warn("NOTICE: bubblewrap (bwrap) is not installed or cannot run here (apt-get install bubblewrap); sandbox tests are skipped.");
if (!prlimit) console.warn("NOTICE: prlimit (util-linux) is not installed; the memory limit test is skipped.");

const SECRET_NAME = "JOBMANAGER_TEST_SERVER_SECRET";
const repoFile = path.resolve(import.meta.dirname, "../../../package.json");

async function outputsOf(server: TestServer, jobId: string): Promise<string[]> {
  const runs = await server.db.paragraphRun.findMany({ where: { jobId }, orderBy: { index: "asc" } });
  return runs.map((r) => `${r.status}: ${(JSON.parse(r.results) as Array<{ data: string }>).map((m) => m.data).join("")}${r.error ?? ""}`);
}

describe("the interpreters' environment", () => {
  let server: TestServer;
  beforeAll(async () => {
    process.env[SECRET_NAME] = "s3cr3t-of-the-server";
    server = await startTestServer();
  });
  afterAll(async () => {
    delete process.env[SECRET_NAME];
    await server?.close();
  });

  it("shows a notebook none of the server's environment variables, only its configuration's", async () => {
    await server.db.environmentConfiguration.update({
      where: { id: DEMO.configurationId },
      data: { variables: JSON.stringify([{ name: "REGION", value: "eu-1" }]) },
    });
    try {
      const job = await startJobFor(server, zeppelinNote("%python\nimport os\nprint(sorted(os.environ))\nprint(os.environ.get('REGION'))", "%sh\nenv"));
      await server.waitForFinalJob(job.id);
      const [python, shell] = await outputsOf(server, job.id);
      expect(python).toContain("eu-1");
      for (const output of [python, shell]) {
        expect(output).not.toContain(SECRET_NAME);
        expect(output).not.toContain("s3cr3t");
        expect(output).not.toContain("DATABASE_URL");
      }
    } finally {
      await server.db.environmentConfiguration.update({ where: { id: DEMO.configurationId }, data: { variables: "[]" } });
    }
  });

  it.skipIf(!bwrap)("cannot read a file outside its environment, nor write to the system, but works in its own directory", async () => {
    const job = await startJobFor(
      server,
      zeppelinNote(
        `%sh\ncat ${repoFile}`,
        `%sh\nls ${path.join(server.dataDir, "environments")} ${server.dataDir}/jobmanager.db`,
        "%sh\ntouch /usr/intruder",
        "%python\nwith open('scratch.txt', 'w') as f:\n    f.write('mine')\nprint(open('scratch.txt').read())",
      ),
    );
    await server.waitForFinalJob(job.id);
    const outputs = await outputsOf(server, job.id);
    expect(outputs[0]).toMatch(/^ERROR: .*No such file or directory/s);
    expect(outputs[0]).not.toContain("packageManager"); // no byte of the file itself (its path may be echoed)
    expect(outputs[1]).toMatch(/^ERROR: .*No such file or directory/s);
    expect(outputs[2]).toMatch(/^ERROR: .*(Read-only file system|Permission denied)/s);
    expect(outputs[3]).toBe("FINISHED: mine\n");
  });

  it.skipIf(!bwrap)("has no network unless its configuration allows it", async () => {
    const port = new URL(server.url).port;
    const connect = `%python\nimport socket\ntry:\n    socket.create_connection(('127.0.0.1', ${port}), timeout=5).close()\n    print('connected')\nexcept OSError as e:\n    print('no network:', e)`;
    const offline = await startJobFor(server, zeppelinNote(connect));
    await server.waitForFinalJob(offline.id);
    expect((await outputsOf(server, offline.id))[0]).toMatch(/^FINISHED: no network/);

    const online = await server.db.environmentConfiguration.create({
      data: { tenantId: DEMO.tenantId, name: "With network", network: true },
    });
    const job = await startJobFor(server, zeppelinNote(connect), { configurationId: online.id });
    await server.waitForFinalJob(job.id);
    expect((await outputsOf(server, job.id))[0]).toBe("FINISHED: connected\n");
  });

  it.skipIf(!prlimit)("applies the configuration's memory limit to the notebook's processes", async () => {
    const limited = await server.db.environmentConfiguration.create({
      data: { tenantId: DEMO.tenantId, name: "Small memory", memoryLimitMb: 200 },
    });
    const job = await startJobFor(server, zeppelinNote("%python\nblock = bytearray(400 * 1024 * 1024)\nprint('allocated')"), { configurationId: limited.id });
    const final = await server.waitForFinalJob(job.id);
    expect(final.status).toBe("FAILED");
    expect((await outputsOf(server, job.id))[0]).toMatch(/^ERROR: .*MemoryError/s);
  });
});
