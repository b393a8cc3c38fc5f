"use client";
/**
 * The tenant's API tokens: create one (its secret shown once), list them without secrets,
 * revoke one after a confirmation. Revoking is final; a revoked token stays on the list.
 */
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { API_TOKENS_QUERY, CREATE_API_TOKEN_MUTATION, REVOKE_API_TOKEN_MUTATION, type ApiToken, type NewApiToken } from "@/lib/accountOperations";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { ConfirmButton } from "./ConfirmButton";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";
import { NewTokenSecret } from "./NewTokenSecret";

function TokenRow({ token, onChanged }: { token: ApiToken; onChanged: () => void }) {
  const [{ fetching }, revoke] = useMutation(REVOKE_API_TOKEN_MUTATION);
  const [error, setError] = useState<string | null>(null);

  async function confirmRevoke() {
    setError(null);
    const result = await revoke({ id: token.id });
    if (result.error) setError(errorMessage(result.error));
    onChanged();
  }

  return (
    <tr data-testid={`token-${token.id}`}>
      <td>{token.name}</td>
      <td>
        <code>{token.prefix}…</code>
      </td>
      <td>
        <time dateTime={token.createdAt}>{formatDateTime(token.createdAt)}</time>
      </td>
      <td data-testid={`token-state-${token.id}`}>
        {token.revokedAt ? (
          <>
            Revoked <time dateTime={token.revokedAt}>{formatDateTime(token.revokedAt)}</time>
          </>
        ) : (
          "Active"
        )}
      </td>
      <td>
        {token.revokedAt ? null : (
          <div className="row-actions">
            <ConfirmButton label="Revoke" ariaLabel={`Revoke token ${token.name}`} confirmLabel="Confirm revoke" busy={fetching} onConfirm={confirmRevoke} />
          </div>
        )}
        {error ? <ErrorMessage title="Could not revoke the token.">{error}</ErrorMessage> : null}
      </td>
    </tr>
  );
}

export function ApiTokensSection() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: API_TOKENS_QUERY, requestPolicy: "network-only" });
  const [{ fetching: creating }, createToken] = useMutation(CREATE_API_TOKEN_MUTATION);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const nameId = useId();
  const errorId = useId();
  const [name, setName] = useState("");
  const [createError, setCreateError] = useState<string | null>(null);
  const [created, setCreated] = useState<NewApiToken | null>(null);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setCreateError("Give the token a name, for example the script or machine that will use it.");
      return;
    }
    setCreateError(null);
    const result = await createToken({ name: name.trim() });
    if (result.error || !result.data) {
      setCreateError(result.error ? errorMessage(result.error) : "The server sent no answer.");
      return;
    }
    setCreated(result.data.createApiToken);
    setName("");
    reload();
  }

  const tokens = data?.apiTokens ?? [];
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="hint">Scripts and other programs call the API with a token: <code>Authorization: Bearer &lt;token&gt;</code>.</p>
      <form className="inline-form" onSubmit={onCreate} noValidate>
        <div className="field">
          <label htmlFor={nameId}>Token name</label>
          <input
            id={nameId}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={createError ? true : undefined}
            aria-describedby={createError ? errorId : undefined}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={creating} aria-busy={creating}>
          Create token
        </button>
      </form>
      {createError ? (
        <p className="field-error" id={errorId} role="alert">
          {createError}
        </p>
      ) : null}
      {created ? <NewTokenSecret token={created} onDismiss={() => setCreated(null)} /> : null}
      {error ? (
        <ErrorMessage title="Could not load the tokens." onRetry={reload}>
          {errorMessage(error)}
        </ErrorMessage>
      ) : null}
      {fetching && !data ? <Loading label="Loading tokens…" /> : null}
      {data ? (
        tokens.length === 0 ? (
          <p className="empty">No tokens yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" aria-label="API tokens">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Prefix</th>
                  <th scope="col">Created</th>
                  <th scope="col">State</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <TokenRow key={token.id} token={token} onChanged={reload} />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
