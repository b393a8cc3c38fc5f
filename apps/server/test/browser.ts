/**
 * Headless Debian Chromium for browser tests, driven by playwright-core (which cannot download
 * browsers here). `chromiumPath` is null where Chromium is not installed; such tests skip.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

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
