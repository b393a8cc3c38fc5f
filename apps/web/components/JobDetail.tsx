"use client";
/**
 * The job detail view. It follows the job live: every `jobUpdated` snapshot updates status
 * and timeline at once and triggers a fresh `job(id)` query (debounced, since the server
 * replays past statuses in a burst) for the paragraphs. While paragraphs execute, it also
 * refetches every few seconds, as paragraph progress does not change the job's status.
 * Paragraph output streams in through `jobOutput` while the job runs (a replay after a
 * reconnect is placed by offset, so nothing doubles), and the page refetches after a
 * reconnect so a final status reached meanwhile shows.
 */
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useClient, useQuery } from "urql";
import { errorMessage, hasErrorCode, NOT_FOUND_CODE } from "@/lib/errors";
import { JOB_DETAIL_QUERY, JOB_DETAIL_UPDATED_SUBSCRIPTION, JOB_OUTPUT_SUBSCRIPTION } from "@/lib/graphql";
import { appendChunk } from "@/lib/liveOutput";
import { useReconnect } from "@/lib/useReconnect";
import { JobActions } from "./JobActions";
import { isExecuting, isFinalStatus } from "@/lib/jobStatus";
import { mergeJob } from "@/lib/mergeJob";
import { useJobUpdates } from "@/lib/useJobUpdates";
import { ErrorMessage } from "./ErrorMessage";
import { JobFacts } from "./JobFacts";
import { JobOutputFiles } from "./JobOutputFiles";
import { JobTimeline } from "./JobTimeline";
import { Loading } from "./Loading";
import { ParagraphList } from "./ParagraphList";

const REFETCH_DEBOUNCE_MS = 250;
const POLL_WHILE_EXECUTING_MS = 2000;

export function JobDetail({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: JOB_DETAIL_QUERY,
    variables: { id },
    requestPolicy: "network-only",
  });
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scheduleRefetch = () => {
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => refetch({ requestPolicy: "network-only" }), REFETCH_DEBOUNCE_MS);
  };
  useEffect(() => () => clearTimeout(refetchTimer.current), []);

  const queried = data?.job && data.job.id === id ? data.job : null;
  const { latest, error: liveError } = useJobUpdates(
    JOB_DETAIL_UPDATED_SUBSCRIPTION,
    id,
    queried !== null && !isFinalStatus(queried.status),
    scheduleRefetch,
  );
  const job = queried ? mergeJob(queried, latest) : null;
  const executing = job !== null && isExecuting(job.status);
  const ended = job !== null && isFinalStatus(job.status);

  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  useReconnect(reload);

  // Live output per paragraph index, while the job has not ended.
  const client = useClient();
  const [live, setLive] = useState<Record<number, string>>({});
  const following = queried !== null && !ended;
  useEffect(() => {
    if (!following) return;
    const subscription = client.subscription(JOB_OUTPUT_SUBSCRIPTION, { jobId: id }).subscribe((result) => {
      const chunk = result.data?.jobOutput;
      if (!chunk) return;
      setLive((prev) => ({ ...prev, [chunk.index]: appendChunk(prev[chunk.index] ?? "", chunk.offset, chunk.text) }));
    });
    return () => subscription.unsubscribe();
  }, [client, id, following]);

  useEffect(() => {
    if (!executing) return;
    const timer = setInterval(() => refetch({ requestPolicy: "network-only" }), POLL_WHILE_EXECUTING_MS);
    return () => clearInterval(timer);
  }, [executing, refetch]);

  if (!job) {
    if (error && hasErrorCode(error, NOT_FOUND_CODE)) {
      return (
        <ErrorMessage title="Job not found." testId="job-error">
          There is no job with id <code>{id}</code>. <Link href="/jobs">Back to jobs</Link>
        </ErrorMessage>
      );
    }
    if (error) {
      return (
        <ErrorMessage title="Could not load the job." testId="job-error" onRetry={() => refetch({ requestPolicy: "network-only" })}>
          {errorMessage(error)}
        </ErrorMessage>
      );
    }
    return <Loading label="Loading job…" />;
  }

  return (
    <>
      <section className="card" aria-labelledby="job-heading">
        <h2 id="job-heading">Summary</h2>
        <JobFacts job={job} />
        <JobActions job={job} onStopped={scheduleRefetch} />
        {error ? (
          <ErrorMessage title="Could not refresh the job." onRetry={() => refetch({ requestPolicy: "network-only" })}>
            {errorMessage(error)}
          </ErrorMessage>
        ) : null}
        {liveError ? <p className="notice">Live updates unavailable: {errorMessage(liveError)}</p> : null}
      </section>
      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Status timeline</h2>
        <JobTimeline events={job.events} />
      </section>
      <section className="card" aria-labelledby="outputs-heading">
        <h2 id="outputs-heading">Output files</h2>
        <JobOutputFiles files={job.outputFiles} outputFolderId={job.outputFolderId} ended={ended} />
      </section>
      <section className="card" aria-labelledby="paragraphs-heading">
        <h2 id="paragraphs-heading">Paragraphs</h2>
        <ParagraphList paragraphs={job.paragraphs} executing={executing || !ended} live={live} />
      </section>
      {fetching ? <span className="visually-hidden" role="status">Refreshing…</span> : null}
    </>
  );
}
