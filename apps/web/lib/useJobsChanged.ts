"use client";
/**
 * Live status changes of the tenant's jobs matching a v3 filter (`jobsChanged`). The
 * subscription lives as long as the component and is renewed when the filter changes.
 * useRefetchOnJobsChanged is for views that refetch instead of patching rows.
 */
import { useEffect, useRef, useState } from "react";
import { useClient, type CombinedError } from "urql";
import { JOBS_CHANGED_SUBSCRIPTION, type JobSummary } from "./graphql";

export function useJobsChanged(filter: string | null, onJob: (job: JobSummary) => void): CombinedError | null {
  const client = useClient();
  const [error, setError] = useState<CombinedError | null>(null);
  const callback = useRef(onJob);
  useEffect(() => {
    callback.current = onJob;
  });
  useEffect(() => {
    const subscription = client.subscription(JOBS_CHANGED_SUBSCRIPTION, { filter }).subscribe((result) => {
      if (result.error) {
        setError(result.error);
        return;
      }
      setError(null);
      if (result.data?.jobsChanged) callback.current(result.data.jobsChanged);
    });
    return () => subscription.unsubscribe();
  }, [client, filter]);
  return error;
}

const REFETCH_DEBOUNCE_MS = 300;

/** Calls `refetch` once a burst of changes to any of the tenant's jobs has settled (events come in bursts). */
export function useRefetchOnJobsChanged(refetch: () => void): CombinedError | null {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useJobsChanged(null, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(refetch, REFETCH_DEBOUNCE_MS);
  });
}
