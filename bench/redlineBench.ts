/**
 * Redline benchmark: generated legal chapters of about 20 KB, 200 KB and 2 MB with an amended
 * copy of each (about 2% of words changed in scattered clause edits, inserted and deleted
 * subsections, a moved and a renumbered section), plus two unrelated 200 KB texts. Prints
 * medians of the full compare, of a one-keystroke incremental re-compare, and of jsdiff's
 * diffWords over the whole text as the baseline, with change counts and memory.
 */
import { diffWords } from "diff";
import { serializeDocument } from "../src/core/model/canonicalText";
import type { OrdinanceDocument, Paragraph, Section } from "../src/core/model/document";
import { compare, updateRedline } from "../src/core/redline";
import { amendedSample } from "../src/core/samples/editScripts";
import { generateDocument } from "../src/core/samples/generateChapter";
import { Random } from "../src/core/samples/random";
import { resolveAnnotations } from "../src/editor/redline/annotationIndex";
import { NO_FILTER } from "../src/editor/redline/plugin";
import { panelModel } from "../src/ui/panel/panelRows";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Runs a full garbage collection when node was started with --expose-gc, so runs start even. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The amended copy (see amendedSample). */
export const amend = amendedSample;

/** The draft with one character typed into one paragraph: only that section is a new object. */
function keystroke(draft: OrdinanceDocument, random: Random): OrdinanceDocument {
  const chapter = draft.chapters[0]!;
  const index = random.int(0, chapter.sections.length - 1);
  const section = chapter.sections[index]!;
  const blockIndex = section.blocks.findIndex((block) => block.kind === "paragraph");
  if (blockIndex < 0) return draft;
  const block = section.blocks[blockIndex] as Paragraph;
  const at = block.text.indexOf(" ", random.int(0, block.text.length - 1));
  const text = at < 0 ? `${block.text}s` : `${block.text.slice(0, at)}s${block.text.slice(at)}`;
  const blocks = section.blocks.map((b, i) => (i === blockIndex ? { ...block, text } : b));
  const sections: Section[] = chapter.sections.map((s, i) => (i === index ? { ...section, blocks } : s));
  return { ...draft, chapters: [{ ...chapter, sections }] };
}

function baselineHunks(a: string, b: string): { ms: number; hunks: number } {
  let hunks = 0;
  const ms = time(() => {
    const parts = diffWords(a, b);
    let inHunk = false;
    for (const part of parts) {
      if (part.added || part.removed) { if (!inHunk) hunks++; inHunk = true; } else inHunk = false;
    }
  });
  return { ms, hunks };
}

interface Row {
  readonly name: string;
  readonly size: number;
  readonly compareMs: number;
  readonly keystrokeMs: number | null;
  readonly changes: number;
  readonly baselineMs: number | null;
  readonly baselineRuns: number;
  readonly baselineHunks: number | null;
}

function measure(name: string, base: OrdinanceDocument, draft: OrdinanceDocument, baselineRuns: number, keystrokes: number): Row {
  const baseText = serializeDocument(base);
  const draftText = serializeDocument(draft);
  const runs = baseText.length > 1_000_000 ? 9 : 61;
  const warmups = baseText.length > 1_000_000 ? 3 : 25;
  const compareTimes: number[] = [];
  let changes = 0;
  for (let i = 0; i < runs + warmups; i++) {
    const [a, b] = [clone(base), clone(draft)];
    collectGarbage();
    const ms = time(() => { changes = compare(a, b).changes.length; });
    if (i >= warmups) compareTimes.push(ms); // the first runs warm the JIT
  }
  let keystrokeMs: number | null = null;
  if (keystrokes > 0) {
    const random = new Random(99);
    let current = draft;
    let redline = compare(base, current);
    const times: number[] = [];
    for (let i = 0; i < keystrokes; i++) {
      current = keystroke(current, random);
      const next = current;
      const previous = redline;
      times.push(time(() => { redline = updateRedline(previous, next); redline.sections.length; }));
    }
    keystrokeMs = median(times);
  }
  const baselineTimes: number[] = [];
  let baselineHunkCount: number | null = null;
  for (let i = 0; i < baselineRuns; i++) {
    const result = baselineHunks(baseText, draftText);
    baselineTimes.push(result.ms);
    baselineHunkCount = result.hunks;
  }
  return {
    name, size: baseText.length, compareMs: median(compareTimes), keystrokeMs, changes,
    baselineMs: baselineRuns > 0 ? median(baselineTimes) : null, baselineRuns, baselineHunks: baselineHunkCount,
  };
}

function format(value: number | null, digits = 1): string {
  return value === null ? "—" : value.toFixed(digits);
}

