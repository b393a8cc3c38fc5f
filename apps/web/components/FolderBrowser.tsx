"use client";
/**
 * One folder's contents: new folder and upload controls, then folders first and files, a page
 * at a time. Every change (create, upload, rename, move, delete) fetches the page again.
 */
import { useCallback, useState } from "react";
import { useQuery } from "urql";
import { FOLDER_CONTENTS_QUERY } from "@/lib/dataExchangeOperations";
import { errorMessage } from "@/lib/errors";
import { useReconnect } from "@/lib/useReconnect";
import { DataItemRow } from "./DataItemRow";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";
import { NewFolderForm } from "./NewFolderForm";
import { UploadFiles } from "./UploadFiles";

/** Rows per page; a larger folder pages. */
export const FOLDER_PAGE_SIZE = 50;

export function FolderBrowser({ folderId, onRenamed }: { folderId: string; onRenamed: () => void }) {
  const [pageNumber, setPageNumber] = useState(0);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FOLDER_CONTENTS_QUERY,
    variables: { id: folderId, pageNumber, pageSize: FOLDER_PAGE_SIZE },
    requestPolicy: "network-only",
  });
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  useReconnect(reload);

  const contents = data?.folderContents;
  const total = contents?.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / FOLDER_PAGE_SIZE));
  // A delete can empty the last page: step back to the one that still has rows.
  if (contents && pageNumber > 0 && pageNumber >= pages) setPageNumber(pages - 1);
  const empty = contents && contents.folders.length === 0 && contents.files.length === 0;

  return (
    <>
      <section className="card data-tools" aria-label="Add to this folder">
        <NewFolderForm parentId={folderId} onCreated={reload} />
        <UploadFiles parentId={folderId} onUploaded={reload} />
      </section>
      <section className="card" aria-labelledby="contents-heading">
        <div className="section-head">
          <h2 id="contents-heading">Contents</h2>
          <button type="button" className="button button-small" onClick={reload} disabled={fetching}>
            Refresh
          </button>
        </div>
        {error ? (
          <ErrorMessage title="Could not list the folder." testId="contents-error" onRetry={reload}>
            {errorMessage(error)}
          </ErrorMessage>
        ) : null}
        {fetching && !contents ? <Loading label="Loading folder…" /> : null}
        {empty ? (
          <p className="empty" data-testid="folder-empty">
            This folder is empty.
          </p>
        ) : null}
        {contents && !empty ? (
          <div className="table-scroll">
            <table className="data-table data-listing" data-testid="folder-contents">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="col-size">Size</th>
                  <th scope="col" className="col-modified">Modified</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {contents.folders.map((folder) => (
                  <DataItemRow key={folder.id} item={{ kind: "folder", ...folder }} currentFolderId={folderId} onChanged={reload} onRenamed={onRenamed} />
                ))}
                {contents.files.map((file) => (
                  <DataItemRow key={file.id} item={{ kind: "file", ...file }} currentFolderId={folderId} onChanged={reload} onRenamed={onRenamed} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {contents && total > FOLDER_PAGE_SIZE ? (
          <nav className="pager" aria-label="Pages of this folder">
            <button type="button" className="button button-small" disabled={pageNumber === 0 || fetching} onClick={() => setPageNumber(pageNumber - 1)}>
              Previous page
            </button>
            <span data-testid="page-status">
              Page {pageNumber + 1} of {pages} ({total} items)
            </span>
            <button type="button" className="button button-small" disabled={pageNumber + 1 >= pages || fetching} onClick={() => setPageNumber(pageNumber + 1)}>
              Next page
            </button>
          </nav>
        ) : contents && !empty ? (
          <p className="table-foot">{total === 1 ? "1 item" : `${total} items`}</p>
        ) : null}
      </section>
    </>
  );
}
