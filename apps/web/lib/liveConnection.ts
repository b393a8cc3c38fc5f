/**
 * The state of the live-update socket, as a tiny external store the header can show
 * ("Reconnecting…") so nobody mistakes a stale status for a current one.
 */

export type LiveConnectionState = "idle" | "connecting" | "connected" | "reconnecting";

let state: LiveConnectionState = "idle";
const listeners = new Set<() => void>();

export function getLiveConnectionState(): LiveConnectionState {
  return state;
}

export function setLiveConnectionState(next: LiveConnectionState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeLiveConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
