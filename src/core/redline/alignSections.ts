/**
 * Section alignment of one chapter: which base section became which draft section. A section
 * keeps its partner of the same number when their texts are nearly the same; the others pair
 * by content — the same number with a similar text, or another number with a similar text (a
 * renumbered or moved section), found through an index of paragraphs and word runs, so any
 * count of renumbered sections pairs in time linear in the chapter. Pairs that keep their
 * relative order anchor the alignment, preferring pairs of the same number, then larger and
 * closer pairs; a pair out of order is a move, shown as a deletion at its source and an
 * insertion at its destination, each naming the other.
 */
import type { Section } from "../model/document";
import { heaviestIncreasing } from "./align";
import { mergeInCodeOrder } from "./codeOrder";
import { bodyOf, likeness } from "./sectionLikeness";
import { NO_SEARCH, searchByContent, searchHolds, type ContentSearch } from "./sectionSearch";
import type { ResolvedOptions } from "./types";

export type SectionStep =
  | { readonly kind: "pair"; readonly a: number; readonly b: number }
  | { readonly kind: "delete"; readonly a: number; readonly moveTo?: number; /** Draft chapter of a move to another chapter. */ readonly moveToChapter?: number }
  | { readonly kind: "insert"; readonly b: number; readonly moveFrom?: number; /** Base chapter of a move from another chapter. */ readonly moveFromChapter?: number };

/** Likeness at which a section of the same number is taken as the same section, before any search by content. */
export const SURE_LIKENESS = 0.9;
/** A same-numbered pair below this likeness is not the same section (unless a side is too short to judge). */
const NUMBER_LIKENESS = 0.3;
/** Preference for the same number when scores are otherwise close. */
const NUMBER_BONUS = 0.1;
/** Anchor weights: a sure pair outweighs any number of other pairs; a same-numbered pair outweighs pairs by content. */
const SURE_WEIGHT = 1e9;
const NUMBER_WEIGHT = 1e6;

interface Pair {
  readonly a: number;
  readonly b: number;
  readonly weight: number;
}

/** An alignment with what it was decided from, so an edit to a draft section can be re-decided cheaply. */
export interface SectionMatch {
  readonly steps: readonly SectionStep[];
  /** For each draft section, its base section when the two are a sure pair, else -1. */
  readonly sureB: Int32Array;
  /** Same-numbered pairs that are not sure. */
  readonly numberPairs: ReadonlyArray<readonly [number, number]>;
  readonly search: ContentSearch;
  /** Draft sections, by index, that differ from the ones searched (edited since, outside sure pairs). */
  readonly edited: ReadonlySet<number>;
}

/** Whether A's section and B's section of the same number are surely the same section. */
export function surePair(a: Section, b: Section): boolean {
  return a.number === b.number && likeness(a, b) >= SURE_LIKENESS;
}

/** The alignment of two section lists, in reading order on both sides. */
export function alignSections(a: readonly Section[], b: readonly Section[], options: ResolvedOptions): SectionStep[] {
  return [...matchChapter(a, b, options).steps];
}

/**
 * Aligns two section lists: sure same-numbered pairs first; for the rest, candidates are the
 * same-numbered pairs alike enough and the partners found by content (see searchByContent).
 */
export function matchChapter(a: readonly Section[], b: readonly Section[], options: ResolvedOptions, previous?: EditedSince): SectionMatch {
  const indexB = new Map<string, number>();
  b.forEach((section, index) => indexB.set(section.number, index));
  const { sureA, sureB, numberPairs } = previous ? sameNumberedAgain(a, b, previous) : sameNumbered(a, b, indexB);
  const restA: number[] = [];
  const restB: number[] = [];
  for (let i = 0; i < a.length; i++) if (sureA[i]! < 0) restA.push(i);
  for (let j = 0; j < b.length; j++) if (sureB[j]! < 0) restB.push(j);
  const numberPartner = (i: number) => {
    const j = indexB.get(a[i]!.number);
    return j !== undefined && sureB[j]! < 0 ? j : -1;
  };
  const search = restA.length === 0 || restB.length === 0
    ? NO_SEARCH
    : searchByContent(a, b, restA, restB, options.sectionSimilarity, options.minMoveLength, numberPartner);
  return { steps: decide(a, b, sureB, numberPairs, search, options), sureB, numberPairs, search, edited: NO_EDITS };
}

const NO_EDITS: ReadonlySet<number> = new Set();

/** A previous match of the same chapters, and the draft sections edited since (same numbers, same places). */
export interface EditedSince {
  readonly match: SectionMatch;
  readonly changed: readonly number[];
}

interface SameNumbered {
  readonly sureA: Int32Array;
  readonly sureB: Int32Array;
  /** Same-numbered pairs that are not sure, by base index. */
  readonly numberPairs: ReadonlyArray<readonly [number, number]>;
}

