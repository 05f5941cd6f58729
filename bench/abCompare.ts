/**
 * Old-versus-new compare timing in one run: `tsx --expose-gc bench/abCompare.ts <other checkout>[,<another>…] [row]`
 * times the other checkouts' compares and this checkout's on the same generated inputs, taking
 * turns run by run (the order rotating), so a noisy shared machine weighs on both alike. Prints medians of
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

const others = (process.argv[2] ?? "").split(",").filter((dir) => dir !== "");
if (others.length === 0) throw new Error("usage: abCompare.ts <other checkout>[,<another>…] [row]");
const compares: Compare[] = [];
for (const dir of others) compares.push(((await import(pathToFileURL(path.resolve(dir, "src/core/redline/index.ts")).href)) as { compare: Compare }).compare);
compares.push(compare);
const names = [...others.map((dir) => path.basename(dir)), "this"];
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

console.log(`| input | ${names.map((name) => `${name} ms`).join(" | ")} | this / ${names[0]} | ${names.map((name) => `${name} changes`).join(" | ")} |`);
console.log(`|---|${names.map(() => "---:").join("|")}|---:|${names.map(() => "---:").join("|")}|`);
for (const [name, make, runs] of rows) {
  if (only && (only.startsWith("=") ? name !== only.slice(1) : !name.includes(only))) continue;
  const [base, draft] = make();
  const times: number[][] = compares.map(() => []);
  const warm = 3;
  for (let i = 0; i < runs + warm; i++) {
    for (let k = 0; k < compares.length; k++) {
      const which = (i + k) % compares.length;
      const ms = timeOnce(compares[which]!, base, draft);
      if (i >= warm) times[which]!.push(ms);
    }
  }
  const medians = times.map(median);
  const counts = compares.map((run) => run(base, draft).changes.length);
  console.log(`| ${name} | ${medians.map((ms) => ms.toFixed(1)).join(" | ")} | ${(medians[medians.length - 1]! / medians[0]!).toFixed(2)} | ${counts.join(" | ")} |`);
}
