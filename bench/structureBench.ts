/**
 * Structural redline benchmark: generated ten-chapter titles with one new section per chapter
 * and every later section shifted up one number (200 KB and 2 MB), and a 2 MB title with every
 * section renumbered, and the 2 MB insert-and-shift with scattered word edits. Each row prints the median compare time beside the plain 2 MB compare
 * (scattered word edits, as in the redline benchmark) of the same run, and the marked words
 * beside the ideal redline's (bench/idealMarks.ts). Targets: ≤ 1.1× ideal, ≤ 2× plain time.
 */
import type { OrdinanceDocument } from "../src/core/model/document";
import { compare } from "../src/core/redline";
import { amendedSample, scatteredWordEdits } from "../src/core/samples/editScripts";
import { generateDocument, generateTitle } from "../src/core/samples/generateChapter";
import { insertAndShiftEveryChapter, renumberAll } from "../src/core/samples/structuralEdits";
import { idealMarkedWords, markedWords } from "./idealMarks";

function medianCompareMs(base: OrdinanceDocument, draft: OrdinanceDocument, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const [a, b] = [structuredClone(base), structuredClone(draft)];
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    compare(a, b).changes.length;
    if (i >= 2) times.push(performance.now() - start); // the first runs warm the JIT
  }
  return times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
}

/** Runs the structural rows and prints their table. */
export function runStructureBench(): void {
  const runs = 7;
  const plainBase = generateDocument(11, 2_000_000);
  const plainDraft = amendedSample(plainBase, 23);
  const plainMs = medianCompareMs(plainBase, plainDraft, runs);
  const rows: Array<{ name: string; ms: number; marked: number; ideal: number }> = [];
  const row = (name: string, base: OrdinanceDocument, draft: OrdinanceDocument) => {
    rows.push({ name, ms: medianCompareMs(base, draft, runs), marked: markedWords(compare(base, draft)), ideal: idealMarkedWords(base, draft) });
  };
  const small = generateTitle(5, 200_000, 10);
  row("insert-and-shift, 200 KB, 10 chapters", small, insertAndShiftEveryChapter(small, 3));
  const large = generateTitle(6, 2_000_000, 10);
  row("insert-and-shift, 2 MB, 10 chapters", large, insertAndShiftEveryChapter(large, 4));
  row("every section renumbered, 2 MB", large, renumberAll(large));
  row("insert-and-shift with scattered word edits, 2 MB", large, scatteredWordEdits(insertAndShiftEveryChapter(large, 4), 9, 0.3));

  console.log("\nStructural redlines — median compare ms after warm-up; marked words = struck + underscored words. Shared, noisy machine: compare rows within one run.\n");
  console.log("| input | compare ms | × plain 2 MB | marked words | ideal words | × ideal |");
  console.log("|---|---:|---:|---:|---:|---:|");
  const plainMarked = markedWords(compare(plainBase, plainDraft));
  const plainIdeal = idealMarkedWords(plainBase, plainDraft);
  console.log(`| plain 2 MB (scattered word edits) | ${plainMs.toFixed(1)} | 1.00 | ${plainMarked} | ${plainIdeal} | ${(plainMarked / plainIdeal).toFixed(3)} |`);
  for (const { name, ms, marked, ideal } of rows) {
    console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / plainMs).toFixed(2)} | ${marked} | ${ideal} | ${(marked / ideal).toFixed(3)} |`);
  }
  console.log("targets: marked words ≤ 1.1× ideal; compare time ≤ 2× the plain 2 MB compare");
}
