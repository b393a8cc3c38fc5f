/**
 * fetch() for the REST API with this browser's credentials (see auth.ts): a bearer token,
 * or the session cookie with its X-XSRF-TOKEN header. Use it for every REST call, downloads
 * and uploads included. A 401 means the credentials are no longer accepted: it signs out,
 * as the GraphQL client does, and still returns the response to the caller.
 */
import { authHeaders, currentAuth, signOut } from "./auth";
import { failWith, RestError, UNREACHABLE } from "./errors";

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

/** authorizedFetch that answers only success: it rejects with a RestError otherwise (status 0: unreachable). */
export async function restFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await authorizedFetch(path, init);
  } catch {
    throw new RestError(UNREACHABLE, 0);
  }
  if (!response.ok) failWith(response.status, await response.text());
  return response;
}

/**
 * Fetches `path` with this browser's credentials (a plain link would carry none) and hands it
 * to the browser as a download named `fileName`. Rejects with a RestError (404 when it is gone).
 */
export async function downloadFile(path: string, fileName: string, init: RequestInit = {}): Promise<void> {
  const url = URL.createObjectURL(await (await restFetch(path, init)).blob());
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click starts the download synchronously; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
