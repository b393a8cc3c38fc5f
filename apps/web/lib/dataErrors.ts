/**
 * Messages for a name typed into the Data page: the server's own sentence, without the
 * "Invalid input: name:" prefix and the folder id, so it reads well next to the field (a 409 name clash or a
 * 400 bad name alike).
 */
import type { CombinedError } from "urql";
import { errorMessage } from "./errors";

export function nameFieldMessage(error: CombinedError | Error): string {
  const text = "graphQLErrors" in error ? errorMessage(error) : error.message;
  return text
    .replace(/^Invalid input:\s*/, "")
    .replace(/^name:\s*/, "")
    .replace(/ in folder '[^']*'/, " in that folder") // the folder's id says nothing to a person
    .replace(/^./, (c) => c.toUpperCase());
}
