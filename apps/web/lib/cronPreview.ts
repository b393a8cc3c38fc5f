/**
 * A preview of a cron string's next fire times in the browser, with the server's rules
 * (packages/domain/src/cron.ts): 5 fields are Unix (Sunday = 0), 6–7 fields Quartz with
 * seconds and alternative weekdays (Sunday = 1), in an IANA time zone. The server still
 * decides: creating the schedule validates it again.
 */
import { Cron } from "croner";

export type CronPreview = { ok: true; times: Date[] } | { ok: false; error: string };

export function previewCron(expression: string, timezone: string, count = 5, after = new Date()): CronPreview {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length === 0) return { ok: false, error: "Enter a cron string." };
  if (fields.length < 5 || fields.length > 7) {
    return { ok: false, error: "A cron string has 5 fields (Unix) or 6–7 fields (Quartz, with seconds)." };
  }
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone || "UTC" });
  } catch {
    return { ok: false, error: `Unknown time zone '${timezone}': use an IANA name such as 'UTC' or 'Europe/Berlin'.` };
  }
  const quartz = fields.length > 5;
  try {
    const cron = new Cron(fields.join(" "), {
      timezone: timezone || "UTC",
      paused: true,
      mode: quartz ? "6-or-7-parts" : "5-part",
      alternativeWeekdays: quartz,
    });
    return { ok: true, times: cron.nextRuns(count, after) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
