"use client";
/**
 * One model: its facts, its versions (add by upload, download, delete all but the only one),
 * a read-only preview of the chosen version's paragraphs, and deleting the model (the server
 * refuses while jobs use it; its message shows here).
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useMutation, useQuery } from "urql";
import { errorMessage, hasErrorCode, NOT_FOUND_CODE } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { DELETE_MODEL_MUTATION, MODEL_DETAIL_QUERY, versionLabel } from "@/lib/graphql-models";
import { useReconnect } from "@/lib/useReconnect";
import { AddVersionForm } from "./AddVersionForm";
import { ConfirmButton } from "./ConfirmButton";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";
import { ModelVersionsTable } from "./ModelVersionsTable";
import { NotebookPreview } from "./NotebookPreview";

export function ModelDetail({ id }: { id: string }) {
  const router = useRouter();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MODEL_DETAIL_QUERY, variables: { id }, requestPolicy: "network-only" });
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  useReconnect(reload);
  const [{ fetching: deleting }, deleteModel] = useMutation(DELETE_MODEL_MUTATION);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [chosenVersionId, setChosenVersionId] = useState<string | null>(null);

  const model = data?.model && data.model.id === id ? data.model : null;
  if (!model) {
    if (error && hasErrorCode(error, NOT_FOUND_CODE)) {
      return (
        <>
          <h1>Model</h1>
          <ErrorMessage title="Model not found." testId="model-error">
            There is no model with id <code>{id}</code>. <Link href="/models">Back to models</Link>
          </ErrorMessage>
        </>
      );
    }
    if (error) {
      return (
        <>
          <h1>Model</h1>
          <ErrorMessage title="Could not load the model." testId="model-error" onRetry={reload}>
            {errorMessage(error)}
          </ErrorMessage>
        </>
      );
    }
    return <Loading label="Loading model…" />;
  }

  // The preview follows the newest version unless the user picked another that still exists.
  const previewed = model.versions.find((v) => v.id === chosenVersionId) ?? model.versions[0] ?? null;

  async function onDelete() {
    setDeleteError(null);
    const result = await deleteModel({ id });
    if (result.error) return setDeleteError(errorMessage(result.error));
    router.push("/models");
  }

  return (
    <>
      <h1>{model.name}</h1>
      <section className="card" aria-labelledby="model-summary-heading">
        <h2 id="model-summary-heading">Summary</h2>
        <dl className="facts">
          <div>
            <dt>Type</dt>
            <dd>{model.type}</dd>
          </div>
          <div>
            <dt>Author</dt>
            <dd>{model.author}</dd>
          </div>
          <div>
            <dt>Latest version</dt>
            <dd data-testid="model-latest-version">{model.lastVersion ? versionLabel(model.lastVersion.number) : "—"}</dd>
          </div>
          <div>
            <dt>Last modified</dt>
            <dd>
              <time dateTime={model.modifiedDate}>{formatDateTime(model.modifiedDate)}</time>
            </dd>
          </div>
          <div className="facts-wide">
            <dt>Description</dt>
            <dd>{model.description || "—"}</dd>
          </div>
        </dl>
        <div className="job-actions">
          <ConfirmButton label="Delete model" confirmLabel="Confirm delete" busy={deleting} onConfirm={onDelete} />
        </div>
        {deleteError ? (
          <ErrorMessage title="The model was not deleted." testId="delete-model-error">
            {deleteError}
          </ErrorMessage>
        ) : null}
      </section>
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        <ModelVersionsTable modelId={id} versions={model.versions} previewedId={previewed?.id ?? null} onPreview={setChosenVersionId} onChanged={reload} />
        <AddVersionForm modelId={id} onAdded={() => {
            setChosenVersionId(null);
            reload();
          }} />
      </section>
      <section className="card" aria-labelledby="preview-heading">
        <h2 id="preview-heading">
          Preview{previewed ? ` of version ${versionLabel(previewed.number)}` : ""}
        </h2>
        <p className="hint">Read only: nothing runs here. Markdown is shown rendered, every other paragraph as its text.</p>
        {previewed ? <NotebookPreview key={previewed.id} modelId={id} versionId={previewed.id} /> : <p className="empty">No version.</p>}
      </section>
      {fetching ? <span className="visually-hidden" role="status">Refreshing…</span> : null}
    </>
  );
}
