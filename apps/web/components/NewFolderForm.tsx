"use client";
/** Creates a folder in the current one; the server's refusal (bad name, clash) shows under the field. */
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { nameFieldMessage } from "@/lib/fieldErrors";
import { CREATE_FOLDER_MUTATION } from "@/lib/dataExchangeOperations";
import { FieldError } from "./FieldError";

export function NewFolderForm({ parentId, onCreated }: { parentId: string; onCreated: () => void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [{ fetching }, createFolder] = useMutation(CREATE_FOLDER_MUTATION);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    if (!name.trim()) return setError("Enter a folder name.");
    const result = await createFolder({ name: name.trim(), parentId });
    if (result.error || !result.data) return setError(result.error ? nameFieldMessage(result.error) : "The server sent no answer.");
    setError(null);
    setName("");
    setCreated(result.data.createFolder.name);
    onCreated();
  }

  return (
    <form className="data-tool" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>New folder name</label>
        <div className="inline-row">
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button type="submit" className="button" disabled={fetching} aria-busy={fetching}>
            Create folder
          </button>
        </div>
        <FieldError id={`${id}-error`} testId="new-folder-error">
          {error}
        </FieldError>
        {created ? (
          <p className="success" role="status">
            Folder “{created}” created.
          </p>
        ) : null}
      </div>
    </form>
  );
}
