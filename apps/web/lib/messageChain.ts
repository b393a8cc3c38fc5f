/**
 * v3 job messages are chains, outermost first, each cause in brackets:
 * `Failed to run paragraph 2 [NameError: x [traceback]] more`. This splits one into lines
 * with their depth (0 = the outer message), so the UI can show "caused by" steps.
 * Unbalanced brackets are kept as text.
 */
export type MessageLine = { depth: number; text: string };

export function splitMessageChain(message: string): MessageLine[] {
  const lines: MessageLine[] = [];
  // Only treat brackets as a chain when they balance; otherwise show the message as is.
  let balance = 0;
  for (const char of message) {
    if (char === "[") balance++;
    else if (char === "]" && --balance < 0) break;
  }
  if (balance !== 0) return message.trim() ? [{ depth: 0, text: message.trim() }] : [];

  let depth = 0;
  let current = "";
  const flush = () => {
    const text = current.trim();
    if (text) lines.push({ depth, text });
    current = "";
  };
  for (const char of message) {
    if (char === "[") {
      flush();
      depth++;
    } else if (char === "]") {
      flush();
      depth--;
    } else {
      current += char;
    }
  }
  flush();
  return lines;
}
