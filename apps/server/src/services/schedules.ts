/**
 * Schedule services, shared by REST and GraphQL. A new schedule is RUNNING; (re)starting one
 * counts from now, so the time it was stopped is never made up for. Deleting a schedule keeps
 * the jobs it created.
 */
import { filterWhere, resolveJobParameters, type Schedule } from "@jobmanager/db";
import { NotFoundError, PageQuery, parseCron, parseInput, parseScheduleFilter, ScheduleParameters } from "@jobmanager/domain";
import type { ServiceContext } from "./context";

export async function createSchedule({ db, tenant, userId }: ServiceContext, input: unknown): Promise<Schedule> {
  const { maximumExecutionTime, ...params } = parseInput(ScheduleParameters, input);
  // the same checks as a job start, so a schedule cannot name what the tenant cannot use
  await resolveJobParameters(db, { tenantId: tenant.id, userId }, { ...params, maximumExecutionTimeInSeconds: maximumExecutionTime, retries: 0 });
  return db.schedule.create({ data: { ...params, maximumExecutionTime, tenantId: tenant.id, userId, status: "RUNNING" } });
}

export async function getSchedule({ db, tenant }: ServiceContext, id: string): Promise<Schedule> {
  const schedule = await db.schedule.findFirst({ where: { id, tenantId: tenant.id } });
  if (!schedule) throw new NotFoundError("Schedule", id);
  return schedule;
}

/** Offset paging (REST v3) with the schedule filter; newest first. */
export async function pageSchedules({ db, tenant }: ServiceContext, query: unknown) {
  const { pageNumber, pageSize, filter } = parseInput(PageQuery, query);
  const where = { tenantId: tenant.id, ...filterWhere(parseScheduleFilter(filter), { creationDate: "createdAt" }) };
  const [schedules, totalElements] = await Promise.all([
    db.schedule.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: pageNumber * pageSize, take: pageSize }),
    db.schedule.count({ where }),
  ]);
  return { schedules, pageNumber, pageSize, totalElements };
}

export async function deleteSchedule(ctx: ServiceContext, id: string): Promise<void> {
  await getSchedule(ctx, id);
  await ctx.db.schedule.delete({ where: { id } });
}

export async function startSchedule(ctx: ServiceContext, id: string): Promise<Schedule> {
  const schedule = await getSchedule(ctx, id);
  if (schedule.status === "RUNNING") return schedule;
  return ctx.db.schedule.update({ where: { id }, data: { status: "RUNNING", lastFireTime: new Date() } });
}

export async function stopSchedule(ctx: ServiceContext, id: string): Promise<Schedule> {
  await getSchedule(ctx, id);
  return ctx.db.schedule.update({ where: { id }, data: { status: "STOPPED" } });
}

/** The jobs a schedule created, newest first. */
export async function jobsOfSchedule({ db }: ServiceContext, scheduleId: string) {
  const firings = await db.scheduleFiring.findMany({ where: { scheduleId, jobId: { not: null } }, select: { jobId: true } });
  return db.job.findMany({ where: { id: { in: firings.map((f) => f.jobId!) } }, orderBy: { createdAt: "desc" } });
}

export function nextFireTimes(schedule: Pick<Schedule, "scheduleString" | "timezone">, count: number, after = new Date()): Date[] {
  return parseCron(schedule.scheduleString, schedule.timezone).next(after, count);
}
