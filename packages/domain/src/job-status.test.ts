import { describe, expect, it } from "vitest";
import { InvalidTransitionError } from "./errors";
import { canTransition, isFinal, JOB_STATUSES, transition, type JobStatus } from "./job-status";

const legal: Array<[JobStatus, JobStatus]> = [
  ["SUBMITTED", "STARTING"],
  ["SUBMITTED", "FAILED"],
  ["SUBMITTED", "STOPPING"],
  ["STARTING", "RUNNING"],
  ["STARTING", "FAILED"],
  ["STARTING", "STOPPING"],
  ["STARTING", "SUBMITTED"], // retry after a lost runner
  ["RUNNING", "SUCCEEDED"],
  ["RUNNING", "FAILED"],
  ["RUNNING", "STOPPING"],
  ["RUNNING", "SUBMITTED"], // retry after a lost runner
  ["STOPPING", "STOPPED"],
  ["STOPPING", "FAILED"],
];

describe("job state machine", () => {
  it.each(legal)("allows %s → %s", (from, to) => {
    expect(transition(from, to)).toBe(to);
  });

  it("rejects every other move, including any move out of a final status", () => {
    for (const from of JOB_STATUSES) {
      for (const to of JOB_STATUSES) {
        if (legal.some(([a, b]) => a === from && b === to)) continue;
        expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
        expect(() => transition(from, to)).toThrow(InvalidTransitionError);
      }
    }
  });

  it("names the final statuses", () => {
    expect(JOB_STATUSES.filter(isFinal)).toEqual(["SUCCEEDED", "STOPPED", "FAILED"]);
  });

  it("reports an illegal move as a 409 that names both statuses", () => {
    const error = (() => {
      try {
        transition("SUCCEEDED", "RUNNING");
      } catch (e) {
        return e as InvalidTransitionError;
      }
    })();
    expect(error?.httpStatus).toBe(409);
    expect(error?.message).toBe("A job cannot go from SUCCEEDED to RUNNING.");
  });
});
