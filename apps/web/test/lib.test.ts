/** The web UI's pure helpers, table-driven: filter JSON, message chains, live output, field errors, cron preview. */
import { describe, expect, it } from "vitest";
import { previewCron } from "../lib/cronPreview";
import { mapFieldErrors } from "../lib/fieldErrors";
import { EMPTY_JOB_FILTER, jobFilterJson, matchesJobFilter } from "../lib/jobFilter";
import { appendChunk, parseDisplay } from "../lib/liveOutput";
import { splitMessageChain } from "../lib/messageChain";

describe("jobFilterJson", () => {
  it.each([
    [EMPTY_JOB_FILTER, null],
    [{ ...EMPTY_JOB_FILTER, statuses: ["FAILED"] as const }, { status: { eq: "FAILED" } }],
    [{ ...EMPTY_JOB_FILTER, statuses: ["FAILED", "STOPPED"] as const }, { status: { or: [{ eq: "FAILED" }, { eq: "STOPPED" }] } }],
    [{ ...EMPTY_JOB_FILTER, modelId: "m1", message: "  disk " }, { modelId: { eq: "m1" }, message: { contains: "disk" } }],
  ])("turns %j into the v3 filter %j", (form, expected) => {
    const json = jobFilterJson(form);
    expect(json === null ? null : JSON.parse(json)).toEqual(expected);
  });

  it("makes the date range inclusive of the last day, in local time", () => {
    const json = JSON.parse(jobFilterJson({ ...EMPTY_JOB_FILTER, from: "2026-03-01", to: "2026-03-01" })!);
    expect(Date.parse(json.creationDate.before) - Date.parse(json.creationDate.after)).toBeGreaterThanOrEqual(23 * 3600_000);
    expect(new Date(json.creationDate.after).getDate()).toBe(1);
  });

  it("matches a job against the form like the server does", () => {
    const job = { status: "FAILED", modelId: "m1", message: "Disk full", creationDate: new Date().toISOString() };
    expect(matchesJobFilter(job, { ...EMPTY_JOB_FILTER, statuses: ["FAILED"], message: "disk" })).toBe(true);
    expect(matchesJobFilter(job, { ...EMPTY_JOB_FILTER, statuses: ["SUCCEEDED"] })).toBe(false);
    expect(matchesJobFilter(job, { ...EMPTY_JOB_FILTER, modelId: "m2" })).toBe(false);
  });
});

describe("splitMessageChain", () => {
  it.each([
    ["", []],
    ["Finished notebook execution.", [{ depth: 0, text: "Finished notebook execution." }]],
    ["Paragraph 1 failed [Exit code 9]", [{ depth: 0, text: "Paragraph 1 failed" }, { depth: 1, text: "Exit code 9" }]],
    [
      "Outer [cause [root]] more",
      [
        { depth: 0, text: "Outer" },
        { depth: 1, text: "cause" },
        { depth: 2, text: "root" },
        { depth: 0, text: "more" },
      ],
    ],
    ["Unbalanced [bracket", [{ depth: 0, text: "Unbalanced [bracket" }]],
    ["Wrong ] order [", [{ depth: 0, text: "Wrong ] order [" }]],
  ])("splits %j", (message, lines) => {
    expect(splitMessageChain(message)).toEqual(lines);
  });
});

describe("live output", () => {
  it.each([
    ["", 0, "abc", "abc"],
    ["abc", 3, "def", "abcdef"],
    ["abcdef", 3, "def", "abcdef"], // a replay after a reconnect does not double
    ["abcdef", 2, "cdefgh", "abcdefgh"],
  ])("appendChunk(%j, %i, %j) is %j", (current, offset, text, expected) => {
    expect(appendChunk(current, offset, text)).toBe(expected);
  });

  it("splits display-system directives into typed results", () => {
    expect(parseDisplay("hello\n%html <b>x</b>\n%table a\tb\n1\t2\n")).toEqual([
      { type: "TEXT", data: "hello" },
      { type: "HTML", data: "<b>x</b>" },
      { type: "TABLE", data: "a\tb\n1\t2\n" },
    ]);
  });
});

describe("mapFieldErrors", () => {
  const fields = ["modelId", "inputFolderId", "maximumExecutionTimeInSeconds"] as const;
  it("puts each named problem next to its field", () => {
    expect(mapFieldErrors("Invalid input: maximumExecutionTimeInSeconds: must be at most one year; modelId must not be empty.", fields)).toEqual({
      fields: { maximumExecutionTimeInSeconds: "must be at most one year", modelId: "modelId must not be empty" },
      rest: null,
    });
  });
  it("maps a not-found object to the field that chose it, and keeps the rest for the form", () => {
    expect(mapFieldErrors("Folder 'f1' was not found.", fields, { inputFolderId: { kind: "Folder", id: "f1" } })).toEqual({
      fields: { inputFolderId: "Folder 'f1' was not found." },
      rest: null,
    });
    expect(mapFieldErrors("Something else went wrong.", fields).rest).toBe("Something else went wrong.");
  });
});

describe("previewCron", () => {
  const after = new Date("2026-01-05T12:00:00Z"); // a Monday
  it("reads 5 fields as Unix (Sunday = 0)", () => {
    const preview = previewCron("0 9 * * 0", "UTC", 1, after);
    expect(preview.ok && preview.times[0]!.toISOString()).toBe("2026-01-11T09:00:00.000Z");
  });
  it("reads 6 fields as Quartz with seconds (Sunday = 1) in the time zone", () => {
    const preview = previewCron("30 0 9 ? * 1", "Europe/Berlin", 1, after);
    expect(preview.ok && preview.times[0]!.toISOString()).toBe("2026-01-11T08:00:30.000Z");
  });
  it.each([["* * *"], ["61 * * * *"]])("refuses %j", (cron) => {
    expect(previewCron(cron, "UTC").ok).toBe(false);
  });
  it("refuses an unknown time zone", () => {
    const preview = previewCron("* * * * *", "Mars/Olympus");
    expect(!preview.ok && preview.error).toContain("Unknown time zone");
  });
});
