/**
 * The server's errors made readable, over both transports: urql's CombinedError (GraphQL,
 * with the server's `extensions.code`) and the REST routes' `{errors:[{code,message,logref}]}`
 * bodies (RestError, with the HTTP status); and recognising "your token is not valid".
 * Placing a message next to the form field it names is fieldErrors.ts.
 */
import type { CombinedError } from "urql";
import { signOut } from "./auth";

export const UNAUTHORIZED_CODE = "jobmanager.unauthorized";
export const NOT_FOUND_CODE = "jobmanager.notFound";

export function hasErrorCode(error: CombinedError | undefined, code: string): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === code);
}

export function isUnauthorized(error: CombinedError | undefined): boolean {
  if (!error) return false;
  if (hasErrorCode(error, UNAUTHORIZED_CODE)) return true;
  const status = (error.response as { status?: number } | undefined)?.status;
  return status === 401;
}

/** The server's own messages, without urql's "[GraphQL]" / "[Network]" prefixes. */
export function errorMessage(error: CombinedError): string {
  if (error.graphQLErrors.length > 0) {
    return error.graphQLErrors.map((e) => e.message).join("; ");
  }
  if (error.networkError) {
    const detail = error.networkError.message;
    return `Cannot reach the Job Manager server${detail ? ` (${detail})` : ""}.`;
  }
  return error.message;
}

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
