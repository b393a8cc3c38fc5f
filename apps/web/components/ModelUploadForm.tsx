"use client";
/**
 * Upload a notebook as a new model (version 1.0): a name, a description and the file, dropped
 * or chosen. The notebook goes over REST multipart as it is; the server parses it at once and
 * an invalid one is refused with a message shown under the drop zone.
 */
import { useId, useState, type FormEvent } from "react";
import { mapUploadError, type UploadField } from "@/lib/fieldErrors";
import { uploadModel } from "@/lib/modelFiles";
import { ErrorMessage } from "./ErrorMessage";
import { FieldError } from "./FieldError";
import { Loading } from "./Loading";
import { NotebookDropZone } from "./NotebookDropZone";

/** "sales report.zpln" → "sales report": a name to start from. */
function nameFromFile(fileName: string): string {
  return fileName.replace(/\.(zpln|json|ipynb)$/i, "").replace(/^note$/i, "");
}

export function ModelUploadForm({ onUploaded }: { onUploaded: (id: string, name: string) => void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Partial<Record<UploadField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  function clear(field: UploadField) {
    setErrors((prev) => {
      if (!prev[field]) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: Partial<Record<UploadField, string>> = {};
    if (!name.trim()) missing.name = "Enter a name.";
    if (!file) missing.file = "Drop or choose a notebook file.";
    setErrors(missing);
    setFormError(null);
    if (!file || Object.keys(missing).length > 0) return;
    setUploading(true);
    try {
      const modelId = await uploadModel(file, { name: name.trim(), description });
      onUploaded(modelId, name.trim());
      setName("");
      setDescription("");
      setFile(null);
    } catch (error) {
      const mapped = mapUploadError((error as Error).message);
      setErrors(mapped.fields);
      setFormError(mapped.rest);
    } finally {
      setUploading(false);
    }
  }

  const invalid = (field: UploadField) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Upload a notebook</h2>
      <form onSubmit={onSubmit} noValidate>
        <NotebookDropZone
          label="Notebook file"
          file={file}
          disabled={uploading}
          error={errors.file}
          onFile={(chosen) => {
            setFile(chosen);
            clear("file");
            if (chosen && !name.trim()) setName(nameFromFile(chosen.name));
          }}
        />
        <div className="form-grid upload-fields">
          <div className="field">
            <label htmlFor={`${id}-name`}>Model name</label>
            <input id={`${id}-name`} name="name" value={name} maxLength={256} required onChange={(e) => {
                setName(e.target.value);
                clear("name");
              }} {...invalid("name")} />
            <FieldError id={`${id}-name-error`} testId="field-error-name">
              {errors.name}
            </FieldError>
          </div>
          <div className="field field-wide">
            <label htmlFor={`${id}-description`}>Description</label>
            <textarea id={`${id}-description`} name="description" rows={2} maxLength={4096} value={description} onChange={(e) => {
                setDescription(e.target.value);
                clear("description");
              }} {...invalid("description")} />
            <FieldError id={`${id}-description-error`} testId="field-error-description">
              {errors.description}
            </FieldError>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={uploading} aria-busy={uploading}>
            Upload model
          </button>
          {uploading ? <Loading label="Uploading…" /> : null}
        </div>
        {formError ? (
          <ErrorMessage title="The model was not created." testId="upload-model-error">
            {formError}
          </ErrorMessage>
        ) : null}
      </form>
    </section>
  );
}
