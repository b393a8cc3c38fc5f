/**
 * A person's walk through the UI in headless Chromium: put a CSV into a new folder on the
 * Data page, start the demo model on it from the New job form, follow the job to SUCCEEDED on
 * its detail page and download its output file there; then start a long job and stop it from
 * its detail page, seeing STOPPED arrive live.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, openPage, screenshotDir, useBrowserSession } from "./browser";
import { DEMO, PUBLIC_ROOT_ID, zeppelinNote, type TestServer } from "./harness";

const SALES = ["date,region,product,units,unit_price", "2026-12-01,North,Sensor,2,10.00", "2026-12-01,South,Gateway,3,100.00", "2026-12-02,North,Cable,1,5.50", ""].join("\n");
/** What the demo model writes for SALES: revenue per region, two decimals. */
const SUMMARY = "region,revenue\nNorth,25.50\nSouth,300.00\n";

describe.skipIf(!chromiumPath)("a person's walk through the web UI", () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSession((session) => ({ server, browser } = session));

  const row = (page: Page, name: string) => page.getByTestId(`item-${name}`);

  async function createFolder(page: Page, name: string) {
    await page.getByLabel("New folder name").fill(name);
    await page.getByRole("button", { name: "Create folder" }).click();
    await row(page, name).waitFor({ timeout: 30_000 });
    return server.db.folder.findFirstOrThrow({ where: { tenantId: DEMO.tenantId, parentId: PUBLIC_ROOT_ID, name } });
  }

  /** Picks model and folders on the New job form, starts the job and opens its detail page. */
  async function startJobFromForm(page: Page, choice: { modelId: string; inputFolderId: string; outputFolderId: string }) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
    const start = page.getByRole("button", { name: "Start demo job" });
    await expect.poll(() => start.isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByLabel("Model", { exact: true }).selectOption(choice.modelId);
    await page.getByLabel("Input folder").selectOption(choice.inputFolderId);
    // Folders are offered by their path from their root.
    expect(await page.getByLabel("Input folder").locator("option:checked").innerText()).toMatch(/^(Public|Private)\//);
    await page.getByLabel("Output folder").selectOption(choice.outputFolderId);
    await start.click();
    await page.getByText("Job started.").waitFor({ timeout: 30_000 });
    const job = await server.db.job.findFirstOrThrow({ where: { modelId: choice.modelId, inputFolderId: choice.inputFolderId }, orderBy: { createdAt: "desc" } });
    await page.locator(`a[href="/jobs/detail?id=${job.id}"]`).first().click();
    await page.waitForURL(/\/jobs\/detail\?id=/);
    return job.id;
  }

  it("uploads a CSV, runs the demo model on it, downloads the result from the job page, and stops a long job", async () => {
    const longModelId = await server.createModel(zeppelinNote("%sh\necho waiting\nsleep 60"));
    const { page, pageErrors } = await openPage(browser, `${server.url}/data#token=${server.token}`);
    await row(page, "demo-input").waitFor({ timeout: 30_000 });

    // Data page: a folder for the input (with sales.csv) and one for the output.
    const input = await createFolder(page, "walk-input");
    const output = await createFolder(page, "walk-output");
    await page.getByRole("link", { name: "walk-input (folder)" }).click();
    await page.getByTestId("folder-empty").waitFor({ timeout: 30_000 });
    await page.getByLabel("Upload files").setInputFiles({ name: "sales.csv", mimeType: "text/csv", buffer: Buffer.from(SALES) });
    await expect.poll(() => page.getByTestId("upload-progress-sales.csv").getAttribute("value"), { timeout: 30_000 }).toBe("100");
    await row(page, "sales.csv").waitFor({ timeout: 30_000 });
    expect(await server.readOutput(input.id, "sales.csv")).toBe(SALES);

    // New job form: the demo model on that folder; the detail page follows it to SUCCEEDED.
    const jobId = await startJobFromForm(page, { modelId: DEMO.modelId, inputFolderId: input.id, outputFolderId: output.id });
    await page.getByTestId("job-status").filter({ hasText: "SUCCEEDED" }).waitFor({ timeout: 60_000 });
    const download = page.getByRole("button", { name: "Download summary.csv" });
    await download.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("output-files").innerText()).toContain("Executed notebook");
    await page.screenshot({ path: path.join(screenshotDir, "walk-job-succeeded.png"), fullPage: true });
    const [saved] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(saved.suggestedFilename()).toBe("summary.csv");
    expect(await fs.readFile(await saved.path(), "utf8")).toBe(SUMMARY);
    expect(await server.readOutput(output.id, "summary.csv")).toBe(SUMMARY);
    expect((await server.db.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("SUCCEEDED");

    // The job page with its output files fits a phone.
    await page.setViewportSize({ width: 390, height: 900 });
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.getByTestId("output-files").screenshot({ path: path.join(screenshotDir, "walk-output-files-390.png") });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The output folder link opens the Data page there.
    await page.getByRole("link", { name: "Open the output folder" }).click();
    await row(page, "summary.csv").waitFor({ timeout: 30_000 });

    // A long job, stopped from its page: STOPPED arrives live.
    const longJobId = await startJobFromForm(page, { modelId: longModelId, inputFolderId: input.id, outputFolderId: output.id });
    await page.getByTestId("job-status").filter({ hasText: "RUNNING" }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Stop this job" }).click();
    await page.getByTestId("job-status").filter({ hasText: "STOPPED" }).waitFor({ timeout: 60_000 });
    expect((await server.db.job.findUniqueOrThrow({ where: { id: longJobId } })).status).toBe("STOPPED");
    await page.screenshot({ path: path.join(screenshotDir, "walk-job-stopped.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
