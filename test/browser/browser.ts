/**
 * Launches the system's Chromium through playwright-core (never a downloaded browser) and
 * collects console errors so each test can assert there were none.
 */
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The Chromium binary: $CHROME_PATH, or the first one found in the usual places. */
export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) throw new Error("No Chromium found: install Debian's chromium package or set CHROME_PATH");
  return path;
}

/** The command-line switches every test browser gets. */
export const CHROMIUM_ARGS: readonly string[] = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: [...CHROMIUM_ARGS] });
}

/** A new page that records console errors and uncaught exceptions into `errors`. */
export async function openPage(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  return page;
}

/** Where screenshots and other artefacts go (git-ignored). */
export function outputDir(): string {
  const dir = new URL("../../test-output/", import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  return dir;
}
