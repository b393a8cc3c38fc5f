"use client";
/**
 * One folder's contents: new folder and upload controls, then folders first and files, a page
 * at a time (cursor paging). Every change (create, upload, rename, move, delete) fetches the
 * page again.
 */
import { useCallback, useState } from "react";
import { useQuery } from "urql";
import { FOLDER_PAGE_QUERY } from "@/lib/dataExchangeOperations";
import { useReconnect } from "@/lib/useReconnect";
import { DataItemRow } from "./DataItemRow";
import { ListCard } from "./ListCard";
import { NewFolderForm } from "./NewFolderForm";
import { UploadFiles } from "./UploadFiles";

/** Rows per page; a larger folder pages. */
export const FOLDER_PAGE_SIZE = 50;

export function FolderBrowser({ folderId, onRenamed }: { folderId: string; onRenamed: () => void }) {
  // Cursors of the pages before the current one; the current page starts after the last.
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const after = cursors.length > 0 ? cursors[cursors.length - 1]! : null;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FOLDER_PAGE_QUERY,
    variables: { id: folderId, first: FOLDER_PAGE_SIZE, after },
    requestPolicy: "network-only",
  });
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  useReconnect(reload);

  const contents = data?.folderConnection;
  const total = contents?.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / FOLDER_PAGE_SIZE));
  const pageNumber = cursors.length;
  const empty = contents && contents.folders.length === 0 && contents.files.length === 0;
  // A delete can empty a later page, or remove the item its cursor names: back to the first.
  if (pageNumber > 0 && (error || empty)) setCursors([]);

  return (
    <>
      <section className="card data-tools" aria-label="Add to this folder">
        <NewFolderForm parentId={folderId} onCreated={reload} />
        <UploadFiles parentId={folderId} onUploaded={reload} />
      </section>
      <ListCard heading="Contents" loaded={Boolean(contents)} fetching={fetching} error={error} onRefresh={reload}
        errorTitle="Could not list the folder." errorTestId="contents-error" loadingLabel="Loading folder…">
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
            <button type="button" className="button button-small" disabled={pageNumber === 0 || fetching} onClick={() => setCursors((prev) => prev.slice(0, -1))}>
              Previous page
            </button>
            <span data-testid="page-status">
              Page {pageNumber + 1} of {pages} ({total} items)
            </span>
            <button type="button" className="button button-small" disabled={!contents?.pageInfo.hasNextPage || fetching}
              onClick={() => { const end = contents?.pageInfo.endCursor; if (end) setCursors((prev) => [...prev, end]); }}>
              Next page
            </button>
          </nav>
        ) : contents && !empty ? (
          <p className="table-foot">{total === 1 ? "1 item" : `${total} items`}</p>
        ) : null}
      </ListCard>
    </>
  );
}
