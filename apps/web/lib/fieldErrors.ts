/**
 * The server names the offending field in its validation messages
 * ("Invalid input: maximumExecutionTimeInSeconds: must be at least 1." or
 * "Folder 'x' was not found."). This maps such a message onto form fields, pure, so each
 * error shows next to its field; what maps to no field stays a form-level message.
 */
import type { CombinedError } from "urql";
import { errorMessage } from "./errors";
export type FieldErrors<F extends string> = { fields: Partial<Record<F, string>>; rest: string | null };

export function mapFieldErrors<F extends string>(
  message: string,
  fields: readonly F[],
  /** Extra rules: e.g. "Model '<id>' was not found." → modelId. */
  notFound: Partial<Record<F, { kind: string; id: string }>> = {},
): FieldErrors<F> {
  const result: Partial<Record<F, string>> = {};
  const body = message.replace(/^Invalid input:\s*/, "").replace(/\.$/, "");
  const rest: string[] = [];
  for (const part of body.split(/;\s*/)) {
    const named = fields.find((field) => part.startsWith(`${field}:`) || part.startsWith(`${field} `));
    if (named) {
      const text = part.startsWith(`${named}:`) ? part.slice(named.length + 1).trim() : part;
      result[named] = result[named] ? `${result[named]}; ${text}` : text;
      continue;
    }
    const missing = (Object.entries(notFound) as [F, { kind: string; id: string }][]).find(
      ([, rule]) => rule.id && part.startsWith(`${rule.kind} '${rule.id}' was not found`),
    );
    if (missing) {
      result[missing[0]] = part.endsWith(".") ? part : `${part}.`;
      continue;
    }
    if (part.trim()) rest.push(part);
  }
  return { fields: result, rest: rest.length > 0 ? `${rest.join("; ")}.` : null };
}

export type UploadField = "file" | "name" | "description";

/**
 * Where a model upload's error belongs: the notebook's own problems (the server parses it at
 * once) go under the drop zone, metadata problems under their fields, the rest above the form.
 */
export function mapUploadError(message: string): FieldErrors<UploadField> {
  if (/^Invalid notebook:|no 'file' part|larger than the limit/i.test(message)) return { fields: { file: message }, rest: null };
  return mapFieldErrors<UploadField>(message, ["name", "description"]);
}

/**
 * A name typed into the Data page: the server's own sentence, without the "Invalid input:
 * name:" prefix and the folder id, so it reads well next to the field (a 409 name clash or a
 * 400 bad name alike).
 */
export function nameFieldMessage(error: CombinedError | Error): string {
  const text = "graphQLErrors" in error ? errorMessage(error) : error.message;
  return text
    .replace(/^Invalid input:\s*/, "")
    .replace(/^name:\s*/, "")
    .replace(/ in folder '[^']*'/, " in that folder") // the folder's id says nothing to a person
    .replace(/^./, (c) => c.toUpperCase());
}
