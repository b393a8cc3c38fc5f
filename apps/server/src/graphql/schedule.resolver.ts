import { Arg, Ctx, FieldResolver, GraphQLISODateTime, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ValidationError } from "@jobmanager/domain";
import {
  createSchedule,
  deleteSchedule,
  getSchedule,
  jobsOfSchedule,
  nextFireTimes,
  pageSchedules,
  startSchedule,
  stopSchedule,
} from "../services/schedules";
import { withoutNulls } from "./catalog-types";
import type { GraphQLContext } from "./context";
import { CreateScheduleInput, ScheduleType, toScheduleType } from "./schedule.types";
import { JobType, toJobType } from "./types";

@Resolver(() => ScheduleType)
export class ScheduleResolver {
  @Query(() => [ScheduleType], { description: "The tenant's schedules, newest first (at most 100)." })
  async schedules(
    @Arg("filter", () => String, { nullable: true, description: "The v3 schedule filter (JSON)." }) filter: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ScheduleType[]> {
    const page = await pageSchedules(services, { pageSize: 100, ...(filter ? { filter } : {}) });
    return page.schedules.map(toScheduleType);
  }

  @Query(() => ScheduleType)
  async schedule(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<ScheduleType> {
    return toScheduleType(await getSchedule(services, id));
  }

  @Mutation(() => ScheduleType, { description: "Creates a RUNNING schedule; the cron string is checked at once." })
  async createSchedule(@Arg("input", () => CreateScheduleInput) input: CreateScheduleInput, @Ctx() { services }: GraphQLContext): Promise<ScheduleType> {
    return toScheduleType(await createSchedule(services, withoutNulls(input)));
  }

  @Mutation(() => Boolean, { description: "Deletes a schedule; the jobs it created stay." })
  async deleteSchedule(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<boolean> {
    await deleteSchedule(services, id);
    return true;
  }

  @Mutation(() => ScheduleType)
  async startSchedule(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<ScheduleType> {
    return toScheduleType(await startSchedule(services, id));
  }

  @Mutation(() => ScheduleType)
  async stopSchedule(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<ScheduleType> {
    return toScheduleType(await stopSchedule(services, id));
  }

  @FieldResolver(() => [GraphQLISODateTime], { description: "The next fire times (5 by default, at most 50)." })
  nextFireTimes(@Root() schedule: ScheduleType, @Arg("count", () => Int, { defaultValue: 5 }) count: number): Date[] {
    if (count < 1 || count > 50) throw new ValidationError("count must be between 1 and 50.");
    return nextFireTimes(schedule, count);
  }

  @FieldResolver(() => [JobType], { description: "The jobs this schedule created, newest first." })
  async jobs(@Root() schedule: ScheduleType, @Ctx() { services }: GraphQLContext): Promise<JobType[]> {
    return (await jobsOfSchedule(services, schedule.id)).map(toJobType);
  }
}
