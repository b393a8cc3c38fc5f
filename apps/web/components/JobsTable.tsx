"use client";
/** The jobs table, newest first; each row keeps itself up to date. */
import type { JobSummary } from "@/lib/graphql";
import { JobRow } from "./JobRow";

export function JobsTable({ jobs }: { jobs: readonly JobSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table jobs-table" aria-label="Jobs">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Model</th>
            <th scope="col">Status</th>
            <th scope="col">Message</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
