"use client";
/**
 * A card that lists what a query loaded: its heading with a Refresh button, then the load error
 * (with a retry), the loading state before the first answer, and the list itself.
 */
import { useId, type ReactNode } from "react";
import type { CombinedError } from "urql";
import { errorMessage } from "@/lib/errors";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";

export function ListCard({
  heading,
  loaded,
  fetching,
  error,
  onRefresh,
  errorTitle,
  errorTestId,
  loadingLabel,
  children,
}: {
  heading: string;
  /** Whether an answer has arrived (the loading state shows only before the first). */
  loaded: boolean;
  fetching: boolean;
  error: CombinedError | undefined;
  onRefresh: () => void;
  errorTitle: string;
  errorTestId?: string;
  loadingLabel: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{heading}</h2>
        <button type="button" className="button button-small" onClick={onRefresh} disabled={fetching}>
          Refresh
        </button>
      </div>
      {error ? (
        <ErrorMessage title={errorTitle} testId={errorTestId} onRetry={onRefresh}>
          {errorMessage(error)}
        </ErrorMessage>
      ) : null}
      {fetching && !loaded ? <Loading label={loadingLabel} /> : null}
      {children}
    </section>
  );
}
