/**
 * Start-up in Chromium (part of `npm run bench:browser`): the time from navigation until the
 * changes panel shows its first row, and the longest task on the main thread until then, for the
 * demonstration chapter and for a generated 2 MB one (`?sample=2000000`), loaded in turns in
 * fresh browser contexts (nothing cached, nothing stored).
 */
import type { Browser } from "playwright-core";

interface Startup {
  readonly populatedMs: number;
  readonly longestTaskMs: number;
}

/** Records, from before the page's own scripts, when the first change row appears and every long task. */
function watchStartup(): void {
  const flags = window as unknown as { __populated?: number; __longTasks: number[] };
  flags.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) flags.__longTasks.push(entry.duration); }).observe({ type: "longtask", buffered: true });
  const watcher = new MutationObserver(() => {
    if (flags.__populated === undefined && document.querySelector("[data-testid=change-row]")) {
      flags.__populated = performance.now();
      watcher.disconnect();
    }
  });
  watcher.observe(document, { childList: true, subtree: true });
}

async function loadOnce(browser: Browser, url: string): Promise<Startup> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchStartup);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __populated?: number }).__populated !== undefined, null, { timeout: 120_000 });
    // Tasks that end just after the first row are still the start's.
    await page.waitForTimeout(300);
    return await page.evaluate(() => {
      const flags = window as unknown as { __populated: number; __longTasks: number[] };
      return { populatedMs: flags.__populated, longestTaskMs: Math.max(0, ...flags.__longTasks) };
    });
  } finally {
    await context.close();
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Loads each build's two pages `runs` times, all in turns (so load from elsewhere on the machine
 * falls on every row alike), and prints the medians and each build's ratio.
 */
export async function printStartupTimes(browser: Browser, builds: ReadonlyArray<{ readonly label: string; readonly url: string }>, runs = 7): Promise<void> {
  const pages = builds.flatMap(({ label, url }) => {
    const suffix = label ? ` (${label})` : "";
    return [{ label: `demonstration${suffix}`, url }, { label: `generated 2 MB${suffix}`, url: `${url}?sample=2000000` }];
  });
  const results = pages.map(() => [] as Startup[]);
  const order = pages.map((_, index) => index);
  for (let run = 0; run < runs; run++) {
    for (const index of run % 2 ? [...order].reverse() : order) results[index]!.push(await loadOnce(browser, pages[index]!.url));
  }
  console.log("\nStart-up in Chromium — navigation to the first row of the changes panel (ms, median of fresh loads taken in turns). Shared, noisy machine: compare rows of one run.\n");
  console.log("| chapter | loads | populated ms | longest task before, ms (median / worst) |");
  console.log("|---|---:|---:|---:|");
  const medians = results.map((list) => median(list.map((each) => each.populatedMs)));
  results.forEach((list, index) => {
    const tasks = list.map((each) => each.longestTaskMs);
    console.log(`| ${pages[index]!.label} | ${list.length} | ${medians[index]!.toFixed(0)} | ${median(tasks).toFixed(0)} / ${Math.max(...tasks).toFixed(0)} |`);
  });
  console.log("");
  builds.forEach(({ label }, index) => {
    const ratio = medians[index * 2 + 1]! / medians[index * 2]!;
    console.log(`2 MB / demonstration${label ? ` (${label})` : ""}, time to populated: ${ratio.toFixed(2)}× (target: ≤ 2×; and no task over 200 ms on the demonstration)`);
  });
}
