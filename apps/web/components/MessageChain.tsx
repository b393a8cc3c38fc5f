/** A v3 message chain as readable lines: the outer message, then each cause indented. */
import { splitMessageChain } from "@/lib/messageChain";

export function MessageChain({ message, testId }: { message: string; testId?: string }) {
  const lines = splitMessageChain(message);
  if (lines.length === 0) return <span data-testid={testId}>—</span>;
  if (lines.length === 1) return <span data-testid={testId}>{lines[0]!.text}</span>;
  return (
    <ol className="message-chain" data-testid={testId} aria-label="Message and its causes">
      {lines.map((line, i) => (
        <li key={i} style={{ marginInlineStart: `${Math.min(line.depth, 6) * 1.1}rem` }}>
          {line.depth > 0 ? <span className="hint">caused by: </span> : null}
          {line.text}
        </li>
      ))}
    </ol>
  );
}
