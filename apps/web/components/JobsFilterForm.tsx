"use client";
/**
 * The jobs list filters: statuses (checkboxes, any of them), model, message text and a
 * creation date range. Applied on submit, so typing does not refetch on every key.
 */
import { useId, useState, type FormEvent } from "react";
import { EMPTY_JOB_FILTER, type JobFilterForm } from "@/lib/jobFilter";
import { JOB_STATUSES, type JobStatus } from "@/lib/jobStatus";
import type { Model } from "@/lib/graphql";

export function JobsFilterForm({
  value,
  models,
  onApply,
}: {
  value: JobFilterForm;
  models: readonly Model[];
  onApply: (filter: JobFilterForm) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<JobFilterForm>(value);
  const toggle = (status: JobStatus) =>
    setDraft((d) => ({
      ...d,
      statuses: d.statuses.includes(status) ? d.statuses.filter((s) => s !== status) : JOB_STATUSES.filter((s) => s === status || d.statuses.includes(s)),
    }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filter-form" onSubmit={submit} aria-label="Filter jobs" role="search">
      <fieldset className="status-filter">
        <legend>Status</legend>
        <div className="checkbox-row">
          {JOB_STATUSES.map((status) => (
            <label key={status} className="checkbox">
              <input type="checkbox" name="status" value={status} checked={draft.statuses.includes(status)} onChange={() => toggle(status)} />
              {status}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid filter-grid">
        <div className="field">
          <label htmlFor={`${id}-model`}>Filter by model</label>
          <select id={`${id}-model`} name="modelId" value={draft.modelId} onChange={(e) => setDraft({ ...draft, modelId: e.target.value })}>
            <option value="">All models</option>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-message`}>Message contains</label>
          <input id={`${id}-message`} name="message" type="search" value={draft.message} onChange={(e) => setDraft({ ...draft, message: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>Created from</label>
          <input id={`${id}-from`} name="from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>Created to</label>
          <input id={`${id}-to`} name="to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(EMPTY_JOB_FILTER);
            onApply(EMPTY_JOB_FILTER);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