/** The sections of the same number on both sides: the sure pairs, and the others. */
function sameNumbered(a: readonly Section[], b: readonly Section[], indexB: ReadonlyMap<string, number>): SameNumbered {
  const sureA = new Int32Array(a.length).fill(-1);
  const sureB = new Int32Array(b.length).fill(-1);
  const numberPairs: Array<readonly [number, number]> = [];
  a.forEach((section, i) => {
    const j = indexB.get(section.number);
    if (j === undefined) return;
    if (likeness(section, b[j]!) >= SURE_LIKENESS) { sureA[i] = j; sureB[j] = i; } else numberPairs.push([i, j]);
  });
  return { sureA, sureB, numberPairs };
}

/** As sameNumbered, judging again only the sections edited since the previous match: the others keep their verdicts. */
function sameNumberedAgain(a: readonly Section[], b: readonly Section[], { match, changed }: EditedSince): SameNumbered {
  const sureB = match.sureB.slice();
  const partners = lookups(match.numberPairs).byB;
  const edited = new Set(changed);
  const numberPairs = match.numberPairs.filter(([, j]) => !edited.has(j));
  for (const j of edited) {
    const i = match.sureB[j]! >= 0 ? match.sureB[j]! : partners.get(j);
    if (i === undefined) continue;
    if (likeness(a[i]!, b[j]!) >= SURE_LIKENESS) sureB[j] = i;
    else { sureB[j] = -1; numberPairs.push([i, j]); }
  }
  numberPairs.sort((x, y) => x[0] - y[0]);
  const sureA = new Int32Array(a.length).fill(-1);
  sureB.forEach((i, j) => { if (i >= 0) sureA[i] = j; });
  return { sureA, sureB, numberPairs };
}

/**
 * The match for `b` where the draft sections at `changed` were edited (same numbers, same
 * places) and the rest are the same objects as in the previous match's draft; null when the
 * edits may change what a fresh search by content would look at (then match afresh). A sure
 * pair that stays sure changes nothing: sure pairs are settled on their own.
 */
export function rematchChapter(previous: SectionMatch, a: readonly Section[], b: readonly Section[], changed: readonly number[], options: ResolvedOptions): SectionMatch | null {
  const { sureB, numberPairs, search } = previous;
  const edited = new Set(previous.edited);
  let rescore = false;
  for (const j of changed) {
    const i = sureB[j]!;
    if (i >= 0) {
      if (!surePair(a[i]!, b[j]!)) return null;
      continue;
    }
    const partner = lookups(numberPairs).byB.get(j);
    if (partner !== undefined && likeness(a[partner]!, b[j]!) >= SURE_LIKENESS) return null;
    rescore = true;
    if (search === NO_SEARCH) continue;
    if (b[j] === search.builtFrom[j]) edited.delete(j); else edited.add(j);
  }
  if (!rescore) return previous;
  if (search !== NO_SEARCH && edited.size > 0) {
    const numbers = lookups(numberPairs);
    const numberPartner = (i: number) => numbers.byA.get(i) ?? -1;
    const evaluated = lookups(search.evaluated).scoredByB;
    const pairedWith = (j: number) => {
      const list = [...(evaluated.get(j) ?? [])];
      const i = numbers.byB.get(j);
      if (i !== undefined) list.push(i);
      return list;
    };
    if (!searchHolds(search, a, b, edited, options.sectionSimilarity, options.minMoveLength, numberPartner, pairedWith)) return null;
  }
  return { ...previous, steps: decide(a, b, sureB, numberPairs, search, options), edited };
}

/** Whether two alignments take the same steps (moves between chapters included). */
export function sameSteps(first: readonly SectionStep[], second: readonly SectionStep[]): boolean {
  return first.length === second.length && first.every((step, k) => sameStep(step, second[k]!));
}

function sameStep(x: SectionStep, y: SectionStep): boolean {
  switch (x.kind) {
    case "pair": return y.kind === "pair" && x.a === y.a && x.b === y.b;
    case "delete": return y.kind === "delete" && x.a === y.a && x.moveTo === y.moveTo && x.moveToChapter === y.moveToChapter;
    case "insert": return y.kind === "insert" && x.b === y.b && x.moveFrom === y.moveFrom && x.moveFromChapter === y.moveFromChapter;
  }
}

const lookupCache = new WeakMap<object, { byA: Map<number, number>; byB: Map<number, number>; scoredByB: Map<number, number[]> }>();

/** Maps over a list of pairs: the partner of each A and each B index, and every A index paired with each B index. Cached per list. */
function lookups(pairs: ReadonlyArray<readonly [number, number]>): { byA: Map<number, number>; byB: Map<number, number>; scoredByB: Map<number, number[]> } {
  let maps = lookupCache.get(pairs);
  if (!maps) {
    maps = { byA: new Map(), byB: new Map(), scoredByB: new Map() };
    for (const [i, j] of pairs) {
      maps.byA.set(i, j);
      maps.byB.set(j, i);
      const list = maps.scoredByB.get(j);
      if (list) list.push(i); else maps.scoredByB.set(j, [i]);
    }
    lookupCache.set(pairs, maps);
  }
  return maps;
}