interface KeystrokeRow {
  readonly name: string;
  readonly size: number;
  readonly sections: number;
  readonly updateMs: number;
  readonly panelMs: number;
}

/**
 * One keystroke at a time as the live editor sees it: `updateRedline` on a draft with one
 * section retyped, then the panel's rows rebuilt from the new redline (as the changes panel
 * does on each refresh). Medians over `keystrokes` keystrokes after warm-up ones.
 */
function measureKeystrokes(name: string, base: OrdinanceDocument, draft: OrdinanceDocument, keystrokes: number): KeystrokeRow {
  const random = new Random(7);
  let current = draft;
  let redline = compare(base, current);
  const annotations = resolveAnnotations([], redline, null, null);
  let panel = panelModel(redline, annotations, NO_FILTER);
  const updateTimes: number[] = [];
  const panelTimes: number[] = [];
  const warmups = 50;
  collectGarbage();
  for (let i = 0; i < keystrokes + warmups; i++) {
    current = keystroke(current, random);
    const next = current;
    const previous = redline;
    const updateMs = time(() => { redline = updateRedline(previous, next); redline.sectionCount; });
    const panelMs = time(() => { panel = panelModel(redline, annotations, NO_FILTER, panel); });
    if (i >= warmups) { updateTimes.push(updateMs); panelTimes.push(panelMs); }
  }
  return { name, size: serializeDocument(base).length, sections: redline.sections.length, updateMs: median(updateTimes), panelMs: median(panelTimes) };
}

/** Keystroke cost at 2 MB and 20 MB, with the ratio of the two (the target is at most 2×). */
export function runKeystrokeBench(): void {
  const rows: KeystrokeRow[] = [];
  for (const [name, bytes] of [["2 MB", 2_000_000], ["20 MB", 20_000_000]] as const) {
    const base = generateDocument(11, bytes);
    rows.push(measureKeystrokes(name, base, amend(base, 23), 300));
  }
  console.log("\nOne keystroke — medians of updateRedline and of the panel rows refresh (shared, noisy machine: compare rows within one run).\n");
  console.log("| input | chars | units | updateRedline ms | panel rows ms | together ms |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    console.log(`| ${row.name} | ${row.size} | ${row.sections} | ${format(row.updateMs, 3)} | ${format(row.panelMs, 3)} | ${format(row.updateMs + row.panelMs, 3)} |`);
  }
  const [small, large] = rows as [KeystrokeRow, KeystrokeRow];
  const ratio = (x: number, y: number) => `${(x / y).toFixed(1)}×`;
  console.log(`\n20 MB / 2 MB: updateRedline ${ratio(large.updateMs, small.updateMs)}, panel rows ${ratio(large.panelMs, small.panelMs)}, together ${ratio(large.updateMs + large.panelMs, small.updateMs + small.panelMs)} (target ≤ 2×)`);
}

/** Runs the benchmark and prints the table. `skipLargeBaseline` leaves out the ~1 min 2 MB baseline. */
export function runRedlineBench(skipLargeBaseline: boolean): void {
  const rows: Row[] = [];
  for (const [name, bytes, baselineRuns] of [["20 KB", 20_000, 5], ["200 KB", 200_000, 3], ["2 MB", 2_000_000, skipLargeBaseline ? 0 : 1]] as const) {
    const base = generateDocument(11, bytes);
    rows.push(measure(name, base, amend(base, 23), baselineRuns, 200));
  }
  rows.push(measure("unrelated 200 KB", generateDocument(101, 200_000), generateDocument(202, 200_000), 0, 0));

  console.log("\nRedline engine — medians after warm-up runs (steady state, as in a long editing session). This machine is shared and noisy: compare rows within one run.\n");
  console.log("| input | chars | compare ms | keystroke ms | changes | diffWords ms (runs) | diffWords hunks | speed-up |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    const speedUp = row.baselineMs === null ? "—" : `${(row.baselineMs / row.compareMs).toFixed(0)}×`;
    console.log(`| ${row.name} | ${row.size} | ${format(row.compareMs)} | ${format(row.keystrokeMs, 3)} | ${row.changes} | ${format(row.baselineMs)} (${row.baselineRuns}) | ${row.baselineHunks ?? "—"} | ${speedUp} |`);
  }
  const usage = process.resourceUsage();
  console.log(`\npeak resident memory: ${(usage.maxRSS / 1024).toFixed(0)} MB; heap in use now: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
  console.log("targets: 2 MB compare ≤ 100 ms; keystroke at 2 MB ≤ 2 ms; unrelated 200 KB ≤ 50 ms; 200 KB ≥ 30× baseline with no more changes than its hunks");
}
