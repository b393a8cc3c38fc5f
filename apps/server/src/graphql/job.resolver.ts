import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { getModel } from "../services/catalog";
import { getJob, listJobs, startJob, stopJob } from "../services/jobs";
import type { GraphQLContext } from "./context";
import { jobEventStream } from "./job-events";
import { jobOutputStream, type ParagraphOutputChunk } from "./job-output";
import { jobUpdates } from "./job-updates";
import {
  JobConnectionType,
  JobEventType,
  JobType,
  ModelType,
  ParagraphOutputType,
  ParagraphRunType,
  StartJobInput,
  toJobEventType,
  toJobType,
  toParagraphRunType,
} from "./types";

@Resolver(() => JobType)
export class JobResolver {
  @Query(() => JobType, { description: "A job of the caller's tenant; an unknown id is a jobmanager.notFound error." })
  async job(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<JobType> {
    return toJobType(await getJob(services, id));
  }

  @Query(() => JobConnectionType, { description: "The tenant's jobs, newest first." })
  async jobs(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<JobConnectionType> {
    const page = await listJobs(services, { first, after });
    return {
      nodes: page.jobs.map(toJobType),
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.jobs.at(-1)?.id ?? null },
    };
  }

  @Mutation(() => JobType, { description: "Starts a job (status SUBMITTED) for the model's last version." })
  async startJob(@Arg("input", () => StartJobInput) input: StartJobInput, @Ctx() { services }: GraphQLContext): Promise<JobType> {
    const { maximumExecutionTimeInSeconds, retries, ...rest } = input;
    return toJobType(
      await startJob(services, {
        ...rest,
        ...(maximumExecutionTimeInSeconds == null ? {} : { maximumExecutionTimeInSeconds }),
        ...(retries == null ? {} : { retries }),
      }),
    );
  }

  @Mutation(() => JobType, {
    description: "Asks a job to stop; returns it in STOPPING (it ends STOPPED, outputs kept). A job that has already ended is a jobmanager.conflict error.",
  })
  async stopJob(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<JobType> {
    return toJobType(await stopJob(services, id));
  }

  @Subscription(() => JobType, {
    description: "Replays the job's statuses so far, then every change live; completes after a final status.",
    subscribe: async ({ args, context }) => {
      const { services } = context as GraphQLContext;
      await getJob(services, args.id as string); // an unknown or foreign id fails the subscription at once
      return jobUpdates(services, args.id as string);
    },
  })
  jobUpdated(@Root() job: Parameters<typeof toJobType>[0], @Arg("id", () => ID) _id: string): JobType {
    return toJobType(job);
  }

  @Subscription(() => JobEventType, {
    description: "Replays the job's events so far, then every new one live, each once and in order; completes after a final status.",
    subscribe: async ({ args, context }) => {
      const { services } = context as GraphQLContext;
      await getJob(services, args.jobId as string); // an unknown or foreign id fails the subscription at once
      return jobEventStream(services, args.jobId as string);
    },
  })
  jobEvents(@Root() event: Parameters<typeof toJobEventType>[0], @Arg("jobId", () => ID) _jobId: string): JobEventType {
    return toJobEventType(event);
  }

  @Subscription(() => ParagraphOutputType, {
    description: "Paragraph output as it is produced (a few updates a second), after what was produced so far; completes when the job ends.",
    subscribe: async ({ args, context }) => {
      const { services } = context as GraphQLContext;
      await getJob(services, args.jobId as string); // an unknown or foreign id fails the subscription at once
      return jobOutputStream(services, args.jobId as string);
    },
  })
  jobOutput(@Root() chunk: ParagraphOutputChunk, @Arg("jobId", () => ID) _jobId: string): ParagraphOutputType {
    return chunk;
  }

  @FieldResolver(() => ModelType, { nullable: true })
  async model(@Root() job: JobType, @Ctx() { services }: GraphQLContext): Promise<ModelType | null> {
    return getModel(services, job.modelId).catch(() => null);
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
