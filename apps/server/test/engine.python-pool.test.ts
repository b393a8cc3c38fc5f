import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentProcesses, startJobFor, waitForParagraph, warmDrivers } from "./engine-helpers";
import { DEMO, startTestServer, until, zeppelinNote, type TestServer } from "./harness";

const outputOf = async (server: TestServer, jobId: string) => {
  const runs = await server.db.paragraphRun.findMany({ where: { jobId }, orderBy: { index: "asc" } });
  return runs.map((run) => ({ status: run.status, text: (JSON.parse(run.results) as { data: string }[]).map((r) => r.data).join("") }));
};

describe("pre-started python interpreters", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { JOBMANAGER_PYTHON_POOL_SIZE: "2" } });
    await server.db.environmentConfiguration.update({
      where: { id: DEMO.configurationId },
      data: { variables: JSON.stringify([{ name: "GREETING", value: "hello from the configuration", secret: false }]) },
    });
  });
  afterAll(() => server?.close());

  it("runs a job's %python in a warm interpreter that takes on the job's directory, variables and marker, with nothing of an earlier job", async () => {
    // The first %python job asks for warm interpreters of its settings (and leaves a global).
    const first = await startJobFor(server, zeppelinNote("%python\nleftover = 'from the first job'"));
    expect((await server.waitForFinalJob(first.id)).status).toBe("SUCCEEDED");
    await until(() => `two warm interpreters (found ${warmDrivers(server.dataDir).length})`, () => warmDrivers(server.dataDir).length === 2, 20_000);

    const check = [
      "import os",
      "print('cwd', os.getcwd() == os.environ['HOME'])",
      "print('greeting', os.environ.get('GREETING'))",
      "print('pooled flag', 'JOBMANAGER_PYTHON_POOLED' in os.environ)",
      "print('leftover', 'leftover' in globals())",
      "print('folders', inputFolder == os.environ['INPUT_FOLDER'], outputFolder == os.environ['OUTPUT_FOLDER'])",
      "marker = 'JOBMANAGER_ENVIRONMENT_ID=' + os.environ['JOBMANAGER_ENVIRONMENT_ID'] + '\\0'",
      "print('marker in /proc', marker in open('/proc/self/environ', encoding='latin1').read())",
      "open(os.path.join(outputFolder, 'pool.txt'), 'w').write('written by a warm interpreter')",
      "import subprocess",
      "print('child sees', subprocess.run(['sh', '-c', 'echo $GREETING'], capture_output=True, text=True).stdout.strip())",
    ].join("\n");
    const job = await startJobFor(server, zeppelinNote(`%python\n${check}`, "%python\nimport time\ntime.sleep(300)"));
    await until("the job's driver to carry its marker", () => environmentProcesses(server.dataDir, job.environmentId).length > 0, 20_000);
    // Stop only once the checks have finished and the sleep runs (else the checks end ABORT).
    await waitForParagraph(server, job.id, 1, "RUNNING");
    await server.request(`/api/jobmanager/v3/jobs/${job.id}/stop`, { method: "POST" });
    expect((await server.waitForFinalJob(job.id)).status).toBe("STOPPED");

    const environment = await server.db.environment.findUniqueOrThrow({ where: { id: job.environmentId } });
    expect(path.basename(environment.workDir)).toMatch(/^pool-/); // it took a warm interpreter
    expect(fs.existsSync(environment.workDir)).toBe(false);
    const [checked] = await outputOf(server, job.id);
    expect(checked).toEqual({
      status: "FINISHED",
      text: [
        "cwd True",
        "greeting hello from the configuration",
        "pooled flag False",
        "leftover False",
        "folders True True",
        "marker in /proc True",
        "child sees hello from the configuration",
        "",
      ].join("\n"),
    });
    expect(await server.readOutput(DEMO.outputFolderId, "pool.txt")).toBe("written by a warm interpreter");
    expect(environmentProcesses(server.dataDir, job.environmentId)).toEqual([]);
  });

  it("starts its own interpreter for a configuration with variables python reads at start (PYTHONPATH)", async () => {
    await until("warm interpreters", () => warmDrivers(server.dataDir).length >= 2, 20_000);
    await server.db.environmentConfiguration.update({
      where: { id: DEMO.configurationId },
      data: { variables: JSON.stringify([{ name: "PYTHONPATH", value: "/opt/from-the-configuration", secret: false }]) },
    });
    const job = await startJobFor(server, zeppelinNote("%python\nimport sys\nprint('/opt/from-the-configuration' in sys.path)"));
    expect((await server.waitForFinalJob(job.id)).status).toBe("SUCCEEDED");
    const environment = await server.db.environment.findUniqueOrThrow({ where: { id: job.environmentId } });
    expect(path.basename(environment.workDir)).toBe(job.environmentId);
    expect((await outputOf(server, job.id))[0]).toEqual({ status: "FINISHED", text: "True\n" });
  });

  it("leaves no warm interpreter and no directory of one behind when the server closes", async () => {
    const other = await startTestServer({ env: { JOBMANAGER_PYTHON_POOL_SIZE: "2" } });
    try {
      const job = await startJobFor(other, zeppelinNote("%python\nprint(1)"));
      expect((await other.waitForFinalJob(job.id)).status).toBe("SUCCEEDED");
      await until("two warm interpreters", () => warmDrivers(other.dataDir).length === 2, 20_000);
    } finally {
      await other.close();
    }
    expect(warmDrivers(other.dataDir)).toEqual([]);
    const left = fs.existsSync(path.join(other.dataDir, "environments")) ? fs.readdirSync(path.join(other.dataDir, "environments")) : [];
    expect(left.filter((name) => name.startsWith("pool-"))).toEqual([]);
  });
});
