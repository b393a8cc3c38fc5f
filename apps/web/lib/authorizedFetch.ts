/**
 * fetch() for the REST API with this browser's credentials (see auth.ts): a bearer token,
 * or the session cookie with its X-XSRF-TOKEN header. Use it for every REST call, downloads
 * and uploads included. A 401 means the credentials are no longer accepted: it signs out,
 * as the GraphQL client does, and still returns the response to the caller.
 */
import { authHeaders, currentAuth, signOut } from "./auth";

export async function authorizedFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const auth = currentAuth();
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(authHeaders(auth))) {
    if (!headers.has(name)) headers.set(name, value);
  }
  const response = await fetch(input, { ...init, headers, credentials: auth.kind === "session" ? "same-origin" : init.credentials });
  if (response.status === 401 && auth.kind !== "none") void signOut({ expired: true });
  return response;
}
