"use client";
/**
 * Sign in with an API token or with a username and password. A token is checked with
 * `viewer` before it is stored, so a typo shows the server's refusal here instead of
 * bouncing between pages; a password login asks the server for a session (cookies).
 */
import { useEffect, useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useClient } from "urql";
import { adoptTokenFromFragment, REASON_EXPIRED, REASON_PARAM, signInWithPassword, storeToken } from "@/lib/auth";
import { errorMessage, isUnauthorized } from "@/lib/errors";
import { VIEWER_QUERY } from "@/lib/graphql";
import type { AuthProbeContext } from "@/lib/urql";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";

type Method = "token" | "password";

export function LoginForm() {
  const router = useRouter();
  const client = useClient();
  const id = useId();
  const [method, setMethod] = useState<Method>("token");
  const [token, setToken] = useState("");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
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
      setNotice("Your sign-in was not accepted any more. Please sign in again.");
    }
  }, [router]);

  function chooseMethod(next: Method) {
    setMethod(next);
    setError(null);
  }

  async function signInWithToken(): Promise<string | null> {
    const candidate = token.trim();
    if (!candidate) return "Enter an API token.";
    const context: AuthProbeContext = {
      authProbe: true,
      requestPolicy: "network-only",
      fetchOptions: { headers: { authorization: `Bearer ${candidate}` } },
    };
    const result = await client.query(VIEWER_QUERY, {}, context).toPromise();
    if (result.error) {
      return isUnauthorized(result.error) ? `This token was not accepted: ${errorMessage(result.error)}` : errorMessage(result.error);
    }
    if (!result.data) return "The server sent no answer.";
    storeToken(candidate);
    return null;
  }

  async function signInWithUser(): Promise<string | null> {
    if (!username.trim() || !password) return "Enter your username and password.";
    const outcome = await signInWithPassword(username.trim(), password);
    return outcome.ok ? null : outcome.message;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecking(true);
    setError(null);
    const failure = method === "token" ? await signInWithToken() : await signInWithUser();
    if (failure) {
      setChecking(false);
      setError(failure);
      return;
    }
    router.replace("/jobs");
  }

  const invalid = error ? true : undefined;
  return (
    <form className="card login-card" onSubmit={onSubmit} noValidate>
      <h1>Sign in to Job Manager</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <fieldset className="status-filter">
        <legend>Sign in with</legend>
        <div className="checkbox-row">
          <label className="checkbox">
            <input type="radio" name="method" checked={method === "token"} onChange={() => chooseMethod("token")} />
            Token
          </label>
          <label className="checkbox">
            <input type="radio" name="method" checked={method === "password"} onChange={() => chooseMethod("password")} />
            User and password
          </label>
        </div>
      </fieldset>
      {method === "token" ? (
        <div className="field">
          <label htmlFor={`${id}-token`}>API token</label>
          <input
            id={`${id}-token`}
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby={`${id}-token-hint`}
            aria-invalid={invalid}
            required
          />
          <p id={`${id}-token-hint`} className="hint">
            The server prints a token and a sign-in link for the demo tenant when it starts.
          </p>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-username`}>Username</label>
            <input
              id={`${id}-username`}
              name="username"
              autoComplete="username"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={invalid}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={invalid}
              required
            />
          </div>
        </>
      )}
      {error ? <ErrorMessage title="Sign-in failed." testId="login-error">{error}</ErrorMessage> : null}
      <button type="submit" className="button button-primary" disabled={checking} aria-busy={checking}>
        Sign in
      </button>
      {checking ? <Loading label={method === "token" ? "Checking the token…" : "Signing in…"} /> : null}
    </form>
  );
}
