"use client";
/**
 * Uploads the chosen files into the current folder, one after another, each with its own
 * progress bar; a refused file (name clash 409, bad name 400, too large 413) shows the
 * server's message on its line and the others go on.
 */
import { useId, useState } from "react";
import { nameFieldMessage } from "@/lib/fieldErrors";
import { uploadFile } from "@/lib/dataTransfer";
import { formatBytes } from "@/lib/format";

type Upload = { key: string; name: string; size: number; percent: number; state: "waiting" | "uploading" | "done" | "failed"; error?: string };

export function UploadFiles({ parentId, onUploaded }: { parentId: string; onUploaded: () => void }) {
  const id = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const busy = uploads.some((u) => u.state === "waiting" || u.state === "uploading");

  const update = (key: string, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function start(files: File[]) {
    const batch = files.map((file, i) => ({ file, upload: { key: `${Date.now()}-${i}-${file.name}`, name: file.name, size: file.size, percent: 0, state: "waiting" as const } }));
    setUploads(batch.map((b) => b.upload));
    for (const { file, upload } of batch) {
      update(upload.key, { state: "uploading" });
      try {
        await uploadFile(parentId, file, (fraction) => update(upload.key, { percent: Math.round(fraction * 100) }));
        update(upload.key, { state: "done", percent: 100 });
        onUploaded();
      } catch (error) {
        update(upload.key, { state: "failed", error: nameFieldMessage(error as Error) });
      }
    }
  }

  return (
    <div className="data-tool">
      <div className="field">
        <label htmlFor={`${id}-files`}>Upload files</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          disabled={busy}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = ""; // the same file can be chosen again
            if (files.length > 0) void start(files);
          }}
        />
        <p className="hint" id={`${id}-hint`}>
          Files keep their names; a name already in this folder is refused.
        </p>
      </div>
      {uploads.length > 0 ? (
        <ul className="uploads" aria-label="Uploads">
          {uploads.map((upload) => (
            <li key={upload.key} className="upload" data-testid={`upload-${upload.name}`} data-state={upload.state}>
              <span className="upload-name">
                {upload.name} <span className="upload-size">({formatBytes(upload.size)})</span>
              </span>
              <progress max={100} value={upload.percent} aria-label={`Upload of ${upload.name}`} data-testid={`upload-progress-${upload.name}`} />
              <span className="upload-percent" aria-live="polite">
                {upload.state === "failed" ? "Failed" : upload.state === "done" ? "100 % — uploaded" : `${upload.percent} %`}
              </span>
              {upload.error ? (
                <p className="field-error" role="alert" data-testid={`upload-error-${upload.name}`}>
                  {upload.error}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
