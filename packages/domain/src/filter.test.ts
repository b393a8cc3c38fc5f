import { describe, expect, it } from "vitest";
import { matchesFilter } from "./filter";
import { parseJobFilter } from "./job-filter";

describe("job filter", () => {
  it.each([
    ["no filter", undefined, {}],
    ["an empty string", "", {}],
    ["eq on status", '{"status":{"eq":"FAILED"}}', { status: [{ op: "eq", value: "FAILED" }] }],
    ["eq on modelId", '{"modelId":{"eq":"m-1"}}', { modelId: [{ op: "eq", value: "m-1" }] }],
    ["contains on message", '{"message":{"contains":"Error"}}', { message: [{ op: "contains", value: "Error" }] }],
    [
      "or on status with a date",
      '{"status":{"or":[{"eq":"STOPPED"},{"eq":"FAILED"}]},"creationDate":{"after":"2018-06-23T20:09:00Z"}}',
      {
        status: [{ op: "or", conditions: [{ op: "eq", value: "STOPPED" }, { op: "eq", value: "FAILED" }] }],
        creationDate: [{ op: "after", value: new Date("2018-06-23T20:09:00Z") }],
      },
    ],
    [
      "a date range",
      '{"creationDate":{"after":"2026-01-01T00:00:00Z","before":"2026-02-01T00:00:00Z"}}',
      { creationDate: [{ op: "after", value: new Date("2026-01-01T00:00:00Z") }, { op: "before", value: new Date("2026-02-01T00:00:00Z") }] },
    ],
  ])("parses %s", (_name, text, expected) => {
    expect(parseJobFilter(text)).toEqual(expected);
  });

  it.each([
    ["text that is not JSON", "{status", /not valid JSON/],
    ["an array", "[]", /must be a JSON object/],
    ["an unknown field", '{"colour":{"eq":"red"}}', /'colour' is not supported/],
    ["an unknown operator", '{"status":{"like":"F%"}}', /operator 'like' is not supported on 'status'/],
    ["contains on status", '{"status":{"contains":"FAIL"}}', /operator 'contains' is not supported on 'status'/],
    ["an unknown status", '{"status":{"eq":"DONE"}}', /'DONE' is not a valid status/],
    ["a field without operator", '{"status":{}}', /must be an object with an operator/],
    ["a field given a plain value", '{"status":"FAILED"}', /must be an object with an operator/],
    ["an empty or", '{"status":{"or":[]}}', /non-empty list/],
    ["a date that is not a date", '{"creationDate":{"after":"yesterday"}}', /ISO 8601/],
    ["a number where a string belongs", '{"modelId":{"eq":42}}', /needs a string/],
  ])("refuses %s with a 400 that says why", (_name, text, message) => {
    expect(() => parseJobFilter(text)).toThrow(message);
    try {
      parseJobFilter(text);
    } catch (error) {
      expect((error as { httpStatus: number }).httpStatus).toBe(400);
    }
  });
});

describe("matchesFilter", () => {
  const job = { modelId: "m-1", message: "Failed to start environment [disk full]", status: "FAILED", creationDate: new Date("2026-03-01T00:00:00Z") };
  it.each([
    ['{"status":{"eq":"FAILED"}}', true],
    ['{"status":{"eq":"SUCCEEDED"}}', false],
    ['{"status":{"or":[{"eq":"STOPPED"},{"eq":"FAILED"}]}}', true],
    ['{"message":{"contains":"DISK"}}', true],
    ['{"creationDate":{"after":"2026-02-01T00:00:00Z","before":"2026-04-01T00:00:00Z"}}', true],
    ['{"creationDate":{"after":"2026-03-01T00:00:00Z"}}', false],
    ['{"modelId":{"eq":"m-1"},"status":{"eq":"RUNNING"}}', false],
    ["", true],
  ])("%s → %s", (text, expected) => {
    expect(matchesFilter(parseJobFilter(text), job)).toBe(expected);
  });
});
