"use client";
/**
 * The /jobs page body: the "New job" form above the list of recent jobs. A job started here
 * goes to the top of the list at once, before the list is fetched again.
 */
import { useId, useState } from "react";
import { useQuery } from "urql";
import { errorMessage } from "@/lib/errors";
import { JOBS_QUERY, type JobSummary } from "@/lib/graphql";
import { ErrorMessage } from "./ErrorMessage";
import { JobsTable } from "./JobsTable";
import { Loading } from "./Loading";
import { NewJobForm } from "./NewJobForm";

const PAGE_SIZE = 50;

/**
 * Jobs started in this page first (newest first; the fetched copy when there is one, being
 * fresher), then the fetched ones not among them.
 */
function mergeJobs(started: readonly JobSummary[], fetched: readonly JobSummary[]): JobSummary[] {
  const fetchedById = new Map(fetched.map((job) => [job.id, job]));
  const seen = new Set(started.map((job) => job.id));
  return [...started.map((job) => fetchedById.get(job.id) ?? job), ...fetched.filter((job) => !seen.has(job.id))];
}

export function JobsView() {
  const headingId = useId();
  const [started, setStarted] = useState<JobSummary[]>([]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: JOBS_QUERY,
    variables: { first: PAGE_SIZE },
    requestPolicy: "network-only",
  });

  const fetched = data?.jobs.nodes ?? [];
  const jobs = mergeJobs(started, fetched);
  const total = data ? Math.max(data.jobs.totalCount, jobs.length) : jobs.length;

  return (
    <>
      <h1>Jobs</h1>
      <NewJobForm onStarted={(job) => setStarted((prev) => [job, ...prev.filter((j) => j.id !== job.id)])} />
      <section className="card" aria-labelledby={headingId}>
        <div className="section-head">
          <h2 id={headingId}>Recent jobs</h2>
          <button
            type="button"
            className="button button-small"
            onClick={() => refetch({ requestPolicy: "network-only" })}
            disabled={fetching}
          >
            Refresh
          </button>
        </div>
        {error ? (
          <ErrorMessage title="Could not load jobs." testId="jobs-error" onRetry={() => refetch({ requestPolicy: "network-only" })}>
            {errorMessage(error)}
          </ErrorMessage>
        ) : null}
        {fetching && !data ? <Loading label="Loading jobs…" /> : null}
        {data || jobs.length > 0 ? (
          jobs.length > 0 ? (
            <>
              <JobsTable jobs={jobs} />
              <p className="table-foot">
                Showing {jobs.length} of {total} {total === 1 ? "job" : "jobs"}, newest first.
              </p>
            </>
          ) : (
            <p className="empty">No jobs yet. Start one with the form above.</p>
          )
        ) : null}
      </section>
    </>
  );
}
