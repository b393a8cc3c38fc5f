/**
 * GraphQL object types. Rows from the database are turned into these by the `to…` functions,
 * so the schema's names (creationDate, createdBy) stay those of the v3 API.
 */
import type { Job, JobEvent, ModelVersion, ParagraphRun } from "@jobmanager/db";
import { JOB_STATUSES, type JobStatus } from "@jobmanager/domain";
import { FileType } from "./catalog-types";
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export const JobStatusEnum = Object.fromEntries(JOB_STATUSES.map((s) => [s, s])) as { [S in JobStatus]: S };
registerEnumType(JobStatusEnum, { name: "JobStatus", description: "The status of a job (v3 Job Manager)." });

export const JobOrderEnum = { NEWEST_FIRST: "NEWEST_FIRST", OLDEST_FIRST: "OLDEST_FIRST" } as const;
registerEnumType(JobOrderEnum, { name: "JobOrder", description: "The order of a job list, by creation date (ties by id)." });

export const ParagraphStatusEnum = { READY: "READY", PENDING: "PENDING", RUNNING: "RUNNING", FINISHED: "FINISHED", ERROR: "ERROR", ABORT: "ABORT" } as const;
registerEnumType(ParagraphStatusEnum, { name: "ParagraphStatus", description: "The status of one paragraph of a job's notebook." });

@ObjectType("Tenant")
export class TenantType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType("Model")
export class ModelType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String) type!: string;
  @Field(() => String) author!: string;
  @Field(() => GraphQLISODateTime, { name: "modifiedDate", description: "When the model or its versions last changed." }) updatedAt!: Date;
  /** Read with the model by every service that returns one (models.ts); the lastVersion field resolver maps it. */
  lastVersion!: ModelVersion | null;
}

@ObjectType("ConfigurationVariable")
export class ConfigurationVariableType {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "Null for a secret: its value is never returned." }) value!: string | null;
  @Field(() => Boolean) secret!: boolean;
}

@ObjectType("EnvironmentConfiguration")
export class EnvironmentConfigurationType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => [String]) interpreters!: string[];
  @Field(() => [ConfigurationVariableType]) variables!: ConfigurationVariableType[];
  @Field(() => Int, { nullable: true }) memoryLimitMb!: number | null;
  @Field(() => Int, { nullable: true }) processLimit!: number | null;
  @Field(() => Boolean) network!: boolean;
  @Field(() => Int) maxInstances!: number;
  @Field(() => GraphQLISODateTime) creationDate!: Date;
  @Field(() => GraphQLISODateTime) modifiedDate!: Date;
}

@ObjectType("Folder", { description: "A Data Exchange folder, or one of the roots _PUBLIC_ROOT_ID and _PRIVATE_ROOT_ID." })
export class FolderType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "Null for the roots." }) parentId!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) modifiedDate!: Date | null;
  @Field(() => String, { nullable: true }) modifiedBy!: string | null;
}

@ObjectType("JobEvent", { description: "One status change of a job, in the order they happened." })
export class JobEventType {
  @Field(() => ID) id!: string;
  @Field(() => JobStatusEnum) status!: JobStatus;
  @Field(() => String) message!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType("ParagraphResult", { description: "One typed result of a paragraph (Zeppelin's display system)." })
export class ParagraphResultType {
  @Field(() => String, { description: "TEXT, HTML (sanitised), TABLE (tab-separated, header first) or IMG." }) type!: string;
  @Field(() => String) data!: string;
}

@ObjectType("ParagraphRun")
export class ParagraphRunType {
  @Field(() => Int) index!: number;
  @Field(() => String) paragraphId!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String) interpreter!: string;
  @Field(() => ParagraphStatusEnum) status!: string;
  @Field(() => [ParagraphResultType]) results!: ParagraphResultType[];
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
}

@ObjectType("ParagraphOutput", { description: "A chunk of a running paragraph's output (stdout and stderr, with display-system lines)." })
export class ParagraphOutputType {
  @Field(() => ID) jobId!: string;
  @Field(() => Int, { description: "The paragraph's index in the notebook (0-based)." }) index!: number;
  @Field(() => Int, { description: "Where this chunk starts in the paragraph's output, in characters." }) offset!: number;
  @Field(() => String) text!: string;
}

@ObjectType("Job")
export class JobType {
  @Field(() => ID) id!: string;
  @Field(() => String) modelId!: string;
  @Field(() => String) modelVersionId!: string;
  @Field(() => String) configurationId!: string;
  @Field(() => String) environmentId!: string;
  @Field(() => String) inputFolderId!: string;
  @Field(() => String) outputFolderId!: string;
  @Field(() => Int) maximumExecutionTimeInSeconds!: number;
  @Field(() => Int, { description: "How many times the job may run again when its runner is lost." }) retries!: number;
  @Field(() => Int, { description: "Which run this is (1 = the first)." }) attempt!: number;
  @Field(() => JobStatusEnum) status!: JobStatus;
  @Field(() => String) message!: string;
  @Field(() => GraphQLISODateTime) creationDate!: Date;
  @Field(() => String, { description: "The tenant that created the job." }) createdBy!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType("JobStatusCount")
export class JobStatusCountType {
  @Field(() => JobStatusEnum) status!: JobStatus;
  @Field(() => Int) count!: number;
}

@ObjectType("JobOutputFile", { description: "A file the job wrote into its output folder." })
export class JobOutputFileType {
  @Field(() => String, { description: "The path below the output folder." }) path!: string;
  @Field(() => FileType, { nullable: true, description: "The file now (null once deleted; a later job may have overwritten it)." })
  file!: FileType | null;
}

@ObjectType("PageInfo")
export class PageInfoType {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType("JobConnection")
export class JobConnectionType {
  @Field(() => [JobType]) nodes!: JobType[];
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@InputType("StartJobInput")
export class StartJobInput {
  @Field(() => String) modelId!: string;
  @Field(() => String) configurationId!: string;
  @Field(() => String) inputFolderId!: string;
  @Field(() => String) outputFolderId!: string;
  @Field(() => Int, { nullable: true }) maximumExecutionTimeInSeconds?: number | null;
  @Field(() => String, { nullable: true, description: "The same key (per tenant) returns the job it started the first time." })
  idempotencyKey?: string | null;
  @Field(() => Int, { nullable: true, description: "How many times the job may run again when its runner is lost (default 0, at most 5)." })
  retries?: number | null;
}

export function toJobType(job: Job): JobType {
  return {
    id: job.id,
    modelId: job.modelId,
    modelVersionId: job.modelVersionId,
    configurationId: job.configurationId,
    environmentId: job.environmentId,
    inputFolderId: job.inputFolderId,
    outputFolderId: job.outputFolderId,
    maximumExecutionTimeInSeconds: job.maximumExecutionTimeInSeconds,
    retries: job.retries,
    attempt: job.attempt,
    status: job.status as JobStatus,
    message: job.message,
    creationDate: job.createdAt,
    createdBy: job.tenantId,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export function toJobEventType(event: JobEvent): JobEventType {
  return { id: String(event.id), status: event.status as JobStatus, message: event.message, at: event.at };
}

export function toParagraphRunType(run: ParagraphRun): ParagraphRunType {
  return { ...run, results: JSON.parse(run.results) as ParagraphResultType[] };
}
