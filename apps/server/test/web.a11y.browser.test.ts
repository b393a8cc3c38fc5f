/**
 * Accessibility of every page, checked by axe-core in headless Chromium at desktop (1280 px)
 * and phone (390 px) widths, and a keyboard-only walk: sign in with a token, reach the jobs
 * page and stop a running job with Tab and Enter alone, seeing where the focus is.
 *
 * A page fails on any violation of the rules named below, and on any serious or critical
 * violation of the others (axe's default rule set: WCAG 2.x A/AA and best practices).
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, newPage, openPage, screenshotDir, useBrowserSession } from "./browser";
import { startJobFor } from "./engine-helpers";
import { demoJobParameters, zeppelinNote, type TestServer } from "./harness";

const axeSource: string = (createRequire(import.meta.url)("axe-core") as { source: string }).source;

const ALWAYS_FAIL = new Set(["color-contrast", "label", "button-name", "link-name", "aria-input-field-name", "image-alt", "document-title", "html-has-lang"]);

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  // Browser code as a string: this package is typed without the DOM library.
  const violations = (await page.evaluate("axe.run(document).then((result) => result.violations)")) as Violation[];
  return violations
    .filter((v) => ALWAYS_FAIL.has(v.id) || v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n")}`);
}

describe.skipIf(!chromiumPath)("accessibility of the web UI", () => {
  let server: TestServer;
  let browser: Browser;
  let jobId: string;
  useBrowserSession(async (session) => {
    ({ server, browser } = session);
    // Content for every page: a finished job (of the demo model), a schedule and a token.
    const response = await server.request("/api/jobmanager/v3/jobs", {
      method: "POST",
      json: demoJobParameters,
    });
    jobId = (await response.json()).id;
    await server.waitForFinalJob(jobId);
    await server.graphql(`mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`, {
      input: { ...demoJobParameters, name: "Hourly", scheduleString: "0 * * * *" },
    });
    await server.graphql('mutation { createApiToken(name: "a11y") { id } }');
  });

  /** Each page with what shows that it has rendered its content. */
  const pages: { name: string; path: string; signedIn: boolean; ready: (page: Page) => Promise<unknown> }[] = [
    { name: "login", path: "/login", signedIn: false, ready: (page) => page.getByRole("heading", { name: "Sign in to Job Manager" }).waitFor() },
    {
      name: "login-password",
      path: "/login",
      signedIn: false,
      ready: async (page) => {
        await page.getByLabel("User and password").check();
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.getByTestId("login-error").waitFor();
      },
    },
    { name: "dashboard", path: "/dashboard", signedIn: true, ready: (page) => page.getByRole("heading", { name: "Jobs by status" }).waitFor({ timeout: 30_000 }) },
    { name: "jobs", path: "/jobs", signedIn: true, ready: (page) => page.locator('[data-testid^="job-status-"]').first().waitFor({ timeout: 30_000 }) },
    {
      name: "job-detail",
      path: "/jobs/detail?id=JOB",
      signedIn: true,
      ready: async (page) => {
        await page.getByTestId("job-status").filter({ hasText: "SUCCEEDED" }).waitFor({ timeout: 30_000 });
        await page.getByTestId("paragraph-3").waitFor();
      },
    },
    { name: "schedules", path: "/schedules", signedIn: true, ready: (page) => page.locator('[data-testid^="schedule-status-"]').first().waitFor({ timeout: 30_000 }) },
    { name: "models", path: "/models", signedIn: true, ready: (page) => page.getByRole("table", { name: "Models" }).waitFor({ timeout: 30_000 }) },
    {
      name: "models-upload-refused",
      path: "/models",
      signedIn: true,
      ready: async (page) => {
        await page.getByRole("button", { name: "Upload model" }).click();
        await page.getByTestId("field-error-file").waitFor({ timeout: 30_000 });
      },
    },
    { name: "model-detail", path: "/models/detail?id=demo-model", signedIn: true, ready: (page) => page.getByTestId("notebook-preview").waitFor({ timeout: 30_000 }) },
    {
      name: "configurations",
      path: "/configurations",
      signedIn: true,
      ready: async (page) => {
        await page.getByRole("button", { name: "Edit configuration Default Python" }).click({ timeout: 30_000 });
        const form = page.getByRole("form", { name: "New configuration" });
        await form.getByRole("button", { name: "Add variable" }).click();
        await form.getByRole("button", { name: "Create configuration" }).click();
        await form.getByTestId("field-error-name").waitFor({ timeout: 30_000 });
      },
    },
    { name: "settings", path: "/settings", signedIn: true, ready: (page) => page.locator('[data-testid^="token-state-"]').first().waitFor({ timeout: 30_000 }) },
    {
      name: "settings-new-token",
      path: "/settings",
      signedIn: true,
      ready: async (page) => {
        await page.getByLabel("Token name").fill("shown once");
        await page.getByRole("button", { name: "Create token" }).click();
        await page.getByTestId("new-token-value").waitFor({ timeout: 30_000 });
        await page.getByRole("button", { name: "Create user" }).click();
        await page.getByTestId("field-error-username").waitFor({ timeout: 30_000 });
      },
    },
  ];

  for (const width of [1280, 390]) {
    it(`finds no serious accessibility violation on any page at ${width} px`, async () => {
      const failures: string[] = [];
      for (const entry of pages) {
        const { page, pageErrors } = await newPage(browser, width);
        const url = `${server.url}${entry.path.replace("JOB", jobId)}${entry.signedIn ? `#token=${server.token}` : ""}`;
        await page.goto(url);
        await entry.ready(page);
        for (const violation of await axeViolations(page)) failures.push(`${entry.name} at ${width} px: ${violation}`);
        await page.screenshot({ path: path.join(screenshotDir, `a11y-${entry.name}-${width}.png`), fullPage: true });
        failures.push(...pageErrors.map((error) => `${entry.name} at ${width} px: page error ${error}`));
        await page.close();
      }
      expect(failures).toEqual([]);
    });
  }

  it("signs in, reaches the jobs page and stops a running job with the keyboard alone, with a visible focus outline", async () => {
    const long = await startJobFor(server, zeppelinNote("%sh\nsleep 300"));
    const { page, pageErrors } = await openPage(browser, `${server.url}/login`);
    await page.getByRole("heading", { name: "Sign in to Job Manager" }).waitFor();

    type Focused = { name: string; tag: string; type: string; focusVisible: boolean; outline: string };
    // What has the focus, and its outline as drawn (browser code as a string: no DOM types here).
    const focused = () =>
      page.evaluate(`(() => {
        const element = document.activeElement;
        const style = element ? getComputedStyle(element) : null;
        return {
          name: element?.getAttribute("aria-label") ?? element?.textContent?.trim() ?? "",
          tag: element?.tagName ?? "",
          type: element?.getAttribute("type") ?? "",
          focusVisible: element?.matches(":focus-visible") ?? false,
          outline: style ? style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor : "",
        };
      })()`) as Promise<Focused>;
    /** Presses Tab until the focused element matches; at most `limit` times. */
    async function tabTo(matches: (f: Focused) => boolean, limit = 60) {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press("Tab");
        const now = await focused();
        if (matches(now)) return now;
      }
      throw new Error(`never reached the element with Tab; the focus is on ${JSON.stringify(await focused())}`);
    }
    const expectVisibleFocus = (f: Focused) => {
      expect(f.focusVisible).toBe(true);
      expect(f.outline).toMatch(/^solid 3px rgb\(245, 158, 11\)$/);
    };

    const skip = await tabTo((f) => f.name === "Skip to content", 1);
    expectVisibleFocus(skip);
    const tokenField = await tabTo((f) => f.tag === "INPUT" && f.type === "password", 5);
    expectVisibleFocus(tokenField);
    await page.keyboard.type(server.token);
    const submit = await tabTo((f) => f.tag === "BUTTON" && f.name === "Sign in", 3);
    expectVisibleFocus(submit);
    await page.screenshot({ path: path.join(screenshotDir, "keyboard-sign-in-focus.png") });
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/jobs$/);

    await page.getByRole("button", { name: `Stop job ${long.id}` }).waitFor({ timeout: 30_000 });
    const stop = await tabTo((f) => f.name === `Stop job ${long.id}`);
    expectVisibleFocus(stop);
    await page.screenshot({ path: path.join(screenshotDir, "keyboard-stop-focus.png") });
    await page.keyboard.press("Enter");
    expect((await server.waitForFinalJob(long.id)).status).toBe("STOPPED");
    await page.getByTestId(`job-status-${long.id}`).filter({ hasText: "STOPPED" }).waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
