"use client";
/** The /models page: the upload form, then the tenant's models with their latest version. */
import Link from "next/link";
import { useCallback, useState } from "react";
import { useQuery } from "urql";
import { formatDateTime } from "@/lib/format";
import { MODEL_LIST_QUERY, versionLabel } from "@/lib/graphql-models";
import { useReconnect } from "@/lib/useReconnect";
import { ListCard } from "./ListCard";
import { ModelUploadForm } from "./ModelUploadForm";

export function ModelsView() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MODEL_LIST_QUERY, requestPolicy: "network-only" });
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  useReconnect(reload);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const models = data?.models ?? [];

  return (
    <>
      <h1>Models</h1>
      <ModelUploadForm
        onUploaded={(id, name) => {
          setCreated({ id, name });
          reload();
        }}
      />
      {created ? (
        <p className="success" role="status" data-testid="model-created">
          Model “{created.name}” created.{" "}
          <Link href={`/models/detail?id=${encodeURIComponent(created.id)}`} prefetch={false}>
            Open it
          </Link>
        </p>
      ) : null}
      <ListCard heading="All models" loaded={Boolean(data)} fetching={fetching} error={error} onRefresh={reload}
        errorTitle="Could not load models." errorTestId="models-error" loadingLabel="Loading models…">
        {data ? (
          models.length === 0 ? (
            <p className="empty">No models yet: upload a notebook above.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table catalog-table" aria-label="Models">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Type</th>
                    <th scope="col">Latest version</th>
                    <th scope="col">Last modified</th>
                  </tr>
                </thead>
                <tbody>
                  {models.map((model) => (
                    <tr key={model.id} data-testid={`model-row-${model.id}`}>
                      <td data-label="Name">
                        <Link href={`/models/detail?id=${encodeURIComponent(model.id)}`} prefetch={false}>
                          {model.name}
                        </Link>
                        {model.description ? <span className="cell-note">{model.description}</span> : null}
                      </td>
                      <td data-label="Type">{model.type}</td>
                      <td data-label="Latest version">{model.lastVersion ? versionLabel(model.lastVersion.number) : "—"}</td>
                      <td data-label="Last modified">
                        <time dateTime={model.modifiedDate}>{formatDateTime(model.modifiedDate)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : null}
      </ListCard>
    </>
  );
}
