"use client";
/**
 * The detail page's actions: Stop (a job that has not ended) and "Run again" (startJob with
 * the same parameters; one idempotency key per click, so a double submit starts one job).
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMutation } from "urql";
import { errorMessage } from "@/lib/errors";
import { START_JOB_MUTATION, type JobDetail } from "@/lib/graphql";
import { isFinalStatus } from "@/lib/jobStatus";
import { ErrorMessage } from "./ErrorMessage";
import { StopJobButton } from "./StopJobButton";

function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function JobActions({ job, onStopped }: { job: JobDetail; onStopped: () => void }) {
  const router = useRouter();
  const [{ fetching }, startJob] = useMutation(START_JOB_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(newKey);

  async function runAgain() {
    setError(null);
    const result = await startJob({
      input: {
        modelId: job.modelId,
        configurationId: job.configurationId,
        inputFolderId: job.inputFolderId,
        outputFolderId: job.outputFolderId,
        maximumExecutionTimeInSeconds: job.maximumExecutionTimeInSeconds,
        idempotencyKey: key,
      },
    });
    if (result.error || !result.data) {
      setError(result.error ? errorMessage(result.error) : "The server sent no answer.");
      return;
    }
    setKey(newKey());
    router.push(`/jobs/detail?id=${encodeURIComponent(result.data.startJob.id)}`);
  }

  return (
    <div className="job-actions">
      {!isFinalStatus(job.status) && job.status !== "STOPPING" ? (
        <StopJobButton jobId={job.id} label="Stop this job" onStopped={onStopped} />
      ) : null}
      <button type="button" className="button" onClick={runAgain} disabled={fetching} aria-busy={fetching}>
        {fetching ? "Starting…" : "Run again"}
      </button>
      {error ? (
        <ErrorMessage title="Could not run the job again." testId="run-again-error">
          {error}
        </ErrorMessage>
      ) : null}
    </div>
  );
}
