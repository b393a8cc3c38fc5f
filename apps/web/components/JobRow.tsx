"use client";
/** One row of the jobs table; follows the job live until it reaches a final status. */
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { JOB_ROW_UPDATED_SUBSCRIPTION, type JobSummary } from "@/lib/graphql";
import { isFinalStatus, isSameOrLater } from "@/lib/jobStatus";
import { useJobUpdates } from "@/lib/useJobUpdates";
import { StatusBadge } from "./StatusBadge";
import { StopJobButton } from "./StopJobButton";

export function JobRow({ job }: { job: JobSummary }) {
  const { latest } = useJobUpdates(JOB_ROW_UPDATED_SUBSCRIPTION, job.id, !isFinalStatus(job.status));
  const current = latest && isSameOrLater(latest.status, job.status) ? { ...job, ...latest } : job;

  return (
    <tr>
      <td data-label="Job">
        {/* No prefetch: fifty rows would fetch the same route tree fifty times. */}
        <Link href={`/jobs/detail?id=${encodeURIComponent(current.id)}`} className="job-link" prefetch={false} title={current.id}>
          {current.id}
        </Link>
      </td>
      <td data-label="Model">{current.model?.name ?? current.modelId}</td>
      <td data-label="Status">
        <StatusBadge status={current.status} testId={`job-status-${current.id}`} />
      </td>
      <td data-label="Message" className="cell-message">
        {current.message}
      </td>
      <td data-label="Created">
        <time dateTime={current.creationDate}>{formatDateTime(current.creationDate)}</time>
      </td>
      <td data-label="Actions">{isFinalStatus(current.status) || current.status === "STOPPING" ? null : <StopJobButton jobId={current.id} small />}</td>
    </tr>
  );
}
