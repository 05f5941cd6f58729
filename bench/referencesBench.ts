/**
 * Cross-reference checker benchmark: `checkReferences` over the generated chapter and its
 * amended copy (the `?sample=` pair the app opens), 200 KB and 2 MB, with the redline already
 * computed (as the editor has it). Rows: the first check of a draft (every section's citations
 * found), and a check after one word typed in one section (the other sections the same values,
 * as in the editor). Medians after warm-up; shared, noisy machine.
 */
import type { OrdinanceDocument } from "../src/core/model/document";
import { compare } from "../src/core/redline";
import { checkReferences } from "../src/core/references";
import { amendedSample } from "../src/core/samples/editScripts";
import { generateDocument } from "../src/core/samples/generateChapter";

const median = (times: number[]) => times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!;

/** The draft with one word added to a paragraph of the `k`-th section (every other section the same value). */
function typedInto(draft: OrdinanceDocument, k: number): OrdinanceDocument {
  const chapter = draft.chapters[0]!;
  const at = k % chapter.sections.length;
  const sections = chapter.sections.map((section, i) => (i !== at ? section : {
    ...section, blocks: section.blocks.map((block, j) => (j === 0 ? { ...block, text: `${block.text} typed${k}` } : block)),
  }));
  return { ...draft, chapters: [{ ...chapter, sections }, ...draft.chapters.slice(1)] };
}

function measure(bytes: number): { cold: number; typed: number; problems: number } {
  const cold: number[] = [];
  const typed: number[] = [];
  let problems = 0;
  for (let run = 0; run < 7; run++) {
    const base = generateDocument(11, bytes);
    const draft = amendedSample(base, 23 + run);
    const redline = compare(base, draft);
    let start = performance.now();
    problems = checkReferences(base, draft, redline).length;
    cold.push(performance.now() - start);
    for (let k = 0; k < 5; k++) {
      const next = typedInto(draft, run * 31 + k * 7);
      const nextRedline = compare(base, next);
      start = performance.now();
      checkReferences(base, next, nextRedline);
      typed.push(performance.now() - start);
    }
  }
  return { cold: median(cold), typed: median(typed), problems };
}

/** Prints the checker's table: 200 KB beside 2 MB. */
export function runReferencesBench(): void {
  const small = measure(200_000);
  const large = measure(2_000_000);
  console.log("\nCross-reference check — median ms, redline given; shared, noisy machine: compare rows within one run.\n");
  console.log("| check | 200 KB | 2 MB |");
  console.log("|---|---:|---:|");
  console.log(`| first check of a draft | ${small.cold.toFixed(1)} | ${large.cold.toFixed(1)} |`);
  console.log(`| after one word typed in one section | ${small.typed.toFixed(1)} | ${large.typed.toFixed(1)} |`);
  console.log(`| problems found | ${small.problems} | ${large.problems} |`);
}
