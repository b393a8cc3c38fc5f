"use client";
/** The /jobs/detail page body: reads `?id=` (this must sit inside a Suspense boundary). */
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ErrorMessage } from "./ErrorMessage";
import { JobDetail } from "./JobDetail";

export function JobDetailView() {
  const id = useSearchParams().get("id")?.trim() ?? "";
  return (
    <>
      <p className="breadcrumb">
        <Link href="/jobs">← All jobs</Link>
      </p>
      <h1>Job {id ? <code className="heading-id">{id}</code> : null}</h1>
      {id ? (
        <JobDetail key={id} id={id} />
      ) : (
        <ErrorMessage title="No job selected.">
          The address needs a job id, like <code>/jobs/detail?id=…</code>. <Link href="/jobs">Back to jobs</Link>
        </ErrorMessage>
      )}
    </>
  );
}
