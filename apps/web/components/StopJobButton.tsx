"use client";
/** Asks the server to stop a job (stopJob); shows the server's refusal next to the button. */
import { useState } from "react";
import { useMutation } from "urql";
import { errorMessage } from "@/lib/errors";
import { STOP_JOB_MUTATION, type JobSummary } from "@/lib/graphql";

export function StopJobButton({
  jobId,
  label,
  onStopped,
  small,
}: {
  jobId: string;
  /** Accessible name; defaults to "Stop job <id>". */
  label?: string;
  onStopped?: (job: JobSummary) => void;
  small?: boolean;
}) {
  const [{ fetching }, stopJob] = useMutation(STOP_JOB_MUTATION);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="stop-job">
      <button
        type="button"
        className={`button button-danger${small ? " button-small" : ""}`}
        aria-label={label ?? `Stop job ${jobId}`}
        disabled={fetching}
        aria-busy={fetching}
        onClick={async () => {
          setError(null);
          const result = await stopJob({ id: jobId });
          if (result.error || !result.data) setError(result.error ? errorMessage(result.error) : "The server sent no answer.");
          else onStopped?.(result.data.stopJob);
        }}
      >
        {fetching ? "Stopping…" : "Stop"}
      </button>
      {error ? (
        <span className="field-error" role="alert" data-testid={`stop-error-${jobId}`}>
          {error}
        </span>
      ) : null}
    </span>
  );
}
