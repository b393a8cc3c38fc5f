"use client";
/**
 * The /configurations page: a form for a new configuration, then each configuration with its
 * settings, edit (in place) and delete (refused while a job uses it, with the server's message).
 * Secret values never come from the server; the page shows only that a secret is set.
 */
import { useCallback, useState } from "react";
import { useMutation, useQuery } from "urql";
import { emptyConfigurationForm, formFromConfiguration } from "@/lib/configurationForm";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { CONFIGURATIONS_QUERY, DELETE_CONFIGURATION_MUTATION, type Configuration } from "@/lib/graphql-configurations";
import { useReconnect } from "@/lib/useReconnect";
import { ConfigurationForm } from "./ConfigurationForm";
import { ConfirmButton } from "./ConfirmButton";
import { ErrorMessage } from "./ErrorMessage";
import { ListCard } from "./ListCard";

function ConfigurationItem({ configuration, onChanged }: { configuration: Configuration; onChanged: (message: string | null) => void }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching: deleting }, deleteConfiguration] = useMutation(DELETE_CONFIGURATION_MUTATION);
  const headingId = `configuration-${configuration.id}-name`;

  async function onDelete() {
    setError(null);
    const result = await deleteConfiguration({ id: configuration.id });
    if (result.error) return setError(errorMessage(result.error));
    onChanged(`Configuration “${configuration.name}” deleted.`);
  }

  return (
    <li className="schedule" data-testid={`configuration-${configuration.id}`} aria-labelledby={headingId}>
      <div className="schedule-head">
        <h3 id={headingId}>{configuration.name}</h3>
      </div>
      {editing ? (
        <ConfigurationForm
          initial={formFromConfiguration(configuration)}
          configurationId={configuration.id}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(`Configuration “${saved.name}” saved.`);
          }}
        />
      ) : (
        <>
          {configuration.description ? <p>{configuration.description}</p> : null}
          <dl className="facts">
            <div>
              <dt>Interpreters</dt>
              <dd>{configuration.interpreters.map((i) => `%${i}`).join(", ")}</dd>
            </div>
            <div>
              <dt>Memory limit</dt>
              <dd>{configuration.memoryLimitMb === null ? "No limit" : `${configuration.memoryLimitMb} MB`}</dd>
            </div>
            <div>
              <dt>Process limit</dt>
              <dd>{configuration.processLimit ?? "No limit"}</dd>
            </div>
            <div>
              <dt>Network</dt>
              <dd>{configuration.network ? "On" : "Off"}</dd>
            </div>
            <div>
              <dt>Maximum instances</dt>
              <dd>{configuration.maxInstances}</dd>
            </div>
            <div>
              <dt>Modified</dt>
              <dd>
                <time dateTime={configuration.modifiedDate}>{formatDateTime(configuration.modifiedDate)}</time>
              </dd>
            </div>
            <div className="facts-wide">
              <dt>Environment variables</dt>
              <dd data-testid={`configuration-variables-${configuration.id}`}>
                {configuration.variables.length === 0 ? (
                  "None"
                ) : (
                  <ul className="variable-list">
                    {configuration.variables.map((v) => (
                      <li key={v.name}>
                        <code>{v.name}</code> = {v.secret ? <em>secret (hidden)</em> : <code>{v.value}</code>}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
          <div className="job-actions">
            <button type="button" className="button" onClick={() => setEditing(true)} aria-label={`Edit configuration ${configuration.name}`}>
              Edit
            </button>
            <ConfirmButton
              label="Delete"
              ariaLabel={`Delete configuration ${configuration.name}`}
              confirmLabel="Confirm delete"
              busy={deleting}
              onConfirm={onDelete}
            />
          </div>
        </>
      )}
      {error ? (
        <ErrorMessage title="The configuration was not deleted." testId={`configuration-error-${configuration.id}`}>
          {error}
        </ErrorMessage>
      ) : null}
    </li>
  );
}

export function ConfigurationsView() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CONFIGURATIONS_QUERY, requestPolicy: "network-only" });
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  useReconnect(reload);
  const [notice, setNotice] = useState<string | null>(null);
  // A fresh form after each creation.
  const [formKey, setFormKey] = useState(0);
  const configurations = data?.configurations ?? [];

  const changed = (message: string | null) => {
    setNotice(message);
    reload();
  };

  return (
    <>
      <h1>Configurations</h1>
      <section className="card" aria-labelledby="new-configuration-heading">
        <h2 id="new-configuration-heading">New configuration</h2>
        <ConfigurationForm
          key={formKey}
          initial={emptyConfigurationForm()}
          onSaved={(saved) => {
            setFormKey((k) => k + 1);
            changed(`Configuration “${saved.name}” created.`);
          }}
        />
      </section>
      {notice ? (
        <p className="success" role="status" data-testid="configuration-notice">
          {notice}
        </p>
      ) : null}
      <ListCard heading="All configurations" loaded={Boolean(data)} fetching={fetching} error={error} onRefresh={reload}
        errorTitle="Could not load configurations." errorTestId="configurations-error" loadingLabel="Loading configurations…">
        {data ? (
          configurations.length === 0 ? (
            <p className="empty">No configurations yet.</p>
          ) : (
            <ul className="schedules">
              {configurations.map((configuration) => (
                <ConfigurationItem key={configuration.id} configuration={configuration} onChanged={changed} />
              ))}
            </ul>
          )
        ) : null}
      </ListCard>
    </>
  );
}
