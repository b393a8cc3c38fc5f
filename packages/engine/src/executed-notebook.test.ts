import type { ParagraphRun } from "@jobmanager/db";
import { describe, expect, it } from "vitest";
import { executedNotebook, safeFileName, zeppelinDate } from "./executed-notebook";

const run = (index: number, status: string, results: unknown[], error: string | null = null): ParagraphRun => ({
  id: `run-${index}`,
  jobId: "job",
  index,
  paragraphId: `p${index}`,
  title: null,
  interpreter: "python",
  text: "",
  status,
  results: JSON.stringify(results),
  error,
  startedAt: new Date("2026-12-04T10:00:00.123Z"),
  finishedAt: new Date("2026-12-04T10:00:01.456Z"),
  durationMs: 1333,
});

describe("executed notebook", () => {
  it.each([
    ["Sales summary", "Sales summary.zpln"],
    ["reports/2024: Q1?", "reports_2024_ Q1_.zpln"],
    ["..", "notebook.zpln"],
    ["", "notebook.zpln"],
  ])("names the file for note %j as %j", (name, expected) => {
    expect(safeFileName(name, ".zpln")).toBe(expected);
  });

  it("fills each Zeppelin paragraph's status, results with their code, the error and the dates", () => {
    const note = { name: "folder/My note", paragraphs: [{ text: "%python\n1" }, { text: "%python\n1/0" }, { text: "%python\n2" }], config: { x: 1 } };
    const written = executedNotebook("zeppelin", JSON.stringify(note), [
      run(0, "FINISHED", [{ type: "TEXT", data: "1\n" }]),
      run(1, "ERROR", [], "Traceback...\nZeroDivisionError: division by zero"),
      { ...run(2, "READY", []), startedAt: null, finishedAt: null },
    ])!;
    expect(written.fileName).toBe("My note.zpln");
    const parsed = JSON.parse(written.content);
    expect(parsed.config).toEqual({ x: 1 });
    expect(parsed.paragraphs[0]).toMatchObject({
      status: "FINISHED",
      results: { code: "SUCCESS", msg: [{ type: "TEXT", data: "1\n" }] },
      dateStarted: "2026-12-04 10:00:00.123",
      dateFinished: "2026-12-04 10:00:01.456",
    });
    expect(parsed.paragraphs[1].results).toEqual({ code: "ERROR", msg: [{ type: "TEXT", data: "Traceback...\nZeroDivisionError: division by zero" }] });
    expect(parsed.paragraphs[2]).toMatchObject({ status: "READY", results: { code: "INCOMPLETE", msg: [] } });
    expect(parsed.paragraphs[2].dateStarted).toBeUndefined();
  });

  it("writes nothing for a format that has no writer yet", () => {
    expect(executedNotebook("jupyter", "{}", [])).toBeNull();
  });

  it("formats dates as Zeppelin does", () => {
    expect(zeppelinDate(new Date("2021-07-26T03:15:33.820Z"))).toBe("2021-07-26 03:15:33.820");
  });
});
