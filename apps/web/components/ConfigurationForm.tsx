"use client";
/**
 * Create or edit an environment configuration: name, description, interpreters, variables
 * (a secret's value is write-only: a stored one shows empty and is kept unless retyped),
 * memory and process limits, network and maxInstances. The server validates; its messages
 * show next to their fields.
 */
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import {
  mapConfigurationError,
  newVariableRow,
  toConfigurationInput,
  type ConfigurationField,
  type ConfigurationFormState,
  type VariableRow,
} from "@/lib/configurationForm";
import { errorMessage } from "@/lib/errors";
import { CREATE_CONFIGURATION_MUTATION, INTERPRETERS, UPDATE_CONFIGURATION_MUTATION, type Configuration } from "@/lib/graphql-configurations";
import { ErrorMessage } from "./ErrorMessage";
import { FieldError } from "./FieldError";
import { Loading } from "./Loading";

export function ConfigurationForm({
  initial,
  configurationId,
  onSaved,
  onCancel,
}: {
  initial: ConfigurationFormState;
  /** Set when editing; absent when creating. */
  configurationId?: string;
  onSaved: (configuration: Configuration) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const editing = configurationId !== undefined;
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<ConfigurationField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CREATE_CONFIGURATION_MUTATION);
  const [{ fetching: updating }, update] = useMutation(UPDATE_CONFIGURATION_MUTATION);
  const saving = creating || updating;

  function set<K extends keyof ConfigurationFormState>(field: K, value: ConfigurationFormState[K]) {
    setForm((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => {
      if (!prev[field as ConfigurationField]) return prev;
      const next = { ...prev };
      delete next[field as ConfigurationField];
      return next;
    });
  }

  function setVariable(key: number, patch: Partial<VariableRow>) {
    set(
      "variables",
      form.variables.map((v) => (v.key === key ? { ...v, ...patch } : v)),
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const built = toConfigurationInput(form);
    if ("errors" in built) {
      setErrors(built.errors);
      setFormError("Check the marked fields.");
      return;
    }
    const result = editing ? await update({ id: configurationId, input: built.input }) : await create({ input: built.input });
    if (result.error || !result.data) {
      if (!result.error) return setFormError("The server sent no answer.");
      const mapped = mapConfigurationError(errorMessage(result.error));
      setErrors(mapped.fields);
      setFormError(mapped.rest ?? "Check the marked fields.");
      return;
    }
    const saved = "createConfiguration" in result.data ? result.data.createConfiguration : result.data.updateConfiguration;
    setErrors({});
    onSaved(saved);
  }

  const invalid = (field: ConfigurationField) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});
  const error = (field: ConfigurationField) => (
    <FieldError id={`${id}-${field}-error`} testId={`field-error-${field}`}>
      {errors[field]}
    </FieldError>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="configuration-form" aria-label={editing ? `Edit configuration ${initial.name}` : "New configuration"}>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Configuration name</label>
          <input id={`${id}-name`} name="name" value={form.name} maxLength={256} required onChange={(e) => set("name", e.target.value)} {...invalid("name")} />
          {error("name")}
        </div>
        <div className="field field-wide">
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea id={`${id}-description`} name="description" rows={2} maxLength={4096} value={form.description} onChange={(e) => set("description", e.target.value)} {...invalid("description")} />
          {error("description")}
        </div>
      </div>

      <fieldset className="status-filter" {...invalid("interpreters")}>
        <legend>Enabled interpreters</legend>
        <div className="checkbox-row">
          {INTERPRETERS.map((interpreter) => (
            <label key={interpreter} className="checkbox">
              <input
                type="checkbox"
                name="interpreters"
                value={interpreter}
                checked={form.interpreters.includes(interpreter)}
                onChange={(e) =>
                  set("interpreters", e.target.checked ? INTERPRETERS.filter((i) => i === interpreter || form.interpreters.includes(i)) : form.interpreters.filter((i) => i !== interpreter))
                }
              />
              %{interpreter}
            </label>
          ))}
        </div>
        {error("interpreters")}
      </fieldset>

      <fieldset className="variables" {...invalid("variables")}>
        <legend>Environment variables</legend>
        {form.variables.length === 0 ? <p className="hint">No variables.</p> : null}
        <ul className="variable-rows">
          {form.variables.map((variable, index) => {
            const n = index + 1;
            return (
              <li key={variable.key} className="variable-row" data-testid={`variable-row-${n}`}>
                <div className="field">
                  <label htmlFor={`${id}-var-${variable.key}-name`}>Variable {n} name</label>
                  <input id={`${id}-var-${variable.key}-name`} className="mono" value={variable.name} spellCheck={false} autoComplete="off" onChange={(e) => setVariable(variable.key, { name: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-var-${variable.key}-value`}>Variable {n} value</label>
                  <input
                    id={`${id}-var-${variable.key}-value`}
                    className="mono"
                    type={variable.secret ? "password" : "text"}
                    value={variable.value}
                    autoComplete={variable.secret ? "new-password" : "off"}
                    spellCheck={false}
                    placeholder={variable.secret && variable.stored ? "Stored; type to replace" : undefined}
                    onChange={(e) => setVariable(variable.key, { value: e.target.value })}
                    aria-describedby={variable.secret && variable.stored ? `${id}-var-${variable.key}-hint` : undefined}
                  />
                  {variable.secret && variable.stored ? (
                    <p className="hint" id={`${id}-var-${variable.key}-hint`}>
                      Secret: the stored value is kept and never shown. Type a new one to replace it.
                    </p>
                  ) : null}
                </div>
                <label className="checkbox">
                  <input type="checkbox" checked={variable.secret} onChange={(e) => setVariable(variable.key, { secret: e.target.checked, stored: e.target.checked && variable.stored })} />
                  Variable {n} secret
                </label>
                <button type="button" className="button button-small" onClick={() => set("variables", form.variables.filter((v) => v.key !== variable.key))} aria-label={`Remove variable ${n}`}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
        <button type="button" className="button button-small" onClick={() => set("variables", [...form.variables, newVariableRow()])}>
          Add variable
        </button>
        {error("variables")}
      </fieldset>

      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-memory`}>Memory limit (MB)</label>
          <input id={`${id}-memory`} name="memoryLimitMb" type="number" inputMode="numeric" step={1} placeholder="No limit" value={form.memoryLimitMb} onChange={(e) => set("memoryLimitMb", e.target.value)} {...invalid("memoryLimitMb")} />
          {error("memoryLimitMb")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-processes`}>Process limit</label>
          <input id={`${id}-processes`} name="processLimit" type="number" inputMode="numeric" step={1} placeholder="No limit" value={form.processLimit} onChange={(e) => set("processLimit", e.target.value)} {...invalid("processLimit")} />
          {error("processLimit")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-instances`}>Maximum instances</label>
          <input id={`${id}-instances`} name="maxInstances" type="number" inputMode="numeric" step={1} min={1} value={form.maxInstances} onChange={(e) => set("maxInstances", e.target.value)} {...invalid("maxInstances")} />
          {error("maxInstances")}
        </div>
        <div className="field field-checkbox">
          <label className="checkbox">
            <input type="checkbox" name="network" checked={form.network} onChange={(e) => set("network", e.target.checked)} />
            Network access
          </label>
          {error("network")}
        </div>
      </div>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving}>
          {editing ? "Save changes" : "Create configuration"}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {saving ? <Loading label="Saving…" /> : null}
      </div>
      {formError ? (
        <ErrorMessage title={editing ? "The configuration was not saved." : "The configuration was not created."} testId="configuration-form-error">
          {formError}
        </ErrorMessage>
      ) : null}
    </form>
  );
}
