"use client";
/**
 * Where a notebook file is given: dropped onto the zone, or chosen with the (keyboard
 * reachable) file picker inside it. Only the first file of a drop counts. The server decides
 * whether the notebook is valid; its message shows under the zone.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { FieldError } from "./FieldError";

export const NOTEBOOK_ACCEPT = ".zpln,.json,.ipynb";

export function NotebookDropZone({
  label,
  file,
  onFile,
  error,
  disabled,
  testId = "notebook-drop-zone",
}: {
  label: string;
  file: File | null;
  onFile: (file: File | null) => void;
  error?: string | null;
  disabled?: boolean;
  testId?: string;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The form clears its file after an upload; the picker forgets its choice with it.
  useEffect(() => {
    if (!file && input.current) input.current.value = "";
  }, [file]);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function onDrag(event: DragEvent<HTMLDivElement>, entering: boolean) {
    event.preventDefault();
    if (disabled) return;
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    setOver(entering);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = event.dataTransfer?.files?.[0];
    if (!dropped) return;
    onFile(dropped);
    // Show the dropped file in the picker too (assignable in current browsers).
    try {
      if (input.current && event.dataTransfer) input.current.files = event.dataTransfer.files;
    } catch {
      // Older browsers: the line below the picker still names the file.
    }
  }

  return (
    <div
      className={`drop-zone${over ? " drop-zone-over" : ""}${error ? " drop-zone-invalid" : ""}`}
      data-testid={testId}
      role="group"
      aria-label={`${label}: drop area`}
      onDragEnter={(e) => onDrag(e, true)}
      onDragOver={(e) => onDrag(e, true)}
      onDragLeave={(e) => onDrag(e, false)}
      onDrop={onDrop}
    >
      <label htmlFor={id}>
        {label}
      </label>
      <p className="hint" id={hintId}>
        Drop a Zeppelin note (.zpln, note.json) or a Jupyter notebook (.ipynb) here, or choose one.
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        name="file"
        accept={NOTEBOOK_ACCEPT}
        disabled={disabled}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${hintId}${error ? ` ${errorId}` : ""}`}
      />
      <p className="drop-zone-file" aria-live="polite" data-testid={`${testId}-file`}>
        {file ? (
          <>
            Chosen: <strong>{file.name}</strong> ({file.size.toLocaleString()} bytes)
          </>
        ) : (
          "No file chosen yet."
        )}
      </p>
      <FieldError id={errorId} testId="field-error-file">
        {error}
      </FieldError>
    </div>
  );
}
