/**
 * How this browser is authenticated, decided in one place: an API token kept in
 * localStorage, or a web session (the server's HttpOnly session cookie, plus the readable
 * XSRF-TOKEN cookie that every state-changing request and the live socket must echo).
 *
 * What must stay true: a stored token wins over a session; every request and the socket
 * take their credentials from currentAuth() at send time (authHeaders(),
 * socketConnectionParams()); and every way out of a signed-in state goes through signOut(),
 * which ends a session on the server and then reloads the page so no socket or cached
 * result from the old credentials survives.
 */

export const TOKEN_KEY = "jobmanager.token";
/** The readable cookie the server sets beside its HttpOnly session cookie at login. */
export const XSRF_COOKIE = "XSRF-TOKEN";
export const XSRF_HEADER = "X-XSRF-TOKEN";
export const LOGIN_PATH = "/api/auth/login";
export const LOGOUT_PATH = "/api/auth/logout";

/** Query parameter on /login telling the user why they were sent there. */
export const REASON_PARAM = "reason";
export const REASON_EXPIRED = "expired";

export type BrowserAuth = { kind: "token"; token: string } | { kind: "session"; xsrfToken: string } | { kind: "none" };

export function readToken(): string | null {
  if (typeof window === "undefined") return null;
  try {
    const token = window.localStorage.getItem(TOKEN_KEY);
    return token && token.trim() ? token : null;
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  try {
    window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage can be disabled (private mode); the session then lasts for this page only.
  }
}

export function clearToken(): void {
  try {
    window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** The XSRF token in a `document.cookie` string, or null when there is none (no session). */
export function xsrfTokenFromCookies(cookies: string): string | null {
  for (const part of cookies.split(";")) {
    const index = part.indexOf("=");
    if (index < 0 || part.slice(0, index).trim() !== XSRF_COOKIE) continue;
    try {
      return decodeURIComponent(part.slice(index + 1).trim()) || null;
    } catch {
      return null;
    }
  }
  return null;
}

export function readXsrfToken(): string | null {
  return typeof document === "undefined" ? null : xsrfTokenFromCookies(document.cookie);
}

/** Drops the readable XSRF cookie (the HttpOnly session cookie is the server's to clear). */
function forgetSession(): void {
  document.cookie = `${XSRF_COOKIE}=; path=/; max-age=0; samesite=strict`;
}

export function currentAuth(): BrowserAuth {
  const token = readToken();
  if (token) return { kind: "token", token };
  const xsrfToken = readXsrfToken();
  if (xsrfToken) return { kind: "session", xsrfToken };
  return { kind: "none" };
}

export function isSignedIn(): boolean {
  return currentAuth().kind !== "none";
}

/** The headers that authenticate an HTTP request (the session cookie goes by itself). */
export function authHeaders(auth: BrowserAuth = currentAuth()): Record<string, string> {
  if (auth.kind === "token") return { authorization: `Bearer ${auth.token}` };
  if (auth.kind === "session") return { [XSRF_HEADER]: auth.xsrfToken };
  return {};
}

/** graphql-ws connection parameters: the token, or the session's XSRF token (the cookie goes with the upgrade). */
export function socketConnectionParams(auth: BrowserAuth = currentAuth()): Record<string, string> {
  if (auth.kind === "token") return { authorization: `Bearer ${auth.token}` };
  if (auth.kind === "session") return { xsrfToken: auth.xsrfToken };
  return {};
}

export type PasswordSignIn = { ok: true } | { ok: false; message: string };

/**
 * Logs in with a username and password: the server sets the session cookies. A stored token
 * is dropped so that the new session is what this browser uses.
 */
export async function signInWithPassword(username: string, password: string): Promise<PasswordSignIn> {
  let response: Response;
  try {
    response = await fetch(LOGIN_PATH, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return { ok: false, message: "Cannot reach the Job Manager server." };
  }
  if (response.ok) {
    clearToken();
    return { ok: true };
  }
  if (response.status === 401) return { ok: false, message: "The username or password is wrong." };
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
  return { ok: false, message: body?.errors?.[0]?.message ?? `The server refused the sign-in (HTTP ${response.status}).` };
}

/**
 * If the URL carries `#token=<token>` (the server prints such a link for newcomers), store
 * the token and drop it from the address bar so it does not linger in history or get
 * copied along. Returns true when a token was adopted. Safe to call more than once.
 */
export function adoptTokenFromFragment(): boolean {
  if (typeof window === "undefined") return false;
  const { hash, pathname, search } = window.location;
  if (hash.length < 2) return false;
  const params = new URLSearchParams(hash.slice(1));
  const token = params.get("token");
  if (token === null) return false;
  params.delete("token");
  const rest = params.toString();
  window.history.replaceState(window.history.state, "", `${pathname}${search}${rest ? `#${rest}` : ""}`);
  const trimmed = token.trim();
  if (!trimmed) return false;
  storeToken(trimmed);
  return true;
}

let signingOut = false;

/**
 * Signs out and goes to /login with a full page load: a session is ended on the server
 * first (so its cookie stops working), a token is forgotten. With `expired` the server has
 * already refused the credentials, and the login page says so. Several failing requests may
 * call this at once; only the first one acts.
 */
export async function signOut(options: { expired?: boolean } = {}): Promise<void> {
  if (typeof window === "undefined" || signingOut) return;
  signingOut = true;
  const auth = currentAuth();
  clearToken();
  if (auth.kind === "session") {
    if (!options.expired) {
      // The session is gone locally either way; a failed call leaves it to expire on the server.
      await fetch(LOGOUT_PATH, { method: "POST", credentials: "same-origin", headers: authHeaders(auth) }).catch(() => undefined);
    }
    forgetSession();
  }
  const target = options.expired ? `/login?${REASON_PARAM}=${REASON_EXPIRED}` : "/login";
  window.location.replace(target);
}
