"use client";
/**
 * The chain of folders from a root down to `folderId`, for the breadcrumbs: each folder's
 * `parentId` is looked up in turn (folders are seldom deep). A root id gives an empty chain.
 */
import { useEffect, useState } from "react";
import { useClient, type CombinedError } from "urql";
import { DATA_FOLDER_QUERY, isRootId, type DataFolder } from "./dataExchangeOperations";

const MAX_DEPTH = 256;

export type FolderPath = { rootId: string | null; folders: DataFolder[]; error: CombinedError | null; loading: boolean };

export function useFolderPath(folderId: string, version: number): FolderPath {
  const client = useClient();
  const [state, setState] = useState<FolderPath>({ rootId: isRootId(folderId) ? folderId : null, folders: [], error: null, loading: !isRootId(folderId) });
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const chain: DataFolder[] = [];
      let current = folderId;
      while (!isRootId(current) && chain.length < MAX_DEPTH) {
        const result = await client.query(DATA_FOLDER_QUERY, { id: current }, { requestPolicy: "network-only" }).toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          setState({ rootId: null, folders: chain.reverse(), error: result.error ?? null, loading: false });
          return;
        }
        chain.push(result.data.folder);
        current = result.data.folder.parentId ?? "";
      }
      if (!cancelled) setState({ rootId: current, folders: chain.reverse(), error: null, loading: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, folderId, version]);
  return state;
}
