/**
 * The jobs page's filter form as the v3 filter language (JSON text), pure. Fields are ANDed;
 * several statuses become an `or`; the date range uses `after`/`before` on creationDate.
 * An empty form is `null`: all jobs.
 */
import type { JobStatus } from "./jobStatus";

export type JobFilterForm = {
  statuses: readonly JobStatus[];
  modelId: string;
  message: string;
  /** `YYYY-MM-DD` from a date input (the user's local day), or "". */
  from: string;
  to: string;
};

export const EMPTY_JOB_FILTER: JobFilterForm = { statuses: [], modelId: "", message: "", from: "", to: "" };

/** Local midnight of a `YYYY-MM-DD` day as an ISO instant, `days` later. */
function localDay(day: string, days = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function jobFilterJson(form: JobFilterForm): string | null {
  const filter: Record<string, unknown> = {};
  if (form.statuses.length === 1) filter.status = { eq: form.statuses[0] };
  else if (form.statuses.length > 1) filter.status = { or: form.statuses.map((status) => ({ eq: status })) };
  if (form.modelId) filter.modelId = { eq: form.modelId };
  const message = form.message.trim();
  if (message) filter.message = { contains: message };
  const creationDate: Record<string, string> = {};
  const after = form.from ? localDay(form.from) : null;
  // "To" is inclusive: everything before the next day's midnight.
  const before = form.to ? localDay(form.to, 1) : null;
  if (after) creationDate.after = after;
  if (before) creationDate.before = before;
  if (Object.keys(creationDate).length > 0) filter.creationDate = creationDate;
  return Object.keys(filter).length > 0 ? JSON.stringify(filter) : null;
}

/** Whether a job (as the list shows it) matches the form, to place live arrivals. */
export function matchesJobFilter(
  job: { status: string; modelId: string; message: string; creationDate: string },
  form: JobFilterForm,
): boolean {
  if (form.statuses.length > 0 && !form.statuses.includes(job.status as JobStatus)) return false;
  if (form.modelId && job.modelId !== form.modelId) return false;
  if (form.message.trim() && !job.message.toLowerCase().includes(form.message.trim().toLowerCase())) return false;
  const created = Date.parse(job.creationDate);
  const after = form.from ? localDay(form.from) : null;
  const before = form.to ? localDay(form.to, 1) : null;
  if (after && created <= Date.parse(after)) return false;
  if (before && created >= Date.parse(before)) return false;
  return true;
}
