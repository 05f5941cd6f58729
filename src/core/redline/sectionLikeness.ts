/**
 * How alike two sections' texts are.
 * A section's body is its paragraphs (history notes are boilerplate and left out). Likeness is
 * weighted by characters: paragraphs equal on both sides count whole, the rest by their word
 * similarity, so a section with one edited paragraph costs one prefix scan, not a word count.
 */
import type { Section } from "../model/document";
import { similarity, wordBag } from "./similarity";

interface Body {
  readonly paragraphs: readonly string[];
  /** Characters of all paragraphs. */
  readonly length: number;
  /** The catchline and paragraphs, for finding a section that is the same apart from its number. */
  readonly key: string;
}

const bodies = new WeakMap<Section, Body>();

/** A section's paragraphs, their length and its identity key. Cached per section value. */
export function bodyOf(section: Section): Body {
  let body = bodies.get(section);
  if (!body) {
    const paragraphs: string[] = [];
    let length = 0;
    for (const block of section.blocks) {
      if (block.kind !== "paragraph") continue;
      paragraphs.push(block.text);
      length += block.text.length;
    }
    body = { paragraphs, length, key: `${section.catchline}\u0000${paragraphs.join("\u0000")}` };
    bodies.set(section, body);
  }
  return body;
}

const likenessCache = new WeakMap<Section, WeakMap<Section, number>>();

/**
 * Likeness of two sections' bodies in [0, 1]: 1 for equal paragraphs, 0 for nothing shared.
 * Equal paragraphs (as a multiset) count their characters; the unequal rest counts its
 * characters times its word similarity, paragraph by paragraph when both sides have the same
 * number left over (edits in place), else as one text.
 */
export function likeness(a: Section, b: Section): number {
  let byB = likenessCache.get(a);
  const cached = byB?.get(b);
  if (cached !== undefined) return cached;
  const value = computeLikeness(bodyOf(a), bodyOf(b));
  if (!byB) { byB = new WeakMap(); likenessCache.set(a, byB); }
  byB.set(b, value);
  return value;
}

function computeLikeness(a: Body, b: Body): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  if (a.key === b.key) return 1;
  const counts = new Map<string, number>();
  for (const text of a.paragraphs) counts.set(text, (counts.get(text) ?? 0) + 1);
  let shared = 0;
  const restB: string[] = [];
  for (const text of b.paragraphs) {
    const count = counts.get(text);
    if (count) { counts.set(text, count - 1); shared += 2 * text.length; } else restB.push(text);
  }
  const restA: string[] = [];
  for (const text of a.paragraphs) {
    const count = counts.get(text);
    // Paragraphs of A still counted are the unmatched ones (take each text once per count left).
    if (count) { counts.set(text, count - 1); restA.push(text); }
  }
  if (restA.length > 0 && restB.length > 0) {
    if (restA.length === restB.length) {
      restA.forEach((text, k) => { shared += paragraphSimilarity(text, restB[k]!) * (text.length + restB[k]!.length); });
    } else {
      const joinedA = restA.join(" ");
      const joinedB = restB.join(" ");
      shared += similarity(wordBag(joinedA), wordBag(joinedB)) * (joinedA.length + joinedB.length);
    }
  }
  return Math.min(1, shared / total);
}

/**
 * Similarity of two versions of a paragraph: the share of the longer kept as a common
 * beginning and end when that is most of it (an edit in place), else the word similarity.
 */
function paragraphSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  if (prefix + suffix >= 0.7 * longer) return (prefix + suffix) / longer;
  return similarity(wordBag(a), wordBag(b));
}

/** The words of a section's body, lower-cased, for shingling (paragraphs are single-spaced). */
function wordsOf(section: Section): string[] {
  return bodyOf(section).paragraphs.join(" ").toLowerCase().split(" ").filter((word) => word !== "");
}

/** A 32-bit hash of a string (FNV-1a). */
function hashText(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const shingleCache = new WeakMap<Section, readonly number[]>();

/** Sampled hashes of a section's three-word runs: about one run in four, chosen by hash, so both sides keep the same runs. Cached per section value. */
export function shingles(section: Section): readonly number[] {
  let cached = shingleCache.get(section);
  if (!cached) { cached = computeShingles(section); shingleCache.set(section, cached); }
  return cached;
}

function computeShingles(section: Section): number[] {
  const words = wordsOf(section).map((word) => hashText(word));
  const kept: number[] = [];
  for (let i = 0; i + 2 < words.length; i++) {
    const hash = (Math.imul(Math.imul(words[i]!, 31) + words[i + 1]!, 31) + words[i + 2]!) >>> 0;
    if ((hash & 3) === 0) kept.push(hash);
  }
  return kept;
}

