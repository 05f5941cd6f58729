/**
 * Browser benchmark (`npm run bench:browser`): in Chromium, types 400 characters across
 * sections of a generated 2 MB chapter (with an amended draft, so thousands of changes are
 * live) and prints keystroke-to-updated-redline p50 and p95, next to the same typing in the
 * small demonstration chapter as a baseline, typed in turns with it in the same run. A
 * keystroke's time runs from the key event's time stamp, so waiting behind other work on the
 * page (a React commit) counts.
 *
 * `npm run bench:browser -- <other checkout>` also serves that checkout's build (its `dist`,
 * built beforehand with `npx vite build` there) and types in its two chapters in the same
 * turns (start-up and typing), so an old and a new version are measured in one run under the
 * same load.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build, preview } from "vite";
import { chromium, type Page } from "playwright-core";
import { chromePath } from "../test/browser/browser";
import { printStartupTimes } from "./startupTimes";
import { printFirstDownloadContents } from "./chunkContents";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Puts the cursor at the start of paragraph `nth` of the chapter (of `count`) and focuses the editor. */
async function placeCursor(page: Page, nth: number): Promise<void> {
  await page.evaluate((index) => {
    const words = document.querySelectorAll(".code-document .code-paragraph .words")[index]!;
    words.scrollIntoView({ block: "center" });
    const text = [...words.childNodes].find((node) => node.nodeType === Node.TEXT_NODE) ?? words;
    const range = document.createRange();
    range.setStart(text, 0);
    range.collapse(true);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    (words.closest("[contenteditable=true]") as HTMLElement).focus();
  }, nth);
}

interface Typist {
  readonly page: Page;
  readonly paragraphs: number;
}

async function open(page: Page, url: string): Promise<Typist> {
  await page.goto(url);
  await page.waitForSelector("[data-testid=change-row]", { timeout: 120_000 });
  return { page, paragraphs: await page.locator(".code-document .code-paragraph").count() };
}

/** Types `perSection` characters at the start of paragraph `round` of `rounds` spread through the chapter. */
async function typeRound(typist: Typist, round: number, rounds: number, perSection: number): Promise<void> {
  await placeCursor(typist.page, Math.floor(((round + 0.5) / rounds) * typist.paragraphs));
  await typist.page.keyboard.type("x".repeat(perSection - 1) + " ");
}

async function times(typist: Typist, clear = false): Promise<number[]> {
  return typist.page.evaluate((reset) => {
    const recorded = [...window.__keystrokeTimes!];
    if (reset) window.__keystrokeTimes!.length = 0;
    return recorded;
  }, clear);
}

function summary(values: number[]): { p50: number; p95: number; n: number } {
  return { p50: percentile(values, 50), p95: percentile(values, 95), n: values.length };
}

/**
 * Prints the built JavaScript chunks with their sizes, marking those the page loads at start (its
 * entry script and the chunks index.html preloads with it), and the first download's total.
 */
function printChunks(): void {
  const dir = "dist/assets";
  const page = readFileSync("dist/index.html", "utf8");
  const atStart = new Set([...page.matchAll(/assets\/([^"]+\.js)"/g)].map((match) => match[1]!));
  const chunks = readdirSync(dir).filter((name) => name.endsWith(".js")).map((name) => {
    const bytes = readFileSync(`${dir}/${name}`);
    return { name, kb: bytes.length / 1024, gzipKb: gzipSync(bytes).length / 1024, start: atStart.has(name) };
  });
  console.log("\nJavaScript chunks (\"at start\": loaded with the page; the others on first use):\n");
  console.log("| chunk | KB | gzipped KB | at start |");
  console.log("|---|---:|---:|---|");
  for (const chunk of chunks.sort((x, y) => y.kb - x.kb)) console.log(`| ${chunk.name} | ${chunk.kb.toFixed(0)} | ${chunk.gzipKb.toFixed(0)} | ${chunk.start ? "yes" : ""} |`);
  const first = chunks.filter((chunk) => chunk.start);
  const sum = (key: "kb" | "gzipKb") => first.reduce((total, chunk) => total + chunk[key], 0).toFixed(0);
  console.log(`\nFirst download: ${sum("kb")} KB of JavaScript (${sum("gzipKb")} KB gzipped) in ${first.length} chunks.`);
  printFirstDownloadContents(dir, first.map((chunk) => chunk.name));
}

async function main(): Promise<void> {
  await build({ logLevel: "warn" });
  printChunks();
  const other = process.argv[2];
  const servers = [await preview({ preview: { host: "127.0.0.1", port: 0 }, logLevel: "warn" })];
  if (other) servers.push(await preview({ root: other, preview: { host: "127.0.0.1", port: 0 }, logLevel: "warn" }));
  const builds = [other ? "this checkout" : "", ...(other ? [other] : [])];
  const browser = await chromium.launch({ executablePath: chromePath(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"] });
  try {
    // Each chapter opens in its own page; typing alternates between them section by
    // section, so that load from elsewhere on the machine falls on every row alike.
    const pairs: Array<{ small: Typist; large: Typist }> = [];
    for (const server of servers) {
      const url = server.resolvedUrls!.local[0]!;
      const small = await open(await browser.newPage({ viewport: { width: 1366, height: 900 } }), `${url}?perf`);
      const large = await open(await browser.newPage({ viewport: { width: 1366, height: 900 } }), `${url}?sample=2000000&perf`);
      pairs.push({ small, large });
    }
    await printStartupTimes(browser, servers.map((server, index) => ({ label: builds[index]!, url: server.resolvedUrls!.local[0]! })));
    const typists = pairs.flatMap(({ small, large }) => [small, large]);
    for (const typist of typists) { await typeRound(typist, 0, 2, 10); await times(typist, true); } // warm-up
    const rounds = 16;
    for (let round = 0; round < rounds; round++) {
      for (const typist of round % 2 ? [...typists].reverse() : typists) {
        await typist.page.bringToFront();
        await typeRound(typist, round, rounds, 25);
      }
    }
    console.log("\nTyping in Chromium — keystroke to updated redline (ms). Shared, noisy machine: compare rows of one run.\n");
    console.log("| chapter | keystrokes | p50 ms | p95 ms |");
    console.log("|---|---:|---:|---:|");
    const ratios: string[] = [];
    for (const [index, { small, large }] of pairs.entries()) {
      const label = builds[index] ? ` (${builds[index]})` : "";
      const smallTimes = summary(await times(small));
      const largeTimes = summary(await times(large));
      const sections = await large.page.locator(".code-section").count();
      console.log(`| demonstration (baseline)${label} | ${smallTimes.n} | ${smallTimes.p50.toFixed(2)} | ${smallTimes.p95.toFixed(2)} |`);
      console.log(`| generated 2 MB, ${sections} sections${label} | ${largeTimes.n} | ${largeTimes.p50.toFixed(2)} | ${largeTimes.p95.toFixed(2)} |`);
      ratios.push(`2 MB / demonstration${label}: p50 ${(largeTimes.p50 / smallTimes.p50).toFixed(1)}×, p95 ${(largeTimes.p95 / smallTimes.p95).toFixed(1)}× (target: p95 ≤ 2×)`);
    }
    console.log(`\n${ratios.join("\n")}`);
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
}

await main();
