"use client";
/**
 * The /schedules page: the create form, then every schedule with its status, cron string,
 * next fire time, start/stop/delete and the jobs it created. The list is fetched again when
 * a job changes (a schedule's jobs show their status live), after a reconnect, and after
 * every action.
 */
import Link from "next/link";
import { useCallback, useState } from "react";
import { useMutation, useQuery } from "urql";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import {
  DELETE_SCHEDULE_MUTATION,
  SCHEDULES_QUERY,
  START_SCHEDULE_MUTATION,
  STOP_SCHEDULE_MUTATION,
  type Schedule,
} from "@/lib/graphql";
import { useRefetchOnJobsChanged } from "@/lib/useJobsChanged";
import { useReconnect } from "@/lib/useReconnect";
import { ConfirmButton } from "./ConfirmButton";
import { ErrorMessage } from "./ErrorMessage";
import { ListCard } from "./ListCard";
import { formatInZone, ScheduleForm } from "./ScheduleForm";
import { StatusBadge } from "./StatusBadge";

function ScheduleItem({ schedule, onChanged }: { schedule: Schedule; onChanged: () => void }) {
  const [{ fetching: starting }, startSchedule] = useMutation(START_SCHEDULE_MUTATION);
  const [{ fetching: stopping }, stopSchedule] = useMutation(STOP_SCHEDULE_MUTATION);
  const [{ fetching: deleting }, deleteSchedule] = useMutation(DELETE_SCHEDULE_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const busy = starting || stopping || deleting;
  const headingId = `schedule-${schedule.id}-name`;

  async function run(action: () => Promise<{ error?: import("urql").CombinedError }>) {
    setError(null);
    const result = await action();
    if (result.error) setError(errorMessage(result.error));
    onChanged();
  }

  const next = schedule.nextFireTimes[0];
  return (
    <li className="schedule" data-testid={`schedule-${schedule.id}`} aria-labelledby={headingId}>
      <div className="schedule-head">
        <h3 id={headingId}>{schedule.name}</h3>
        <StatusBadge status={schedule.status} testId={`schedule-status-${schedule.id}`} />
      </div>
      <dl className="facts">
        <div>
          <dt>Cron string</dt>
          <dd>
            <code>{schedule.scheduleString}</code>
          </dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>{schedule.timezone}</dd>
        </div>
        <div className="facts-wide">
          <dt>Next fire time</dt>
          <dd data-testid={`schedule-next-${schedule.id}`}>
            {schedule.status === "STOPPED" ? (
              "— (stopped)"
            ) : next ? (
              <time dateTime={next}>{formatInZone(next, schedule.timezone)}</time>
            ) : (
              "Never"
            )}
          </dd>
        </div>
      </dl>
      <div className="job-actions">
        {schedule.status === "RUNNING" ? (
          <button type="button" className="button" disabled={busy} aria-label={`Stop schedule ${schedule.name}`} onClick={() => run(() => stopSchedule({ id: schedule.id }))}>
            Stop
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} aria-label={`Start schedule ${schedule.name}`} onClick={() => run(() => startSchedule({ id: schedule.id }))}>
            Start
          </button>
        )}
        <ConfirmButton
          label="Delete"
          ariaLabel={`Delete schedule ${schedule.name}`}
          confirmLabel="Confirm delete"
          busy={busy}
          onConfirm={() => run(() => deleteSchedule({ id: schedule.id }))}
        />
      </div>
      {error ? <ErrorMessage title="The action failed.">{error}</ErrorMessage> : null}
      <details className="schedule-jobs">
        <summary>
          Jobs created ({schedule.jobs.length})
        </summary>
        {schedule.jobs.length === 0 ? (
          <p className="empty">No job yet.</p>
        ) : (
          <ul>
            {schedule.jobs.map((job) => (
              <li key={job.id}>
                <Link href={`/jobs/detail?id=${encodeURIComponent(job.id)}`} prefetch={false}>
                  <code>{job.id}</code>
                </Link>{" "}
                <StatusBadge status={job.status} /> <time dateTime={job.creationDate}>{formatDateTime(job.creationDate)}</time>
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

export function SchedulesView() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: SCHEDULES_QUERY, requestPolicy: "network-only" });
  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  useRefetchOnJobsChanged(reload);
  useReconnect(reload);
  const [created, setCreated] = useState<string | null>(null);

  const schedules = data?.schedules ?? [];
  return (
    <>
      <h1>Schedules</h1>
      <ScheduleForm
        onCreated={(schedule) => {
          setCreated(schedule.name);
          reload();
        }}
      />
      {created ? (
        <p className="success" role="status">
          Schedule “{created}” created.
        </p>
      ) : null}
      <ListCard heading="All schedules" loaded={Boolean(data)} fetching={fetching} error={error} onRefresh={reload}
        errorTitle="Could not load schedules." errorTestId="schedules-error" loadingLabel="Loading schedules…">
        {data ? (
          schedules.length === 0 ? (
            <p className="empty">No schedules yet.</p>
          ) : (
            <ul className="schedules">
              {schedules.map((schedule) => (
                <ScheduleItem key={schedule.id} schedule={schedule} onChanged={reload} />
              ))}
            </ul>
          )
        ) : null}
      </ListCard>
    </>
  );
}
