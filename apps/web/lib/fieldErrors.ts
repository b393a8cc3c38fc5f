/**
 * The server names the offending field in its validation messages
 * ("Invalid input: maximumExecutionTimeInSeconds: must be at least 1." or
 * "Folder 'x' was not found."). This maps such a message onto form fields, pure, so each
 * error shows next to its field; what maps to no field stays a form-level message.
 */
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
