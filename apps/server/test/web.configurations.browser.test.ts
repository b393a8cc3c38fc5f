/**
 * The configurations page walked as a person would, in headless Chromium: creating a
 * configuration with a secret variable whose value is never shown again (not on the page, not
 * in any GraphQL answer the page receives), editing it while the secret is kept, a validation
 * error next to its field, and deleting: refused while a job uses it, done otherwise.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, openPage, screenshotDir, useBrowserSession } from "./browser";
import { demoJobParameters, type TestServer } from "./harness";

const SECRET = "s3cr3t-value-7f2c9e";

describe.skipIf(!chromiumPath)("web configurations page in headless Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSession((session) => ({ server, browser } = session));

  it("creates a configuration whose secret is never shown again, edits it, shows a validation error by its field and refuses deletion while a job uses it", async () => {
    const { page, pageErrors } = await openPage(browser, `${server.url}/configurations#token=${server.token}`);
    const graphqlAnswers: string[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === "/graphql") void response.text().then((text) => graphqlAnswers.push(text), () => undefined);
    });
    await page.getByText("Default Python").first().waitFor({ timeout: 30_000 });

    const form = page.getByRole("form", { name: "New configuration" });
    await form.getByLabel("Configuration name").fill("Reporting");
    await form.getByLabel("Description").fill("Monthly reports");
    await form.getByLabel("%html").uncheck();
    await form.getByRole("button", { name: "Add variable" }).click();
    await form.getByLabel("Variable 1 name").fill("API_KEY");
    await form.getByLabel("Variable 1 value").fill(SECRET);
    await form.getByLabel("Variable 1 secret").check();
    await form.getByRole("button", { name: "Add variable" }).click();
    await form.getByLabel("Variable 2 name").fill("REGION");
    await form.getByLabel("Variable 2 value").fill("eu-west");
    await form.getByLabel("Memory limit (MB)").fill("256");
    await form.getByLabel("Process limit").fill("64");
    await form.getByLabel("Network access").check();
    await form.getByLabel("Maximum instances").fill("2");
    expect(await form.getByLabel("Variable 1 value").getAttribute("type")).toBe("password");
    await page.screenshot({ path: path.join(screenshotDir, "configurations-new.png"), fullPage: true });
    await form.getByRole("button", { name: "Create configuration" }).click();
    await page.getByTestId("configuration-notice").filter({ hasText: "Reporting" }).waitFor({ timeout: 30_000 });

    const row = await server.db.environmentConfiguration.findFirstOrThrow({ where: { name: "Reporting" } });
    expect(row).toMatchObject({ description: "Monthly reports", memoryLimitMb: 256, processLimit: 64, network: true, maxInstances: 2 });
    expect(JSON.parse(row.interpreters)).toEqual(["md", "python", "sh"]);
    expect(JSON.parse(row.variables)).toEqual([
      { name: "API_KEY", value: SECRET, secret: true },
      { name: "REGION", value: "eu-west", secret: false },
    ]);
    const item = page.getByTestId(`configuration-${row.id}`);
    await item.waitFor();
    expect(await page.getByTestId(`configuration-variables-${row.id}`).innerText()).toMatch(/API_KEY = secret \(hidden\)[\s\S]*REGION = eu-west/);
    // The form was emptied, and the secret is nowhere on the page.
    expect(await form.getByLabel("Configuration name").inputValue()).toBe("");
    expect(await page.content()).not.toContain(SECRET);

    // Edit: the secret shows empty and is kept unless retyped.
    await item.getByRole("button", { name: "Edit configuration Reporting" }).click();
    const secretInput = item.getByLabel("Variable 1 value");
    expect(await secretInput.inputValue()).toBe("");
    expect(await secretInput.getAttribute("placeholder")).toContain("Stored");
    expect(await item.getByLabel("Variable 2 value").inputValue()).toBe("eu-west");
    expect(await page.content()).not.toContain(SECRET);
    await item.getByLabel("Description").fill("Monthly and quarterly reports");
    await item.getByLabel("Maximum instances").fill("3");
    await item.getByLabel("Process limit").fill("");
    await page.screenshot({ path: path.join(screenshotDir, "configurations-edit.png"), fullPage: true });
    await item.getByRole("button", { name: "Save changes" }).click();
    await page.getByTestId("configuration-notice").filter({ hasText: "saved" }).waitFor({ timeout: 30_000 });
    const edited = await server.db.environmentConfiguration.findUniqueOrThrow({ where: { id: row.id } });
    expect(edited).toMatchObject({ description: "Monthly and quarterly reports", maxInstances: 3, processLimit: null, memoryLimitMb: 256 });
    expect(JSON.parse(edited.variables)[0]).toEqual({ name: "API_KEY", value: SECRET, secret: true });

    // A value the server refuses: its message next to the field, nothing changed.
    await item.getByRole("button", { name: "Edit configuration Reporting" }).click();
    await item.getByLabel("Memory limit (MB)").fill("5");
    await item.getByRole("button", { name: "Save changes" }).click();
    const memoryError = item.getByTestId("field-error-memoryLimitMb");
    await memoryError.waitFor({ timeout: 30_000 });
    expect(await memoryError.innerText()).toBe("memoryLimitMb must be at least 16");
    expect(await item.getByLabel("Memory limit (MB)").getAttribute("aria-invalid")).toBe("true");
    expect((await server.db.environmentConfiguration.findUniqueOrThrow({ where: { id: row.id } })).memoryLimitMb).toBe(256);
    await page.screenshot({ path: path.join(screenshotDir, "configurations-invalid.png"), fullPage: true });
    await item.getByRole("button", { name: "Cancel" }).click();

    // A job uses it: deletion is refused with the server's message.
    const started = await server.graphql(`mutation($input: StartJobInput!) { startJob(input: $input) { id } }`, { input: { ...demoJobParameters, configurationId: row.id } });
    expect(started.errors).toBeUndefined();
    await item.getByRole("button", { name: "Delete configuration Reporting" }).click();
    await item.getByRole("button", { name: "Confirm delete" }).click();
    const refusal = page.getByTestId(`configuration-error-${row.id}`);
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toContain("is used by 1 job(s)");
    expect(await server.db.environmentConfiguration.count({ where: { id: row.id } })).toBe(1);

    // One no job uses is deleted.
    const spare = await server.graphql(`mutation { createConfiguration(input: { name: "Spare" }) { id } }`);
    const spareId = spare.data.createConfiguration.id as string;
    await page.getByRole("button", { name: "Refresh" }).click();
    const spareItem = page.getByTestId(`configuration-${spareId}`);
    await spareItem.getByRole("button", { name: "Delete configuration Spare" }).click();
    await spareItem.getByRole("button", { name: "Confirm delete" }).click();
    await spareItem.waitFor({ state: "detached", timeout: 30_000 });
    expect(await server.db.environmentConfiguration.count({ where: { id: spareId } })).toBe(0);

    // Nothing the page received ever held the secret.
    await expect.poll(() => graphqlAnswers.length).toBeGreaterThan(3);
    expect(graphqlAnswers.some((text) => text.includes("API_KEY"))).toBe(true);
    expect(graphqlAnswers.filter((text) => text.includes(SECRET))).toEqual([]);
    expect(await page.content()).not.toContain(SECRET);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("is usable at 390 px wide", async () => {
    const { page, pageErrors } = await openPage(browser, `${server.url}/configurations#token=${server.token}`, 390);
    await page.getByText("Default Python").first().waitFor({ timeout: 30_000 });
    const form = page.getByRole("form", { name: "New configuration" });
    await form.getByRole("button", { name: "Add variable" }).click();
    await form.getByLabel("Variable 1 name").waitFor();
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, "configurations-390.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
