/**
 * Browser benchmark (`npm run bench:browser`): in Chromium, types 200 characters across
 * several sections of a generated 2 MB chapter (with an amended draft, so thousands of
 * changes are live) and prints keystroke-to-updated-redline p50 and p95, next to the same
 * typing in the small demonstration chapter as a baseline measured in the same run.
 */
import { build, preview } from "vite";
import { chromium, type Page } from "playwright-core";
import { chromePath } from "../test/browser/browser";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Types `perSection` characters at the start of `sections` paragraphs spread through the chapter. */
async function typeAcross(page: Page, sections: number, perSection: number): Promise<number[]> {
  await page.evaluate(() => { window.__keystrokeTimes!.length = 0; });
  const count = await page.locator(".code-document .code-paragraph").count();
  for (let k = 0; k < sections; k++) {
    const index = Math.floor(((k + 0.5) / sections) * count);
    await page.evaluate((nth) => {
      const words = document.querySelectorAll(".code-document .code-paragraph .words")[nth]!;
      words.scrollIntoView({ block: "center" });
      const text = [...words.childNodes].find((node) => node.nodeType === Node.TEXT_NODE) ?? words;
      const range = document.createRange();
      range.setStart(text, 0);
      range.collapse(true);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      (words.closest("[contenteditable=true]") as HTMLElement).focus();
    }, index);
    await page.keyboard.type("x".repeat(perSection - 1) + " ");
  }
  return page.evaluate(() => [...window.__keystrokeTimes!]);
}

async function measure(page: Page, url: string): Promise<{ p50: number; p95: number; n: number }> {
  await page.goto(url);
  await page.waitForSelector("[data-testid=change-row]", { timeout: 120_000 });
  await typeAcross(page, 2, 10); // warm-up
  const times = await typeAcross(page, 8, 25);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
}

async function main(): Promise<void> {
  await build({ logLevel: "warn" });
  const server = await preview({ preview: { host: "127.0.0.1", port: 0 }, logLevel: "warn" });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({ executablePath: chromePath(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const small = await measure(page, `${url}?perf`);
    const large = await measure(page, `${url}?sample=2000000&perf`);
    const sections = await page.locator(".code-section").count();
    console.log("\nTyping in Chromium — keystroke to updated redline (ms). Shared, noisy machine: compare rows of one run.\n");
    console.log("| chapter | keystrokes | p50 ms | p95 ms |");
    console.log("|---|---:|---:|---:|");
    console.log(`| demonstration (baseline) | ${small.n} | ${small.p50.toFixed(2)} | ${small.p95.toFixed(2)} |`);
    console.log(`| generated 2 MB, ${sections} sections | ${large.n} | ${large.p50.toFixed(2)} | ${large.p95.toFixed(2)} |`);
    console.log("target: p95 ≤ 16 ms at 2 MB");
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
