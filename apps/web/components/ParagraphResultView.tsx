/**
 * One paragraph result by type: TEXT in <pre>, HTML as markup (the server sanitises it
 * before it is stored, and DOMPurify again here), TABLE as a table, IMG as an image (data:
 * URLs only). Unknown types show as text.
 */
import type { ParagraphResult } from "@/lib/graphql";
import { imageSource } from "@/lib/resultData";
import { sanitizeHtml } from "@/lib/sanitize";
import { ResultTable } from "./ResultTable";

export function ParagraphResultView({ result, label }: { result: ParagraphResult; label: string }) {
  switch (result.type.toUpperCase()) {
    case "HTML":
      return <div className="result result-html" dangerouslySetInnerHTML={{ __html: sanitizeHtml(result.data) }} />;
    case "TABLE":
      return (
        <div className="result result-table-wrap">
          <ResultTable data={result.data} label={label} />
        </div>
      );
    case "IMG":
      // A data: URL, so next/image (which wants a loader) brings nothing here.
      // eslint-disable-next-line @next/next/no-img-element
      return <img className="result result-img" src={imageSource(result.data)} alt={label} />;
    default:
      return <pre className="result result-text">{result.data}</pre>;
  }
}
