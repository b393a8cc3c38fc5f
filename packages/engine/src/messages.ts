/**
 * Job messages in the v3 style: a chain of messages, outermost first, each cause in brackets,
 * e.g. `Failed to start environment [disk full]`.
 */
export function chain(message: string, cause: unknown): string {
  return `${message} [${describe(cause)}]`;
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The line of a traceback that says what went wrong (its last non-empty line). */
export function lastLine(text: string): string {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.at(-1) ?? text;
}
