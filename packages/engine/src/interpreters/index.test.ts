import { afterEach, describe, expect, it } from "vitest";
import { createInterpreterSet, type InterpreterSet } from "./index";
import { makeContext } from "./testing";

describe("createInterpreterSet", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const make = async (enabled?: string[]): Promise<InterpreterSet> => {
    const ctx = await makeContext();
    const set = createInterpreterSet(ctx, enabled);
    cleanups.push(async () => {
      await set.close();
      await ctx.cleanup();
    });
    return set;
  };

  it("dispatches md, html, sh and python (python3 too), sharing one python process", async () => {
    const set = await make();
    expect((await set.run({ interpreter: "md", code: "**b**" })).results).toEqual([
      { type: "HTML", data: "<p><strong>b</strong></p>\n" },
    ]);
    expect((await set.run({ interpreter: "html", code: "<i onclick='x()'>i</i>" })).results).toEqual([
      { type: "HTML", data: "<i>i</i>" },
    ]);
    expect((await set.run({ interpreter: "sh", code: "echo sh" })).results).toEqual([{ type: "TEXT", data: "sh\n" }]);
    await set.run({ interpreter: "python", code: "shared = 'py'" });
    expect((await set.run({ interpreter: "python3", code: "print(shared)" })).results).toEqual([
      { type: "TEXT", data: "py\n" },
    ]);
  });

  it("answers an unknown interpreter with a clear ERROR", async () => {
    const set = await make();
    expect(await set.run({ interpreter: "spark", code: "sc.parallelize()" })).toEqual({
      status: "ERROR",
      results: [],
      error: "Interpreter %spark is not available in this environment (available: md, python, sh, html).",
    });
  });

  it("refuses an interpreter the configuration does not enable", async () => {
    const set = await make(["md", "sh"]);
    const outcome = await set.run({ interpreter: "python", code: "print(1)" });
    expect(outcome.error).toBe("Interpreter %python is not available in this environment (available: md, sh).");
    expect(set.available).toEqual(["md", "sh"]);
  });

  it("runs nothing after close()", async () => {
    const set = await make();
    await set.warmUp();
    await set.close();
    await set.close();
    expect((await set.run({ interpreter: "python", code: "print(1)" })).error).toContain("closed");
  });
});
