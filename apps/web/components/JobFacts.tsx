/** The job's own fields as a description list. */
import Link from "next/link";
import { folderHref } from "@/lib/dataExchangeOperations";
import { formatDateTime } from "@/lib/format";
import type { JobDetail } from "@/lib/graphql";
import { MessageChain } from "./MessageChain";
import { StatusBadge } from "./StatusBadge";

export function JobFacts({ job }: { job: JobDetail }) {
  return (
    <dl className="facts">
      <div>
        <dt>Job</dt>
        <dd>
          <code>{job.id}</code>
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={job.status} testId="job-status" />
        </dd>
      </div>
      <div className="facts-wide">
        <dt>Message</dt>
        <dd>
          <MessageChain message={job.message} testId="job-message" />
        </dd>
      </div>
      <div>
        <dt>Model</dt>
        <dd>{job.model?.name ?? <code>{job.modelId}</code>}</dd>
      </div>
      <div>
        <dt>Configuration</dt>
        <dd>
          <code>{job.configurationId}</code>
        </dd>
      </div>
      <div>
        <dt>Input folder</dt>
        <dd>
          <Link href={folderHref(job.inputFolderId)} prefetch={false}>
            <code>{job.inputFolderId}</code>
          </Link>
        </dd>
      </div>
      <div>
        <dt>Output folder</dt>
        <dd>
          <Link href={folderHref(job.outputFolderId)} prefetch={false}>
            <code>{job.outputFolderId}</code>
          </Link>
        </dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>
          <time dateTime={job.creationDate}>{formatDateTime(job.creationDate)}</time>
        </dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>{job.startedAt ? <time dateTime={job.startedAt}>{formatDateTime(job.startedAt)}</time> : "—"}</dd>
      </div>
      <div>
        <dt>Finished</dt>
        <dd>{job.finishedAt ? <time dateTime={job.finishedAt}>{formatDateTime(job.finishedAt)}</time> : "—"}</dd>
      </div>
      <div>
        <dt>Maximum execution time</dt>
        <dd>{job.maximumExecutionTimeInSeconds} s</dd>
      </div>
    </dl>
  );
}
