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

export type JobDetail = JobHead & { paragraphs: ParagraphRun[] };

export type StartJobInput = {
  modelId: string;
  configurationId: string;
  inputFolderId: string;
  outputFolderId: string;
  maximumExecutionTimeInSeconds?: number;
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

export const JOBS_QUERY = gql<
  { jobs: { nodes: JobSummary[]; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  { first: number; after?: string | null }
>(`
  query Jobs($first: Int!, $after: String) {
    jobs(first: $first, after: $after) {
      nodes { ${JOB_SUMMARY_FIELDS} }
      totalCount
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const NEW_JOB_OPTIONS_QUERY = gql<
  { models: Model[]; configurations: EnvironmentConfiguration[]; folders: Folder[] },
  Record<string, never>
>`
  query NewJobOptions {
    models { id name description type }
    configurations { id name description }
    folders { id name parentId }
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
    }
  }
`);

export const JOB_DETAIL_UPDATED_SUBSCRIPTION = gql<{ jobUpdated: JobHead }, { id: string }>(`
  subscription JobDetailUpdated($id: ID!) {
    jobUpdated(id: $id) { ${JOB_HEAD_FIELDS} }
  }
`);
