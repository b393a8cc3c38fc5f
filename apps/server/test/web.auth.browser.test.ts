/**
 * Password sign-in in headless Chromium: a user created over GraphQL signs in with username
 * and password, sees the tenant, follows a job live over the cookie-authenticated socket,
 * signs out, and the old session cookie is refused by the server afterwards. A wrong
 * password gets a clear message.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, openPage, screenshotDir, useBrowserSession } from "./browser";
import { DEMO, type TestServer } from "./harness";

const USERNAME = "web-alice";
const PASSWORD = "a long and proper password";

async function signInWithPassword(page: Page, username: string, password: string) {
  await page.getByLabel("User and password").check();
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe.skipIf(!chromiumPath)("web sign-in with a username and password", () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSession(async (session) => {
    ({ server, browser } = session);
    const created = await server.graphql("mutation($u: String!, $p: String!) { createUser(username: $u, password: $p) { id username } }", { u: USERNAME, p: PASSWORD });
    expect(created.data.createUser.username).toBe(USERNAME);
  });

  it("signs in, shows the tenant, follows a job live over the session's socket, and signs out so the cookie stops working", async () => {
    const { page, pageErrors } = await openPage(browser, `${server.url}/login`);
    // Every message the server pushes over the live socket, to see the update come that way.
    const socketFrames: string[] = [];
    page.on("websocket", (socket) => socket.on("framereceived", ({ payload }) => socketFrames.push(String(payload))));

    await signInWithPassword(page, USERNAME, PASSWORD);
    await page.waitForURL(/\/jobs$/);
    await expect.poll(() => page.getByTestId("tenant-name").innerText(), { timeout: 15_000 }).toBe(DEMO.tenantName);
    expect(await page.evaluate('localStorage.getItem("jobmanager.token")')).toBeNull();
    const cookies = await page.context().cookies();
    const sessionCookie = cookies.find((c) => c.name === "jm_session");
    const xsrfCookie = cookies.find((c) => c.name === "XSRF-TOKEN");
    expect(sessionCookie?.httpOnly).toBe(true);
    expect(xsrfCookie).toBeDefined();

    const start = page.getByRole("button", { name: "Start demo job" });
    await expect.poll(() => start.isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.evaluate(() => ((globalThis as unknown as { noReload: boolean }).noReload = true));
    await start.click();
    const badge = page.locator('[data-testid^="job-status-"]').first();
    await badge.waitFor();
    const jobId = (await badge.getAttribute("data-testid"))!.replace("job-status-", "");
    await page.getByTestId(`job-status-${jobId}`).filter({ hasText: "SUCCEEDED" }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { noReload?: boolean }).noReload)).toBe(true);
    expect(socketFrames.some((frame) => frame.includes(jobId) && frame.includes("SUCCEEDED"))).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, "auth-password-session.png"), fullPage: true });

    const cookieHeader = `jm_session=${sessionCookie!.value}; XSRF-TOKEN=${xsrfCookie!.value}`;
    const asOldSession = () =>
      server.request("/graphql", { method: "POST", token: null, json: { query: "{ viewer { name } }" }, headers: { cookie: cookieHeader, "x-xsrf-token": decodeURIComponent(xsrfCookie!.value) } });
    expect((await asOldSession()).status).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login$/);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("XSRF-TOKEN");
    expect((await asOldSession()).status).toBe(401);
    expect((await server.request(`/api/modelmanagement/v3/models/${DEMO.modelId}`, { token: null, headers: { cookie: cookieHeader } })).status).toBe(401);

    // A signed-out browser is sent back to the login page.
    await page.goto(`${server.url}/jobs`);
    await page.waitForURL(/\/login$/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("says clearly that a wrong password was refused, and stays on the login page", async () => {
    const { page, pageErrors } = await openPage(browser, `${server.url}/login`, 390);
    await signInWithPassword(page, USERNAME, "not the password at all");
    const error = page.getByTestId("login-error");
    await error.waitFor({ timeout: 15_000 });
    expect(await error.innerText()).toContain("The username or password is wrong.");
    expect(page.url()).toMatch(/\/login$/);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("jm_session");
    await page.screenshot({ path: path.join(screenshotDir, "auth-wrong-password-390.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
