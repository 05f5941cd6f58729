/**
 * Where to look for a section's partner by content, in time linear in the texts: an index of
 * B's sections by identity (everything but the number), by paragraph and by sampled
 * three-word runs. The search keeps what it looked at, so after an edit to draft sections
 * `searchHolds` can tell, looking only at the edited sections, whether a fresh search would
 * look at the same pairs.
 */
import type { Section } from "../model/document";
import { bodyOf, likeness, shingles } from "./sectionLikeness";

/** An index from keys to the B sections that have them; keys held by more than `cap` sections are dropped as boilerplate. */
class Postings<K> {
  private readonly lists = new Map<K, number[]>();
  private readonly counts = new Map<K, number>();
  constructor(readonly cap: number) {}

  add(key: K, item: number): void {
    const list = this.lists.get(key);
    if (list && list[list.length - 1] === item) return;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (!list) this.lists.set(key, [item]);
    else if (list.length <= this.cap) list.push(item);
  }

  get(key: K): readonly number[] | undefined {
    const list = this.lists.get(key);
    return list && list.length <= this.cap ? list : undefined;
  }

  /** Every holder of the key and their true count (the list is complete only up to the cap). */
  raw(key: K): { list: readonly number[]; count: number } {
    return { list: this.lists.get(key) ?? [], count: this.counts.get(key) ?? 0 };
  }
}

/** How many candidates per section are scored by likeness. */
const TOP_CANDIDATES = 3;
const POSTINGS_CAP = 8;

/**
 * The candidates most likely alike, best first: by the share of both sections' text that they
 * have in common, `weight / (sizeA + sizeOf(j))` — so among candidates sharing as much, the
 * smaller one, whose likeness is higher, comes first — then by index.
 */
function topByWeight(weights: Map<number, number>, sizeA: number, sizeOf: (j: number) => number): number[] {
  const share = (j: number, weight: number) => weight / (sizeA + sizeOf(j));
  return [...weights].map(([j, weight]) => [j, share(j, weight)] as const)
    .sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, TOP_CANDIDATES).map(([item]) => item);
}

/** A section's text length, as the paragraph weights count it. */
const textSize = (sections: readonly Section[]) => (j: number) => bodyOf(sections[j]!).length;

/** What a search by content found, and what it looked at. */
export interface ContentSearch {
  /** Pairs whose sections are the same apart from their numbers. */
  readonly equal: ReadonlyArray<readonly [number, number]>;
  /** Pairs to score by likeness; each counts when it reaches the threshold. */
  readonly evaluated: ReadonlyArray<readonly [number, number]>;
  /** Sampled word-run hashes of the A sections searched by word runs (empty when none was). */
  readonly runs: ReadonlySet<number>;
  /** The B sections searched (index by index). */
  readonly builtFrom: readonly Section[];
  readonly paragraphs: Postings<string>;
  /** For each A section searched by paragraphs, the B sections it scored, best first. */
  readonly top: ReadonlyMap<number, readonly number[]>;
  /** A sections searched by paragraphs that found a partner reaching the threshold (else searched by word runs). */
  readonly matched: ReadonlySet<number>;
}

export const NO_SEARCH: ContentSearch = {
  equal: [], evaluated: [], runs: new Set(), builtFrom: [], paragraphs: new Postings(POSTINGS_CAP), top: new Map(), matched: new Set(),
};

/**
 * Searches, for sections of A, the sections of B that may be the same section by content:
 * B sections that are the same apart from the number, then those sharing whole paragraphs,
 * then (for A sections still without a partner reaching `threshold`, nor a same-numbered
 * partner `numberPartner(i)` that does) those sharing sampled three-word runs. A section
 * shorter than `minLength` only matches an equal one, and only when no other section on
 * either side has that text.
 */
