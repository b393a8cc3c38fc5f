import type { Schedule } from "@jobmanager/db";
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export const ScheduleStatusEnum = { RUNNING: "RUNNING", STOPPED: "STOPPED" } as const;
registerEnumType(ScheduleStatusEnum, { name: "ScheduleStatus", description: "A RUNNING schedule starts jobs; a STOPPED one does not." });

@ObjectType("Schedule")
export class ScheduleType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) modelId!: string;
  @Field(() => String) configurationId!: string;
  @Field(() => String) inputFolderId!: string;
  @Field(() => String) outputFolderId!: string;
  @Field(() => String, { description: "5-field Unix or 6/7-field Quartz cron string." }) scheduleString!: string;
  @Field(() => String, { description: "IANA time zone of the cron string." }) timezone!: string;
  @Field(() => Int) maximumExecutionTime!: number;
  @Field(() => ScheduleStatusEnum) status!: string;
  @Field(() => GraphQLISODateTime) creationDate!: Date;
  @Field(() => String) createdBy!: string;
}

@InputType("CreateScheduleInput")
export class CreateScheduleInput {
  @Field(() => String) name!: string;
  @Field(() => String) modelId!: string;
  @Field(() => String) configurationId!: string;
  @Field(() => String) inputFolderId!: string;
  @Field(() => String) outputFolderId!: string;
  @Field(() => String) scheduleString!: string;
  @Field(() => String, { nullable: true, description: "Default UTC." }) timezone?: string | null;
  @Field(() => Int, { nullable: true, description: "Seconds; default 3600." }) maximumExecutionTime?: number | null;
}

export function toScheduleType(schedule: Schedule): ScheduleType {
  return {
    id: schedule.id,
    name: schedule.name,
    modelId: schedule.modelId,
    configurationId: schedule.configurationId,
    inputFolderId: schedule.inputFolderId,
    outputFolderId: schedule.outputFolderId,
    scheduleString: schedule.scheduleString,
    timezone: schedule.timezone,
    maximumExecutionTime: schedule.maximumExecutionTime,
    status: schedule.status,
    creationDate: schedule.createdAt,
    createdBy: schedule.tenantId,
  };
}
