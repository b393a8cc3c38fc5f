import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoJobParameters, startTestServer, zeppelinNote, type TestServer } from "./harness";

const V3_SCHEDULE_FIELDS = [
  "configurationId", "createdBy", "creationDate", "id", "inputFolderId", "maximumExecutionTime",
  "modelId", "name", "outputFolderId", "scheduleString", "status",
];
const daily = { ...demoJobParameters, name: "Daily summary", scheduleString: "0 15 10 * * ?", maximumExecutionTime: 600 };

describe("schedules", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());

  const post = (path: string, json?: unknown, token?: string) => server.request(`/api/jobmanager/v3${path}`, { method: "POST", json, token });

  it("creates a schedule with the v3 shape, reads, stops, starts and deletes it", async () => {
    const created = await post("/schedules", daily);
    expect(created.status).toBe(201);
    const schedule = await created.json();
    expect(Object.keys(schedule).sort()).toEqual(V3_SCHEDULE_FIELDS);
    expect(schedule).toMatchObject({ name: "Daily summary", scheduleString: "0 15 10 * * ?", status: "RUNNING", maximumExecutionTime: 600, createdBy: "demo" });

    expect(await (await server.request(`/api/jobmanager/v3/schedules/${schedule.id}`)).json()).toEqual(schedule);
    expect((await (await post(`/schedules/${schedule.id}/stop`)).json()).status).toBe("STOPPED");
    expect((await (await post(`/schedules/${schedule.id}/start`)).json()).status).toBe("RUNNING");
    expect((await server.request(`/api/jobmanager/v3/schedules/${schedule.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await server.request(`/api/jobmanager/v3/schedules/${schedule.id}`)).status).toBe(404);
  });

  it("accepts 5-field cron strings and the limit as a string", async () => {
    const response = await post("/schedules", { ...daily, scheduleString: "0 9 * * 1-5", maximumExecutionTime: "120" });
    expect(response.status).toBe(201);
    expect((await response.json()).maximumExecutionTime).toBe(120);
  });

  it.each([
    ["a cron string with a field out of range", { ...daily, scheduleString: "0 61 * * *" }, 400, /scheduleString: Invalid schedule '0 61 \* \* \*'/],
    ["a cron string with too few fields", { ...daily, scheduleString: "0 9 *" }, 400, /5 fields \(Unix\) or 6–7 fields/],
    ["an unknown time zone", { ...daily, timezone: "Atlantis/Capital" }, 400, /Unknown time zone/],
    ["a missing name", { ...daily, name: undefined }, 400, /name is required/],
    ["an unknown model", { ...daily, modelId: "nope" }, 404, /Model 'nope' was not found/],
  ])("refuses %s and creates nothing", async (_name, body, status, message) => {
    const before = await server.db.schedule.count();
    const response = await post("/schedules", body);
    expect(response.status).toBe(status);
    expect((await response.json()).errors[0].message).toMatch(message);
    expect(await server.db.schedule.count()).toBe(before);
  });

  it("lists schedules with paging and the schedule filter (eq, contains, gt)", async () => {
    const other = await server.createTenant("schedules-list");
    const modelId = await server.createModel(zeppelinNote("%sh\necho listed"), other.tenantId);
    const configuration = await server.db.environmentConfiguration.create({ data: { tenantId: other.tenantId, name: "c" } });
    const params = { modelId, configurationId: configuration.id, inputFolderId: "_PUBLIC_ROOT_ID", outputFolderId: "_PUBLIC_ROOT_ID" };
    const ids: string[] = [];
    for (const name of ["alpha nightly", "beta hourly", "gamma nightly"]) {
      ids.push((await (await post("/schedules", { ...params, name, scheduleString: "0 0 * * *" }, other.token)).json()).id);
    }
    await post(`/schedules/${ids[1]}/stop`, undefined, other.token);
    const list = async (query: string) => (await server.request(`/api/jobmanager/v3/schedules${query}`, { token: other.token })).json();
    const names = (body: { schedules: Array<{ name: string }> }) => body.schedules.map((s) => s.name);

    const all = await list("");
    expect(names(all)).toEqual(["gamma nightly", "beta hourly", "alpha nightly"]);
    expect(all.page).toEqual({ number: 0, size: 100, totalPages: 1, totalElements: 3 });
    expect(all.content).toEqual(all.schedules);
    expect(names(await list("?pageSize=2&pageNumber=1"))).toEqual(["alpha nightly"]);
    const f = (filter: object) => `?filter=${encodeURIComponent(JSON.stringify(filter))}`;
    expect(names(await list(f({ status: { eq: "STOPPED" } })))).toEqual(["beta hourly"]);
    expect(names(await list(f({ name: { contains: "nightly" } })))).toEqual(["gamma nightly", "alpha nightly"]);
    expect(names(await list(f({ creationDate: { gt: "2000-01-01T00:00:00Z" }, modelId: { eq: modelId } })))).toHaveLength(3);
    expect((await server.request(`/api/jobmanager/v3/schedules${f({ status: { eq: "PAUSED" } })}`, { token: other.token })).status).toBe(400);
  });

  it("hides a tenant's schedule from another tenant (404)", async () => {
    const { id } = await (await post("/schedules", daily)).json();
    const other = await server.createTenant("schedules-other");
    for (const [method, path] of [["GET", ""], ["DELETE", ""], ["POST", "/start"], ["POST", "/stop"]] as const) {
      const response = await server.request(`/api/jobmanager/v3/schedules/${id}${path}`, { method, token: other.token });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await server.db.schedule.findUniqueOrThrow({ where: { id } })).status).toBe("RUNNING");
  });

  it("shows the next five fire times over GraphQL and manages schedules there too", async () => {
    const created = await server.graphql(
      `mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id status timezone nextFireTimes } }`,
      { input: { ...demoJobParameters, name: "Berlin mornings", scheduleString: "0 0 9 * * ?", timezone: "Europe/Berlin" } },
    );
    expect(created.errors).toBeUndefined();
    const schedule = created.data.createSchedule;
    expect(schedule.nextFireTimes).toHaveLength(5);
    for (const time of schedule.nextFireTimes) expect(time).toMatch(/T0[78]:00:00\.000Z$/); // 09:00 in Berlin
    const stopped = await server.graphql(`mutation($id: ID!) { stopSchedule(id: $id) { status } }`, { id: schedule.id });
    expect(stopped.data.stopSchedule.status).toBe("STOPPED");
    const bad = await server.graphql(`mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`, {
      input: { ...demoJobParameters, name: "bad", scheduleString: "every day" },
    });
    expect(bad.errors?.[0].extensions.code).toBe("jobmanager.invalidInput");
    const deleted = await server.graphql(`mutation($id: ID!) { deleteSchedule(id: $id) }`, { id: schedule.id });
    expect(deleted.data.deleteSchedule).toBe(true);
  });
});

describe("a running schedule on a live server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());

  it("starts jobs at its fire times, none once stopped, and deleting it keeps its jobs", async () => {
    const { id } = await (
      await server.request("/api/jobmanager/v3/schedules", { method: "POST", json: { ...demoJobParameters, name: "every second", scheduleString: "* * * * * ?" } })
    ).json();
    const jobsOf = () => server.graphql(`query($id: ID!) { schedule(id: $id) { jobs { id status } } }`, { id });
    await expect.poll(async () => (await jobsOf()).data.schedule.jobs.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await server.request(`/api/jobmanager/v3/schedules/${id}/stop`, { method: "POST" });
    const count = await server.db.scheduleFiring.count({ where: { scheduleId: id } });
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(await server.db.scheduleFiring.count({ where: { scheduleId: id } })).toBe(count);

    const jobIds = (await server.db.scheduleFiring.findMany({ where: { scheduleId: id } })).map((f) => f.jobId!);
    await server.request(`/api/jobmanager/v3/schedules/${id}`, { method: "DELETE" });
    expect(await server.db.job.count({ where: { id: { in: jobIds } } })).toBe(jobIds.length);
  });
});
