/**
 * Every GraphQL operation the UI sends, with the TypeScript shape of its result. The shapes
 * mirror the server's schema (see the brief in DESIGN.md "Web"); keep the selection sets
 * and the types side by side so they cannot drift apart.
 */
import { gql } from "urql";
import type { JobStatus, ParagraphStatus } from "./jobStatus";

export type Tenant = { id: string; name: string };
export type Model = { id: string; name: string; description: string; type: string };
export type EnvironmentConfiguration = { id: string; name: string; description: string };
export type Folder = { id: string; name: string; parentId: string };
/** A folder with its path from its root ("Public/sales/2026"), as the job pickers list them. */
export type FolderPath = { path: string; folder: Folder };
export type JobEvent = { id: string; status: JobStatus; message: string; at: string };
export type ParagraphResult = { type: string; data: string };
export type ParagraphRun = {
  index: number;
  paragraphId: string;
  title: string | null;
  interpreter: string;
  status: ParagraphStatus;
  results: ParagraphResult[];
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
};

/** The fields a row of the jobs table shows. */
export type JobSummary = {
  id: string;
  modelId: string;
  status: JobStatus;
  message: string;
  creationDate: string;
  model: { id: string; name: string } | null;
};

/** A job as the detail page shows it, without paragraphs (they come from the query only). */
export type JobHead = JobSummary & {
  modelVersionId: string;
  configurationId: string;
  environmentId: string | null;
  inputFolderId: string;
  outputFolderId: string;
  maximumExecutionTimeInSeconds: number;
  createdBy: string;
  startedAt: string | null;
  finishedAt: string | null;
  events: JobEvent[];
};

/** A file the job wrote; `file` is null once it was deleted from the output folder. */
export type JobOutputFile = { path: string; file: { id: string; name: string; sizeInBytes: number; downloadPath: string } | null };

export type JobDetail = JobHead & { paragraphs: ParagraphRun[]; outputFiles: JobOutputFile[] };

export type StartJobInput = {
  modelId: string;
  configurationId: string;
  inputFolderId: string;
  outputFolderId: string;
  maximumExecutionTimeInSeconds?: number;
  idempotencyKey?: string;
};

const JOB_SUMMARY_FIELDS = `
  id
  modelId
  status
  message
  creationDate
  model { id name }
`;

const JOB_HEAD_FIELDS = `
  ${JOB_SUMMARY_FIELDS}
  modelVersionId
  configurationId
  environmentId
  inputFolderId
  outputFolderId
  maximumExecutionTimeInSeconds
  createdBy
  startedAt
  finishedAt
  events { id status message at }
`;

export const VIEWER_QUERY = gql<{ viewer: Tenant }, Record<string, never>>`
  query Viewer {
    viewer { id name }
  }
`;

export const NEW_JOB_OPTIONS_QUERY = gql<
  { models: Model[]; configurations: EnvironmentConfiguration[]; folderPaths: FolderPath[] },
  Record<string, never>
>`
  query NewJobOptions {
    models { id name description type }
    configurations { id name description }
    folderPaths { path folder { id name parentId } }
  }
`;

export const START_JOB_MUTATION = gql<{ startJob: JobSummary }, { input: StartJobInput }>(`
  mutation StartJob($input: StartJobInput!) {
    startJob(input: $input) { ${JOB_SUMMARY_FIELDS} }
  }
`);

export const JOB_ROW_UPDATED_SUBSCRIPTION = gql<{ jobUpdated: JobSummary }, { id: string }>(`
  subscription JobRowUpdated($id: ID!) {
    jobUpdated(id: $id) { ${JOB_SUMMARY_FIELDS} }
  }
`);

export const JOB_DETAIL_QUERY = gql<{ job: JobDetail }, { id: string }>(`
  query JobDetail($id: ID!) {
    job(id: $id) {
      ${JOB_HEAD_FIELDS}
      paragraphs {
        index
        paragraphId
        title
        interpreter
        status
        results { type data }
        error
        startedAt
        finishedAt
        durationMs
      }
      outputFiles { path file { id name sizeInBytes downloadPath } }
    }
  }
`);

export const JOB_DETAIL_UPDATED_SUBSCRIPTION = gql<{ jobUpdated: JobHead }, { id: string }>(`
  subscription JobDetailUpdated($id: ID!) {
    jobUpdated(id: $id) { ${JOB_HEAD_FIELDS} }
  }
`);

