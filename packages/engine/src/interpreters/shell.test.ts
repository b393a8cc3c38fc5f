import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runShell } from "./shell";
import { makeContext, stillAliveAfter } from "./testing";

type Ctx = Awaited<ReturnType<typeof makeContext>>;

describe("%sh", () => {
  let ctx: Ctx;
  beforeAll(async () => {
    process.env.SECRET_FOR_TEST = "do-not-leak";
    ctx = await makeContext({ MODEL_MODE: "nightly" });
  });
  afterAll(async () => {
    delete process.env.SECRET_FOR_TEST;
    await ctx.cleanup();
  });

  it("interleaves stdout and stderr as written, and streams it live", async () => {
    ctx.chunks.length = 0;
    const outcome = await runShell("echo one\necho two >&2\necho three\nls /nonexistent-dir-x 2>&1 >/dev/null | wc -l", ctx);
    expect(outcome).toEqual({ status: "FINISHED", results: [{ type: "TEXT", data: "one\ntwo\nthree\n1\n" }], error: null });
    expect(ctx.chunks.join("")).toBe("one\ntwo\nthree\n1\n");
  });

  it("runs multi-line scripts in the working directory with the folders set", async () => {
    await writeFile(join(ctx.inputDir, "in.txt"), "hello\n");
    const outcome = await runShell(
      [
        "greet() {",
        '  echo "hi $1"',
        "}",
        "greet there",
        "cat <<EOF",
        "heredoc $(pwd)",
        "EOF",
        'tr a-z A-Z < "$INPUT_FOLDER/in.txt" > "$OUTPUT_FOLDER/out.txt"',
      ].join("\n"),
      ctx,
    );
    expect(outcome.results).toEqual([{ type: "TEXT", data: `hi there\nheredoc ${ctx.workDir}\n` }]);
    expect(await readFile(join(ctx.outputDir, "out.txt"), "utf8")).toBe("HELLO\n");
  });

  it("fails with the exit code", async () => {
    const outcome = await runShell("echo partial\nexit 3", ctx);
    expect(outcome).toEqual({ status: "ERROR", results: [{ type: "TEXT", data: "partial\n" }], error: "Exit code 3" });
    const missing = await runShell("no_such_command_xyz", ctx);
    expect(missing.error).toBe("Exit code 127");
    expect(missing.results[0]?.data).toBe("bash: line 1: no_such_command_xyz: command not found\n");
  });

  it("reports a signal that ended the script", async () => {
    expect((await runShell("kill -TERM $$", ctx)).error).toBe("Killed by signal SIGTERM");
  });

  it("kills background children when the paragraph ends", async () => {
    const started = Date.now();
    const outcome = await runShell("sleep 100 &\necho $!", ctx);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outcome.status).toBe("FINISHED");
    const pid = Number(outcome.results[0]?.data.trim());
    expect(pid).toBeGreaterThan(0);
    expect(await stillAliveAfter(pid)).toBe(false);
  });

  it("sees the configuration's variables but none of the server's secrets", async () => {
    const outcome = await runShell('echo "${SECRET_FOR_TEST:-unset} $MODEL_MODE $HOME"', ctx);
    expect(outcome.results).toEqual([{ type: "TEXT", data: `unset nightly ${ctx.workDir}\n` }]);
  });

  it("applies the display system", async () => {
    const outcome = await runShell("echo text\nprintf '%%table\\na\\tb\\n1\\t2\\n'\necho '%html <em>hi</em>'", ctx);
    expect(outcome.results).toEqual([
      { type: "TEXT", data: "text\n" },
      { type: "TABLE", data: "a\tb\n1\t2" },
      { type: "HTML", data: "<em>hi</em>\n" },
    ]);
  });

  it("is interrupted by an AbortSignal", async () => {
    const controller = new AbortController();
    // Abort once the paragraph has shown it runs (not after a fixed delay: slow under load).
    const watching = { ...ctx, onOutput: (text: string) => text.includes("started") && controller.abort() };
    const started = Date.now();
    const outcome = await runShell("echo started\nsleep 10\necho never", watching, { signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(8000); // well before the 10 s sleep ends
    expect(outcome.status).toBe("ERROR");
    expect(outcome.error).toMatch(/^Interrupted/);
    expect(outcome.results).toEqual([{ type: "TEXT", data: "started\n" }]);
  });
});
