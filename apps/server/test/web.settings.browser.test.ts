/**
 * The settings page in headless Chromium: an API token created there is shown once with a
 * Copy button (read back from the real clipboard), works against REST, stops working once
 * revoked, and is gone after a reload; a user created there can sign in with a password.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, screenshotDir, useBrowserSession } from "./browser";
import type { TestServer } from "./harness";

describe.skipIf(!chromiumPath)("web settings page in headless Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSession((session) => ({ server, browser } = session));

  it("creates a token shown once, copies it, uses it over REST, revokes it, and no longer shows it after a reload", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/settings#token=${server.token}`);

    await page.getByLabel("Token name").fill("Nightly export script");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-token-value");
    await shown.waitFor({ timeout: 15_000 });
    const secret = (await shown.innerText()).trim();
    expect(secret).toMatch(/^jm_/);
    expect(await page.getByTestId("new-token-secret").innerText()).toContain("you will not see it again");
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await page.getByText("Copied to the clipboard.").waitFor();
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(secret);
    await page.screenshot({ path: path.join(screenshotDir, "settings-token-created.png"), fullPage: true });

    const row = await server.db.apiToken.findFirstOrThrow({ where: { name: "Nightly export script" } });
    expect(secret.startsWith(row.prefix)).toBe(true);
    const list = page.getByTestId(`token-${row.id}`);
    await list.waitFor();
    expect(await list.innerText()).toContain(`${row.prefix}…`);
    expect(await page.getByTestId(`token-state-${row.id}`).innerText()).toBe("Active");
    expect((await server.request("/api/jobmanager/v3/configurations", { token: secret })).status).toBe(200);

    await page.getByRole("button", { name: "Revoke token Nightly export script" }).click();
    await page.getByRole("button", { name: "Confirm revoke" }).click();
    await expect.poll(() => page.getByTestId(`token-state-${row.id}`).innerText(), { timeout: 15_000 }).toMatch(/^Revoked/);
    expect((await server.request("/api/jobmanager/v3/configurations", { token: secret })).status).toBe(401);

    await page.reload();
    await page.getByTestId(`token-${row.id}`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("new-token-secret").count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    await page.screenshot({ path: path.join(screenshotDir, "settings-token-revoked.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("creates a user next to its field errors, and that user can sign in with the password", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/settings#token=${server.token}`);
    await page.getByLabel("New username").fill("carol");
    await page.getByLabel("New user’s password").fill("short");
    await page.getByRole("button", { name: "Create user" }).click();
    await page.getByTestId("field-error-password").waitFor({ timeout: 15_000 });
    expect(await page.getByLabel("New user’s password").getAttribute("aria-invalid")).toBe("true");
    expect(await server.db.user.count({ where: { username: "carol" } })).toBe(0);

    await page.getByLabel("New user’s password").fill("carol's long password");
    await page.getByRole("button", { name: "Create user" }).click();
    await page.getByTestId("user-carol").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(screenshotDir, "settings-users-390.png"), fullPage: true });
    const login = await server.request("/api/auth/login", { method: "POST", token: null, json: { username: "carol", password: "carol's long password" } });
    expect(login.status).toBe(200);
    await context.close();
  });
});