export function searchByContent(
  a: readonly Section[], b: readonly Section[], itemsA: readonly number[], itemsB: readonly number[],
  threshold: number, minLength: number, numberPartner: (i: number) => number,
): ContentSearch {
  const equalPairs: Array<readonly [number, number]> = [];
  const evaluated: Array<readonly [number, number]> = [];
  const top = new Map<number, readonly number[]>();
  const matchedA = new Set<number>();
  const byKey = new Postings<string>(POSTINGS_CAP * 2);
  for (const j of itemsB) byKey.add(bodyOf(b[j]!).key, j);
  const keysA = new Map<string, number>();
  for (const i of itemsA) keysA.set(bodyOf(a[i]!).key, (keysA.get(bodyOf(a[i]!).key) ?? 0) + 1);
  // A B section that is the one of its text on each side, under another number, pairs with its
  // equal first (decide claims equal pairs before any other): no other A section can have it,
  // so it is left out of the indexes. An edit that changes this changes an identity key, which
  // searchHolds never lets pass.
  const claimed = new Set<number>();
  for (const i of itemsA) {
    const key = bodyOf(a[i]!).key;
    const equal = byKey.get(key);
    if (equal?.length === 1 && keysA.get(key) === 1 && a[i]!.number !== b[equal[0]!]!.number) claimed.add(equal[0]!);
  }
  const indexedB = claimed.size === 0 ? itemsB : itemsB.filter((j) => !claimed.has(j));
  const byParagraph = new Postings<string>(POSTINGS_CAP);
  for (const j of indexedB) {
    const body = bodyOf(b[j]!);
    if (body.length >= minLength) for (const text of body.paragraphs) byParagraph.add(text, j);
  }
  const needRuns: number[] = [];
  for (const i of itemsA) {
    const body = bodyOf(a[i]!);
    const equal = byKey.get(body.key);
    // A short section pairs by content only when it is the one of its text on each side.
    const unique = equal?.length === 1 && keysA.get(body.key) === 1;
    if (equal && (body.length >= minLength || unique)) { for (const j of equal) equalPairs.push([i, j]); continue; }
    if (body.length < minLength) continue;
    const weights = new Map<number, number>();
    for (const text of body.paragraphs) {
      for (const j of byParagraph.get(text) ?? []) weights.set(j, (weights.get(j) ?? 0) + text.length);
    }
    const best = topByWeight(weights, body.length, textSize(b));
    top.set(i, best);
    for (const j of best) evaluated.push([i, j]);
    if (reaches(a, b, i, best, numberPartner(i), threshold)) matchedA.add(i); else needRuns.push(i);
  }
  const runs = new Set<number>();
  const search = { equal: equalPairs, evaluated, runs, builtFrom: b, paragraphs: byParagraph, top, matched: matchedA };
  if (needRuns.length === 0) return search;
  const byRun = new Postings<number>(POSTINGS_CAP);
  for (const j of indexedB) {
    if (bodyOf(b[j]!).length >= minLength) for (const hash of shingles(b[j]!)) byRun.add(hash, j);
  }
  for (const i of needRuns) {
    const weights = new Map<number, number>();
    for (const hash of shingles(a[i]!)) {
      runs.add(hash);
      for (const j of byRun.get(hash) ?? []) weights.set(j, (weights.get(j) ?? 0) + 1);
    }
    // Ranked by the runs in common alone: a draft section's own count of runs changes with
    // typing, and searchHolds passes edits that leave the searched runs as they were.
    for (const j of topByWeight(weights, 0, () => 1)) evaluated.push([i, j]);
  }
  return search;
}

/** Whether A section i has a scored partner, or a same-numbered partner, reaching the threshold. */
function reaches(a: readonly Section[], b: readonly Section[], i: number, scored: readonly number[], partner: number, threshold: number): boolean {
  return scored.some((j) => likeness(a[i]!, b[j]!) >= threshold) || (partner >= 0 && likeness(a[i]!, b[partner]!) >= threshold);
}

const seenCache = new WeakMap<readonly Section[], { keys: Set<string>; paragraphs: Map<string, number[]> }>();

