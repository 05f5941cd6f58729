/**
 * Export benchmark: the amending ordinance of the Welcoming City fixture and of a generated
 * 2 MB chapter with scattered edits (the redline benchmark's amended copy), each built and
 * written as .docx, HTML and text, and of a generated 2 MB title with 60 sections moved within
 * their chapters to new numbers (each reprinted once as a renumbered section). Prints medians per step and in total, the size of each
 * output, and peak resident memory and heap. Targets: fixture ≤ 300 ms; 2 MB ≤ 5 s and ≤ 500 MB.
 */
import { readFileSync } from "node:fs";
import { buildOrdinance, writeDocx, writeHtml, writeText } from "../src/core/export";
import { parseCodeText } from "../src/core/importer/parseCodeText";
import { serializeDocument } from "../src/core/model/canonicalText";
import type { OrdinanceDocument } from "../src/core/model/document";
import { parseSponsors, type SponsorRegistry } from "../src/core/sponsors/sponsors";
import { generateDocument, generateTitle } from "../src/core/samples/generateChapter";
import { Random } from "../src/core/samples/random";
import { moveWithinChapter } from "../src/core/samples/structuralEdits";
import { amend } from "./redlineBench";

interface Timings {
  readonly buildMs: number;
  readonly docxMs: number;
  readonly htmlMs: number;
  readonly textMs: number;
  readonly totalMs: number;
}

interface Row extends Timings {
  readonly name: string;
  readonly chars: number;
  readonly runs: number;
  readonly blocks: number;
  readonly docxBytes: number;
  readonly htmlChars: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One full export: build (compare included), then every writer. */
async function exportOnce(base: OrdinanceDocument, draft: OrdinanceDocument, sponsors: SponsorRegistry) {
  const t0 = performance.now();
  const document = buildOrdinance({ base, draft, sponsors });
  const t1 = performance.now();
  const docx = await writeDocx(document);
  const t2 = performance.now();
  const html = writeHtml(document);
  const t3 = performance.now();
  writeText(document);
  const t4 = performance.now();
  return {
    timings: { buildMs: t1 - t0, docxMs: t2 - t1, htmlMs: t3 - t2, textMs: t4 - t3, totalMs: t4 - t0 },
    blocks: document.blocks.length, docxBytes: docx.length, htmlChars: html.length,
  };
}

async function measure(name: string, base: OrdinanceDocument, draft: OrdinanceDocument, sponsors: SponsorRegistry, runs: number, warmups: number): Promise<Row> {
  const samples: Timings[] = [];
  let last: Awaited<ReturnType<typeof exportOnce>> | undefined;
  for (let i = 0; i < runs + warmups; i++) {
    // Fresh copies, so no cache from the previous run helps (as a new export from the app).
    const [a, b] = [structuredClone(base), structuredClone(draft)];
    collectGarbage();
    last = await exportOnce(a, b, sponsors);
    if (i >= warmups) samples.push(last.timings);
  }
  const pick = (key: keyof Timings) => median(samples.map((sample) => sample[key]));
  return {
    name, chars: serializeDocument(base).length, runs,
    buildMs: pick("buildMs"), docxMs: pick("docxMs"), htmlMs: pick("htmlMs"), textMs: pick("textMs"), totalMs: pick("totalMs"),
    blocks: last!.blocks, docxBytes: last!.docxBytes, htmlChars: last!.htmlChars,
  };
}

/** Runs the export benchmark and prints its table. */
export async function runExportBench(): Promise<void> {
  const fixture = (file: string) => readFileSync(new URL(`../fixtures/welcoming-city/${file}`, import.meta.url), "utf8");
  const sponsors = parseSponsors(JSON.parse(fixture("sponsors.json")));
  const rows: Row[] = [];
  rows.push(await measure("Welcoming City fixture", parseCodeText(fixture("base.txt")).document, parseCodeText(fixture("amended.txt")).document, sponsors, 21, 10));
  const large = generateDocument(11, 2_000_000);
  rows.push(await measure("generated 2 MB, scattered edits", large, amend(large, 23), sponsors, 3, 1));
  const title = generateTitle(12, 2_000_000, 8);
  const random = new Random(12);
  let moved = title;
  for (let i = 0; i < 60; i++) moved = moveWithinChapter(moved, random);
  rows.push(await measure("generated 2 MB title, 60 sections moved to new numbers", title, moved, sponsors, 3, 1));

  console.log("\nExport of the amending ordinance — medians (build includes the redline; .docx, HTML and text written from one build)\n");
  console.log("| input | chars | runs | build ms | .docx ms | HTML ms | text ms | total ms | blocks | .docx KB | HTML KB |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    const ms = (value: number) => value.toFixed(1);
    console.log(`| ${row.name} | ${row.chars} | ${row.runs} | ${ms(row.buildMs)} | ${ms(row.docxMs)} | ${ms(row.htmlMs)} | ${ms(row.textMs)} | ${ms(row.totalMs)} | ${row.blocks} | ${(row.docxBytes / 1024).toFixed(0)} | ${(row.htmlChars / 1024).toFixed(0)} |`);
  }
  const usage = process.resourceUsage();
  console.log(`\npeak resident memory: ${(usage.maxRSS / 1024).toFixed(0)} MB; heap in use now: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
  console.log("targets: fixture total ≤ 300 ms; 2 MB total ≤ 5 s; peak resident memory ≤ 500 MB");
}
