/**
 * A standalone experiment, outside the app (`npx tsx bench/groupingExperiment.ts`): does the
 * per-key rendering cost of a long chapter come from the number of sibling sections? In
 * Chromium, a contenteditable page holds about 1,350 sections (about 2 MB of text), laid out
 * in one of several ways, and a small page of 30 sections is the baseline. Keys are typed
 * into one section of each page in alternating turns, in the same run, and the time from a
 * key's event time stamp to the end of the next rendered frame is reported (p50, p95).
 */
import { chromium, type Page } from "playwright-core";
import { chromePath } from "../test/browser/browser";

interface Layout {
  readonly name: string;
  readonly sections: number;
  /** Sections per group; 0 for no groups. */
  readonly perGroup: number;
  readonly css: string;
}

const sectionCss = ".s { margin-bottom: 1.25rem; content-visibility: auto; contain-intrinsic-size: auto 480px; }";
const groupCss = ".g { content-visibility: auto; contain-intrinsic-size: auto 15000px; }";
const layouts: Layout[] = [
  { name: "30 sections, flat (baseline)", sections: 30, perGroup: 0, css: sectionCss },
  { name: "1,350 sections, flat", sections: 1350, perGroup: 0, css: sectionCss },
  { name: "1,350 sections in groups of 32, c-v on groups only", sections: 1350, perGroup: 32, css: `.s { margin-bottom: 1.25rem; } ${groupCss}` },
  { name: "1,350 sections in groups of 32, c-v on both levels", sections: 1350, perGroup: 32, css: `${sectionCss} ${groupCss}` },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Builds the page in the browser: sections of a heading and three paragraphs of about 1.5 KB in all. */
async function open(page: Page, layout: Layout): Promise<void> {
  await page.setContent(`<!doctype html><html><head><style>
    body { margin: 0; } .doc { width: 50rem; margin: 1rem auto; font-family: serif; font-size: 1.05rem; line-height: 1.5; white-space: pre-wrap; outline: none; }
    p { margin: 0 0 0.55rem; text-align: justify; } h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
    ${layout.css}</style></head><body><article class="doc" contenteditable="true"></article></body></html>`);
  await page.evaluate(({ sections, perGroup }) => {
    const doc = document.querySelector(".doc")!;
    const words = "the council shall adopt by ordinance such rules and standards as are needed for the orderly review of permits and licences ".repeat(4);
    let parent: Element = doc;
    for (let s = 0; s < sections; s++) {
      if (perGroup && s % perGroup === 0) {
        parent = document.createElement("div");
        parent.className = "g";
        doc.append(parent);
      }
      const section = document.createElement("section");
      section.className = "s";
      section.innerHTML = `<h3>Sec. ${s + 1}. Heading of the section</h3><p>${words}</p><p>${words}</p><p>${words}</p>`;
      parent.append(section);
    }
    // Keystroke timing: from the key event's time stamp to the end of the next frame (a task
    // posted from requestAnimationFrame runs after that frame's style, layout and paint).
    // The frame's own work (rendering steps after requestAnimationFrame: style, layout,
    // paint) is recorded apart, since it leaves out the wait for the next vertical sync.
    const times: number[] = ((window as unknown as { __times: number[] }).__times = []);
    const frames: number[] = ((window as unknown as { __frames: number[] }).__frames = []);
    document.addEventListener("keydown", (event) => {
      const started = event.timeStamp;
      requestAnimationFrame(() => {
        const frameStart = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { const now = performance.now(); times.push(now - started); frames.push(now - frameStart); };
        channel.port2.postMessage(null);
      });
    }, true);
  }, { sections: layout.sections, perGroup: layout.perGroup });
}

async function typeTurn(page: Page, turn: number, turns: number, keys: number): Promise<void> {
  await page.bringToFront();
  await page.evaluate(({ turn, turns }) => {
    const paragraphs = document.querySelectorAll(".doc p");
    const target = paragraphs[Math.floor(((turn + 0.5) / turns) * paragraphs.length)]!;
    target.scrollIntoView({ block: "center" });
    const range = document.createRange();
    range.setStart(target.firstChild!, 0);
    range.collapse(true);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    (document.querySelector(".doc") as HTMLElement).focus();
  }, { turn, turns });
  await page.waitForTimeout(50);
  await page.keyboard.type("x".repeat(keys - 1) + " ");
  await page.waitForTimeout(50);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromePath(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"] });
  try {
    const pages: Page[] = [];
    for (const layout of layouts) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await open(page, layout);
      pages.push(page);
    }
    for (const page of pages) await typeTurn(page, 0, 2, 10); // warm-up
    for (const page of pages) await page.evaluate(() => { const w = window as unknown as { __times: number[]; __frames: number[] }; w.__times.length = 0; w.__frames.length = 0; });
    const turns = Number(process.env.TURNS ?? 12);
    for (let turn = 0; turn < turns; turn++) {
      const order = turn % 2 ? [...pages].reverse() : pages;
      for (const page of order) await typeTurn(page, turn, turns, 25);
    }
    console.log("\nPer-key frame time in Chromium, key event to end of next frame (ms). Shared, noisy machine: compare rows of one run.\n");
    console.log("| layout | keys | key→frame end p50 ms | p95 ms | frame work p50 ms | p95 ms | mean ms |");
    console.log("|---|---:|---:|---:|---:|---:|---:|");
    for (const [index, page] of pages.entries()) {
      const { times, frames } = await (page.evaluate(() => { const w = window as unknown as { __times: number[]; __frames: number[] }; return { times: w.__times, frames: w.__frames }; }));
      const mean = frames.reduce((sum, value) => sum + value, 0) / frames.length;
      console.log(`| ${layouts[index]!.name} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(frames, 50).toFixed(2)} | ${percentile(frames, 95).toFixed(2)} | ${mean.toFixed(2)} |`);
    }
  } finally {
    await browser.close();
  }
}

await main();
