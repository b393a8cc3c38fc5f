"use client";
/**
 * "New job": pick model, configuration and folders, then start a job. The started job is
 * handed to `onStarted` so the table can show it at once.
 */
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { errorMessage } from "@/lib/errors";
import { NEW_JOB_OPTIONS_QUERY, START_JOB_MUTATION, type JobSummary } from "@/lib/graphql";
import type { NewJobChoice } from "@/lib/newJobDefaults";
import { JobTargetFields, useJobTargets } from "./JobTargetFields";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";
import { FieldError } from "./FieldError";
import { mapFieldErrors } from "@/lib/fieldErrors";

const DEFAULT_MAX_SECONDS = 3600;

type Field = keyof NewJobChoice | "maximumExecutionTimeInSeconds";
const FIELDS: readonly Field[] = ["modelId", "configurationId", "inputFolderId", "outputFolderId", "maximumExecutionTimeInSeconds"];

function missingChoice(choice: NewJobChoice): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!choice.modelId) errors.modelId = "Choose a model.";
  if (!choice.configurationId) errors.configurationId = "Choose a configuration.";
  if (!choice.inputFolderId) errors.inputFolderId = "Choose an input folder.";
  if (!choice.outputFolderId) errors.outputFolderId = "Choose an output folder.";
  return errors;
}

export function NewJobForm({ onStarted }: { onStarted: (job: JobSummary) => void }) {
  const headingId = useId();
  const maxTimeId = useId();
  const [{ data, fetching, error: loadError }, reload] = useQuery({ query: NEW_JOB_OPTIONS_QUERY });
  const [{ fetching: starting }, startJob] = useMutation(START_JOB_MUTATION);
  const [maxSeconds, setMaxSeconds] = useState(String(DEFAULT_MAX_SECONDS));
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [lastStarted, setLastStarted] = useState<string | null>(null);

  const targets = useJobTargets(data);
  const { choice } = targets;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLastStarted(null);
    const errors = missingChoice(choice);
    const seconds = Number(maxSeconds);
    if (!Number.isInteger(seconds) || seconds < 1) {
      errors.maximumExecutionTimeInSeconds = "Enter a whole number of seconds, at least 1.";
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      setFormError("Check the marked fields.");
      return;
    }
    setFormError(null);
    const result = await startJob({ input: { ...choice, maximumExecutionTimeInSeconds: seconds } });
    if (result.error || !result.data) {
      if (!result.error) {
        setFormError("The server sent no answer.");
        return;
      }
      const mapped = mapFieldErrors(errorMessage(result.error), FIELDS, {
        modelId: { kind: "Model", id: choice.modelId },
        configurationId: { kind: "Configuration", id: choice.configurationId },
        inputFolderId: { kind: "Folder", id: choice.inputFolderId },
        outputFolderId: { kind: "Folder", id: choice.outputFolderId },
      });
      setFieldErrors(mapped.fields);
      setFormError(mapped.rest ?? "Check the marked fields.");
      return;
    }
    setLastStarted(result.data.startJob.id);
    onStarted(result.data.startJob);
  }

  const loading = fetching && !data;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>New job</h2>
      {loadError && !data ? (
        <ErrorMessage title="Could not load models, configurations and folders." onRetry={() => reload()} testId="new-job-options-error">
          {errorMessage(loadError)}
        </ErrorMessage>
      ) : null}
      {loading ? <Loading label="Loading models, configurations and folders…" /> : null}
      <form className="new-job-form" onSubmit={onSubmit} noValidate aria-describedby={formError ? `${headingId}-error` : undefined}>
        <div className="form-grid">
          <JobTargetFields {...targets} errors={fieldErrors} disabled={loading} />
          <div className="field">
            <label htmlFor={maxTimeId}>Maximum execution time (s)</label>
            <input
              id={maxTimeId}
              name="maximumExecutionTimeInSeconds"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={maxSeconds}
              onChange={(e) => setMaxSeconds(e.target.value)}
              required
              aria-invalid={fieldErrors.maximumExecutionTimeInSeconds ? true : undefined}
              aria-describedby={fieldErrors.maximumExecutionTimeInSeconds ? `${maxTimeId}-error` : undefined}
            />
            <FieldError id={`${maxTimeId}-error`} testId="field-error-maximumExecutionTimeInSeconds">
              {fieldErrors.maximumExecutionTimeInSeconds}
            </FieldError>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={loading || starting} aria-busy={starting}>
            Start demo job
          </button>
          {starting ? <Loading label="Starting…" /> : null}
          {lastStarted && !starting ? (
            <p className="success" role="status">
              Job started.
            </p>
          ) : null}
        </div>
        {formError ? (
          <div id={`${headingId}-error`}>
            <ErrorMessage title="The job was not started." testId="start-job-error">{formError}</ErrorMessage>
          </div>
        ) : null}
      </form>
    </section>
  );
}
