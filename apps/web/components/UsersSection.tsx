"use client";
/** The tenant's users (who sign in to the web UI with a password): list and create. */
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { CREATE_USER_MUTATION, USERS_QUERY } from "@/lib/accountOperations";
import { errorMessage } from "@/lib/errors";
import { mapFieldErrors, type FieldErrors } from "@/lib/fieldErrors";
import { formatDateTime } from "@/lib/format";
import { ErrorMessage } from "./ErrorMessage";
import { FieldError } from "./FieldError";
import { Loading } from "./Loading";

const FIELDS = ["username", "password"] as const;
type Field = (typeof FIELDS)[number];
const NO_ERRORS: FieldErrors<Field> = { fields: {}, rest: null };

export function UsersSection() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: USERS_QUERY, requestPolicy: "network-only" });
  const [{ fetching: creating }, createUser] = useMutation(CREATE_USER_MUTATION);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const id = useId();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors<Field>>(NO_ERRORS);
  const [created, setCreated] = useState<string | null>(null);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const result = await createUser({ username: username.trim(), password });
    if (result.error || !result.data) {
      setErrors(result.error ? mapFieldErrors(errorMessage(result.error), FIELDS) : { fields: {}, rest: "The server sent no answer." });
      return;
    }
    setErrors(NO_ERRORS);
    setCreated(result.data.createUser.username);
    setUsername("");
    setPassword("");
    reload();
  }

  const described = (field: Field, hint?: string) => [errors.fields[field] ? `${id}-${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const users = data?.users ?? [];
  return (
    <section className="card" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <p className="hint">A user signs in to this web UI with a username and password and sees this tenant.</p>
      <form className="inline-form" onSubmit={onCreate} noValidate>
        <div className="field">
          <label htmlFor={`${id}-username`}>New username</label>
          <input
            id={`${id}-username`}
            autoComplete="off"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={errors.fields.username ? true : undefined}
            aria-describedby={described("username")}
          />
          <FieldError id={`${id}-username-error`} testId="field-error-username">
            {errors.fields.username}
          </FieldError>
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>New user’s password</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={errors.fields.password ? true : undefined}
            aria-describedby={described("password", `${id}-password-hint`)}
          />
          <p className="hint" id={`${id}-password-hint`}>
            At least 12 characters.
          </p>
          <FieldError id={`${id}-password-error`} testId="field-error-password">
            {errors.fields.password}
          </FieldError>
        </div>
        <button type="submit" className="button button-primary" disabled={creating} aria-busy={creating}>
          Create user
        </button>
      </form>
      {errors.rest ? <ErrorMessage title="Could not create the user.">{errors.rest}</ErrorMessage> : null}
      {created ? (
        <p className="success" role="status">
          User “{created}” created.
        </p>
      ) : null}
      {error ? (
        <ErrorMessage title="Could not load the users." onRetry={reload}>
          {errorMessage(error)}
        </ErrorMessage>
      ) : null}
      {fetching && !data ? <Loading label="Loading users…" /> : null}
      {data ? (
        users.length === 0 ? (
          <p className="empty">No users yet.</p>
        ) : (
          <ul className="user-list" aria-label="Users">
            {users.map((user) => (
              <li key={user.id} data-testid={`user-${user.username}`}>
                <strong>{user.username}</strong> <span className="hint">created <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time></span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
