/**
 * `npx tsx bench/draftSaveBench.ts` — what keeping a draft costs while typing: the full save
 * (the amendment file's JSON, written at least once a second while typing goes on) and the
 * journal entry (a patch of the touched sections, written at each idle moment), after one
 * keystroke's worth of change, at 20 KB, 200 KB and 2 MB. Medians of repeated runs; compare
 * rows of one run only (machines are shared and noisy).
 */
import { toAmendmentFile, type AmendmentContent } from "../src/core/amendmentFile";
import type { OrdinanceDocument } from "../src/core/model/document";
import { amendedSample } from "../src/core/samples/editScripts";
import { generateDocument } from "../src/core/samples/generateChapter";
import { makePatch } from "../src/persistence/draftPatch";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** `draft` with one section's catchline changed, every other section the same object. */
function oneKeystroke(draft: OrdinanceDocument, round: number): OrdinanceDocument {
  const chapter = draft.chapters[0]!;
  const at = round % chapter.sections.length;
  const sections = chapter.sections.map((section, i) => (i === at ? { ...section, catchline: `${section.catchline}${round % 10}` } : section));
  return { ...draft, chapters: [{ ...chapter, sections }, ...draft.chapters.slice(1)] };
}

console.log("\nKeeping a draft while typing (ms, median)");
console.log("size      full save (JSON)  file size   journal patch  patch size");
for (const bytes of [20_000, 200_000, 2_000_000]) {
  const base = generateDocument(11, bytes);
  const checkpoint: AmendmentContent = { name: "Bench", base, draft: amendedSample(base, 23), sponsors: null, annotations: [], exportSettings: null };
  const saves: number[] = [];
  const patches: number[] = [];
  let fileSize = 0;
  let patchSize = 0;
  for (let round = 0; round < 15; round++) {
    const current = { ...checkpoint, draft: oneKeystroke(checkpoint.draft, round) };
    let started = performance.now();
    fileSize = JSON.stringify(toAmendmentFile(current, new Date())).length;
    saves.push(performance.now() - started);
    started = performance.now();
    patchSize = JSON.stringify(makePatch(checkpoint, current)).length;
    patches.push(performance.now() - started);
  }
  console.log(`${`${bytes / 1000} KB`.padEnd(10)}${median(saves).toFixed(1).padStart(16)}  ${`${(fileSize / 1e6).toFixed(2)} MB`.padStart(9)}  ${median(patches).toFixed(2).padStart(13)}  ${`${(patchSize / 1000).toFixed(1)} KB`.padStart(10)}`);
}
