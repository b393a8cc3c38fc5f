"use client";
/**
 * The /data page body: the two roots, the breadcrumbs and the browser of the folder named by
 * `?folder=` (the public root when absent), so every folder has an address to bookmark or share.
 */
import "./dataExchange.css";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { folderHref, PUBLIC_ROOT_ID, ROOTS } from "@/lib/dataExchangeOperations";
import { errorMessage, hasErrorCode, NOT_FOUND_CODE } from "@/lib/errors";
import { useFolderPath } from "@/lib/useFolderPath";
import { ErrorMessage } from "./ErrorMessage";
import { FolderBreadcrumbs } from "./FolderBreadcrumbs";
import { FolderBrowser } from "./FolderBrowser";

export function DataView() {
  const folderId = useSearchParams().get("folder")?.trim() || PUBLIC_ROOT_ID;
  // Bumped after a rename or move, so the breadcrumbs show the new names.
  const [version, setVersion] = useState(0);
  const path = useFolderPath(folderId, version);
  const rootId = path.rootId;

  return (
    <>
      <h1>Data</h1>
      <nav aria-label="Data roots" className="data-roots">
        {ROOTS.map((root) => (
          <Link key={root.id} href={folderHref(root.id)} className="data-root" aria-current={rootId === root.id ? (folderId === root.id ? "page" : "true") : undefined}>
            {root.name}
          </Link>
        ))}
      </nav>
      {path.error ? (
        hasErrorCode(path.error, NOT_FOUND_CODE) ? (
          <ErrorMessage title="Folder not found." testId="folder-error">
            There is no folder with id <code>{folderId}</code>. <Link href={folderHref(PUBLIC_ROOT_ID)}>Open the public root</Link>
          </ErrorMessage>
        ) : (
          <ErrorMessage title="Could not load the folder." testId="folder-error" onRetry={() => setVersion((v) => v + 1)}>
            {errorMessage(path.error)}
          </ErrorMessage>
        )
      ) : (
        <>
          <FolderBreadcrumbs path={path} folderId={folderId} />
          <FolderBrowser key={folderId} folderId={folderId} onRenamed={() => setVersion((v) => v + 1)} />
        </>
      )}
    </>
  );
}
