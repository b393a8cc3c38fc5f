/**
 * The REST routes answer errors as `{errors:[{code,message,logref}]}`. This turns such an
 * answer (or a network failure) into one error with the HTTP status and the server's message,
 * and signs out on 401 as the GraphQL client does.
 */
import { signOut } from "./auth";

export class RestError extends Error {
  constructor(
    message: string,
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
    this.name = "RestError";
  }
}

/** The server's messages from a v3 error body, or a plain sentence for the status. */
export function restErrorMessage(status: number, bodyText: string): string {
  try {
    const body = JSON.parse(bodyText) as { errors?: Array<{ message?: unknown }> };
    const messages = (body.errors ?? []).map((e) => e.message).filter((m): m is string => typeof m === "string" && m.length > 0);
    if (messages.length > 0) return messages.join("; ");
  } catch {
    // Not JSON: fall through to the status.
  }
  if (status === 413) return "The file is larger than the server accepts.";
  return `The server answered ${status}.`;
}

/** Throws the RestError for a failed answer; 401 also signs the user out. */
export function failWith(status: number, bodyText: string): never {
  if (status === 401) signOut({ expired: true });
  throw new RestError(restErrorMessage(status, bodyText), status);
}

export const UNREACHABLE = "Cannot reach the Job Manager server.";
