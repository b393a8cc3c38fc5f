/**
 * The one place that writes `Job.status`. `createJob` records the initial SUBMITTED status and
 * `transitionJob` every later one: each asks the domain state machine, updates the row only if
 * its status is still the one it read (compare-and-set, so two writers can never both win),
 * appends a JobEvent in the same transaction, and publishes the change after commit.
 */
import { randomUUID } from "node:crypto";
import { InvalidTransitionError, isFinal, NotFoundError, transition, type JobParameters, type JobStatus } from "@jobmanager/domain";
import type { Db, Job, Tx } from "./client";
import { isRecordNotFound } from "./errors";
import type { EventBus } from "./events";

export interface NewJob extends JobParameters {
  tenantId: string;
  /** The user the job runs as: whose private folders its input and output ids name. */
  userId: string;
  modelVersionId: string;
}

/**
 * Creates a SUBMITTED job. `within` runs in the same transaction (e.g. to record the schedule
 * firing or idempotency key that caused the job); if it throws, no job is created.
 */
export async function createJob(
  db: Db,
  bus: EventBus,
  input: NewJob,
  within?: (tx: Tx, job: Job) => Promise<void>,
): Promise<Job> {
  const id = randomUUID();
  const createdAt = new Date();
  const jobRow = { ...input, id, createdAt, environmentId: randomUUID(), status: "SUBMITTED", message: "" };
  const eventRow = { data: { jobId: id, status: "SUBMITTED", message: "", at: createdAt }, select: { id: true } };
  // An interactive transaction only when the caller has work inside it; otherwise one batch.
  const [job, event] = within
    ? await db.$transaction(async (tx) => {
        const job = await tx.job.create({ data: jobRow });
        const event = await tx.jobEvent.create(eventRow);
        await within(tx, job);
        return [job, event] as const;
      })
    : await db.$transaction([db.job.create({ data: jobRow }), db.jobEvent.create(eventRow)]);
  bus.publish({ type: "job.updated", job, eventId: event.id });
  return job;
}

export interface TransitionRequest {
  jobId: string;
  to: JobStatus;
  message?: string;
  /** Move only from this status (e.g. claiming moves only SUBMITTED jobs); otherwise a 409. */
  from?: JobStatus;
  /** Other columns written in the same update (lease, timestamps). */
  data?: Partial<Pick<Job, "leaseOwner" | "leaseExpiresAt" | "attempt">>;
}

/**
 * Moves a job to `to`; throws InvalidTransitionError when the move is illegal from its status.
 * One write: the compare-and-set update (which returns the row) and the JobEvent insert go in
 * one batch transaction. A request that names `from` and `message` needs no read at all (the
 * claim, STARTING → RUNNING); otherwise the current status is read first to judge the move.
 */
export async function transitionJob(db: Db, bus: EventBus, request: TransitionRequest): Promise<Job> {
  const { jobId, to } = request;
  let known = request.from !== undefined && request.message !== undefined ? { status: request.from, message: request.message } : null;
  for (;;) {
    const current = known ?? (await readStatus(db, jobId));
    known = null;
    const from = current.status;
    if (request.from && from !== request.from) throw new InvalidTransitionError(from, to);
    transition(from, to);

    const message = request.message ?? current.message;
    const at = new Date();
    const update = db.job.update({
      where: { id: jobId, status: from },
      data: {
        ...request.data,
        status: to,
        message,
        ...(to === "STARTING" ? { startedAt: at } : {}),
        ...(isFinal(to) ? { finishedAt: at, leaseOwner: null, leaseExpiresAt: null } : {}),
        // Back in the queue (a retry): nobody holds it, and it has not started.
        ...(to === "SUBMITTED" ? { startedAt: null, leaseOwner: null, leaseExpiresAt: null } : {}),
      },
    });
    let written: [Job, { id: number }];
    try {
      written = await db.$transaction([update, db.jobEvent.create({ data: { jobId, status: to, message, at }, select: { id: true } })]);
    } catch (error) {
      // Another writer changed the status between our read and our write: judge again.
      if (isRecordNotFound(error)) continue;
      throw error;
    }
    const [job, event] = written;
    bus.publish({ type: "job.updated", job, eventId: event.id });
    return job;
  }
}

async function readStatus(db: Db, jobId: string): Promise<{ status: JobStatus; message: string }> {
  const current = await db.job.findUnique({ where: { id: jobId }, select: { status: true, message: true } });
  if (!current) throw new NotFoundError("Job", jobId);
  return { status: current.status as JobStatus, message: current.message };
}

/**
 * Tells the SUBMITTED jobs of a configuration why they wait. Only the message changes (no
 * status change, so no JobEvent); jobs that already say so are left alone.
 */
export async function setWaitingMessage(db: Db, configurationId: string, message: string): Promise<number> {
  const { count } = await db.job.updateMany({
    where: { configurationId, status: "SUBMITTED", NOT: { message } },
    data: { message },
  });
  return count;
}