/**
 * Decides the pairs from the candidates: sure pairs; sections equal apart from their numbers
 * (a same-numbered pair that is not sure scores below 1 even with its bonus, so it could not
 * be preferred); then the rest by score, best first; then the anchors and the steps.
 */
function decide(
  a: readonly Section[], b: readonly Section[], sureB: Int32Array, numberPairs: ReadonlyArray<readonly [number, number]>,
  search: ContentSearch, options: ResolvedOptions,
): SectionStep[] {
  const partnerA = new Int32Array(a.length).fill(-1);
  const partnerB = new Int32Array(b.length).fill(-1);
  const pairs: Pair[] = [];
  sureB.forEach((i, j) => {
    if (i < 0) return;
    partnerA[i] = j;
    partnerB[j] = i;
    pairs.push({ a: i, b: j, weight: SURE_WEIGHT });
  });
  type Candidate = { a: number; b: number; score: number; same: boolean };
  const claim = (candidate: Candidate) => {
    if (partnerA[candidate.a]! >= 0 || partnerB[candidate.b]! >= 0) return;
    partnerA[candidate.a] = candidate.b;
    partnerB[candidate.b] = candidate.a;
    const size = (bodyOf(a[candidate.a]!).length + bodyOf(b[candidate.b]!).length) / 2;
    pairs.push({ a: candidate.a, b: candidate.b, weight: (candidate.same ? NUMBER_WEIGHT : 0) + 1 + Math.min(candidate.score, 1) * size });
  };
  const candidates: Candidate[] = [];
  for (const [i, j] of search.equal) if (a[i]!.number !== b[j]!.number) claim({ a: i, b: j, score: 1, same: false });
  const equalLater: Candidate[] = [];
  for (const [i, j] of search.evaluated) {
    if (a[i]!.number === b[j]!.number) continue;
    const score = likeness(a[i]!, b[j]!);
    if (score >= 1) equalLater.push({ a: i, b: j, score, same: false });
    else if (score >= options.sectionSimilarity) candidates.push({ a: i, b: j, score, same: false });
  }
  equalLater.sort((x, y) => x.a - y.a || x.b - y.b);
  for (const candidate of equalLater) claim(candidate);
  const short = (section: Section) => bodyOf(section).length < options.minMoveLength;
  for (const [i, j] of numberPairs) {
    if (partnerA[i]! >= 0 || partnerB[j]! >= 0) continue;
    const score = likeness(a[i]!, b[j]!);
    if (score >= NUMBER_LIKENESS || short(a[i]!) || short(b[j]!)) candidates.push({ a: i, b: j, score: score + NUMBER_BONUS, same: true });
  }
  candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const candidate of candidates) claim(candidate);
  pairs.sort((x, y) => x.a - y.a);
  return stepsOf(pairs, a, b);
}

/**
 * The steps of an alignment from its pairs (sorted by A): anchors in order, the other pairs as
 * moves. Between two anchors, the base sections left (deleted or moved away) and the draft
 * sections left (inserted or moved here) are merged in the Code's order of their numbers, so a
 * repealed section is struck where it stood among the new ones (2-173-045, then the repealed
 * 2-173-050, then 2-173-055), never all deletions first.
 */
function stepsOf(pairs: readonly Pair[], a: readonly Section[], b: readonly Section[]): SectionStep[] {
  const lengthA = a.length;
  const lengthB = b.length;
  const anchors = heaviestIncreasing(pairs.map((pair) => pair.b), pairs.map((pair) => pair.weight), lengthB);
  const moveTo = new Map<number, number>();
  const moveFrom = new Map<number, number>();
  pairs.forEach(({ a: i, b: j }, index) => {
    if (!anchors.has(index)) { moveTo.set(i, j); moveFrom.set(j, i); }
  });
  const steps: SectionStep[] = [];
  let nextA = 0;
  let nextB = 0;
  type DeleteStep = Extract<SectionStep, { kind: "delete" }>;
  type InsertStep = Extract<SectionStep, { kind: "insert" }>;
  const deleteStep = (i: number): DeleteStep => {
    const to = moveTo.get(i);
    return to === undefined ? { kind: "delete", a: i } : { kind: "delete", a: i, moveTo: to };
  };
  const insertStep = (j: number): InsertStep => {
    const from = moveFrom.get(j);
    return from === undefined ? { kind: "insert", b: j } : { kind: "insert", b: j, moveFrom: from };
  };
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  const fillTo = (endA: number, endB: number) => {
    const deletes = range(nextA, endA).map(deleteStep);
    const inserts = range(nextB, endB).map(insertStep);
    for (const step of mergeInCodeOrder(deletes, inserts, (step) => a[step.a]!.number, (step) => b[step.b]!.number)) steps.push(step);
  };
  pairs.forEach(({ a: i, b: j }, index) => {
    if (!anchors.has(index)) return;
    fillTo(i, j);
    steps.push({ kind: "pair", a: i, b: j });
    nextA = i + 1;
    nextB = j + 1;
  });
  fillTo(lengthA, lengthB);
  return steps;
}
