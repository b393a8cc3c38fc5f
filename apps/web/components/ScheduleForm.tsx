"use client";
/**
 * Create a schedule: name, cron string and time zone, with the next fire times previewed in
 * the browser as the user types (lib/cronPreview.ts, the server's rules), then the job
 * parameters. The server validates again; its messages show next to their fields.
 */
import { useId, useMemo, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { previewCron } from "@/lib/cronPreview";
import { errorMessage } from "@/lib/errors";
import { mapFieldErrors } from "@/lib/fieldErrors";
import { formatDateTime } from "@/lib/format";
import { CREATE_SCHEDULE_MUTATION, NEW_JOB_OPTIONS_QUERY, type Schedule } from "@/lib/graphql";
import type { NewJobChoice } from "@/lib/newJobDefaults";
import { JobTargetFields, useJobTargets } from "./JobTargetFields";
import { ErrorMessage } from "./ErrorMessage";
import { FieldError } from "./FieldError";
import { Loading } from "./Loading";

type Field = keyof NewJobChoice | "name" | "scheduleString" | "timezone" | "maximumExecutionTime";
const FIELDS: readonly Field[] = ["name", "scheduleString", "timezone", "modelId", "configurationId", "inputFolderId", "outputFolderId", "maximumExecutionTime"];
const COMMON_ZONES = ["UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney"];

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** A fire time shown in the schedule's own zone, where the cron string is read. */
export function formatInZone(date: Date | string, timezone: string): string {
  const value = typeof date === "string" ? new Date(date) : date;
  try {
    return value.toLocaleString(undefined, {
      timeZone: timezone,
      year: "numeric",
      month: "short",
      day: "numeric",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "short",
    });
  } catch {
    return formatDateTime(value.toISOString());
  }
}

export function ScheduleForm({ onCreated }: { onCreated: (schedule: Schedule) => void }) {
  const id = useId();
  const [{ data, fetching, error: loadError }, reload] = useQuery({ query: NEW_JOB_OPTIONS_QUERY });
  const [{ fetching: creating }, createSchedule] = useMutation(CREATE_SCHEDULE_MUTATION);
  const [name, setName] = useState("");
  const [cron, setCron] = useState("0 9 * * 1-5");
  const [timezone, setTimezone] = useState(browserZone);
  const [maxSeconds, setMaxSeconds] = useState("3600");
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const targets = useJobTargets(data);
  const { choice } = targets;
  const preview = useMemo(() => previewCron(cron, timezone.trim(), 5), [cron, timezone]);
  const loading = fetching && !data;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (!name.trim()) errors.name = "Enter a name.";
    if (!preview.ok) {
      if (preview.error.startsWith("Unknown time zone")) errors.timezone = preview.error;
      else errors.scheduleString = preview.error;
    }
    const seconds = Number(maxSeconds);
    if (!Number.isInteger(seconds) || seconds < 1) errors.maximumExecutionTime = "Enter a whole number of seconds, at least 1.";
    for (const key of ["modelId", "configurationId", "inputFolderId", "outputFolderId"] as const) {
      if (!choice[key]) errors[key] = "Choose one.";
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      setFormError("Check the marked fields.");
      return;
    }
    setFormError(null);
    const result = await createSchedule({
      input: { name: name.trim(), scheduleString: cron.trim(), timezone: timezone.trim() || "UTC", maximumExecutionTime: seconds, ...choice },
    });
    if (result.error || !result.data) {
      if (!result.error) return setFormError("The server sent no answer.");
      const mapped = mapFieldErrors(errorMessage(result.error), FIELDS, {
        modelId: { kind: "Model", id: choice.modelId },
        configurationId: { kind: "Configuration", id: choice.configurationId },
        inputFolderId: { kind: "Folder", id: choice.inputFolderId },
        outputFolderId: { kind: "Folder", id: choice.outputFolderId },
      });
      if (mapped.fields.scheduleString?.includes("Unknown time zone")) {
        mapped.fields.timezone = mapped.fields.scheduleString;
        delete mapped.fields.scheduleString;
      }
      setFieldErrors(mapped.fields);
      setFormError(mapped.rest ?? "Check the marked fields.");
      return;
    }
    setName("");
    setFieldErrors({});
    onCreated(result.data.createSchedule);
  }

  /** Editing a field takes its error away; the form message goes with the last one. */
  const edited = (field: Field) =>
    setFieldErrors((prev) => {
      if (!prev[field]) return prev;
      const next = { ...prev };
      delete next[field];
      if (Object.keys(next).length === 0) setFormError(null);
      return next;
    });
  const invalid = (field: Field) => (fieldErrors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>New schedule</h2>
      {loadError && !data ? (
        <ErrorMessage title="Could not load models, configurations and folders." onRetry={() => reload()}>
          {errorMessage(loadError)}
        </ErrorMessage>
      ) : null}
      {loading ? <Loading label="Loading models, configurations and folders…" /> : null}
      <form onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-name`}>Schedule name</label>
            <input id={`${id}-name`} name="name" value={name} onChange={(e) => {
                setName(e.target.value);
                edited("name");
              }} maxLength={128} required {...invalid("name")} />
            <FieldError id={`${id}-name-error`} testId="field-error-name">
              {fieldErrors.name}
            </FieldError>
          </div>
          <div className="field">
            <label htmlFor={`${id}-cron`}>Cron string</label>
            <input
              id={`${id}-cron`}
              name="scheduleString"
              value={cron}
              onChange={(e) => {
                setCron(e.target.value);
                edited("scheduleString");
              }}
              spellCheck={false}
              autoComplete="off"
              className="mono"
              required
              aria-invalid={fieldErrors.scheduleString ? true : undefined}
              aria-describedby={`${id}-cron-hint${fieldErrors.scheduleString ? ` ${id}-scheduleString-error` : ""}`}
            />
            <p className="hint" id={`${id}-cron-hint`}>
              5 fields (Unix: minute hour day month weekday) or 6–7 fields (Quartz, with seconds).
            </p>
            <FieldError id={`${id}-scheduleString-error`} testId="field-error-scheduleString">
              {fieldErrors.scheduleString}
            </FieldError>
          </div>
          <div className="field">
            <label htmlFor={`${id}-tz`}>Time zone</label>
            <input
              id={`${id}-tz`}
              name="timezone"
              value={timezone}
              onChange={(e) => {
                setTimezone(e.target.value);
                edited("timezone");
              }}
              list={`${id}-zones`}
              spellCheck={false}
              autoComplete="off"
              required
              {...invalid("timezone")}
            />
            <datalist id={`${id}-zones`}>
              {COMMON_ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <FieldError id={`${id}-timezone-error`} testId="field-error-timezone">
              {fieldErrors.timezone}
            </FieldError>
          </div>
          <JobTargetFields {...targets} errors={fieldErrors} disabled={loading} />
          <div className="field">
            <label htmlFor={`${id}-max`}>Maximum execution time (s)</label>
            <input id={`${id}-max`} name="maximumExecutionTime" type="number" inputMode="numeric" min={1} step={1} value={maxSeconds} onChange={(e) => {
                setMaxSeconds(e.target.value);
                edited("maximumExecutionTime");
              }} {...invalid("maximumExecutionTime")} />
            <FieldError id={`${id}-maximumExecutionTime-error`} testId="field-error-maximumExecutionTime">
              {fieldErrors.maximumExecutionTime}
            </FieldError>
          </div>
        </div>
        <div className="cron-preview" aria-live="polite" data-testid="cron-preview">
          <h3>Next fire times</h3>
          {preview.ok ? (
            preview.times.length > 0 ? (
              <ol>
                {preview.times.map((time) => (
                  <li key={time.toISOString()}>
                    <time dateTime={time.toISOString()}>{formatInZone(time, timezone.trim() || "UTC")}</time>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="empty">This cron string never fires.</p>
            )
          ) : (
            <p className="field-error" data-testid="cron-preview-error">
              {preview.error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={loading || creating} aria-busy={creating}>
            Create schedule
          </button>
          {creating ? <Loading label="Creating…" /> : null}
        </div>
        {formError ? (
          <ErrorMessage title="The schedule was not created." testId="create-schedule-error">
            {formError}
          </ErrorMessage>
        ) : null}
      </form>
    </section>
  );
}
