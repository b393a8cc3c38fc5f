"use client";
/**
 * One folder or file in the listing, with its actions: open (folders) or download (files),
 * rename, move and delete. Rename, move and the delete confirmation open in a row beneath,
 * so they have room at any width; the server's refusal shows next to the field.
 */
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { nameFieldMessage } from "@/lib/fieldErrors";
import {
  DELETE_FILE_MUTATION,
  DELETE_FOLDER_MUTATION,
  folderHref,
  MOVE_FILE_MUTATION,
  MOVE_FOLDER_MUTATION,
  type DataFile,
  type DataFolder,
} from "@/lib/dataExchangeOperations";
import { errorMessage } from "@/lib/errors";
import { formatBytes, formatDateTime } from "@/lib/format";
import { FieldError } from "./FieldError";
import { FolderPicker } from "./FolderPicker";
import { DownloadButton } from "./DownloadButton";

export type DataItem = ({ kind: "folder" } & DataFolder) | ({ kind: "file" } & DataFile);
type Panel = "rename" | "move" | "delete" | null;

export function DataItemRow({
  item,
  currentFolderId,
  onChanged,
  onRenamed,
}: {
  item: DataItem;
  currentFolderId: string;
  onChanged: () => void;
  onRenamed: () => void;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const what = item.kind === "folder" ? "folder" : "file";
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));

  return (
    <>
      <tr data-testid={`item-${item.name}`} data-kind={item.kind}>
        <td className="cell-name">
          {item.kind === "folder" ? (
            <Link href={folderHref(item.id)} className="folder-link">
              <span aria-hidden="true" className="item-icon">
                ▸
              </span>
              {item.name}
              <span className="visually-hidden"> (folder)</span>
            </Link>
          ) : (
            <span className="file-name">{item.name}</span>
          )}
        </td>
        <td className="col-size" title={item.kind === "file" ? `${item.sizeInBytes} bytes` : undefined}>
          {item.kind === "file" ? formatBytes(item.sizeInBytes) : "—"}
        </td>
        <td className="col-modified">{item.modifiedDate ? <time dateTime={item.modifiedDate}>{formatDateTime(item.modifiedDate)}</time> : "—"}</td>
        <td className="cell-actions">
          {item.kind === "file" ? <DownloadButton path={item.downloadPath} fileName={item.name} /> : null}
          <button type="button" className="button button-small" aria-label={`Rename ${what} ${item.name}`} aria-expanded={panel === "rename"} onClick={() => toggle("rename")}>
            Rename
          </button>
          <button type="button" className="button button-small" aria-label={`Move ${what} ${item.name}`} aria-expanded={panel === "move"} onClick={() => toggle("move")}>
            Move
          </button>
          <button type="button" className="button button-small button-danger" aria-label={`Delete ${what} ${item.name}`} aria-expanded={panel === "delete"} onClick={() => toggle("delete")}>
            Delete
          </button>
        </td>
      </tr>
      {panel ? (
        <tr className="item-panel">
          <td colSpan={4}>
            {panel === "rename" ? (
              <RenameForm item={item} onDone={(changed) => (setPanel(null), changed && (onChanged(), onRenamed()))} />
            ) : panel === "move" ? (
              <MovePanel item={item} currentFolderId={currentFolderId} onDone={(changed) => (setPanel(null), changed && (onChanged(), onRenamed()))} />
            ) : (
              <DeleteConfirm item={item} onDone={(changed) => (setPanel(null), changed && onChanged())} />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function useMove(item: DataItem) {
  const [{ fetching: movingFolder }, moveFolder] = useMutation(MOVE_FOLDER_MUTATION);
  const [{ fetching: movingFile }, moveFile] = useMutation(MOVE_FILE_MUTATION);
  const move = (change: { name?: string; parentId?: string }) => (item.kind === "folder" ? moveFolder({ id: item.id, ...change }) : moveFile({ id: item.id, ...change }));
  return { move, fetching: movingFolder || movingFile };
}

function RenameForm({ item, onDone }: { item: DataItem; onDone: (changed: boolean) => void }) {
  const id = useId();
  const [name, setName] = useState(item.name);
  const [error, setError] = useState<string | null>(null);
  const { move, fetching } = useMove(item);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = name.trim();
    if (!next) return setError("Enter a name.");
    if (next === item.name) return onDone(false);
    const result = await move({ name: next });
    if (result.error) return setError(nameFieldMessage(result.error));
    onDone(true);
  }

  return (
    <form className="item-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>New name for {item.name}</label>
        <div className="inline-row">
          <input
            id={`${id}-name`}
            value={name}
            autoFocus
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => e.key === "Escape" && onDone(false)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button type="submit" className="button button-primary" disabled={fetching} aria-busy={fetching}>
            Save name
          </button>
          <button type="button" className="button" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
        <FieldError id={`${id}-error`} testId="rename-error">
          {error}
        </FieldError>
      </div>
    </form>
  );
}

function MovePanel({ item, currentFolderId, onDone }: { item: DataItem; currentFolderId: string; onDone: (changed: boolean) => void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const { move, fetching } = useMove(item);

  async function moveTo(parentId: string) {
    if (parentId === currentFolderId) return onDone(false);
    const result = await move({ parentId });
    if (result.error) return setError(nameFieldMessage(result.error));
    onDone(true);
  }

  return (
    <div className="item-form" role="group" aria-labelledby={`${id}-title`} aria-describedby={error ? `${id}-error` : undefined}>
      <p className="item-form-title" id={`${id}-title`}>
        Move {item.name} to…
      </p>
      <FolderPicker startId={currentFolderId} excludeId={item.kind === "folder" ? item.id : undefined} busy={fetching} onPick={moveTo} onCancel={() => onDone(false)} />
      <FieldError id={`${id}-error`} testId="move-error">
        {error}
      </FieldError>
    </div>
  );
}

function DeleteConfirm({ item, onDone }: { item: DataItem; onDone: (changed: boolean) => void }) {
  const [{ fetching: deletingFolder }, deleteFolder] = useMutation(DELETE_FOLDER_MUTATION);
  const [{ fetching: deletingFile }, deleteFile] = useMutation(DELETE_FILE_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const fetching = deletingFolder || deletingFile;

  async function confirm() {
    const result = item.kind === "folder" ? await deleteFolder({ id: item.id, recursive: true }) : await deleteFile({ id: item.id });
    if (result.error) return setError(errorMessage(result.error));
    onDone(true);
  }

  return (
    <div className="item-form" role="alertdialog" aria-label={`Delete ${item.name}?`}>
      <p className="item-form-title">
        {item.kind === "folder" ? `Delete the folder “${item.name}” and everything in it? This cannot be undone.` : `Delete the file “${item.name}”? This cannot be undone.`}
      </p>
      <div className="inline-row">
        <button type="button" className="button button-danger" disabled={fetching} aria-busy={fetching} onClick={confirm} autoFocus>
          Confirm delete
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert" data-testid="delete-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
