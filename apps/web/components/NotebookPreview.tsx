"use client";
/**
 * A read-only preview of a model version's paragraphs: title, interpreter and text. Markdown
 * is rendered and sanitised (lib/markdown.ts); everything else, %html included, shows as its
 * source text. Nothing here runs or injects notebook code.
 */
import { useQuery } from "urql";
import { errorMessage } from "@/lib/errors";
import { MODEL_VERSION_PREVIEW_QUERY, type NotebookParagraph } from "@/lib/graphql-models";
import { renderMarkdown } from "@/lib/markdown";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";

function PreviewParagraph({ paragraph }: { paragraph: NotebookParagraph }) {
  const title = paragraph.title?.trim() || `Paragraph ${paragraph.index + 1}`;
  const headingId = `preview-${paragraph.index}-title`;
  const markdown = paragraph.interpreter === "md";
  return (
    <section className="paragraph" data-testid={`preview-paragraph-${paragraph.index}`} aria-labelledby={headingId}>
      <header className="paragraph-head">
        <h3 id={headingId}>{title}</h3>
        <dl className="paragraph-meta">
          <div>
            <dt>Interpreter</dt>
            <dd>
              <code>%{paragraph.interpreter}</code>
            </dd>
          </div>
          {paragraph.enabled ? null : (
            <div>
              <dt>Run</dt>
              <dd>disabled</dd>
            </div>
          )}
        </dl>
      </header>
      {markdown ? (
        <>
          <div className="result result-html" data-testid={`preview-markdown-${paragraph.index}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(paragraph.code) }} />
          <details className="preview-source">
            <summary>Markdown source</summary>
            <pre className="result result-text">{paragraph.text}</pre>
          </details>
        </>
      ) : (
        <pre className="result result-text" data-testid={`preview-text-${paragraph.index}`}>
          {paragraph.text}
        </pre>
      )}
    </section>
  );
}

export function NotebookPreview({ modelId, versionId }: { modelId: string; versionId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MODEL_VERSION_PREVIEW_QUERY, variables: { modelId, versionId }, requestPolicy: "network-only" });
  if (error) {
    return (
      <ErrorMessage title="Could not load the preview." onRetry={() => refetch({ requestPolicy: "network-only" })}>
        {errorMessage(error)}
      </ErrorMessage>
    );
  }
  if (fetching || !data) return <Loading label="Loading the notebook…" />;
  const { paragraphs } = data.modelVersion;
  if (paragraphs.length === 0) return <p className="empty">This notebook has no paragraphs.</p>;
  return (
    <div className="paragraphs" data-testid="notebook-preview">
      {paragraphs.map((paragraph) => (
        <PreviewParagraph key={paragraph.index} paragraph={paragraph} />
      ))}
    </div>
  );
}
