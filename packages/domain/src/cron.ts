/**
 * Cron plans for schedules, pure (croner does the calendar arithmetic). Both forms of the
 * reference are accepted: 5 fields (`0 9 * * *`, Unix, Sunday = 0) and Quartz style with
 * seconds, `?` and an optional year (`0 15 10 * * ?`, Sunday = 1), in an IANA time zone.
 */
import { Cron } from "croner";
import { ValidationError } from "./errors";

export interface CronPlan {
  /** The next `count` fire times strictly after `after`. */
  next(after: Date, count: number): Date[];
  /** The latest fire time at or before `at`, or null. */
  latest(at: Date): Date | null;
}

export function parseCron(expression: string, timezone = "UTC"): CronPlan {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 7) {
    throw new ValidationError(`Invalid schedule '${expression}': a cron string has 5 fields (Unix) or 6–7 fields (Quartz, with seconds).`);
  }
  assertTimeZone(timezone);
  const quartz = fields.length > 5;
  let cron: Cron;
  try {
    cron = new Cron(fields.join(" "), { timezone, paused: true, mode: quartz ? "6-or-7-parts" : "5-part", alternativeWeekdays: quartz });
  } catch (error) {
    throw new ValidationError(`Invalid schedule '${expression}': ${(error as Error).message}`);
  }
  return {
    next: (after, count) => cron.nextRuns(count, after),
    latest: (at) => {
      // previousRuns is strictly before its reference, except for a run in the same second
      const [run] = cron.previousRuns(1, new Date(at.getTime() + 1));
      return run && run.getTime() <= at.getTime() ? run : null;
    },
  };
}

export function assertTimeZone(timezone: string): void {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    throw new ValidationError(`Unknown time zone '${timezone}': use an IANA name such as 'UTC' or 'Europe/Berlin'.`);
  }
}
