/**
 * Turning urql's CombinedError into something a person can read, and recognising the
 * server's "your token is not valid" answer.
 */
import type { CombinedError } from "urql";

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
