/**
 * The models pages walked as a person would, in headless Chromium: a Zeppelin note dropped
 * onto the drop zone (a synthetic drag and drop) and a Jupyter notebook chosen with the file
 * picker, the list, the read-only paragraph preview, a new version, a download checked byte
 * for byte, an invalid notebook refused with the server's message, deleting; and a hostile
 * notebook uploaded through the UI whose markup never runs, in the preview nor in its job.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, openPage, screenshotDir, useBrowserSession } from "./browser";
import { demoJobParameters, jupyterNotebook, zeppelinNote, type TestServer } from "./harness";

/** Drops a file onto an element the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page: Page, testId: string, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      // Runs in the page; the server's tsconfig has no DOM types, so they are named here.
      const dom = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const transfer = new dom.DataTransfer();
      transfer.items.add(new dom.File([text], name, { type: "application/json" }));
      return transfer;
    },
    { name, text },
  );
  const zone = page.getByTestId(testId);
  for (const type of ["dragenter", "dragover", "drop"]) await zone.dispatchEvent(type, { dataTransfer });
}

const xssFlag = (page: Page) => page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss);

describe.skipIf(!chromiumPath)("web models pages in headless Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSession((session) => ({ server, browser } = session));

  it("uploads by drag and drop and by the file picker, previews, adds, downloads and deletes versions, and refuses an invalid notebook", async () => {
    const { page, pageErrors } = await openPage(browser, `${server.url}/models#token=${server.token}`);
    await page.getByRole("table", { name: "Models" }).waitFor({ timeout: 30_000 });

    // 1. A Zeppelin note by drag and drop.
    const note = JSON.stringify(zeppelinNote({ title: "Intro", text: "%md\n# Quarterly **report**" }, { title: "Answer", text: "%python\nprint(6 * 7)" }));
    await dropFile(page, "notebook-drop-zone", "quarterly.zpln", note);
    await expect.poll(() => page.getByTestId("notebook-drop-zone-file").innerText()).toContain("quarterly.zpln");
    expect(await page.getByLabel("Model name").inputValue()).toBe("quarterly");
    await page.getByLabel("Model name").fill("Quarterly report");
    await page.getByLabel("Description").fill("Sales by quarter");
    await page.getByRole("button", { name: "Upload model" }).click();
    await page.getByTestId("model-created").filter({ hasText: "Quarterly report" }).waitFor({ timeout: 30_000 });
    const quarterly = await server.db.model.findFirstOrThrow({ where: { name: "Quarterly report" }, include: { versions: true } });
    expect(quarterly).toMatchObject({ description: "Sales by quarter", type: "Zeppelin notebook" });
    expect(quarterly.versions.map((v) => [v.number, v.fileName])).toEqual([[1, "quarterly.zpln"]]);
    const row = page.getByTestId(`model-row-${quarterly.id}`);
    await row.waitFor();
    expect(await row.innerText()).toContain("1.0");

    // 2. A Jupyter notebook with the (keyboard reachable) file picker.
    await page.getByLabel("Notebook file", { exact: true }).setInputFiles({ name: "analysis.ipynb", mimeType: "application/json", buffer: Buffer.from(jupyterNotebook("print('from jupyter')")) });
    await page.getByLabel("Model name").fill("Jupyter analysis");
    await page.getByRole("button", { name: "Upload model" }).click();
    await page.getByTestId("model-created").filter({ hasText: "Jupyter analysis" }).waitFor({ timeout: 30_000 });
    const jupyter = await server.db.model.findFirstOrThrow({ where: { name: "Jupyter analysis" } });
    await page.getByTestId(`model-row-${jupyter.id}`).filter({ hasText: "Jupyter notebook" }).waitFor();

    // 3. An invalid notebook: the server's message under the drop zone, nothing created.
    const modelsBefore = await server.db.model.count();
    const versionsBefore = await server.db.modelVersion.count();
    await page.getByLabel("Notebook file", { exact: true }).setInputFiles({ name: "broken.zpln", mimeType: "application/json", buffer: Buffer.from('{"paragraphs": "not a list"}') });
    await page.getByLabel("Model name").fill("Broken");
    await page.getByRole("button", { name: "Upload model" }).click();
    const fileError = page.getByTestId("field-error-file");
    await fileError.waitFor({ timeout: 30_000 });
    expect(await fileError.innerText()).toMatch(/^Invalid notebook: /);
    expect(await page.getByLabel("Notebook file", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await server.db.model.count()).toBe(modelsBefore);
    expect(await server.db.modelVersion.count()).toBe(versionsBefore);
    expect(await server.db.model.count({ where: { name: "Broken" } })).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, "models-list.png"), fullPage: true });

    // 4. The detail page: the paragraphs previewed, read only.
    await row.getByRole("link", { name: "Quarterly report" }).click();
    await page.waitForURL(/\/models\/detail\?id=/);
    const markdown = page.getByTestId("preview-markdown-0");
    await markdown.waitFor({ timeout: 30_000 });
    expect(await markdown.locator("h1").innerText()).toBe("Quarterly report");
    expect(await markdown.locator("strong").innerText()).toBe("report");
    expect(await page.getByTestId("preview-text-1").innerText()).toBe("%python\nprint(6 * 7)");
    expect(await page.getByTestId("preview-paragraph-1").innerText()).toContain("Answer");
    // The only version cannot be deleted.
    expect(await page.getByRole("button", { name: "Delete version 1.0" }).count()).toBe(0);

    // 5. A new version, by the version file picker.
    const second = JSON.stringify(zeppelinNote("%python\nprint('version two')"));
    await page.getByLabel("New version file", { exact: true }).setInputFiles({ name: "quarterly-v2.zpln", mimeType: "application/json", buffer: Buffer.from(second) });
    await page.getByRole("button", { name: "Upload version" }).click();
    await page.getByTestId("model-latest-version").filter({ hasText: "2.0" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("version-row-2.0").waitFor();
    await expect.poll(() => page.getByTestId("preview-text-0").innerText(), { timeout: 30_000 }).toContain("version two");

    // 6. Download version 1.0: the bytes as uploaded.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download version 1.0" }).click()]);
    expect(download.suggestedFilename()).toBe("quarterly.zpln");
    expect(await fs.readFile((await download.path())!, "utf8")).toBe(note);
    await page.screenshot({ path: path.join(screenshotDir, "model-detail.png"), fullPage: true });

    // 7. Delete version 1.0; 2.0 is then the only one.
    await page.getByRole("button", { name: "Delete version 1.0" }).click();
    await page.getByRole("button", { name: "Confirm delete version 1.0" }).click();
    await page.getByTestId("version-row-1.0").waitFor({ state: "detached", timeout: 30_000 });
    expect(await server.db.modelVersion.findMany({ where: { modelId: quarterly.id }, select: { number: true } })).toEqual([{ number: 2 }]);
    expect(await page.getByRole("button", { name: "Delete version 2.0" }).count()).toBe(0);

    // 8. At 390 px the page still works: the table becomes cards.
    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole("button", { name: "Download version 2.0" }).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, "model-detail-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // 9. Delete the Jupyter model: back to the list without it.
    await page.goto(`${server.url}/models/detail?id=${jupyter.id}`);
    await page.getByRole("button", { name: "Delete model" }).click();
    await page.getByRole("button", { name: "Confirm delete" }).click();
    await page.waitForURL(/\/models$/, { timeout: 30_000 });
    await page.getByRole("table", { name: "Models" }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId(`model-row-${jupyter.id}`).count()).toBe(0);
    expect(await server.db.model.count({ where: { id: jupyter.id } })).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("never runs the markup of an uploaded hostile notebook: not in the preview, not in its job's output", async () => {
    const hostile = zeppelinNote(
      { title: "Hostile markdown", text: '%md\n# Hostile\n<script>window.__xss=1</script><img src=x onerror="window.__xss=2;alert(2)"> <a href="javascript:window.__xss=9">link</a>' },
      { title: "Hostile html", text: '%html <b class="safe-bold">bold survives</b><script>window.__xss=3</script><img src=x onerror="window.__xss=4;alert(4)"><svg onload="window.__xss=5"></svg>' },
      { title: "Hostile python", text: "%python\nprint('%html <i class=\"safe-italic\">ok</i><img src=x onerror=\"window.__xss=6\"><script>window.__xss=7</script>')" },
    );
    // Stored results of an earlier run, as Zeppelin keeps them in the note: never shown, never run.
    (hostile.paragraphs[0] as Record<string, unknown>).results = { code: "SUCCESS", msg: [{ type: "HTML", data: '<img src=x onerror="window.__xss=8">' }] };

    const { page, pageErrors } = await openPage(browser, `${server.url}/models#token=${server.token}`);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("table", { name: "Models" }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Notebook file", { exact: true }).setInputFiles({ name: "hostile.zpln", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostile)) });
    await page.getByLabel("Model name").fill("Hostile notebook");
    await page.getByRole("button", { name: "Upload model" }).click();
    await page.getByTestId("model-created").getByRole("link", { name: "Open it" }).click();

    const preview = page.getByTestId("notebook-preview");
    await page.getByTestId("preview-markdown-0").locator("h1").filter({ hasText: "Hostile" }).waitFor({ timeout: 30_000 });
    expect(await preview.locator("script, svg, [onerror], [onload], a[href^='javascript']").count()).toBe(0);
    // %html and Python paragraphs show as their source text, never as markup.
    expect(await page.getByTestId("preview-text-1").innerText()).toContain("<script>window.__xss=3</script>");
    expect(await page.getByTestId("preview-text-1").locator("b, img").count()).toBe(0);
    expect(await page.getByTestId("preview-text-2").innerText()).toContain("print('%html");
    expect(await xssFlag(page)).toBeUndefined();
    await page.screenshot({ path: path.join(screenshotDir, "model-preview-xss.png"), fullPage: true });

    // Run it and open the job: its HTML results render, sanitised, and nothing runs.
    const model = await server.db.model.findFirstOrThrow({ where: { name: "Hostile notebook" } });
    const started = await server.graphql(`mutation($input: StartJobInput!) { startJob(input: $input) { id } }`, { input: { ...demoJobParameters, modelId: model.id } });
    expect(started.errors).toBeUndefined();
    const jobId = started.data.startJob.id as string;
    const final = await server.waitForFinalJob(jobId, 60_000);
    expect(final.status).toBe("SUCCEEDED");
    await page.goto(`${server.url}/jobs/detail?id=${jobId}`);
    await page.getByTestId("job-status").filter({ hasText: "SUCCEEDED" }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="paragraph-0"] h1').filter({ hasText: "Hostile" }).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="paragraph-1"] .safe-bold').waitFor();
    await page.locator('[data-testid="paragraph-2"] .safe-italic').waitFor();
    const paragraphs = page.locator('[data-testid^="paragraph-"]');
    expect(await paragraphs.locator("script, svg, [onerror], [onload], a[href^='javascript']").count()).toBe(0);
    expect(await xssFlag(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, "model-job-xss.png"), fullPage: true });

    // The model is now used by a job: deleting it is refused with the server's message.
    await page.goto(`${server.url}/models/detail?id=${model.id}`);
    await page.getByRole("button", { name: "Delete model" }).click();
    await page.getByRole("button", { name: "Confirm delete" }).click();
    const refusal = page.getByTestId("delete-model-error");
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toContain("is used by 1 job(s)");
    expect(await server.db.model.count({ where: { id: model.id } })).toBe(1);
    expect(await xssFlag(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
