/**
 * Client-side HTML sanitising of notebook output (the server sanitises too; this is the
 * second wall). DOMPurify needs a DOM, so on the server (static export) nothing is rendered.
 * What must stay true: no notebook HTML reaches innerHTML without passing through here.
 */
import DOMPurify from "dompurify";

export function sanitizeHtml(html: string): string {
  if (typeof window === "undefined") return "";
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ["script", "style", "iframe", "object", "embed", "form", "base", "meta", "link"],
    FORBID_ATTR: ["style", "srcset", "formaction"],
  });
}
