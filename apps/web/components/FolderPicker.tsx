"use client";
/**
 * Choosing a destination folder: start where the item is, go up or into subfolders, switch
 * root, and pick "Move here". `excludeId` (the folder being moved) cannot be entered.
 */
import { useEffect, useState } from "react";
import { useClient, useQuery } from "urql";
import { DATA_FOLDER_QUERY, isRootId, ROOTS, SUBFOLDERS_QUERY } from "@/lib/dataExchangeOperations";
import { errorMessage } from "@/lib/errors";
import { Loading } from "./Loading";

export function FolderPicker({
  startId,
  excludeId,
  busy,
  onPick,
  onCancel,
}: {
  startId: string;
  excludeId?: string;
  busy: boolean;
  onPick: (folderId: string) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  const [at, setAt] = useState<{ id: string; name: string; parentId: string | null }>({ id: startId, name: "", parentId: null });
  const [{ data, fetching, error }] = useQuery({
    query: SUBFOLDERS_QUERY,
    variables: { parentId: at.id },
    requestPolicy: "network-only",
  });

  // The starting folder's own name and parent (the roots have none).
  useEffect(() => {
    if (at.name) return;
    if (isRootId(at.id)) return setAt((prev) => ({ ...prev, name: ROOTS.find((r) => r.id === prev.id)?.name ?? prev.id }));
    let cancelled = false;
    void client
      .query(DATA_FOLDER_QUERY, { id: at.id })
      .toPromise()
      .then((result) => {
        const folder = result.data?.folder;
        if (!cancelled && folder) setAt({ id: folder.id, name: folder.name, parentId: folder.parentId });
      });
    return () => {
      cancelled = true;
    };
  }, [client, at]);

  const subfolders = (data?.folders ?? []).filter((f) => f.id !== excludeId);
  const goUp = async () => {
    if (!at.parentId) return;
    setAt({ id: at.parentId, name: "", parentId: null });
  };

  return (
    <div className="folder-picker">
      <div className="inline-row">
        {ROOTS.map((root) => (
          <button key={root.id} type="button" className="button button-small" aria-pressed={at.id === root.id} onClick={() => setAt({ id: root.id, name: root.name, parentId: null })}>
            {root.name} root
          </button>
        ))}
        <button type="button" className="button button-small" disabled={!at.parentId} onClick={goUp}>
          Up one level
        </button>
      </div>
      <p className="picker-location" aria-live="polite" data-testid="picker-location">
        Destination: <strong>{at.name || "…"}</strong>
      </p>
      {error ? <p className="field-error">{errorMessage(error)}</p> : null}
      {fetching && !data ? <Loading label="Loading folders…" /> : null}
      {data ? (
        subfolders.length === 0 ? (
          <p className="empty">No subfolders here.</p>
        ) : (
          <ul className="picker-folders" aria-label={`Subfolders of ${at.name}`}>
            {subfolders.map((folder) => (
              <li key={folder.id}>
                <button type="button" className="button button-small button-quiet" aria-label={`Open ${folder.name}`} onClick={() => setAt({ id: folder.id, name: folder.name, parentId: folder.parentId })}>
                  ▸ {folder.name}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <div className="inline-row">
        <button type="button" className="button button-primary" disabled={busy || !at.name} aria-busy={busy} onClick={() => onPick(at.id)}>
          Move here
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
