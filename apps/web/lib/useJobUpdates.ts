"use client";
/**
 * Live snapshots of one job from `jobUpdated(id)`.
 *
 * The server first replays one snapshot per past status, then sends each later change. We
 * keep the furthest-along snapshot (see statusRank), so the replay never makes a row step
 * back in time, and we unsubscribe once the job is final: nothing changes after that.
 */
import { useEffect, useRef, useState } from "react";
import { useClient, type CombinedError, type TypedDocumentNode } from "urql";
import { isFinalStatus, isSameOrLater } from "./jobStatus";

type Snapshot = { id: string; status: string };

export type JobUpdates<T> = {
  /** The latest snapshot received, or null before the first one. */
  latest: T | null;
  /** The last subscription error, cleared by the next snapshot. */
  error: CombinedError | null;
};

/**
 * @param document  a `jobUpdated(id: $id)` subscription selecting what the caller shows.
 * @param id        the job to follow.
 * @param enabled   subscribe at all (pass false when the job is already final).
 * @param onSnapshot called for every snapshot received, including replayed ones.
 */
export function useJobUpdates<T extends Snapshot>(
  document: TypedDocumentNode<{ jobUpdated: T }, { id: string }>,
  id: string,
  enabled: boolean,
  onSnapshot?: (snapshot: T) => void,
): JobUpdates<T> {
  const client = useClient();
  const [latest, setLatest] = useState<T | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const onSnapshotRef = useRef(onSnapshot);
  useEffect(() => {
    onSnapshotRef.current = onSnapshot;
  });

  const active = enabled && !(latest && latest.id === id && isFinalStatus(latest.status));

  useEffect(() => {
    if (!active) return;
    const subscription = client.subscription(document, { id }).subscribe((result) => {
      if (result.error) {
        setError(result.error);
        return;
      }
      const snapshot = result.data?.jobUpdated;
      if (!snapshot) return;
      setError(null);
      setLatest((current) =>
        !current || current.id !== snapshot.id || isSameOrLater(snapshot.status, current.status) ? snapshot : current,
      );
      onSnapshotRef.current?.(snapshot);
    });
    return () => subscription.unsubscribe();
  }, [client, document, id, active]);

  return { latest: latest && latest.id === id ? latest : null, error };
}
