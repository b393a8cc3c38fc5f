/**
 * The Data page walked as a person would, in headless Chromium: create folders (a bad name
 * refused next to the field), upload a CSV with its progress bar reaching 100 %, download it
 * with the token and compare bytes, rename, a name clash (409) shown next to the field, move
 * it to another folder, delete folders recursively; a large folder pages; at 390 px it fits.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumPath, openPage, screenshotDir, useBrowserSession } from "./browser";
import { DEMO, PUBLIC_ROOT_ID, type TestServer } from "./harness";

/** A CSV of about 1.5 MB, so the upload takes more than one progress event. */
function bigCsv(): Buffer {
  const lines = ["id,region,units,unit_price"];
  for (let i = 0; i < 40_000; i++) lines.push(`${i},${["North", "South", "East", "West"][i % 4]},${i % 17},${(i % 100) + 0.5}`);
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

describe.skipIf(!chromiumPath)("web Data page in headless Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  useBrowserSession((session) => ({ server, browser } = session));

  const open = (pathname: string, width = 1280) => openPage(browser, `${server.url}${pathname}#token=${server.token}`, width);
  /** The document's scroll width: wider than the viewport means sideways scrolling. */
  const pageWidth = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  const row = (page: Page, name: string) => page.getByTestId(`item-${name}`);
  const folderNamed = (name: string, parentId = PUBLIC_ROOT_ID) =>
    server.db.folder.findFirstOrThrow({ where: { tenantId: DEMO.tenantId, parentId, name } });

  async function createFolder(page: Page, name: string) {
    await page.getByLabel("New folder name").fill(name);
    await page.getByRole("button", { name: "Create folder" }).click();
    await row(page, name).waitFor({ timeout: 30_000 });
  }

  it("creates, uploads with progress, downloads, renames, refuses a clash, moves and deletes recursively", async () => {
    const { page, pageErrors } = await open("/data");
    await page.getByRole("heading", { name: "Data" }).waitFor();
    await row(page, "demo-input").waitFor({ timeout: 30_000 });
    expect(await page.getByRole("link", { name: "Data", exact: true }).getAttribute("aria-current")).toBe("page");

    // The private root is the other tab; the demo folders are public only.
    await page.getByRole("navigation", { name: "Data roots" }).getByRole("link", { name: "Private" }).click();
    await page.waitForURL(/\/data\?folder=_PRIVATE_ROOT_ID$/);
    await page.getByTestId("folder-empty").waitFor({ timeout: 30_000 });
    await page.getByRole("navigation", { name: "Data roots" }).getByRole("link", { name: "Public" }).click();
    await row(page, "demo-input").waitFor({ timeout: 30_000 });

    // A bad name is refused next to the field (400), and nothing is created.
    await page.getByLabel("New folder name").fill("bad/name");
    await page.getByRole("button", { name: "Create folder" }).click();
    await expect.poll(() => page.getByTestId("new-folder-error").innerText()).toContain("may only contain");
    expect(await page.getByLabel("New folder name").getAttribute("aria-invalid")).toBe("true");
    expect(await server.db.folder.count({ where: { name: "bad/name" } })).toBe(0);

    await createFolder(page, "Reports");
    await createFolder(page, "Archive");
    const reports = await folderNamed("Reports");
    const archive = await folderNamed("Archive");

    // Into the folder: the address and the breadcrumbs follow.
    await page.getByRole("link", { name: "Reports (folder)" }).click();
    await page.waitForURL(new RegExp(`/data\\?folder=${reports.id}$`));
    await expect.poll(() => page.getByTestId("breadcrumbs").innerText()).toMatch(/^Public[\s/]*Reports$/);
    await page.getByTestId("folder-empty").waitFor({ timeout: 30_000 });

    // Upload: the bar reaches 100 % and the file is listed; the server holds the same bytes.
    const csv = bigCsv();
    await page.getByLabel("Upload files").setInputFiles({ name: "numbers.csv", mimeType: "text/csv", buffer: csv });
    const progress = page.getByTestId("upload-progress-numbers.csv");
    await expect.poll(() => progress.getAttribute("value"), { timeout: 60_000 }).toBe("100");
    await expect.poll(() => page.getByTestId("upload-numbers.csv").getAttribute("data-state")).toBe("done");
    await expect.poll(() => page.getByTestId("upload-numbers.csv").innerText()).toContain("100 %");
    await row(page, "numbers.csv").waitFor({ timeout: 30_000 });
    const stored = await server.db.file.findFirstOrThrow({ where: { folderId: reports.id, name: "numbers.csv" } });
    expect(stored.sizeInBytes).toBe(csv.length);
    expect((await server.blobs.readAll(stored.blobKey)).equals(csv)).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, "data-uploaded.png"), fullPage: true });

    // Download through the token-carrying helper: the browser saves the same bytes.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download numbers.csv" }).click()]);
    expect(download.suggestedFilename()).toBe("numbers.csv");
    expect((await fs.readFile(await download.path())).equals(csv)).toBe(true);

    // Rename.
    await page.getByRole("button", { name: "Rename file numbers.csv" }).click();
    await page.getByLabel("New name for numbers.csv").fill("sales-2026.csv");
    await page.getByRole("button", { name: "Save name" }).click();
    await row(page, "sales-2026.csv").waitFor({ timeout: 30_000 });
    await row(page, "numbers.csv").waitFor({ state: "detached" });
    expect((await server.db.file.findUniqueOrThrow({ where: { id: stored.id } })).name).toBe("sales-2026.csv");

    // A clash: uploading the same name again, and renaming another file onto it (409).
    await page.getByLabel("Upload files").setInputFiles([
      { name: "sales-2026.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") },
      { name: "other.csv", mimeType: "text/csv", buffer: Buffer.from("x\n1\n") },
    ]);
    await expect.poll(() => page.getByTestId("upload-error-sales-2026.csv").innerText(), { timeout: 30_000 }).toContain("already exists");
    await row(page, "other.csv").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Rename file other.csv" }).click();
    await page.getByLabel("New name for other.csv").fill("sales-2026.csv");
    await page.getByRole("button", { name: "Save name" }).click();
    const renameError = page.getByTestId("rename-error");
    await expect.poll(() => renameError.innerText(), { timeout: 30_000 }).toContain("already exists");
    expect(await page.getByLabel("New name for other.csv").getAttribute("aria-invalid")).toBe("true");
    await page.screenshot({ path: path.join(screenshotDir, "data-name-clash.png"), fullPage: true });
    await page.getByRole("button", { name: "Cancel" }).click();
    expect((await server.db.file.findFirstOrThrow({ where: { folderId: reports.id, name: "other.csv" } })).name).toBe("other.csv");

    // Move: up to the public root, into Archive, "Move here".
    await page.getByRole("button", { name: "Move file sales-2026.csv" }).click();
    await expect.poll(() => page.getByTestId("picker-location").innerText()).toContain("Reports");
    await page.getByRole("button", { name: "Up one level" }).click();
    await expect.poll(() => page.getByTestId("picker-location").innerText()).toContain("Public");
    await page.getByRole("button", { name: "Open Archive" }).click();
    await expect.poll(() => page.getByTestId("picker-location").innerText()).toContain("Archive");
    await page.getByRole("button", { name: "Move here" }).click();
    await row(page, "sales-2026.csv").waitFor({ state: "detached", timeout: 30_000 });
    expect((await server.db.file.findUniqueOrThrow({ where: { id: stored.id } })).folderId).toBe(archive.id);

    // Back to the root by the breadcrumb; delete both folders with their contents.
    await page.getByTestId("breadcrumbs").getByRole("link", { name: "Public" }).click();
    await row(page, "Archive").waitFor({ timeout: 30_000 });
    for (const name of ["Archive", "Reports"]) {
      await page.getByRole("button", { name: `Delete folder ${name}` }).click();
      await expect.poll(() => page.getByRole("alertdialog").innerText()).toContain("everything in it");
      await page.getByRole("button", { name: "Confirm delete" }).click();
      await row(page, name).waitFor({ state: "detached", timeout: 30_000 });
    }
    expect(await server.db.folder.count({ where: { id: { in: [reports.id, archive.id] } } })).toBe(0);
    expect(await server.db.file.count({ where: { id: stored.id } })).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("pages through a large folder, fits a 390 px screen and works by keyboard", async () => {
    const created = await server.graphql(`mutation { createFolder(name: "Many files", parentId: "${PUBLIC_ROOT_ID}") { id } }`);
    const folderId = created.data.createFolder.id as string;
    for (let i = 0; i < 55; i++) {
      const name = `file-${String(i).padStart(2, "0")}.csv`;
      const result = await server.graphql(`mutation($name: String!, $parentId: ID!) { createTextFile(name: $name, parentId: $parentId, content: "a,b\\n") { id } }`, {
        name,
        parentId: folderId,
      });
      expect(result.errors).toBeUndefined();
    }
    const { page, pageErrors } = await open(`/data?folder=${folderId}`, 390);
    await row(page, "file-00.csv").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("page-status").innerText()).toContain("Page 1 of 2 (55 items)");
    expect(await row(page, "file-50.csv").count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(screenshotDir, "data-390.png"), fullPage: true });

    await page.getByRole("button", { name: "Next page" }).click();
    await row(page, "file-54.csv").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("page-status").innerText()).toContain("Page 2 of 2");
    expect(await row(page, "file-00.csv").count()).toBe(0);

    // A file deleted behind the page's back: its download says so instead of saving nothing.
    const gone = await server.db.file.findFirstOrThrow({ where: { folderId, name: "file-50.csv" } });
    expect((await server.graphql(`mutation($id: ID!) { deleteFile(id: $id) }`, { id: gone.id })).errors).toBeUndefined();
    await page.getByRole("button", { name: "Download file-50.csv" }).click();
    await expect.poll(() => page.getByTestId("download-error-file-50.csv").innerText(), { timeout: 30_000 }).toContain("was not found");

    // The rename panel also fits.
    await page.getByRole("button", { name: "Rename file file-54.csv" }).click();
    await page.getByLabel("New name for file-54.csv").waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(screenshotDir, "data-390-rename.png"), fullPage: true });

    // By keyboard: Escape closes the panel; Enter renames; Enter in the new-folder field creates.
    await page.keyboard.press("Escape");
    await page.getByLabel("New name for file-54.csv").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Rename file file-53.csv" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe(
      await page.getByLabel("New name for file-53.csv").getAttribute("id"),
    );
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("renamed-53.csv");
    await page.keyboard.press("Enter");
    await row(page, "renamed-53.csv").waitFor({ timeout: 30_000 });
    await page.getByLabel("New folder name").focus();
    await page.keyboard.type("Typed folder");
    await page.keyboard.press("Enter");
    await expect.poll(() => server.db.folder.count({ where: { parentId: folderId, name: "Typed folder" } }), { timeout: 30_000 }).toBe(1);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
