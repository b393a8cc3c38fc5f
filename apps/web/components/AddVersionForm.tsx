"use client";
/** Upload the next version of a model (2.0, 3.0, …); the server parses the notebook at once. */
import { useState, type FormEvent } from "react";
import { uploadModelVersion } from "@/lib/modelFiles";
import { versionLabel } from "@/lib/graphql-models";
import { Loading } from "./Loading";
import { NotebookDropZone } from "./NotebookDropZone";

export function AddVersionForm({ modelId, onAdded }: { modelId: string; onAdded: (number: number) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [added, setAdded] = useState<number | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    if (!file) return setError("Drop or choose a notebook file.");
    setError(null);
    setUploading(true);
    try {
      const number = await uploadModelVersion(modelId, file);
      setFile(null);
      setAdded(number);
      onAdded(number);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setUploading(false);
    }
  }

  return (
    <form className="add-version" onSubmit={onSubmit} noValidate aria-label="Add a version">
      <h3>Add a version</h3>
      <NotebookDropZone label="New version file" file={file} onFile={(chosen) => {
          setFile(chosen);
          setError(null);
        }} error={error} disabled={uploading} testId="version-drop-zone" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={uploading} aria-busy={uploading}>
          Upload version
        </button>
        {uploading ? <Loading label="Uploading…" /> : null}
        {added !== null ? (
          <p className="success" role="status">
            Version {versionLabel(added)} added.
          </p>
        ) : null}
      </div>
    </form>
  );
}
