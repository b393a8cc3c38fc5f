/** The job's paragraphs in notebook order. */
import type { ParagraphRun } from "@/lib/graphql";
import { ParagraphView } from "./ParagraphView";

export function ParagraphList({
  paragraphs,
  executing,
  live = {},
}: {
  paragraphs: readonly ParagraphRun[];
  executing: boolean;
  /** Live output text per paragraph index (jobOutput). */
  live?: Readonly<Record<number, string>>;
}) {
  if (paragraphs.length === 0) {
    return <p className="empty">{executing ? "No paragraph has run yet." : "This job ran no paragraphs."}</p>;
  }
  const ordered = [...paragraphs].sort((a, b) => a.index - b.index);
  return (
    <div className="paragraphs">
      {ordered.map((paragraph, i) => (
        <ParagraphView key={paragraph.paragraphId || paragraph.index} paragraph={paragraph} position={i + 1} live={live[paragraph.index]} />
      ))}
    </div>
  );
}
