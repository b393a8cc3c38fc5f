"use client";
/**
 * The dashboard: how many jobs are in each status, the jobs under way with their progress
 * (paragraph k of n, elapsed time against the limit) and the latest failures. It refetches
 * when `jobsChanged` reports any change (debounced: events come in bursts), every few
 * seconds while jobs run (paragraph progress changes no job status) and after a reconnect.
 */
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { useQuery } from "urql";
import { errorMessage } from "@/lib/errors";
import { formatDateTime, formatDuration } from "@/lib/format";
import { DASHBOARD_QUERY, type RunningJob } from "@/lib/graphql";
import { JOB_STATUSES } from "@/lib/jobStatus";
import { splitMessageChain } from "@/lib/messageChain";
import { useRefetchOnJobsChanged } from "@/lib/useJobsChanged";
import { useReconnect } from "@/lib/useReconnect";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Loading";
import { StatusBadge } from "./StatusBadge";
import { StopJobButton } from "./StopJobButton";

const ACTIVE_FILTER = JSON.stringify({ status: { or: ["SUBMITTED", "STARTING", "RUNNING", "STOPPING"].map((eq) => ({ eq })) } });
const FAILED_FILTER = JSON.stringify({ status: { eq: "FAILED" } });
const POLL_WHILE_RUNNING_MS = 3000;

/** "paragraph k of n": the running one, or the number finished so far. */
export function paragraphProgress(job: RunningJob): { current: number; total: number; done: number } {
  const total = job.paragraphs.length;
  const done = job.paragraphs.filter((p) => p.status === "FINISHED" || p.status === "ERROR" || p.status === "ABORT").length;
  const running = [...job.paragraphs].sort((a, b) => a.index - b.index).findIndex((p) => p.status === "RUNNING");
  return { current: running >= 0 ? running + 1 : Math.min(done + 1, total), total, done };
}

function RunningJobCard({ job, now }: { job: RunningJob; now: number }) {
  const { current, total, done } = paragraphProgress(job);
  const elapsedMs = job.startedAt ? Math.max(0, now - Date.parse(job.startedAt)) : null;
  const limitMs = job.maximumExecutionTimeInSeconds * 1000;
  return (
    <li className="running-job" data-testid={`running-job-${job.id}`}>
      <div className="running-job-head">
        <Link href={`/jobs/detail?id=${encodeURIComponent(job.id)}`} prefetch={false} className="job-link">
          {job.model?.name ?? job.modelId} <code>{job.id}</code>
        </Link>
        <StatusBadge status={job.status} testId={`dashboard-status-${job.id}`} />
      </div>
      {total > 0 ? (
        <>
          <label className="progress-label" htmlFor={`progress-${job.id}`}>
            Paragraph {current} of {total}
          </label>
          <progress id={`progress-${job.id}`} max={total} value={done}>
            {done} of {total}
          </progress>
        </>
      ) : (
        <p className="hint">{job.status === "RUNNING" ? "Preparing paragraphs…" : "Waiting to start."}</p>
      )}
      <p className="hint" data-testid={`elapsed-${job.id}`}>
        {elapsedMs !== null ? `${formatDuration(elapsedMs)} elapsed of ${formatDuration(limitMs)} allowed` : `Limit ${formatDuration(limitMs)}`}
      </p>
      {job.status !== "STOPPING" ? <StopJobButton jobId={job.id} small /> : null}
    </li>
  );
}

export function DashboardView() {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DASHBOARD_QUERY,
    variables: { activeFilter: ACTIVE_FILTER, failedFilter: FAILED_FILTER },
    requestPolicy: "network-only",
  });
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  const liveError = useRefetchOnJobsChanged(reload);
  useReconnect(reload);

  const active = data?.active.nodes ?? [];
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (active.length === 0) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const poll = setInterval(reload, POLL_WHILE_RUNNING_MS);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
    };
  }, [active.length, reload]);

  if (!data) {
    return (
      <>
        <h1>Dashboard</h1>
        {error ? (
          <ErrorMessage title="Could not load the dashboard." testId="dashboard-error" onRetry={reload}>
            {errorMessage(error)}
          </ErrorMessage>
        ) : (
          <Loading label="Loading the dashboard…" />
        )}
      </>
    );
  }

  const counts = new Map(data.jobCounts.map((c) => [c.status, c.count]));
  return (
    <>
      <h1>Dashboard</h1>
      {error ? (
        <ErrorMessage title="Could not refresh the dashboard." onRetry={reload}>
          {errorMessage(error)}
        </ErrorMessage>
      ) : null}
      {liveError ? <p className="notice">Live updates unavailable: {errorMessage(liveError)}</p> : null}
      <section className="card" aria-labelledby="counts-heading">
        <div className="section-head">
          <h2 id="counts-heading">Jobs by status</h2>
          {fetching ? <span className="hint">Updating…</span> : null}
        </div>
        <ul className="status-counts">
          {JOB_STATUSES.map((status) => (
            <li key={status}>
              <Link href={`/jobs?status=${status}`} prefetch={false} className="status-count" aria-label={`${status}: ${counts.get(status) ?? 0} jobs`}>
                {/* The badge comes first so the visible text reads like the link's name ("FAILED 3");
                    CSS shows the number on top. */}
                <StatusBadge status={status} />{" "}
                <span className="status-count-number" data-testid={`count-${status}`}>
                  {counts.get(status) ?? 0}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="running-heading">
        <h2 id="running-heading">Under way</h2>
        {active.length === 0 ? (
          <p className="empty" data-testid="no-running-jobs">
            No job is running.
          </p>
        ) : (
          <ul className="running-jobs">
            {active.map((job) => (
              <RunningJobCard key={job.id} job={job} now={now} />
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="failures-heading">
        <h2 id="failures-heading">Recent failures</h2>
        {data.failures.nodes.length === 0 ? (
          <p className="empty">No failed jobs.</p>
        ) : (
          <ul className="failures">
            {data.failures.nodes.map((job) => (
              <li key={job.id} data-testid={`failure-${job.id}`}>
                <Link href={`/jobs/detail?id=${encodeURIComponent(job.id)}`} prefetch={false}>
                  {job.model?.name ?? job.modelId} <code>{job.id}</code>
                </Link>
                <time dateTime={job.creationDate} className="hint">
                  {formatDateTime(job.creationDate)}
                </time>
                <span className="failure-message">{splitMessageChain(job.message)[0]?.text ?? ""}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
