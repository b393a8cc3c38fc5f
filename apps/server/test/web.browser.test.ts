import path from "node:path";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, newPage, openPage, screenshotDir, useBrowserSession } from "./browser";
import { demoJobParameters, type TestServer } from "./harness";

describe.skipIf(!chromiumPath)("web UI in headless Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSession((session) => ({ server, browser } = session));

  it("signs in, starts the demo job on the jobs page and sees SUCCEEDED appear without a reload", async () => {
    const { page, pageErrors } = await openPage(browser, `${server.url}/jobs`);
    await page.waitForURL(/\/login/);
    await page.getByLabel("API token").fill(server.token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/jobs$/);

    const start = page.getByRole("button", { name: "Start demo job" });
    await expect.poll(() => start.isEnabled(), { timeout: 15_000 }).toBe(true);
    // A marker on the window survives only if the page is never reloaded.
    await page.evaluate(() => ((globalThis as unknown as { noReload: boolean }).noReload = true));
    await start.click();

    const badge = page.locator('[data-testid^="job-status-"]').first();
    await badge.waitFor();
    const jobId = (await badge.getAttribute("data-testid"))!.replace("job-status-", "");
    const job = await server.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.modelId).toBe("demo-model");

    await page.getByTestId(`job-status-${jobId}`).filter({ hasText: "SUCCEEDED" }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, "jobs-succeeded.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("shows a job's status live and each paragraph's output on its detail page", async () => {
    const { page, pageErrors } = await newPage(browser);
    const response = await server.request("/api/jobmanager/v3/jobs", {
      method: "POST",
      json: demoJobParameters,
    });
    const { id } = await response.json();
    await page.goto(`${server.url}/jobs/detail?id=${id}#token=${server.token}`);
    await page.getByTestId("job-status").filter({ hasText: "SUCCEEDED" }).waitFor({ timeout: 30_000 });

    await expect.poll(() => page.getByTestId("paragraph-0").innerText()).toContain("Sales summary");
    await expect.poll(() => page.getByTestId("paragraph-1").innerText()).toContain("Read 10 sales.");
    await expect.poll(() => page.getByTestId("paragraph-2").innerText()).toContain("1492.25");
    await expect.poll(() => page.getByTestId("paragraph-3").innerText()).toContain("summary.csv has 5 lines");
    await page.screenshot({ path: path.join(screenshotDir, "job-detail.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
