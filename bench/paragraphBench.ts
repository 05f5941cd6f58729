/**
 * Long-paragraph benchmark: one section whose only paragraph is about 1 MB of generated legal
 * sentences, and a copy with 2% of its words replaced (seeded). The generator knows which words
 * it replaced, so the ideal redline marks each of them twice (the old word struck, the new one
 * underscored). Prints the compare time beside the plain 2 MB compare of the same run (the
 * sample chapter and amended copy of redlineBench), the words the redline marks, the ideal and
 * their ratio. Targets: at most 1.1× the ideal marked words, at most 2× the 2 MB compare time.
 */
import type { OrdinanceDocument } from "../src/core/model/document";
import { blockId, chapterId, sectionId } from "../src/core/model/document";
import { compare } from "../src/core/redline";
import { amendedSample } from "../src/core/samples/editScripts";
import { generateDocument, sentence } from "../src/core/samples/generateChapter";
import { Random } from "../src/core/samples/random";

/** Replacement words, none of which the sentence generator writes. */
const REPLACEMENTS = "zephyr quartz lantern meadow harbor copper willow granite falcon ember orchard thistle cobalt saffron juniper".split(" ");

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeCompare(base: OrdinanceDocument, draft: OrdinanceDocument, runs: number): { ms: number; marked: number; imprecise: number } {
  const times: number[] = [];
  let marked = 0;
  let imprecise = 0;
  for (let i = 0; i < runs + 1; i++) {
    const [a, b] = [structuredClone(base), structuredClone(draft)];
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    const redline = compare(a, b);
    const ms = performance.now() - start;
    if (i > 0) times.push(ms); // the first run warms the JIT
    marked = redline.changes.reduce((sum, change) => sum + words(change.deleted) + words(change.inserted), 0);
    imprecise = redline.changes.filter((change) => !change.precise).length;
  }
  return { ms: median(times), marked, imprecise };
}

/** Words (runs of non-space characters holding a letter or digit) in a text. */
function words(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function onParagraph(text: string): OrdinanceDocument {
  const number = "2-199-010";
  const id = sectionId(number);
  return {
    title: null,
    chapters: [{
      id: chapterId("2-199"), number: "2-199", title: "LONG PARAGRAPH", toc: [{ number, catchline: "Long paragraph." }],
      sections: [{ id, number, catchline: "Long paragraph.", blocks: [{ kind: "paragraph", id: blockId(id, 0), enumerator: null, level: 0, text }] }],
    }],
  };
}

/** The 1 MB paragraph and its edited copy, with the number of words replaced. */
export function longParagraphPair(seed: number, bytes: number, share: number): { base: OrdinanceDocument; draft: OrdinanceDocument; replaced: number } {
  const random = new Random(seed);
  const sentences: string[] = [];
  let size = 0;
  while (size < bytes) {
    const next = sentence(random, random.int(12, 40));
    sentences.push(next);
    size += next.length + 1;
  }
  const original = sentences.join(" ").split(" ");
  let replaced = 0;
  const edited = original.map((word) => {
    if (!random.chance(share)) return word;
    replaced++;
    const trailing = /[.,:]$/.exec(word)?.[0] ?? "";
    return random.pick(REPLACEMENTS) + trailing;
  });
  return { base: onParagraph(original.join(" ")), draft: onParagraph(edited.join(" ")), replaced };
}

/** Runs the benchmark and prints its table. */
export function runParagraphBench(): void {
  const { base, draft, replaced } = longParagraphPair(31, 1_000_000, 0.02);
  const long = timeCompare(base, draft, 5);
  const plainBase = generateDocument(11, 2_000_000);
  const plain = timeCompare(plainBase, amendedSample(plainBase, 23), 5);
  const ideal = 2 * replaced;
  console.log("\nLong paragraph — medians of 5 compares after a warm-up run. This machine is shared and noisy: compare rows within one run.\n");
  console.log("| input | compare ms | × 2 MB compare | marked words | ideal marked words | ratio | imprecise changes |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  console.log(`| one 1 MB paragraph, 2% of words replaced | ${long.ms.toFixed(1)} | ${(long.ms / plain.ms).toFixed(2)}× | ${long.marked} | ${ideal} | ${(long.marked / ideal).toFixed(3)}× | ${long.imprecise} |`);
  console.log(`| plain 2 MB compare (same run) | ${plain.ms.toFixed(1)} | 1.00× | — | — | — | ${plain.imprecise} |`);
  console.log("targets: marked words ≤ 1.1× ideal; compare ≤ 2× the plain 2 MB compare");
}
