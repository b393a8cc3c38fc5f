/**
 * The API token in the browser: where it is kept, how a page adopts one from a
 * `#token=…` link, and how the UI signs out.
 *
 * What must stay true: the token lives only in localStorage under TOKEN_KEY, and every
 * way out of a signed-in session goes through signOut(), which reloads the page so no
 * socket or cached result from the old token survives.
 */

export const TOKEN_KEY = "jobmanager.token";

/** Query parameter on /login telling the user why they were sent there. */
export const REASON_PARAM = "reason";
export const REASON_EXPIRED = "expired";

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
 * Forget the token and go to /login with a full page load. With `expired`, the login page
 * explains that the token was refused. Several failing requests may call this at once; only
 * the first one navigates.
 */
export function signOut(options: { expired?: boolean } = {}): void {
  if (typeof window === "undefined" || signingOut) return;
  signingOut = true;
  clearToken();
  const target = options.expired ? `/login?${REASON_PARAM}=${REASON_EXPIRED}` : "/login";
  window.location.replace(target);
}
