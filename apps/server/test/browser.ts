/**
 * Headless Debian Chromium for browser tests, driven by playwright-core (which cannot download
 * browsers here). `chromiumPath` is null where Chromium is not installed; such tests skip.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestServer, type TestServer } from "./harness";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

export const chromiumPath = CANDIDATES.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate)) ?? null;

if (!chromiumPath) {
  console.warn("NOTICE: Chromium is not installed (apt-get install chromium); browser tests are skipped.");
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error("Chromium is not installed");
  // playwright gives each launch a fresh temporary profile (a fresh --user-data-dir).
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Where screenshots go, for a person to look at after a run. */
export const screenshotDir = path.resolve(import.meta.dirname, "../../../test-output/screenshots");

/** A real server (see harness.ts) and headless Chromium for one browser test file. */
async function startBrowserSession(): Promise<{ server: TestServer; browser: Browser; close(): Promise<void> }> {
  const server = await startTestServer();
  const browser = await launchBrowser();
  fs.mkdirSync(screenshotDir, { recursive: true });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * One server and one Chromium for the enclosing describe block: started before its tests
 * (then `onReady` gets them, e.g. to fill the test file's variables and add content), closed
 * after them.
 */
export function useBrowserSession(onReady: (session: { server: TestServer; browser: Browser }) => unknown): void {
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;
  beforeAll(async () => {
    session = await startBrowserSession();
    await onReady(session);
  });
  afterAll(() => session?.close());
}

/** A new blank page that records uncaught page errors (a test expects none). */
export async function newPage(browser: Browser, width = 1280): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

/** newPage, opened at `url`. */
export async function openPage(browser: Browser, url: string, width = 1280): Promise<{ page: Page; pageErrors: string[] }> {
  const opened = await newPage(browser, width);
  await opened.page.goto(url);
  return opened;
}
