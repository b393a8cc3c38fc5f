/**
 * The schedules page walked as a person would, in headless Chromium: the next fire times
 * previewed while typing, a bad cron string refused next to its field, creating, stopping,
 * starting and deleting a schedule, and the jobs a schedule created.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, openPage, screenshotDir, useBrowserSession } from "./browser";
import { demoJobParameters, until, type TestServer } from "./harness";

describe.skipIf(!chromiumPath)("web schedules page in headless Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSession((session) => ({ server, browser } = session));

  it("previews next fire times, refuses a bad cron string, creates a schedule and stops, starts and deletes it", async () => {
    const { page, pageErrors } = await openPage(browser, `${server.url}/schedules#token=${server.token}`);
    const create = page.getByRole("button", { name: "Create schedule" });
    await expect.poll(() => create.isEnabled(), { timeout: 30_000 }).toBe(true);

    await page.getByLabel("Schedule name").fill("Nightly sales");
    await page.getByLabel("Time zone").fill("Europe/Berlin");
    // Quartz with seconds: 02:30:00 every day.
    await page.getByLabel("Cron string").fill("0 30 2 * * ?");
    const preview = page.getByTestId("cron-preview");
    await expect.poll(() => preview.locator("li").count()).toBe(5);
    await expect.poll(() => preview.innerText()).toContain("02:30:00");

    await page.getByLabel("Cron string").fill("61 * * * *");
    await page.getByTestId("cron-preview-error").waitFor();
    await create.click();
    await page.getByTestId("field-error-scheduleString").waitFor();
    expect(await page.getByLabel("Cron string").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Cron string").fill("*/5 * * * *");
    await expect.poll(() => preview.locator("li").count()).toBe(5);
    await page.screenshot({ path: path.join(screenshotDir, "schedules-preview.png"), fullPage: true });
    await create.click();

    const item = page.locator('[data-testid^="schedule-"]').filter({ hasText: "Nightly sales" }).first();
    await item.waitFor({ timeout: 30_000 });
    const row = await server.db.schedule.findFirstOrThrow({ where: { name: "Nightly sales" } });
    expect(row.scheduleString).toBe("*/5 * * * *");
    expect(row.timezone).toBe("Europe/Berlin");
    await page.getByTestId(`schedule-status-${row.id}`).filter({ hasText: "RUNNING" }).waitFor();
    await expect.poll(() => page.getByTestId(`schedule-next-${row.id}`).innerText()).toMatch(/\d\d:\d[05]:00/);
    await page.screenshot({ path: path.join(screenshotDir, "schedules-created.png"), fullPage: true });

    await page.getByRole("button", { name: "Stop schedule Nightly sales" }).click();
    await page.getByTestId(`schedule-status-${row.id}`).filter({ hasText: "STOPPED" }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Start schedule Nightly sales" }).click();
    await page.getByTestId(`schedule-status-${row.id}`).filter({ hasText: "RUNNING" }).waitFor({ timeout: 30_000 });

    await page.getByRole("button", { name: "Delete schedule Nightly sales" }).click();
    await page.getByRole("button", { name: "Confirm delete" }).click();
    await page.getByTestId(`schedule-${row.id}`).waitFor({ state: "detached", timeout: 30_000 });
    expect(await server.db.schedule.count({ where: { id: row.id } })).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("lists the jobs a schedule created, with their status", async () => {
    // A schedule that fires every second (Quartz), stopped once it has made a job.
    const created = await server.graphql(
      `mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`,
      {
        input: {
          ...demoJobParameters,
          name: "Every second",
          scheduleString: "* * * * * ?",
        },
      },
    );
    const id = created.data.createSchedule.id as string;
    await until("the schedule to start a job", async () => (await server.db.scheduleFiring.count({ where: { scheduleId: id, jobId: { not: null } } })) > 0, 60_000, 200);
    await server.graphql(`mutation($id: ID!) { stopSchedule(id: $id) { id } }`, { id });

    const { page, pageErrors } = await openPage(browser, `${server.url}/schedules#token=${server.token}`, 390);
    const item = page.getByTestId(`schedule-${id}`);
    await item.waitFor({ timeout: 30_000 });
    await item.getByText(/Jobs created \([1-9]/).click();
    await item.locator('a[href^="/jobs/detail?id="]').first().waitFor();
    await page.screenshot({ path: path.join(screenshotDir, "schedules-jobs-390.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
