/**
 * Job statuses of the v3 Job Manager and the one table of legal moves between them.
 * `transition` is the only judge of a status change; the database layer asks it before
 * every write of `Job.status`.
 */
import { InvalidTransitionError } from "./errors";

export const JOB_STATUSES = [
  "SUBMITTED",
  "STARTING",
  "RUNNING",
  "SUCCEEDED",
  "STOPPING",
  "STOPPED",
  "FAILED",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const FINAL_JOB_STATUSES: readonly JobStatus[] = ["SUCCEEDED", "FAILED", "STOPPED"];

export function isFinal(status: JobStatus): boolean {
  return FINAL_JOB_STATUSES.includes(status);
}

/**
 * STARTING/RUNNING → SUBMITTED is the retry of a job whose runner was lost (recovery only,
 * when the job asked for retries and has some left); a job never goes back otherwise.
 */
const LEGAL_MOVES: Record<JobStatus, readonly JobStatus[]> = {
  SUBMITTED: ["STARTING", "FAILED", "STOPPING"],
  STARTING: ["RUNNING", "FAILED", "STOPPING", "SUBMITTED"],
  RUNNING: ["SUCCEEDED", "FAILED", "STOPPING", "SUBMITTED"],
  STOPPING: ["STOPPED", "FAILED"],
  SUCCEEDED: [],
  FAILED: [],
  STOPPED: [],
};

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return LEGAL_MOVES[from].includes(to);
}

/** Returns `to` when the move is legal; throws InvalidTransitionError (a 409) otherwise. */
export function transition(from: JobStatus, to: JobStatus): JobStatus {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
  return to;
}

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}
