/**
 * The job pages walked as a person would, in headless Chromium: the dashboard following a
 * job live, filtering the jobs list, field errors on the New job form, stopping a long job
 * with its live output showing, "Run again", and notebook HTML that tries to run script.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, newPage, openPage, screenshotDir, useBrowserSession } from "./browser";
import { startJobFor } from "./engine-helpers";
import { zeppelinNote, type TestServer } from "./harness";

describe.skipIf(!chromiumPath)("web job pages in headless Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSession((session) => ({ server, browser } = session));

  const open = (pathname: string, width = 1280) => openPage(browser, `${server.url}${pathname}#token=${server.token}`, width);

  const count = async (page: Page, status: string) => Number(await page.getByTestId(`count-${status}`).innerText());

  it("shows a job under way on the dashboard with its paragraph progress and elapsed time, stops it there, and counts a job that succeeds, without a reload", async () => {
    const { page, pageErrors } = await open("/dashboard");
    await page.getByRole("heading", { name: "Jobs by status" }).waitFor();
    const succeededBefore = await count(page, "SUCCEEDED");
    const stoppedBefore = await count(page, "STOPPED");
    await page.evaluate(() => ((globalThis as unknown as { noReload: boolean }).noReload = true));

    // A job that stays in its second paragraph until it is stopped.
    const long = await startJobFor(server, zeppelinNote("%sh\necho first", "%sh\nsleep 300", "%sh\necho third"));
    const card = page.getByTestId(`running-job-${long.id}`);
    await card.waitFor({ timeout: 30_000 });
    await expect.poll(() => card.innerText(), { timeout: 30_000 }).toContain("Paragraph 2 of 3");
    await expect.poll(() => page.getByTestId(`elapsed-${long.id}`).innerText(), { timeout: 30_000 }).toContain("elapsed of 1 h 0 min allowed");
    await page.screenshot({ path: path.join(screenshotDir, "dashboard-running.png"), fullPage: true });

    await card.getByRole("button", { name: `Stop job ${long.id}` }).click();
    await card.waitFor({ state: "detached", timeout: 30_000 });
    await expect.poll(() => count(page, "STOPPED"), { timeout: 30_000 }).toBe(stoppedBefore + 1);

    // A quick job: the SUCCEEDED count goes up by itself.
    const quick = await startJobFor(server, zeppelinNote("%sh\necho quick"));
    await expect.poll(() => count(page, "SUCCEEDED"), { timeout: 30_000 }).toBe(succeededBefore + 1);
    expect((await server.waitForFinalJob(quick.id)).status).toBe("SUCCEEDED");
    expect(await page.evaluate(() => (globalThis as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, "dashboard-succeeded.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("lists a failure on the dashboard, whose FAILED count opens the jobs list filtered by status", async () => {
    const failed = await startJobFor(server, zeppelinNote("%sh\necho broken >&2\nexit 3"));
    await server.waitForFinalJob(failed.id);
    const { page } = await open("/dashboard");
    await page.getByTestId(`failure-${failed.id}`).waitFor({ timeout: 30_000 });
    // The FAILED count opens the jobs list filtered by that status.
    await page.getByRole("link", { name: /^FAILED: \d+ jobs$/ }).click();
    await page.waitForURL(/\/jobs\?status=FAILED$/);
    await page.getByTestId(`job-status-${failed.id}`).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("checkbox", { name: "FAILED" }).isChecked()).toBe(true);
    await page.close();
  });

  it("filters the jobs list by status, model and message, and sees a job that starts later appear live", async () => {
    const okModelNote = zeppelinNote("%sh\necho fine");
    const ok = await startJobFor(server, okModelNote);
    const bad = await startJobFor(server, zeppelinNote("%sh\nexit 7"));
    const okFinal = await server.waitForFinalJob(ok.id);
    const badFinal = await server.waitForFinalJob(bad.id);
    expect(okFinal.status).toBe("SUCCEEDED");
    expect(badFinal.status).toBe("FAILED");

    const { page, pageErrors } = await open("/jobs");
    await page.getByTestId(`job-status-${ok.id}`).waitFor({ timeout: 30_000 });
    await page.getByTestId(`job-status-${bad.id}`).waitFor();

    await page.getByRole("checkbox", { name: "FAILED" }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByTestId(`job-status-${ok.id}`).waitFor({ state: "detached", timeout: 30_000 });
    await page.getByTestId(`job-status-${bad.id}`).waitFor();
    await expect.poll(() => page.getByTestId("jobs-count").innerText()).toContain("matching the filters");

    // A FAILED job that appears while the filter is on arrives without a reload.
    const later = await startJobFor(server, zeppelinNote("%sh\nexit 9"));
    await page.getByTestId(`job-status-${later.id}`).filter({ hasText: "FAILED" }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(screenshotDir, "jobs-filtered-failed.png"), fullPage: true });

    // Message text that no job has: the empty state.
    await page.getByLabel("Message contains").fill("no job has this message 12345");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByTestId("jobs-empty").waitFor({ timeout: 30_000 });

    // Model filter: only the succeeded job's model.
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByTestId(`job-status-${bad.id}`).waitFor({ timeout: 30_000 });
    const okModel = (await server.db.job.findUniqueOrThrow({ where: { id: ok.id } })).modelId;
    await page.getByLabel("Filter by model").selectOption(okModel);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByTestId(`job-status-${bad.id}`).waitFor({ state: "detached", timeout: 30_000 });
    await page.getByTestId(`job-status-${ok.id}`).waitFor();

    // Sorting by the Created header: oldest first, then back to newest first.
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByTestId(`job-status-${later.id}`).waitFor({ timeout: 30_000 });
    const rowIds = () => page.locator('[data-testid^="job-status-"]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-testid")!.slice("job-status-".length)));
    const expectOrder = async (first: string, last: string) => {
      await expect.poll(async () => { const seen = await rowIds(); return seen.indexOf(first) < seen.indexOf(last); }, { timeout: 30_000 }).toBe(true);
    };
    await expectOrder(later.id, ok.id);
    await page.getByRole("button", { name: /^Created, newest first/ }).click();
    await expectOrder(ok.id, later.id);
    expect(await page.locator("th[aria-sort]").getAttribute("aria-sort")).toBe("ascending");
    await expect.poll(() => page.getByTestId("jobs-count").innerText()).toContain("oldest first");
    await page.getByRole("button", { name: /^Created, oldest first/ }).click();
    await expectOrder(later.id, ok.id);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("shows validation errors next to their fields on the New job form", async () => {
    const { page } = await open("/jobs");
    const start = page.getByRole("button", { name: "Start demo job" });
    await expect.poll(() => start.isEnabled(), { timeout: 30_000 }).toBe(true);
    const limit = page.getByLabel("Maximum execution time (s)");

    await limit.fill("0");
    await start.click();
    await expect.poll(() => page.getByTestId("field-error-maximumExecutionTimeInSeconds").innerText()).toContain("at least 1");
    expect(await limit.getAttribute("aria-invalid")).toBe("true");

    // The server's own rule (at most one year), mapped onto the field it names.
    await limit.fill("99999999");
    await start.click();
    await expect.poll(() => page.getByTestId("field-error-maximumExecutionTimeInSeconds").innerText(), { timeout: 30_000 }).toContain("at most one year");
    await page.getByTestId("start-job-error").waitFor();
    await page.screenshot({ path: path.join(screenshotDir, "new-job-field-error.png"), fullPage: true });
    await page.close();
  });

  it("streams a long job's output live on its detail page, stops it, and runs it again", async () => {
    const job = await startJobFor(server, zeppelinNote({ title: "Long wait", text: "%sh\necho started waiting\nsleep 300" }));
    const { page, pageErrors } = await open(`/jobs/detail?id=${job.id}`);
    await page.getByTestId("job-status").filter({ hasText: "RUNNING" }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("paragraph-0").innerText(), { timeout: 30_000 }).toContain("started waiting");
    await page.screenshot({ path: path.join(screenshotDir, "job-detail-running.png"), fullPage: true });

    await page.getByRole("button", { name: "Stop this job" }).click();
    await page.getByTestId("job-status").filter({ hasText: "STOPPED" }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("job-timeline").innerText()).toContain("STOPPING");
    await expect.poll(() => page.getByTestId("job-timeline").innerText()).toContain("STOPPED");
    expect(await page.getByRole("button", { name: "Stop this job" }).count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, "job-detail-stopped.png"), fullPage: true });

    await page.getByRole("button", { name: "Run again" }).click();
    await page.waitForURL((url) => url.searchParams.get("id") !== null && url.searchParams.get("id") !== job.id, { timeout: 30_000 });
    const againId = new URL(page.url()).searchParams.get("id")!;
    const again = await server.db.job.findUniqueOrThrow({ where: { id: againId } });
    const first = await server.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(again.modelId).toBe(first.modelId);
    expect(again.outputFolderId).toBe(first.outputFolderId);
    await page.getByTestId("job-status").waitFor({ timeout: 30_000 });

    // Stop the second one from the jobs list.
    await page.goto(`${server.url}/jobs`);
    await page.getByRole("button", { name: `Stop job ${againId}` }).click({ timeout: 30_000 });
    await page.getByTestId(`job-status-${againId}`).filter({ hasText: "STOPPED" }).waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("renders notebook HTML without running its script or event handlers, live and when done", async () => {
    const job = await startJobFor(
      server,
      zeppelinNote({
        title: "Hostile output",
        text: [
          "%sh",
          `echo '%html <b class="safe-bold">bold survives</b><img src=x onerror="window.__xss=1"><script>window.__xss=2</script><svg onload="window.__xss=3"></svg>'`,
          "sleep 3",
        ].join("\n"),
      }),
    );
    const { page, pageErrors } = await open(`/jobs/detail?id=${job.id}`);
    // Live (from jobOutput, unsanitised by the server) first, then the stored result.
    await page.locator('[data-testid="paragraph-0"] .safe-bold').waitFor({ timeout: 30_000 });
    await page.getByTestId("job-status").filter({ hasText: "SUCCEEDED" }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="paragraph-0"] .safe-bold').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="paragraph-0"] script').count()).toBe(0);
    expect(await page.locator('[data-testid="paragraph-0"] [onerror], [data-testid="paragraph-0"] [onload]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.screenshot({ path: path.join(screenshotDir, "job-detail-xss.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("catches up after the live socket was lost: a job that started and ended meanwhile shows as SUCCEEDED", async () => {
    const { page, pageErrors } = await newPage(browser);
    // Keep the page's sockets reachable, and a switch that makes new ones fail to connect.
    await page.addInitScript(() => {
      const w = globalThis as unknown as { WebSocket: typeof WebSocket; __sockets: WebSocket[]; __blockWs: boolean };
      const Native = w.WebSocket;
      w.__sockets = [];
      w.__blockWs = false;
      w.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(w.__blockWs ? "ws://127.0.0.1:9/" : url, protocols);
          w.__sockets.push(this);
        }
      } as unknown as typeof WebSocket;
    });
    const before = await startJobFor(server, zeppelinNote("%sh\necho before"));
    await page.goto(`${server.url}/jobs#token=${server.token}`);
    await page.getByTestId(`job-status-${before.id}`).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as { __sockets: WebSocket[] }).__sockets.some((s) => s.readyState === 1)), { timeout: 30_000 })
      .toBe(true);

    await page.evaluate(() => {
      const w = globalThis as unknown as { __sockets: WebSocket[]; __blockWs: boolean };
      w.__blockWs = true;
      for (const socket of w.__sockets) socket.close(4408, "test: connection lost");
    });
    await page.getByText("Live updates interrupted, reconnecting…").waitFor({ timeout: 30_000 });
    const missed = await startJobFor(server, zeppelinNote("%sh\necho while you were away"));
    expect((await server.waitForFinalJob(missed.id)).status).toBe("SUCCEEDED");
    await page.screenshot({ path: path.join(screenshotDir, "jobs-reconnecting.png"), fullPage: true });

    await page.evaluate(() => ((globalThis as unknown as { __blockWs: boolean }).__blockWs = false));
    await page.getByTestId(`job-status-${missed.id}`).filter({ hasText: "SUCCEEDED" }).waitFor({ timeout: 45_000 });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("fits a phone-sized screen: the jobs page and the dashboard at 390 px", async () => {
    const job = await startJobFor(server, zeppelinNote("%sh\necho small screen"));
    const { page } = await open("/jobs", 390);
    await page.getByRole("button", { name: "Start demo job" }).waitFor();
    await page.getByTestId(`job-status-${job.id}`).waitFor({ timeout: 30_000 });
    await page.locator('table[aria-label="Jobs"]').waitFor({ timeout: 30_000 });
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, "jobs-390.png"), fullPage: true });
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole("heading", { name: "Jobs by status" }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(screenshotDir, "dashboard-390.png"), fullPage: true });
    await page.close();
  });
});