/** The identity keys of all of A's sections and which sections hold each paragraph text (A is the base: cached). */
function seenInA(a: readonly Section[]): { keys: Set<string>; paragraphs: Map<string, number[]> } {
  let seen = seenCache.get(a);
  if (!seen) {
    seen = { keys: new Set(), paragraphs: new Map() };
    a.forEach((section, i) => {
      const body = bodyOf(section);
      seen!.keys.add(body.key);
      for (const text of body.paragraphs) {
        const list = seen!.paragraphs.get(text);
        if (!list) seen!.paragraphs.set(text, [i]); else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    seenCache.set(a, seen);
  }
  return seen;
}

/** Paragraph texts whose count differs between two sections. */
function changedParagraphs(before: Section, after: Section): string[] {
  const counts = new Map<string, number>();
  for (const text of bodyOf(before).paragraphs) counts.set(text, (counts.get(text) ?? 0) + 1);
  for (const text of bodyOf(after).paragraphs) counts.set(text, (counts.get(text) ?? 0) - 1);
  return [...counts].filter(([, count]) => count !== 0).map(([text]) => text);
}

/**
 * Whether a fresh search over `b` — which differs from the searched sections only at the
 * indices `changed`, each unpaired by a sure pair — would look at the same pairs and go on to
 * the same word-run searches, so that only the scores of pairs may differ. Costs the size of
 * the changed sections and of the base sections sharing their changed paragraphs.
 */
export function searchHolds(
  search: ContentSearch, a: readonly Section[], b: readonly Section[], changed: ReadonlySet<number>,
  threshold: number, minLength: number, numberPartner: (i: number) => number, pairedWith: (j: number) => readonly number[],
): boolean {
  const seen = seenInA(a);
  const affected = new Set<number>();
  const presence = new Map<number, Set<string>>();
  const presenceBefore = new Map<number, Set<string>>();
  for (const j of changed) {
    const before = search.builtFrom[j]!;
    const after = b[j]!;
    const old = bodyOf(before);
    const now = bodyOf(after);
    if (seen.keys.has(old.key) || seen.keys.has(now.key)) return false;
    if ((old.length >= minLength) !== (now.length >= minLength)) return false;
    if (search.runs.size > 0 && now.length >= minLength) {
      const oldRuns = new Set(shingles(before));
      const newRuns = new Set(shingles(after));
      for (const hash of oldRuns) if (!newRuns.has(hash) && search.runs.has(hash)) return false;
      for (const hash of newRuns) if (!oldRuns.has(hash) && search.runs.has(hash)) return false;
    }
    if (now.length >= minLength) {
      for (const text of changedParagraphs(before, after)) for (const i of seen.paragraphs.get(text) ?? []) affected.add(i);
      // Candidates are ranked by the share of both sections' text they have in common, so a
      // new length can reorder those of every base section sharing any paragraph with it.
      if (old.length !== now.length) for (const text of now.paragraphs) for (const i of seen.paragraphs.get(text) ?? []) affected.add(i);
      presence.set(j, new Set(now.paragraphs));
      presenceBefore.set(j, new Set(old.paragraphs));
    }
    for (const i of pairedWith(j)) affected.add(i);
  }
  for (const i of affected) {
    const best = search.top.get(i);
    if (!best) continue;
    // The weights of A section i as a fresh search would count them.
    const weights = new Map<number, number>();
    for (const text of bodyOf(a[i]!).paragraphs) {
      const { list, count } = search.paragraphs.raw(text);
      let holders = count;
      const members: number[] = [];
      for (const j of list) if (!changed.has(j) || presence.get(j)?.has(text)) members.push(j);
      for (const j of changed) {
        // Whether it held the text before (the index's list may have stopped at the cap before reaching it).
        const had = presenceBefore.get(j)?.has(text) ?? false;
        const has = presence.get(j)?.has(text) ?? false;
        if (had && !has) holders--;
        if (!had && has) { holders++; members.push(j); }
      }
      if (holders > search.paragraphs.cap) continue;
      if (count > list.length) return false; // the index kept only part of this text's holders
      for (const j of members) weights.set(j, (weights.get(j) ?? 0) + text.length);
    }
    const fresh = topByWeight(weights, bodyOf(a[i]!).length, textSize(b));
    if (fresh.length !== best.length || fresh.some((j, k) => j !== best[k])) return false;
    if (reaches(a, b, i, fresh, numberPartner(i), threshold) !== search.matched.has(i)) return false;
  }
  return true;
}
