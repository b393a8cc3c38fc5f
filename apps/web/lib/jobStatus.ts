/**
 * Job and paragraph statuses as the GraphQL schema names them, and the ordering the UI relies
 * on to merge snapshots: every legal transition moves a job to a higher rank
 * (SUBMITTED → STARTING → RUNNING → STOPPING → final), so a snapshot with a lower rank than
 * the one on screen is an older one and is ignored.
 */

export const JOB_STATUSES = ["SUBMITTED", "STARTING", "RUNNING", "SUCCEEDED", "STOPPING", "STOPPED", "FAILED"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const PARAGRAPH_STATUSES = ["READY", "PENDING", "RUNNING", "FINISHED", "ERROR", "ABORT"] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

const FINAL: ReadonlySet<string> = new Set<JobStatus>(["SUCCEEDED", "FAILED", "STOPPED"]);

export function isFinalStatus(status: string): boolean {
  return FINAL.has(status);
}

const RANK: Readonly<Record<JobStatus, number>> = {
  SUBMITTED: 0,
  STARTING: 1,
  RUNNING: 2,
  STOPPING: 3,
  SUCCEEDED: 4,
  STOPPED: 4,
  FAILED: 4,
};

/** Position of a status in the job lifecycle; unknown statuses rank first. */
export function statusRank(status: string): number {
  return RANK[status as JobStatus] ?? -1;
}

/** Whether `candidate` is at least as far along as `current` (so it may replace it). */
export function isSameOrLater(candidate: string, current: string): boolean {
  return statusRank(candidate) >= statusRank(current);
}

/** Statuses during which paragraphs can change without a job status change. */
export function isExecuting(status: string): boolean {
  return status === "RUNNING" || status === "STOPPING";
}
