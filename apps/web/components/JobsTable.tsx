"use client";
/** The jobs table; each row keeps itself up to date. The Created header toggles the order. */
import type { JobOrder, JobSummary } from "@/lib/graphql";
import { JobRow } from "./JobRow";

export function JobsTable({ jobs, order, onToggleOrder }: { jobs: readonly JobSummary[]; order: JobOrder; onToggleOrder: () => void }) {
  const newestFirst = order === "NEWEST_FIRST";
  return (
    <div className="table-scroll">
      <table className="data-table jobs-table" aria-label="Jobs">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Model</th>
            <th scope="col">Status</th>
            <th scope="col">Message</th>
            <th scope="col" aria-sort={newestFirst ? "descending" : "ascending"}>
              <button type="button" className="sort-button" onClick={onToggleOrder}
                aria-label={`Created, ${newestFirst ? "newest" : "oldest"} first; sort ${newestFirst ? "oldest" : "newest"} first`}>
                Created <span aria-hidden="true">{newestFirst ? "↓" : "↑"}</span>
              </button>
            </th>
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
