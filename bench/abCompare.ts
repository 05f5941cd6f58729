/**
 * Old-versus-new compare timing in one run: `tsx --expose-gc bench/abCompare.ts <other checkout>`
 * times this checkout's compare and the other checkout's compare on the same generated inputs,
 * alternating run by run, so a noisy shared machine weighs on both alike. Prints medians of
 * the process's CPU time per compare (wall time on a loaded machine counts the wait for a core).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { OrdinanceDocument } from "../src/core/model/document";
import { compare } from "../src/core/redline";
import { amendedSample, scatteredWordEdits } from "../src/core/samples/editScripts";
import { generateDocument, generateTitle } from "../src/core/samples/generateChapter";
import { insertAndShiftEveryChapter, renumberAll } from "../src/core/samples/structuralEdits";

type Compare = (a: OrdinanceDocument, b: OrdinanceDocument) => { changes: readonly unknown[] };

const other = process.argv[2];
if (!other) throw new Error("usage: abCompare.ts <other checkout>");
const otherCompare = ((await import(pathToFileURL(path.resolve(other, "src/core/redline/index.ts")).href)) as { compare: Compare }).compare;
const only = process.argv[3];

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeOnce(run: Compare, base: OrdinanceDocument, draft: OrdinanceDocument): number {
  const [a, b] = [structuredClone(base), structuredClone(draft)];
  (globalThis as { gc?: () => void }).gc?.();
  // CPU time of this process rather than wall time: on a loaded machine, waiting for a core is not the compare's cost.
  const start = process.cpuUsage();
  run(a, b).changes.length;
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const rows: Array<[string, () => [OrdinanceDocument, OrdinanceDocument], number]> = [
  ["20 KB", () => { const b = generateDocument(11, 20_000); return [b, amendedSample(b, 23)]; }, 41],
  ["200 KB", () => { const b = generateDocument(11, 200_000); return [b, amendedSample(b, 23)]; }, 31],
  ["2 MB", () => { const b = generateDocument(11, 2_000_000); return [b, amendedSample(b, 23)]; }, 9],
  ["unrelated 200 KB", () => [generateDocument(101, 200_000), generateDocument(202, 200_000)], 21],
  ["insert-and-shift, 200 KB, 10 ch", () => { const b = generateTitle(5, 200_000, 10); return [b, insertAndShiftEveryChapter(b, 3)]; }, 21],
  ["insert-and-shift, 2 MB, 10 ch", () => { const b = generateTitle(6, 2_000_000, 10); return [b, insertAndShiftEveryChapter(b, 4)]; }, 7],
  ["every section renumbered, 2 MB", () => { const b = generateTitle(6, 2_000_000, 10); return [b, renumberAll(b)]; }, 7],
  ["insert-shift + word edits, 2 MB", () => { const b = generateTitle(6, 2_000_000, 10); return [b, scatteredWordEdits(insertAndShiftEveryChapter(b, 4), 9, 0.3)]; }, 7],
];

console.log("| input | old ms | new ms | new / old | old changes | new changes |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const [name, make, runs] of rows) {
  if (only && (only.startsWith("=") ? name !== only.slice(1) : !name.includes(only))) continue;
  const [base, draft] = make();
  const oldTimes: number[] = [];
  const newTimes: number[] = [];
  const warm = 3;
  for (let i = 0; i < runs + warm; i++) {
    const first = i % 2 === 0;
    const t1 = timeOnce(first ? otherCompare : compare, base, draft);
    const t2 = timeOnce(first ? compare : otherCompare, base, draft);
    if (i < warm) continue;
    (first ? oldTimes : newTimes).push(t1);
    (first ? newTimes : oldTimes).push(t2);
  }
  const o = median(oldTimes), n = median(newTimes);
  console.log(`| ${name} | ${o.toFixed(1)} | ${n.toFixed(1)} | ${(n / o).toFixed(2)} | ${otherCompare(base, draft).changes.length} | ${compare(base, draft).changes.length} |`);
}
