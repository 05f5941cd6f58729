/**
 * Parsing Code text at 2 MB and 20 MB (issue 11, item 9): a one-chapter document and a title of
 * ten chapters at each size, their canonical text parsed, next to the compare of that document
 * with an amended copy (what the parse feeds). The 20 MB parse should take at most about ten
 * times the 2 MB parse (linear in the number of sections; the bound checked is 12×) and no
 * longer than its compare. Medians of three runs; compare rows of one run.
 */
import { parseCodeText } from "../src/core/importer/parseCodeText";
import { serializeDocument } from "../src/core/model/canonicalText";
import type { OrdinanceDocument } from "../src/core/model/document";
import { compare } from "../src/core/redline";
import { amendedSample } from "../src/core/samples/editScripts";
import { generateDocument, generateTitle } from "../src/core/samples/generateChapter";

function median(run: () => void, rounds = 3): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const began = performance.now();
    run();
    times.push(performance.now() - began);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

function row(label: string, doc: OrdinanceDocument): { parse: number; compare: number } {
  const text = serializeDocument(doc);
  const sections = doc.chapters.reduce((sum, chapter) => sum + chapter.sections.length, 0);
  const parse = median(() => { parseCodeText(text); });
  const amended = amendedSample(doc, 5);
  const compared = median(() => { compare(doc, amended); }, 1);
  console.log(`${label.padEnd(22)} ${(text.length / 1e6).toFixed(1).padStart(5)} MB ${String(sections).padStart(6)} sections: parse ${parse.toFixed(0).padStart(6)} ms | compare ${compared.toFixed(0).padStart(6)} ms | parse/compare ${(parse / compared).toFixed(2)}`);
  return { parse, compare: compared };
}

/** Prints the parse rows and the 20 MB / 2 MB ratios. */
export function runParseBench(): void {
  console.log("parse of canonical text (median of 3) beside the compare it feeds");
  for (const [kind, make] of [
    ["one chapter", (bytes: number) => generateDocument(7, bytes)],
    ["title of 10 chapters", (bytes: number) => generateTitle(7, bytes, 10)],
  ] as const) {
    const small = row(`${kind}, 2 MB`, make(2_000_000));
    const large = row(`${kind}, 20 MB`, make(20_000_000));
    const ratio = large.parse / small.parse;
    console.log(`${kind}: 20 MB parse / 2 MB parse = ${ratio.toFixed(1)}× (bound 12×) ${ratio <= 12 ? "ok" : "OVER"}; parse ≤ compare: ${large.parse <= large.compare && small.parse <= small.compare ? "ok" : "NO"}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runParseBench();