export type JobsPage = {
  nodes: JobSummary[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

export type JobOrder = "NEWEST_FIRST" | "OLDEST_FIRST";

/** The jobs table, a page at a time, with the v3 filter (JSON text; null for all jobs). */
export const FILTERED_JOBS_QUERY = gql<{ jobs: JobsPage }, { first: number; after?: string | null; filter?: string | null; order?: JobOrder }>(`
  query FilteredJobs($first: Int!, $after: String, $filter: String, $order: JobOrder) {
    jobs(first: $first, after: $after, filter: $filter, order: $order) {
      nodes { ${JOB_SUMMARY_FIELDS} }
      totalCount
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Every status change of the tenant's jobs matching the filter. */
export const JOBS_CHANGED_SUBSCRIPTION = gql<{ jobsChanged: JobSummary }, { filter?: string | null }>(`
  subscription JobsChanged($filter: String) {
    jobsChanged(filter: $filter) { ${JOB_SUMMARY_FIELDS} }
  }
`);

export const MODELS_QUERY = gql<{ models: Model[] }, Record<string, never>>`
  query Models {
    models { id name description type }
  }
`;

export type ParagraphProgress = { index: number; status: ParagraphStatus };

/** A running job on the dashboard: its paragraphs' statuses give "paragraph k of n". */
export type RunningJob = JobSummary & {
  startedAt: string | null;
  maximumExecutionTimeInSeconds: number;
  paragraphs: ParagraphProgress[];
};

export const DASHBOARD_QUERY = gql<
  {
    jobCounts: { status: JobStatus; count: number }[];
    active: { nodes: RunningJob[]; totalCount: number };
    failures: { nodes: JobSummary[]; totalCount: number };
  },
  { activeFilter: string; failedFilter: string }
>(`
  query Dashboard($activeFilter: String!, $failedFilter: String!) {
    jobCounts { status count }
    active: jobs(first: 20, filter: $activeFilter) {
      nodes { ${JOB_SUMMARY_FIELDS} startedAt maximumExecutionTimeInSeconds paragraphs { index status } }
      totalCount
    }
    failures: jobs(first: 5, filter: $failedFilter) {
      nodes { ${JOB_SUMMARY_FIELDS} }
      totalCount
    }
  }
`);

export const STOP_JOB_MUTATION = gql<{ stopJob: JobSummary }, { id: string }>(`
  mutation StopJob($id: ID!) {
    stopJob(id: $id) { ${JOB_SUMMARY_FIELDS} }
  }
`);

export type ParagraphOutputChunk = { index: number; jobId: string; offset: number; text: string };

export const JOB_OUTPUT_SUBSCRIPTION = gql<{ jobOutput: ParagraphOutputChunk }, { jobId: string }>`
  subscription JobOutput($jobId: ID!) {
    jobOutput(jobId: $jobId) { index jobId offset text }
  }
`;

export type ScheduleStatus = "RUNNING" | "STOPPED";
export type ScheduleJob = { id: string; status: JobStatus; message: string; creationDate: string };
export type Schedule = {
  id: string;
  name: string;
  status: ScheduleStatus;
  scheduleString: string;
  timezone: string;
  modelId: string;
  configurationId: string;
  inputFolderId: string;
  outputFolderId: string;
  maximumExecutionTime: number;
  creationDate: string;
  nextFireTimes: string[];
  jobs: ScheduleJob[];
};

const SCHEDULE_FIELDS = `
  id name status scheduleString timezone modelId configurationId inputFolderId outputFolderId
  maximumExecutionTime creationDate nextFireTimes(count: 3)
  jobs { id status message creationDate }
`;

export const SCHEDULES_QUERY = gql<{ schedules: Schedule[] }, Record<string, never>>(`
  query Schedules {
    schedules { ${SCHEDULE_FIELDS} }
  }
`);

export type CreateScheduleInput = {
  name: string;
  scheduleString: string;
  timezone: string;
  modelId: string;
  configurationId: string;
  inputFolderId: string;
  outputFolderId: string;
  maximumExecutionTime?: number;
};

export const CREATE_SCHEDULE_MUTATION = gql<{ createSchedule: Schedule }, { input: CreateScheduleInput }>(`
  mutation CreateSchedule($input: CreateScheduleInput!) {
    createSchedule(input: $input) { ${SCHEDULE_FIELDS} }
  }
`);

export const START_SCHEDULE_MUTATION = gql<{ startSchedule: Schedule }, { id: string }>(`
  mutation StartSchedule($id: ID!) {
    startSchedule(id: $id) { ${SCHEDULE_FIELDS} }
  }
`);

export const STOP_SCHEDULE_MUTATION = gql<{ stopSchedule: Schedule }, { id: string }>(`
  mutation StopSchedule($id: ID!) {
    stopSchedule(id: $id) { ${SCHEDULE_FIELDS} }
  }
`);

export const DELETE_SCHEDULE_MUTATION = gql<{ deleteSchedule: boolean }, { id: string }>`
  mutation DeleteSchedule($id: ID!) {
    deleteSchedule(id: $id)
  }
`;
