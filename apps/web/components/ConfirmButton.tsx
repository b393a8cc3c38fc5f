"use client";
/**
 * A button that acts only after a second click: "Delete" turns into "Confirm delete" and
 * "Cancel". After the action the pair turns back into the first button (the action shows
 * its own error). Render it inside a flex row of actions: it gives one or two buttons.
 */
import { useState } from "react";

export function ConfirmButton({
  label,
  ariaLabel,
  confirmLabel,
  confirmAriaLabel,
  busy = false,
  small = false,
  onConfirm,
}: {
  label: string;
  /** The first button's accessible name (e.g. "Delete schedule nightly"); defaults to `label`. */
  ariaLabel?: string;
  confirmLabel: string;
  confirmAriaLabel?: string;
  /** While true both the first and the confirming button are disabled (an action is running). */
  busy?: boolean;
  small?: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const [confirming, setConfirming] = useState(false);
  const size = small ? " button-small" : "";
  if (!confirming) {
    return (
      <button type="button" className={`button${size}`} disabled={busy} aria-label={ariaLabel} onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <>
      <button
        type="button"
        className={`button${size} button-danger`}
        disabled={busy}
        aria-label={confirmAriaLabel}
        onClick={async () => {
          try {
            await onConfirm();
          } finally {
            setConfirming(false);
          }
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={`button${size}`} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </>
  );
}
