"use client";
/** A model's versions, newest first, each with preview, download and (unless it is the only one) delete. */
import { useState } from "react";
import { useMutation } from "urql";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { DELETE_MODEL_VERSION_MUTATION, versionLabel, type ModelVersion } from "@/lib/graphql-models";
import { downloadModelVersion } from "@/lib/modelFiles";
import { ConfirmButton } from "./ConfirmButton";
import { ErrorMessage } from "./ErrorMessage";

function VersionRow({
  modelId,
  version,
  only,
  previewed,
  onPreview,
  onChanged,
  onError,
}: {
  modelId: string;
  version: ModelVersion;
  only: boolean;
  previewed: boolean;
  onPreview: () => void;
  onChanged: () => void;
  onError: (message: string | null) => void;
}) {
  const label = versionLabel(version.number);
  const [{ fetching: deleting }, deleteVersion] = useMutation(DELETE_MODEL_VERSION_MUTATION);
  const [downloading, setDownloading] = useState(false);

  async function onDownload() {
    onError(null);
    setDownloading(true);
    try {
      await downloadModelVersion(modelId, version.id, version.fileName);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setDownloading(false);
    }
  }

  async function onDelete() {
    onError(null);
    const result = await deleteVersion({ modelId, versionId: version.id });
    if (result.error) onError(errorMessage(result.error));
    onChanged();
  }

  return (
    <tr data-testid={`version-row-${label}`} aria-current={previewed ? "true" : undefined}>
      <th scope="row" data-label="Version">
        {label}
      </th>
      <td data-label="File">
        <code>{version.fileName}</code> <span className="cell-note">{version.format}</span>
      </td>
      <td data-label="Size">{version.sizeInBytes.toLocaleString()} bytes</td>
      <td data-label="Created">
        <time dateTime={version.creationDate}>{formatDateTime(version.creationDate)}</time>
      </td>
      <td data-label="Actions">
        <div className="row-actions">
          <button type="button" className="button button-small" onClick={onPreview} aria-pressed={previewed} aria-label={`Preview version ${label}`}>
            Preview
          </button>
          <button type="button" className="button button-small" onClick={onDownload} disabled={downloading} aria-label={`Download version ${label}`}>
            Download
          </button>
          {only ? null : (
            <ConfirmButton
              small
              label="Delete"
              ariaLabel={`Delete version ${label}`}
              confirmLabel="Confirm delete"
              confirmAriaLabel={`Confirm delete version ${label}`}
              busy={deleting}
              onConfirm={onDelete}
            />
          )}
        </div>
      </td>
    </tr>
  );
}

export function ModelVersionsTable({
  modelId,
  versions,
  previewedId,
  onPreview,
  onChanged,
}: {
  modelId: string;
  versions: readonly ModelVersion[];
  previewedId: string | null;
  onPreview: (versionId: string) => void;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <div className="table-scroll">
        <table className="data-table catalog-table" aria-label="Versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <VersionRow
                key={version.id}
                modelId={modelId}
                version={version}
                only={versions.length === 1}
                previewed={version.id === previewedId}
                onPreview={() => onPreview(version.id)}
                onChanged={onChanged}
                onError={setError}
              />
            ))}
          </tbody>
        </table>
      </div>
      {versions.length === 1 ? <p className="hint">The only version cannot be deleted; delete the model instead.</p> : null}
      {error ? (
        <ErrorMessage title="The action failed." testId="version-error">
          {error}
        </ErrorMessage>
      ) : null}
    </>
  );
}
