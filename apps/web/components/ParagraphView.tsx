/** One executed paragraph: title, interpreter, status, duration, results and error. */
import { formatDuration } from "@/lib/format";
import type { ParagraphRun } from "@/lib/graphql";
import { parseDisplay } from "@/lib/liveOutput";
import { ParagraphResultView } from "./ParagraphResultView";
import { StatusBadge } from "./StatusBadge";

/** Zeppelin writes interpreters as `%python`; show them that way whatever the server sends. */
function interpreterLabel(interpreter: string): string {
  return interpreter.startsWith("%") ? interpreter : `%${interpreter}`;
}

export function ParagraphView({ paragraph, position, live }: { paragraph: ParagraphRun; position: number; live?: string }) {
  // While a paragraph runs its results are not stored yet: show the live stream instead.
  const liveResults = paragraph.results.length === 0 && live ? parseDisplay(live) : [];
  const title = paragraph.title?.trim() || `Paragraph ${position}`;
  const headingId = `paragraph-${paragraph.index}-title`;
  const duration =
    paragraph.durationMs !== null ? formatDuration(paragraph.durationMs) : paragraph.status === "RUNNING" ? "running…" : "—";

  return (
    <section className="paragraph" data-testid={`paragraph-${paragraph.index}`} aria-labelledby={headingId}>
      <header className="paragraph-head">
        <h3 id={headingId}>{title}</h3>
        <dl className="paragraph-meta">
          <div>
            <dt>Interpreter</dt>
            <dd>
              {paragraph.interpreter ? <code>{interpreterLabel(paragraph.interpreter)}</code> : "—"}
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={paragraph.status} testId={`paragraph-status-${paragraph.index}`} />
            </dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{duration}</dd>
          </div>
        </dl>
      </header>
      {paragraph.results.map((result, i) => (
        <ParagraphResultView
          key={i}
          result={result}
          label={`${title}, result ${i + 1}${paragraph.results.length > 1 ? ` of ${paragraph.results.length}` : ""}`}
        />
      ))}
      {liveResults.length > 0 ? (
        <div className="live-output" data-testid={`paragraph-live-${paragraph.index}`} aria-live="polite" aria-label={`${title}, live output`}>
          {liveResults.map((result, i) => (
            <ParagraphResultView key={i} result={result} label={`${title}, live output ${i + 1}`} />
          ))}
        </div>
      ) : null}
      {paragraph.error ? (
        <pre className="result result-error" data-testid={`paragraph-error-${paragraph.index}`}>
          {paragraph.error}
        </pre>
      ) : null}
      {paragraph.results.length === 0 && liveResults.length === 0 && !paragraph.error ? (
        <p className="empty">{paragraph.status === "RUNNING" || paragraph.status === "PENDING" ? "No output yet." : "No output."}</p>
      ) : null}
    </section>
  );
}
