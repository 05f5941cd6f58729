/**
 * How alike two sections' texts are.
 * A section's body is its paragraphs (history notes are boilerplate and left out). Likeness is
 * weighted by characters: paragraphs equal on both sides count whole, the rest by their word
 * similarity, so a section with one edited paragraph costs one prefix scan, not a word count.
 */
import type { Block, Section } from "../model/document";
import { similarity, wordBag } from "./similarity";

interface Body {
  readonly paragraphs: readonly string[];
  /** Characters of all paragraphs. */
  readonly length: number;
  /** The catchline and paragraphs, for finding a section that is the same apart from its number. */
  readonly key: string;
  readonly catchline: string;
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
    body = { catchline: section.catchline, paragraphs, length, key: `${section.catchline}\u0000${paragraphs.join("\u0000")}` };
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
  const inPlace = likenessInPlace(a, b);
  if (inPlace !== null) return inPlace;
  const bodyA = bodyOf(a);
  const bodyB = bodyOf(b);
  const value = quickLikeness(bodyA, bodyB) ?? countedLikeness(bodyA, bodyB);
  if (!byB) { byB = new WeakMap(); likenessCache.set(a, byB); }
  byB.set(b, value);
  return value;
}

/** The likeness when it needs no multiset count (empty or equal bodies, a few paragraphs edited in place), else null. */
function quickLikeness(a: Body, b: Body): number | null {
  const total = a.length + b.length;
  if (total === 0) return 1;
  // The same paragraphs in the same order: all shared, whatever the catchlines (the multiset count gives 1 too).
  if (sameList(a.paragraphs, b.paragraphs)) return 1;
  if (a.catchline === b.catchline && a.length + a.paragraphs.length === b.length + b.paragraphs.length && a.key === b.key) return 1;
  const edited = editedInPlace(a.paragraphs, b.paragraphs);
  if (!edited) return null;
  // What the multiset count finds for these lists: the unedited paragraphs shared, the edited ones left over in order.
  let editedLength = 0;
  for (const k of edited) editedLength += b.paragraphs[k]!.length;
  let shared = 2 * (b.length - editedLength);
  for (const k of edited) {
    const textA = a.paragraphs[k]!;
    const textB = b.paragraphs[k]!;
    shared += paragraphSimilarity(textA, textB) * (textA.length + textB.length);
  }
  return Math.min(1, shared / total);
}

/**
 * Likeness by the multiset count alone, without the quick paths above and uncached: the slow
 * truth `likeness` must agree with (exported for tests).
 */
export function likenessByCount(a: Section, b: Section): number {
  const bodyA = bodyOf(a);
  const bodyB = bodyOf(b);
  if (bodyA.length + bodyB.length === 0) return 1;
  if (bodyA.key === bodyB.key) return 1;
  return countedLikeness(bodyA, bodyB);
}

function countedLikeness(a: Body, b: Body): number {
  const total = a.length + b.length;
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
 * The likeness read straight from the blocks, nothing built or cached, when that is cheap: the
 * same paragraphs in the same order (1), or the same number of paragraphs with a few edited in
 * place, each scored by its kept beginning and end (the value quickLikeness gives); else null.
 */
function likenessInPlace(a: Section, b: Section): number | null {
  if (a === b) return 1;
  const blocksA = a.blocks;
  const blocksB = b.blocks;
  let edited: Array<readonly [string, string]> | null = null;
  let lengthA = 0;
  let lengthB = 0;
  let k = 0;
  for (const block of blocksA) {
    if (block.kind !== "paragraph") continue;
    while (k < blocksB.length && blocksB[k]!.kind !== "paragraph") k++;
    if (k === blocksB.length) return null;
    const other = blocksB[k]!;
    lengthA += block.text.length;
    lengthB += other.text.length;
    if (other.text !== block.text) {
      edited ??= [];
      if (edited.length === MAX_EDITED_IN_PLACE) return null;
      edited.push([block.text, other.text]);
    }
    k++;
  }
  while (k < blocksB.length && blocksB[k]!.kind !== "paragraph") k++;
  if (k !== blocksB.length) return null;
  if (edited === null) return 1;
  // Equal catchlines and lengths could mean equal identity keys: leave that to the full path.
  if (a.catchline === b.catchline && lengthA === lengthB) return null;
  // As in quickLikeness: no edited text may occur on the other side; the unedited paragraphs are shared.
  let editedLength = 0;
  for (const [textA, textB] of edited) {
    if (holdsParagraph(blocksA, textB) || holdsParagraph(blocksB, textA)) return null;
    editedLength += textB.length;
  }
  let shared = 2 * (lengthB - editedLength);
  for (const [textA, textB] of edited) {
    const score = keptShare(textA, textB);
    if (score === null) return null; // scored by words: the cached path
    shared += score * (textA.length + textB.length);
  }
  return Math.min(1, shared / (lengthA + lengthB));
}

function holdsParagraph(blocks: readonly Block[], text: string): boolean {
  for (const block of blocks) if (block.kind === "paragraph" && block.text === text) return true;
  return false;
}

/** Most paragraphs edited in place that the quick count handles; more take the general count. */
const MAX_EDITED_IN_PLACE = 8;

/**
 * The positions where two lists of the same length differ, when there are few and no text at
 * those positions occurs anywhere on the other side; else null. Then the multiset count pairs
 * every other position with itself and leaves exactly these, in order, on both sides.
 */
function editedInPlace(a: readonly string[], b: readonly string[]): number[] | null {
  if (a.length !== b.length) return null;
  const edited: number[] = [];
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (edited.length === MAX_EDITED_IN_PLACE) return null;
    edited.push(k);
  }
  for (const k of edited) if (b.includes(a[k]!) || a.includes(b[k]!)) return null;
  return edited;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Similarity of two versions of a paragraph: the share of the longer kept as a common
 * beginning and end when that is most of it (an edit in place), else the word similarity.
 */
function paragraphSimilarity(a: string, b: string): number {
  return keptShare(a, b) ?? similarity(wordBag(a), wordBag(b));
}

/** The share of the longer paragraph kept as a common beginning and end when that is at least 70% of it, else null. */
function keptShare(a: string, b: string): number | null {
  const longer = Math.max(a.length, b.length);
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  if (prefix + suffix >= 0.7 * longer) return (prefix + suffix) / longer;
  return null;
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
