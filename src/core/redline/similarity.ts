/**
 * How alike two texts are, by their words: the Dice coefficient of their word multisets
 * (2 × shared words ÷ all words), from 0 (nothing shared) to 1 (the same words). Bags are
 * cached per text so repeated comparisons cost only the lookups.
 */
import { foldTypography } from "./tokens";

export interface WordBag {
  readonly counts: ReadonlyMap<string, number>;
  readonly size: number;
}

const WORD = /[\p{L}\p{N}$§]+(?:[-'.,:/()][\p{L}\p{N}]+)*/gu;
const bags = new Map<string, WordBag>();
const MAX_CACHED = 50_000;

/** The multiset of words of `text` (lower-cased, quote and dash shapes folded). */
export function wordBag(text: string): WordBag {
  const cached = bags.get(text);
  if (cached) return cached;
  const counts = new Map<string, number>();
  let size = 0;
  for (const match of foldTypography(text).toLowerCase().matchAll(WORD)) {
    counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    size++;
  }
  const bag = { counts, size };
  if (bags.size >= MAX_CACHED) bags.clear();
  bags.set(text, bag);
  return bag;
}

/** The number of words of `text`: `wordBag(text).size`, counted without building the bag. */
export function wordCount(text: string): number {
  const cached = bags.get(text);
  if (cached) return cached.size;
  const folded = foldTypography(text).toLowerCase();
  const words = new RegExp(WORD);
  let count = 0;
  while (words.exec(folded)) count++;
  return count;
}

/** Dice similarity of two word bags, in [0, 1]; two empty bags are identical (1). */
export function similarity(a: WordBag, b: WordBag): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  // The shared count can be no more than the smaller bag: skip pairs that cannot reach 0.2.
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  if ((2 * small.size) / (a.size + b.size) < 0.2) return 0;
  let shared = 0;
  for (const [word, count] of small.counts) {
    const other = large.counts.get(word);
    if (other) shared += Math.min(count, other);
  }
  return (2 * shared) / (a.size + b.size);
}

/**
 * Similarity of two texts (see `similarity`). Texts that share a long common beginning and end
 * (the usual edited paragraph) are scored by that share alone, without counting words.
 */
export function textSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const limit = Math.min(a.length, b.length);
  // The scans run to the end of the shared text: stopping once enough is shared would score a
  // one-word edit like a heavy one, and pair a paragraph with the wrong one of two versions.
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  if (prefix + suffix >= 0.7 * longer) return (prefix + suffix) / longer;
  return similarity(wordBag(a), wordBag(b));
}
