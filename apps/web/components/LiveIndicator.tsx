"use client";
/** Tells the user when live updates are interrupted; silent while all is well. */
import { useSyncExternalStore } from "react";
import { getLiveConnectionState, subscribeLiveConnection } from "@/lib/liveConnection";

export function LiveIndicator() {
  const state = useSyncExternalStore(subscribeLiveConnection, getLiveConnectionState, () => "idle" as const);
  return (
    <span className="live-indicator" role="status" aria-live="polite">
      {state === "reconnecting" ? "Live updates interrupted, reconnecting…" : ""}
    </span>
  );
}
