/**
 * Where a keystroke's time goes in Chromium (`npx tsx bench/traceTyping.ts [dist-ready]`): types in
 * the demonstration chapter and in a generated 2 MB one, each under a DevTools timeline trace,
 * and prints per keystroke the main thread's time by kind of work (script, style, layout, paint,
 * observers), so the two can be compared in one run. A diagnostic beside `bench:browser`.
 */
import { build, preview } from "vite";
import { chromium, type CDPSession, type Page } from "playwright-core";
import { chromePath } from "../test/browser/browser";

interface TraceEvent { name: string; ph: string; dur?: number; tid: number; pid: number; ts: number; args?: { data?: { type?: string; functionName?: string; url?: string } } }

async function trace(page: Page, work: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (message) => { events.push(...(message.value as unknown as TraceEvent[])); });
  const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", { categories: "toplevel,devtools.timeline,blink.user_timing,v8", transferMode: "ReportEvents" });
  await work();
  await cdp.send("Tracing.end");
  await done;
  return events;
}

async function typeIn(page: Page, nth: number, text: string): Promise<void> {
  await page.evaluate((index) => {
    const all = document.querySelectorAll(".code-document .code-paragraph .words");
    const words = all[Math.floor(index * all.length)]!;
    words.scrollIntoView({ block: "center" });
    const node = [...words.childNodes].find((child) => child.nodeType === Node.TEXT_NODE) ?? words;
    const range = document.createRange();
    range.setStart(node, 0);
    range.collapse(true);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    (words.closest("[contenteditable=true]") as HTMLElement).focus();
  }, nth);
  await page.keyboard.type(text);
}

/** Sums complete events on the renderer's main thread by name (top-level only for nested kinds). */
function breakdown(events: TraceEvent[]): Map<string, number> {
  const main = events.find((event) => event.name === "thread_name" && (event as unknown as { args: { name: string } }).args.name === "CrRendererMain");
  const totals = new Map<string, number>();
  const keypresses: TraceEvent[] = [];
  const nested: TraceEvent[] = [];
  for (const event of events) {
    if (!main || event.tid !== main.tid || event.pid !== main.pid || event.ph !== "X" || event.dur === undefined) continue;
    const key = event.name === "EventDispatch" ? `EventDispatch:${event.args?.data?.type}` : event.name;
    totals.set(key, (totals.get(key) ?? 0) + event.dur / 1000);
    if (key === "EventDispatch:keypress") keypresses.push(event);
    else if (["Layout", "UpdateLayoutTree", "IntersectionObserverController::computeIntersections", "Paint", "PrePaint"].includes(key)) nested.push(event);
  }
  if (process.env.NAMES) console.log([...new Set(events.filter((event) => main && event.tid === main.tid && (event.dur ?? 0) > 20000).map((event) => event.name))].join(", "));
  // Long tasks that hold no keypress: work a key pressed meanwhile waits behind.
  const tasks = events.filter((event) => main && event.tid === main.tid && ["RunTask", "ThreadControllerImpl::RunTask"].includes(event.name) && (event.dur ?? 0) > 4000);
  const long = tasks.filter((task) => !keypresses.some((press) => press.ts >= task.ts && press.ts < task.ts + task.dur!));
  for (const task of long) {
    const inside = events.filter((event) => event.tid === task.tid && event.ph === "X" && event !== task && event.ts >= task.ts && event.ts < task.ts + task.dur! && (event.dur ?? 0) > 1000);
    console.log(`long task without a key: ${(task.dur! / 1000).toFixed(1)} ms: ${inside.slice(0, 6).map((event) => `${event.name}${event.args?.data?.functionName ? `(${event.args.data.functionName})` : ""} ${(event.dur! / 1000).toFixed(1)}`).join(", ")}`);
  }
  for (const event of nested) {
    const inside = keypresses.some((press) => press.ts <= event.ts && event.ts < press.ts + press.dur!);
    if (inside) totals.set(`${event.name} (in keypress)`, (totals.get(`${event.name} (in keypress)`) ?? 0) + event.dur! / 1000);
  }
  return totals;
}

async function main(): Promise<void> {
  if (process.argv[2] !== "dist-ready") await build({ logLevel: "warn" });
  const server = await preview({ preview: { host: "127.0.0.1", port: 0 }, logLevel: "warn" });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({ executablePath: chromePath(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"] });
  try {
    const rows: Array<{ name: string; totals: Map<string, number>; keys: number; times: number[] }> = [];
    for (const [name, query] of [["demo", "?perf"], ["2MB", "?sample=2000000&perf"]] as const) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(`${url}${query}`);
      await page.waitForSelector("[data-testid=change-row]", { timeout: 120_000 });
      if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });
      await typeIn(page, 0.5, "warm up ");
      await page.waitForTimeout(1500);
      await page.evaluate(() => { window.__keystrokeTimes!.length = 0; });
      const text = "xxxxxxxxxxxxxxxxxxx ";
      let keys = 0;
      const events = await trace(page, async () => {
        for (const at of [0.2, 0.4, 0.6, 0.8]) { await typeIn(page, at, text); keys += text.length; if (process.env.PAUSE) await page.waitForTimeout(Number(process.env.PAUSE)); }
      });
      const times = await page.evaluate(() => [...window.__keystrokeTimes!]);
      rows.push({ name, totals: breakdown(events), keys, times });
      await page.close();
    }
    const names = [...new Set(rows.flatMap((row) => [...row.totals.keys()]))]
      .filter((name) => rows.some((row) => (row.totals.get(name) ?? 0) / row.keys > 0.05))
      .sort((a, b) => (rows[1]!.totals.get(b) ?? 0) - (rows[1]!.totals.get(a) ?? 0));
    console.log(`| event (ms per key) | ${rows.map((row) => row.name).join(" | ")} |`);
    console.log(`|---|${rows.map(() => "---:").join("|")}|`);
    for (const name of names) console.log(`| ${name} | ${rows.map((row) => ((row.totals.get(name) ?? 0) / row.keys).toFixed(2)).join(" | ")} |`);
    for (const row of rows) {
      const sorted = [...row.times].sort((a, b) => a - b);
      console.log(`${row.name}: n=${sorted.length} p50=${sorted[Math.floor(sorted.length / 2)]} p95=${sorted[Math.floor(sorted.length * 0.95)]}`);
      console.log(`  first keys of a round: ${row.times.filter((_, i) => i % 20 === 0).map((t) => t.toFixed(1)).join(" ")}`);
      console.log(`  slowest others: ${row.times.filter((_, i) => i % 20 !== 0).sort((a, b) => b - a).slice(0, 8).map((t) => t.toFixed(1)).join(" ")}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
