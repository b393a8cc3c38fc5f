"use client";
/**
 * "New job": pick model, configuration and folders, then start a job. The started job is
 * handed to `onStarted` so the table can show it at once.
 */
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { errorMessage } from "@/lib/errors";
import { NEW_JOB_OPTIONS_QUERY, START_JOB_MUTATION, type JobSummary } from "@/lib/graphql";
import { defaultChoice, reconcileChoice, type NewJobChoice } from "@/lib/newJobDefaults";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";
import { SelectField } from "./SelectField";

const DEFAULT_MAX_SECONDS = 3600;

function missingChoice(choice: NewJobChoice): string | null {
  if (!choice.modelId) return "Choose a model.";
  if (!choice.configurationId) return "Choose a configuration.";
  if (!choice.inputFolderId) return "Choose an input folder.";
  if (!choice.outputFolderId) return "Choose an output folder.";
  return null;
}

export function NewJobForm({ onStarted }: { onStarted: (job: JobSummary) => void }) {
  const headingId = useId();
  const maxTimeId = useId();
  const [{ data, fetching, error: loadError }, reload] = useQuery({ query: NEW_JOB_OPTIONS_QUERY });
  const [{ fetching: starting }, startJob] = useMutation(START_JOB_MUTATION);
  const [picked, setPicked] = useState<NewJobChoice | null>(null);
  const [maxSeconds, setMaxSeconds] = useState(String(DEFAULT_MAX_SECONDS));
  const [formError, setFormError] = useState<string | null>(null);
  const [lastStarted, setLastStarted] = useState<string | null>(null);

  const models = data?.models ?? [];
  const configurations = data?.configurations ?? [];
  const folders = data?.folders ?? [];
  const defaults = defaultChoice(models, configurations, folders);
  const choice = picked ? reconcileChoice(picked, defaults, { models, configurations, folders }) : defaults;

  const set = (key: keyof NewJobChoice) => (value: string) => setPicked({ ...choice, [key]: value });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLastStarted(null);
    const missing = missingChoice(choice);
    const seconds = Number(maxSeconds);
    if (missing) {
      setFormError(missing);
      return;
    }
    if (!Number.isInteger(seconds) || seconds < 1) {
      setFormError("Maximum execution time must be a whole number of seconds, at least 1.");
      return;
    }
    setFormError(null);
    const result = await startJob({ input: { ...choice, maximumExecutionTimeInSeconds: seconds } });
    if (result.error || !result.data) {
      setFormError(result.error ? errorMessage(result.error) : "The server sent no answer.");
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
          <SelectField label="Model" name="modelId" value={choice.modelId} options={models} onChange={set("modelId")} disabled={loading} emptyLabel="No models yet" />
          <SelectField
            label="Configuration"
            name="configurationId"
            value={choice.configurationId}
            options={configurations}
            onChange={set("configurationId")}
            disabled={loading}
            emptyLabel="No configurations yet"
          />
          <SelectField
            label="Input folder"
            name="inputFolderId"
            value={choice.inputFolderId}
            options={folders}
            onChange={set("inputFolderId")}
            disabled={loading}
            emptyLabel="No folders yet"
          />
          <SelectField
            label="Output folder"
            name="outputFolderId"
            value={choice.outputFolderId}
            options={folders}
            onChange={set("outputFolderId")}
            disabled={loading}
            emptyLabel="No folders yet"
          />
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
            />
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
