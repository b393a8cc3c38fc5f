"use client";
/**
 * A token's secret right after it was created: shown this once, with a Copy button (Clipboard
 * API). It lives only in the settings page's state, so leaving or reloading the page drops it.
 */
import { useState } from "react";
import type { NewApiToken } from "@/lib/accountOperations";

export function NewTokenSecret({ token, onDismiss }: { token: NewApiToken; onDismiss: () => void }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(token.secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <div className="new-secret" role="region" aria-labelledby="new-secret-heading" data-testid="new-token-secret">
      <h3 id="new-secret-heading">Token “{token.name}” created</h3>
      <p>
        <strong>Copy the token now: you will not see it again.</strong> Only its prefix is kept on the list below.
      </p>
      <div className="secret-row">
        <code className="secret" data-testid="new-token-value">
          {token.secret}
        </code>
        <button type="button" className="button button-primary" onClick={copySecret}>
          Copy
        </button>
      </div>
      <p role="status" className={copy === "failed" ? "field-error" : "success"}>
        {copy === "copied" ? "Copied to the clipboard." : copy === "failed" ? "Copying failed: select the token and copy it by hand." : ""}
      </p>
      <button type="button" className="button button-small" onClick={onDismiss}>
        Done, hide the token
      </button>
    </div>
  );
}
