import { writeFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPythonInterpreter, type PythonInterpreter } from "./python";
import { isAlive, makeContext, stillAliveAfter } from "./testing";

type Ctx = Awaited<ReturnType<typeof makeContext>>;

describe("%python", () => {
  let ctx: Ctx;
  let py: PythonInterpreter;

  beforeAll(async () => {
    process.env.SECRET_FOR_TEST = "do-not-leak";
    ctx = await makeContext({ MODEL_MODE: "nightly" });
    py = await createPythonInterpreter(ctx);
  });
  afterAll(async () => {
    delete process.env.SECRET_FOR_TEST;
    await py.close();
    await ctx.cleanup();
  });

  it("shares state across paragraphs", async () => {
    expect(await py.run("counter = 41\ndef inc(x):\n    return x + 1")).toMatchObject({ status: "FINISHED" });
    const outcome = await py.run("print(inc(counter))");
    expect(outcome).toEqual({ status: "FINISHED", results: [{ type: "TEXT", data: "42\n" }], error: null });
  });

  it("shows the value of a trailing expression, as Zeppelin does", async () => {
    expect((await py.run("x = [1, 2]\nx + [3]")).results).toEqual([{ type: "TEXT", data: "[1, 2, 3]\n" }]);
    expect((await py.run("None")).results).toEqual([]);
  });

  it("reads from inputFolder and writes to outputFolder", async () => {
    await writeFile(join(ctx.inputDir, "numbers.txt"), "1\n2\n3\n");
    const outcome = await py.run(
      [
        "import os",
        "total = sum(int(l) for l in open(os.path.join(inputFolder, 'numbers.txt')))",
        "open(os.path.join(outputFolder, 'total.txt'), 'w').write(str(total))",
        "print(inputFolder == os.environ['INPUT_FOLDER'], os.getcwd())",
      ].join("\n"),
    );
    expect(outcome.status).toBe("FINISHED");
    expect(outcome.results[0]?.data).toBe(`True ${ctx.workDir}\n`);
    expect(await readFile(join(ctx.outputDir, "total.txt"), "utf8")).toBe("6");
  });

  it("keeps the exact order of print, stderr and subprocess output", async () => {
    const outcome = await py.run(
      [
        "import os, sys, subprocess",
        "print('one')",
        "sys.stderr.write('two\\n')",
        "os.system('echo three; echo four >&2')",
        "print('five', flush=True)",
        "subprocess.run(['echo', 'six'])",
        "os.write(1, b'seven\\n')",
        "print('eight')",
      ].join("\n"),
    );
    expect(outcome.results).toEqual([
      { type: "TEXT", data: "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n" },
    ]);
  });

  it("streams output live through onOutput", async () => {
    ctx.chunks.length = 0;
    await py.run("import time\nprint('early', flush=True)\ntime.sleep(0.15)\nprint('late')");
    expect(ctx.chunks.join("")).toBe("early\nlate\n");
    expect(ctx.chunks.length).toBeGreaterThanOrEqual(2);
  });

  it("returns ERROR with the traceback for an exception, keeping earlier output", async () => {
    const outcome = await py.run("print('before')\ndef fail():\n    raise ValueError('boom happened')\nfail()");
    expect(outcome.status).toBe("ERROR");
    expect(outcome.results).toEqual([{ type: "TEXT", data: "before\n" }]);
    expect(outcome.error).toContain("Traceback (most recent call last)");
    expect(outcome.error).toContain("ValueError: boom happened");
    expect(outcome.error).toContain("raise ValueError('boom happened')");
    expect(outcome.error).not.toContain("python_driver");
  });

  it("returns ERROR for a SyntaxError", async () => {
    const outcome = await py.run("print('never')\nx = (");
    expect(outcome.status).toBe("ERROR");
    expect(outcome.error).toContain("SyntaxError");
    expect(outcome.results).toEqual([]);
  });

  it("survives SystemExit: a failing exit code is an ERROR, sys.exit() is not", async () => {
    const failed = await py.run("import sys\nprint('leaving')\nsys.exit(2)");
    expect(failed.status).toBe("ERROR");
    expect(failed.error).toContain("SystemExit: 2");
    expect(failed.results).toEqual([{ type: "TEXT", data: "leaving\n" }]);
    expect((await py.run("sys.exit()")).status).toBe("FINISHED");
    expect((await py.run("print(counter)")).results).toEqual([{ type: "TEXT", data: "41\n" }]);
  });

  it("z.show emits a TABLE in Zeppelin's format; z.put/z.get keep values", async () => {
    const outcome = await py.run(
      [
        "print('rows:')",
        "z.show([('name', 'n'), ('a\\tb', 1), ('c', None)])",
        "z.show([{'k': 'x', 'v': 1}, {'k': 'y', 'w': 2}])",
        "z.put('answer', 42)",
        "print(z.get('answer'), z.get('missing', 'default'))",
      ].join("\n"),
    );
    expect(outcome).toEqual({
      status: "FINISHED",
      results: [
        { type: "TEXT", data: "rows:\n" },
        { type: "TABLE", data: "name\tn\na b\t1\nc\t" },
        { type: "TABLE", data: "k\tv\tw\nx\t1\t\ny\t\t2" },
        { type: "TEXT", data: "42 default\n" },
      ],
      error: null,
    });
  });

  it("turns %html and %table display lines into typed results (HTML sanitised)", async () => {
    const outcome = await py.run(
      "print('intro')\nprint('%html <h3>Report</h3><script>alert(1)</script>')\nprint('%table\\na\\tb\\n1\\t2')",
    );
    expect(outcome.results).toEqual([
      { type: "TEXT", data: "intro\n" },
      { type: "HTML", data: "<h3>Report</h3>\n" },
      { type: "TABLE", data: "a\tb\n1\t2" },
    ]);
  });

  it("sees the configuration's variables but none of the server's secrets", async () => {
    const outcome = await py.run(
      "import os\nprint(os.environ.get('SECRET_FOR_TEST'), os.environ.get('MODEL_MODE'), os.environ['HOME'] == os.getcwd())\n_ = os.system('echo ${SECRET_FOR_TEST:-unset}')",
    );
    expect(outcome.results).toEqual([{ type: "TEXT", data: "None nightly True\nunset\n" }]);
  });

  it("runs paragraphs one after the other when called concurrently", async () => {
    const [a, b] = await Promise.all([
      py.run("import time\ntime.sleep(0.05)\nseq = ['a']"),
      py.run("seq.append('b')\nprint(seq)"),
    ]);
    expect(a.status).toBe("FINISHED");
    expect(b.results).toEqual([{ type: "TEXT", data: "['a', 'b']\n" }]);
  });

  it("keeps forked children off the protocol: their output is ordinary output", async () => {
    const outcome = await py.run(
      [
        "import os",
        "pid = os.fork()",
        "if pid == 0:",
        "    print('child')",
        "else:",
        "    os.waitpid(pid, 0)",
        "    print('parent')",
      ].join("\n"),
    );
    expect(outcome).toEqual({ status: "FINISHED", results: [{ type: "TEXT", data: "child\nparent\n" }], error: null });
    expect((await py.run("print(counter)")).results).toEqual([{ type: "TEXT", data: "41\n" }]);
  });

  it("runs multiprocessing with functions defined in a paragraph", async () => {
    await py.run("def square(x):\n    return x * x");
    const outcome = await py.run("from multiprocessing import Pool\nwith Pool(2) as pool:\n    print(pool.map(square, [1, 2, 3]))");
    expect(outcome.results).toEqual([{ type: "TEXT", data: "[1, 4, 9]\n" }]);
  });

  it("handles large output quickly", async () => {
    const started = Date.now();
    const outcome = await py.run("for i in range(20000):\n    print('line', i)");
    expect(outcome.results[0]?.data.split("\n")).toHaveLength(20001);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("%python process lifecycle", () => {
  it("interrupts a running paragraph on abort and stays usable", async () => {
    const ctx = await makeContext();
    const controller = new AbortController();
    // Abort once the paragraph has shown it runs (not after a fixed delay: slow under load).
    const py = await createPythonInterpreter({ ...ctx, onOutput: (text) => text.includes("started") && controller.abort() });
    try {
      await py.run("kept = 'yes'");
      const outcome = await py.run("import time\nprint('started')\ntime.sleep(10)", { signal: controller.signal });
      expect(outcome.status).toBe("ERROR");
      expect(outcome.error).toMatch(/^Interrupted/);
      expect(outcome.error).toContain("KeyboardInterrupt");
      expect(outcome.results).toEqual([{ type: "TEXT", data: "started\n" }]);
      expect((await py.run("print(kept)")).results).toEqual([{ type: "TEXT", data: "yes\n" }]);
    } finally {
      await py.close();
      await ctx.cleanup();
    }
  });

  it("interrupts a paragraph that prints without pause without breaking the protocol", async () => {
    const ctx = await makeContext();
    const py = await createPythonInterpreter(ctx);
    try {
      for (let round = 0; round < 3; round++) {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 60);
        const outcome = await py.run("while True:\n    print('x' * 200)", { signal: controller.signal });
        expect(outcome.status).toBe("ERROR");
        expect(outcome.error).toContain("KeyboardInterrupt");
        expect((await py.run("print('still here')")).results).toEqual([{ type: "TEXT", data: "still here\n" }]);
      }
    } finally {
      await py.close();
      await ctx.cleanup();
    }
  });

  it("resolves ERROR, never hangs, when the process dies during a paragraph", async () => {
    const ctx = await makeContext();
    const py = await createPythonInterpreter(ctx);
    try {
      const outcome = await py.run("print('bye', flush=True)\nimport os\nos._exit(3)");
      expect(outcome.status).toBe("ERROR");
      expect(outcome.error).toContain("python interpreter process exited (exit code 3)");
      expect(outcome.results).toEqual([{ type: "TEXT", data: "bye\n" }]);
      expect(py.exited).toBe(true);
      const next = await py.run("print(1)");
      expect(next.status).toBe("ERROR");
      expect(next.error).toContain("exited");
    } finally {
      await py.close();
      await ctx.cleanup();
    }
  });

  it("reports the signal when the process is killed from outside", async () => {
    const ctx = await makeContext();
    const py = await createPythonInterpreter(ctx);
    try {
      const running = py.run("import time\ntime.sleep(10)");
      setTimeout(() => process.kill(py.pid, "SIGKILL"), 50);
      const outcome = await running;
      expect(outcome.status).toBe("ERROR");
      expect(outcome.error).toContain("signal SIGKILL");
    } finally {
      await py.close();
      await ctx.cleanup();
    }
  });

  it("close() leaves no process behind, background children included, and never throws", async () => {
    const ctx = await makeContext();
    const py = await createPythonInterpreter(ctx);
    const outcome = await py.run("import subprocess\np = subprocess.Popen(['sleep', '100'])\nprint(p.pid)");
    const childPid = Number(outcome.results[0]?.data.trim());
    expect(childPid).toBeGreaterThan(0);
    expect(await isAlive(childPid)).toBe(true);
    await py.close();
    expect(() => process.kill(py.pid, 0)).toThrow();
    expect(await stillAliveAfter(childPid)).toBe(false);
    await py.close();
    expect((await py.run("print(1)")).error).toContain("closed");
    await ctx.cleanup();
  });

  it("close() also ends a paragraph that is still running", async () => {
    const ctx = await makeContext();
    const py = await createPythonInterpreter(ctx);
    const running = py.run("import time\ntime.sleep(10)");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await py.close();
    const outcome = await running;
    expect(outcome.status).toBe("ERROR");
    expect(outcome.error).toContain("closed");
    expect(() => process.kill(py.pid, 0)).toThrow();
    await ctx.cleanup();
  });
});
