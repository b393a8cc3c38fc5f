"use client";
/**
 * The /jobs page body: the "New job" form, the filters and the jobs table, newest first
 * (or oldest first), with cursor paging. Live: `jobsChanged(filter)` updates rows in place
 * and, on the first page of the newest-first order, inserts jobs that appear; each row also follows its own job until it is final. After
 * a lost socket reconnects, the page is fetched again so nothing missed stays stale.
 */
import { useCallback, useId, useRef, useState } from "react";
import { useQuery } from "urql";
import { errorMessage } from "@/lib/errors";
import { FILTERED_JOBS_QUERY, MODELS_QUERY, type JobOrder, type JobSummary } from "@/lib/graphql";
import { EMPTY_JOB_FILTER, jobFilterJson, matchesJobFilter, type JobFilterForm } from "@/lib/jobFilter";
import { isSameOrLater, JOB_STATUSES, type JobStatus } from "@/lib/jobStatus";
import { useJobsChanged } from "@/lib/useJobsChanged";
import { useReconnect } from "@/lib/useReconnect";
import { ErrorMessage } from "./ErrorMessage";
import { JobsFilterForm } from "./JobsFilterForm";
import { JobsTable } from "./JobsTable";
import { Loading } from "./Loading";
import { NewJobForm } from "./NewJobForm";

const PAGE_SIZE = 20;

/** `/jobs?status=FAILED` (the dashboard's links) opens the list filtered by that status. */
function initialFilter(): JobFilterForm {
  if (typeof window === "undefined") return EMPTY_JOB_FILTER;
  const statuses = new URLSearchParams(window.location.search)
    .getAll("status")
    .filter((status): status is JobStatus => (JOB_STATUSES as readonly string[]).includes(status));
  return statuses.length > 0 ? { ...EMPTY_JOB_FILTER, statuses } : EMPTY_JOB_FILTER;
}

/** Jobs that arrived live first (newest first), then the fetched ones; live copies win when further along. */
function mergeJobs(arrived: readonly JobSummary[], fetched: readonly JobSummary[], live: ReadonlyMap<string, JobSummary>): JobSummary[] {
  const fetchedIds = new Set(fetched.map((job) => job.id));
  const fresh = (job: JobSummary) => {
    const update = live.get(job.id);
    return update && isSameOrLater(update.status, job.status) ? { ...job, ...update } : job;
  };
  const newer = arrived.filter((job) => !fetchedIds.has(job.id));
  return [...newer, ...fetched].map(fresh);
}

export function JobsView() {
  const headingId = useId();
  const [filterForm, setFilterForm] = useState<JobFilterForm>(initialFilter);
  const filter = jobFilterJson(filterForm);
  const [order, setOrder] = useState<JobOrder>("NEWEST_FIRST");
  // Cursors of the pages before the current one; the current page starts after `cursor`.
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const cursor = cursors.length > 0 ? cursors[cursors.length - 1]! : null;
  const [arrived, setArrived] = useState<JobSummary[]>([]);
  const [live, setLive] = useState<Map<string, JobSummary>>(() => new Map());

  const [{ data, fetching, error }, refetch] = useQuery({
    query: FILTERED_JOBS_QUERY,
    variables: { first: PAGE_SIZE, after: cursor, filter, order },
    requestPolicy: "network-only",
  });
  const [{ data: modelData }] = useQuery({ query: MODELS_QUERY });

  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  useReconnect(reload);

  const formRef = useRef(filterForm);
  formRef.current = filterForm;
  // New jobs are inserted live where they belong: at the top of the newest-first order.
  const onFirstPage = cursors.length === 0 && order === "NEWEST_FIRST";
  const firstPageRef = useRef(onFirstPage);
  firstPageRef.current = onFirstPage;

  const liveError = useJobsChanged(filter, (job) => {
    setLive((prev) => {
      const current = prev.get(job.id);
      if (current && !isSameOrLater(job.status, current.status)) return prev;
      const next = new Map(prev);
      next.set(job.id, job);
      return next;
    });
    if (firstPageRef.current && matchesJobFilter(job, formRef.current)) {
      setArrived((prev) => (prev.some((j) => j.id === job.id) ? prev : [job, ...prev]));
    }
  });

  const applyFilter = (next: JobFilterForm) => {
    setFilterForm(next);
    setCursors([]);
    setArrived([]);
  };
  const toggleOrder = () => {
    setOrder((prev) => (prev === "NEWEST_FIRST" ? "OLDEST_FIRST" : "NEWEST_FIRST"));
    setCursors([]);
    setArrived([]);
  };

  const fetched = data?.jobs.nodes ?? [];
  const jobs = mergeJobs(onFirstPage ? arrived : [], fetched, live);
  const extra = jobs.length - fetched.length;
  const total = data ? data.jobs.totalCount + extra : jobs.length;
  const pageInfo = data?.jobs.pageInfo;

  return (
    <>
      <h1>Jobs</h1>
      <NewJobForm
        onStarted={(job) => {
          if (onFirstPage && matchesJobFilter(job, filterForm)) setArrived((prev) => [job, ...prev.filter((j) => j.id !== job.id)]);
        }}
      />
      <section className="card" aria-labelledby={headingId}>
        <div className="section-head">
          <h2 id={headingId}>Recent jobs</h2>
          <button type="button" className="button button-small" onClick={reload} disabled={fetching}>
            Refresh
          </button>
        </div>
        <JobsFilterForm value={filterForm} models={modelData?.models ?? []} onApply={applyFilter} />
        {error ? (
          <ErrorMessage title="Could not load jobs." testId="jobs-error" onRetry={reload}>
            {errorMessage(error)}
          </ErrorMessage>
        ) : null}
        {liveError ? <p className="notice">Live updates unavailable: {errorMessage(liveError)}</p> : null}
        {fetching ? <Loading label="Loading jobs…" /> : null}
        {data || jobs.length > 0 ? (
          jobs.length > 0 ? (
            <>
              <JobsTable jobs={jobs} order={order} onToggleOrder={toggleOrder} />
              <p className="table-foot" data-testid="jobs-count">
                Showing {jobs.length} of {total} {total === 1 ? "job" : "jobs"}
                {filter ? " matching the filters" : ""}, {order === "NEWEST_FIRST" ? "newest" : "oldest"} first{cursors.length > 0 ? `, page ${cursors.length + 1}` : ""}.
              </p>
            </>
          ) : (
            <p className="empty" data-testid="jobs-empty">
              {filter ? "No jobs match these filters." : "No jobs yet. Start one with the form above."}
            </p>
          )
        ) : null}
        <nav className="pager" aria-label="Pages of jobs">
          <button
            type="button"
            className="button button-small"
            disabled={cursors.length === 0 || fetching}
            onClick={() => {
              setCursors((prev) => prev.slice(0, -1));
            }}
          >
            Previous page
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!pageInfo?.hasNextPage || !pageInfo.endCursor || fetching}
            onClick={() => {
              if (pageInfo?.endCursor) setCursors((prev) => [...prev, pageInfo.endCursor]);
              setArrived([]);
            }}
          >
            Next page
          </button>
        </nav>
      </section>
    </>
  );
}
