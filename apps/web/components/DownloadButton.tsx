"use client";
/**
 * Downloads a Data Exchange file with the signed-in token (lib/authorizedFetch.ts): a plain link
 * would carry no token. Used by the Data page and the job detail's output files.
 */
import { useState } from "react";
import { downloadFile } from "@/lib/authorizedFetch";

export function DownloadButton({ path, fileName, label, className }: { path: string; fileName: string; label?: string; className?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="download">
      <button
        type="button"
        className={className ?? "button button-small"}
        aria-label={`Download ${fileName}`}
        disabled={busy}
        aria-busy={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await downloadFile(path, fileName);
          } catch (e) {
            setError((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        {label ?? (busy ? "Downloading…" : "Download")}
      </button>
      {error ? (
        <span className="field-error" role="alert" data-testid={`download-error-${fileName}`}>
          {error}
        </span>
      ) : null}
    </span>
  );
}
