"use client";
/**
 * Sign in with an API token: the token is checked with `viewer` before it is stored, so a
 * typo shows the server's refusal here instead of bouncing between pages.
 */
import { useEffect, useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useClient } from "urql";
import { adoptTokenFromFragment, REASON_EXPIRED, REASON_PARAM, storeToken } from "@/lib/auth";
import { errorMessage, isUnauthorized } from "@/lib/errors";
import { VIEWER_QUERY } from "@/lib/graphql";
import type { AuthProbeContext } from "@/lib/urql";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";

export function LoginForm() {
  const router = useRouter();
  const client = useClient();
  const inputId = useId();
  const hintId = useId();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    // A newcomer's link (`/login#token=…`) signs in directly.
    if (adoptTokenFromFragment()) {
      router.replace("/jobs");
      return;
    }
    if (new URLSearchParams(window.location.search).get(REASON_PARAM) === REASON_EXPIRED) {
      setNotice("Your token was not accepted any more. Please sign in again.");
    }
  }, [router]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) {
      setError("Enter an API token.");
      return;
    }
    setChecking(true);
    setError(null);
    const context: AuthProbeContext = {
      authProbe: true,
      requestPolicy: "network-only",
      fetchOptions: { headers: { authorization: `Bearer ${candidate}` } },
    };
    const result = await client.query(VIEWER_QUERY, {}, context).toPromise();
    if (result.error || !result.data) {
      setChecking(false);
      setError(
        result.error
          ? isUnauthorized(result.error)
            ? `This token was not accepted: ${errorMessage(result.error)}`
            : errorMessage(result.error)
          : "The server sent no answer.",
      );
      return;
    }
    storeToken(candidate);
    router.replace("/jobs");
  }

  return (
    <form className="card login-card" onSubmit={onSubmit} noValidate>
      <h1>Sign in to Job Manager</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={inputId}>API token</label>
        <input
          id={inputId}
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          required
        />
        <p id={hintId} className="hint">
          The server prints a token and a sign-in link for the demo tenant when it starts.
        </p>
      </div>
      {error ? <ErrorMessage title="Sign-in failed." testId="login-error">{error}</ErrorMessage> : null}
      <button type="submit" className="button button-primary" disabled={checking} aria-busy={checking}>
        Sign in
      </button>
      {checking ? <Loading label="Checking the token…" /> : null}
    </form>
  );
}
