import { describe, expect, it } from "vitest";
import { parseCron } from "./cron";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const at = new Date("2026-12-04T00:00:00Z"); // a Friday

describe("parseCron", () => {
  it.each([
    ["5 fields, Unix", "0 9 * * *", "UTC", ["2026-12-04T09:00:00.000Z", "2026-12-05T09:00:00.000Z"]],
    ["Quartz with seconds and ?", "0 15 10 * * ?", "UTC", ["2026-12-04T10:15:00.000Z", "2026-12-05T10:15:00.000Z"]],
    ["Quartz weekdays (MON-FRI)", "0 15 10 ? * MON-FRI", "UTC", ["2026-12-04T10:15:00.000Z", "2026-12-07T10:15:00.000Z"]],
    ["Quartz numbering, Sunday = 1", "0 0 8 ? * 1", "UTC", ["2026-12-06T08:00:00.000Z", "2026-12-13T08:00:00.000Z"]],
    ["Unix numbering, Sunday = 0", "0 8 * * 0", "UTC", ["2026-12-06T08:00:00.000Z", "2026-12-13T08:00:00.000Z"]],
    ["Quartz with a year", "0 0 12 1 1 ? 2028", "UTC", ["2028-01-01T12:00:00.000Z"]],
    ["a time zone", "0 9 * * *", "Europe/Berlin", ["2026-12-04T08:00:00.000Z", "2026-12-05T08:00:00.000Z"]],
  ])("plans %s", (_name, expression, timezone, expected) => {
    expect(iso(parseCron(expression, timezone).next(at, expected.length))).toEqual(expected);
  });

  it("finds the latest fire time at or before an instant", () => {
    const plan = parseCron("0 */15 * * * ?");
    expect(plan.latest(new Date("2026-12-04T10:44:59.999Z"))?.toISOString()).toBe("2026-12-04T10:30:00.000Z");
    expect(plan.latest(new Date("2026-12-04T10:45:00.000Z"))?.toISOString()).toBe("2026-12-04T10:45:00.000Z");
  });

  it.each([
    ["too few fields", "0 9 * *", /5 fields \(Unix\) or 6–7 fields/],
    ["a field out of range", "0 25 * * *", /Invalid schedule '0 25 \* \* \*'/],
    ["words", "every day", /Invalid schedule/],
  ])("refuses %s with a 400 that carries the parse error", (_name, expression, message) => {
    expect(() => parseCron(expression)).toThrow(message);
  });

  it("refuses an unknown time zone", () => {
    expect(() => parseCron("0 9 * * *", "Mars/Olympus")).toThrow(/Unknown time zone 'Mars\/Olympus'/);
  });
});
