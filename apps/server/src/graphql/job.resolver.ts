import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import type { ServiceContext } from "../services/context";
import { countJobsByStatus, getJob, listJobs, outputFilesOfJob, startJob, stopJob } from "../services/jobs";
import { getModel } from "../services/models";
import { toConnection, toFileType } from "./catalog-types";
import type { GraphQLContext } from "./context";
import { jobEventStream } from "./job-events";
import { jobOutputStream, type ParagraphOutputChunk } from "./job-output";
import { jobUpdates } from "./job-updates";
import { jobsChanged } from "./jobs-changed";
import {
  JobConnectionType,
  JobEventType,
  JobOrderEnum,
  JobOutputFileType,
  JobStatusCountType,
  JobType,
  ModelType,
  ParagraphOutputType,
  ParagraphRunType,
  StartJobInput,
  toJobEventType,
  toJobType,
  toParagraphRunType,
} from "./types";

/**
 * A subscribe function for a stream about one job: the job must be the caller's tenant's,
 * so an unknown or foreign id fails the subscription at once (jobmanager.notFound).
 */
function ofOwnJob<T>(argument: string, stream: (services: ServiceContext, jobId: string) => AsyncIterable<T>) {
  return async ({ args, context }: SubscribeResolverData): Promise<AsyncIterable<T>> => {
    const { services } = context as GraphQLContext;
    const jobId = args[argument] as string;
    await getJob(services, jobId);
    return stream(services, jobId);
  };
}

@Resolver(() => JobType)
export class JobResolver {
  @Query(() => JobType, { description: "A job of the caller's tenant; an unknown id is a jobmanager.notFound error." })
  async job(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<JobType> {
    return toJobType(await getJob(services, id));
  }

  @Query(() => JobConnectionType, { description: "The tenant's jobs, newest first unless `order` says otherwise." })
  async jobs(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("filter", () => String, {
      nullable: true,
      description: 'The v3 filter language (JSON), e.g. {"status":{"or":[{"eq":"FAILED"},{"eq":"STOPPED"}]}}.',
    })
    filter: string | null,
    @Arg("order", () => JobOrderEnum, { defaultValue: JobOrderEnum.NEWEST_FIRST }) order: keyof typeof JobOrderEnum,
    @Ctx() { services }: GraphQLContext,
  ): Promise<JobConnectionType> {
    return toConnection(await listJobs(services, { first, after, filter, order }), toJobType);
  }

  @Mutation(() => JobType, { description: "Starts a job (status SUBMITTED) for the model's last version." })
  async startJob(@Arg("input", () => StartJobInput) input: StartJobInput, @Ctx() { services }: GraphQLContext): Promise<JobType> {
    const { maximumExecutionTimeInSeconds, retries, idempotencyKey, ...rest } = input;
    const parameters = {
      ...rest,
      ...(maximumExecutionTimeInSeconds == null ? {} : { maximumExecutionTimeInSeconds }),
      ...(retries == null ? {} : { retries }),
    };
    return toJobType(await startJob(services, parameters, { idempotencyKey }));
  }

  @Mutation(() => JobType, {
    description: "Asks a job to stop; returns it in STOPPING (it ends STOPPED, outputs kept). A job that has already ended is a jobmanager.conflict error.",
  })
  async stopJob(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<JobType> {
    return toJobType(await stopJob(services, id));
  }

  @Subscription(() => JobType, {
    description: "Replays the job's statuses so far, then every change live; completes after a final status.",
    subscribe: ofOwnJob("id", jobUpdates),
  })
  jobUpdated(@Root() job: Parameters<typeof toJobType>[0], @Arg("id", () => ID) _id: string): JobType {
    return toJobType(job);
  }

  @Subscription(() => JobType, {
    description: "Every status change of the tenant's jobs that match the filter (the v3 filter language), for live lists.",
    subscribe: ({ args, context }) => jobsChanged((context as GraphQLContext).services, args.filter as string | null),
  })
  jobsChanged(
    @Root() job: Parameters<typeof toJobType>[0],
    @Arg("filter", () => String, { nullable: true }) _filter: string | null,
  ): JobType {
    return toJobType(job);
  }

  @Query(() => [JobStatusCountType], { description: "How many jobs are in each status (all statuses listed)." })
  async jobCounts(
    @Arg("filter", () => String, { nullable: true }) filter: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<JobStatusCountType[]> {
    return countJobsByStatus(services, filter);
  }

  @Subscription(() => JobEventType, {
    description: "Replays the job's events so far, then every new one live, each once and in order; completes after a final status.",
    subscribe: ofOwnJob("jobId", jobEventStream),
  })
  jobEvents(@Root() event: Parameters<typeof toJobEventType>[0], @Arg("jobId", () => ID) _jobId: string): JobEventType {
    return toJobEventType(event);
  }

  @Subscription(() => ParagraphOutputType, {
    description: "Paragraph output as it is produced (a few updates a second), after what was produced so far; completes when the job ends.",
    subscribe: ofOwnJob("jobId", jobOutputStream),
  })
  jobOutput(@Root() chunk: ParagraphOutputChunk, @Arg("jobId", () => ID) _jobId: string): ParagraphOutputType {
    return chunk;
  }

  @FieldResolver(() => ModelType, { nullable: true })
  async model(@Root() job: JobType, @Ctx() { services }: GraphQLContext): Promise<ModelType | null> {
    return getModel(services, job.modelId).catch(() => null);
  }

  @FieldResolver(() => [JobOutputFileType], { description: "The files the job wrote (its outputs and the executed notebook)." })
  async outputFiles(@Root() job: JobType, @Ctx() { services }: GraphQLContext): Promise<JobOutputFileType[]> {
    const outputs = await outputFilesOfJob(services, job.id);
    return outputs.map(({ path, file }) => ({ path, file: file ? toFileType(file) : null }));
  }

  @FieldResolver(() => [JobEventType])
  async events(@Root() job: JobType, @Ctx() { services }: GraphQLContext): Promise<JobEventType[]> {
    const events = await services.db.jobEvent.findMany({ where: { jobId: job.id }, orderBy: { id: "asc" } });
    return events.map(toJobEventType);
  }

  @FieldResolver(() => [ParagraphRunType])
  async paragraphs(@Root() job: JobType, @Ctx() { services }: GraphQLContext): Promise<ParagraphRunType[]> {
    const runs = await services.db.paragraphRun.findMany({ where: { jobId: job.id }, orderBy: { index: "asc" } });
    return runs.map(toParagraphRunType);
  }
}
