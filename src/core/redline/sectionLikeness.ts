/**
 * How alike two sections' texts are, and where to look for a section's partner by content.
 * A section's body is its paragraphs (history notes are boilerplate and left out). Likeness is
 * weighted by characters: paragraphs equal on both sides count whole, the rest by their word
 * similarity, so a section with one edited paragraph costs one prefix scan, not a word count.
 */
import type { Section } from "../model/document";
import { similarity, textSimilarity, wordBag } from "./similarity";

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
      restA.forEach((text, k) => { shared += textSimilarity(text, restB[k]!) * (text.length + restB[k]!.length); });
    } else {
      const joinedA = restA.join(" ");
      const joinedB = restB.join(" ");
      shared += similarity(wordBag(joinedA), wordBag(joinedB)) * (joinedA.length + joinedB.length);
    }
  }
  return Math.min(1, shared / total);
}

/** The words of a section's body, lower-cased, for shingling. */
function wordsOf(section: Section): string[] {
  return bodyOf(section).paragraphs.join(" ").toLowerCase().split(/\s+/).filter((word) => word !== "");
}

/** A 32-bit hash of a string (FNV-1a). */
function hashText(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Sampled hashes of a section's three-word runs: about one run in four, chosen by hash, so both sides keep the same runs. */
function shingles(section: Section): number[] {
  const words = wordsOf(section).map((word) => hashText(word));
  const kept: number[] = [];
  for (let i = 0; i + 2 < words.length; i++) {
    const hash = (Math.imul(Math.imul(words[i]!, 31) + words[i + 1]!, 31) + words[i + 2]!) >>> 0;
    if ((hash & 3) === 0) kept.push(hash);
  }
  return kept;
}

/** An index from keys to the B sections that have them; keys held by more than `cap` sections are dropped as boilerplate. */
class Postings<K> {
  private readonly lists = new Map<K, number[]>();
  constructor(private readonly cap: number) {}

  add(key: K, item: number): void {
    const list = this.lists.get(key);
    if (!list) this.lists.set(key, [item]);
    else if (list.length <= this.cap && list[list.length - 1] !== item) list.push(item);
  }

  get(key: K): readonly number[] | undefined {
    const list = this.lists.get(key);
    return list && list.length <= this.cap ? list : undefined;
  }
}

/** How many candidates per section are scored by likeness. */
const TOP_CANDIDATES = 3;
const POSTINGS_CAP = 8;

function topByWeight(weights: Map<number, number>): number[] {
  return [...weights].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, TOP_CANDIDATES).map(([item]) => item);
}

/**
 * Finds, for sections of A, the sections of B that may be the same section by content, in
 * time linear in the texts: B sections that are the same apart from the number, then those
 * sharing whole paragraphs, then (for A sections still without a partner reaching
 * `threshold`) those sharing sampled three-word runs. Calls `found(i, j, likeness)` for each
 * candidate reaching the threshold; a section shorter than `minLength` only matches an equal one,
 * and only when no other section on either side has that text.
 */
export function contentCandidates(
  a: readonly Section[], b: readonly Section[], itemsA: readonly number[], itemsB: readonly number[],
  threshold: number, minLength: number, found: (i: number, j: number, score: number) => void,
): void {
  const byKey = new Postings<string>(POSTINGS_CAP * 2);
  const byParagraph = new Postings<string>(POSTINGS_CAP);
  for (const j of itemsB) {
    const body = bodyOf(b[j]!);
    byKey.add(body.key, j);
    if (body.length >= minLength) for (const text of body.paragraphs) byParagraph.add(text, j);
  }
  const keysA = new Map<string, number>();
  for (const i of itemsA) keysA.set(bodyOf(a[i]!).key, (keysA.get(bodyOf(a[i]!).key) ?? 0) + 1);
  const needShingles: number[] = [];
  for (const i of itemsA) {
    const body = bodyOf(a[i]!);
    let matched = false;
    const equal = byKey.get(body.key);
    // A short section pairs by content only when it is the one of its text on each side.
    const unique = equal?.length === 1 && keysA.get(body.key) === 1;
    if (equal && (body.length >= minLength || unique)) for (const j of equal) { found(i, j, 1); matched = true; }
    if (matched || body.length < minLength) continue;
    const weights = new Map<number, number>();
    for (const text of body.paragraphs) {
      for (const j of byParagraph.get(text) ?? []) weights.set(j, (weights.get(j) ?? 0) + text.length);
    }
    for (const j of topByWeight(weights)) {
      const score = likeness(a[i]!, b[j]!);
      if (score >= threshold) { found(i, j, score); matched = true; }
    }
    if (!matched) needShingles.push(i);
  }
  if (needShingles.length === 0) return;
  const byShingle = new Postings<number>(POSTINGS_CAP);
  for (const j of itemsB) {
    if (bodyOf(b[j]!).length >= minLength) for (const hash of shingles(b[j]!)) byShingle.add(hash, j);
  }
  for (const i of needShingles) {
    const weights = new Map<number, number>();
    for (const hash of shingles(a[i]!)) {
      for (const j of byShingle.get(hash) ?? []) weights.set(j, (weights.get(j) ?? 0) + 1);
    }
    for (const j of topByWeight(weights)) {
      const score = likeness(a[i]!, b[j]!);
      if (score >= threshold) found(i, j, score);
    }
  }
}
