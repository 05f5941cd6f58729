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
import { bodyOf, contentCandidates, likeness } from "./sectionLikeness";
import type { ResolvedOptions } from "./types";

export type SectionStep =
  | { readonly kind: "pair"; readonly a: number; readonly b: number }
  | { readonly kind: "delete"; readonly a: number; readonly moveTo?: number }
  | { readonly kind: "insert"; readonly b: number; readonly moveFrom?: number };

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

/** Whether A's section and B's section of the same number are surely the same section. */
export function surePair(a: Section, b: Section): boolean {
  return a.number === b.number && likeness(a, b) >= SURE_LIKENESS;
}

/**
 * Pairs of sections (indices into A and B). Sure same-numbered pairs first; the rest by score
 * over candidates (same number if alike enough, plus partners found by content), best first.
 */
function matchSections(a: readonly Section[], b: readonly Section[], options: ResolvedOptions): Pair[] {
  const indexB = new Map<string, number>();
  b.forEach((section, index) => indexB.set(section.number, index));
  const partnerA = new Int32Array(a.length).fill(-1);
  const partnerB = new Int32Array(b.length).fill(-1);
  const pairs: Pair[] = [];
  const numberCandidates: Array<[number, number]> = [];
  a.forEach((section, i) => {
    const j = indexB.get(section.number);
    if (j === undefined) return;
    if (likeness(section, b[j]!) >= SURE_LIKENESS) {
      partnerA[i] = j;
      partnerB[j] = i;
      pairs.push({ a: i, b: j, weight: SURE_WEIGHT });
    } else numberCandidates.push([i, j]);
  });
  const restA: number[] = [];
  const restB: number[] = [];
  for (let i = 0; i < a.length; i++) if (partnerA[i]! < 0) restA.push(i);
  for (let j = 0; j < b.length; j++) if (partnerB[j]! < 0) restB.push(j);
  if (restA.length === 0 || restB.length === 0) return pairs;

  type Candidate = { a: number; b: number; score: number; same: boolean };
  const claim = (candidate: Candidate) => {
    if (partnerA[candidate.a]! >= 0 || partnerB[candidate.b]! >= 0) return;
    partnerA[candidate.a] = candidate.b;
    partnerB[candidate.b] = candidate.a;
    const size = (bodyOf(a[candidate.a]!).length + bodyOf(b[candidate.b]!).length) / 2;
    pairs.push({ a: candidate.a, b: candidate.b, weight: (candidate.same ? NUMBER_WEIGHT : 0) + 1 + Math.min(candidate.score, 1) * size });
  };
  const candidates: Candidate[] = [];
  const equal: Candidate[] = [];
  contentCandidates(a, b, restA, restB, options.sectionSimilarity, options.minMoveLength, (i, j, score) => {
    if (a[i]!.number !== b[j]!.number) (score >= 1 ? equal : candidates).push({ a: i, b: j, score, same: false });
  });
  // Sections equal apart from their numbers go first: a same-numbered pair that is not sure
  // scores below 1 even with its bonus, so it could not have been preferred.
  for (const candidate of equal) claim(candidate);
  const short = (section: Section) => bodyOf(section).length < options.minMoveLength;
  for (const [i, j] of numberCandidates) {
    if (partnerA[i]! >= 0 || partnerB[j]! >= 0) continue;
    const score = likeness(a[i]!, b[j]!);
    if (score >= NUMBER_LIKENESS || short(a[i]!) || short(b[j]!)) candidates.push({ a: i, b: j, score: score + NUMBER_BONUS, same: true });
  }
  candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const candidate of candidates) claim(candidate);
  return pairs.sort((x, y) => x.a - y.a);
}

/** The alignment of two section lists, in reading order on both sides. */
export function alignSections(a: readonly Section[], b: readonly Section[], options: ResolvedOptions): SectionStep[] {
  const pairs = matchSections(a, b, options);
  const anchors = heaviestIncreasing(pairs.map((pair) => pair.b), pairs.map((pair) => pair.weight), b.length);
  const moveTo = new Map<number, number>();
  const moveFrom = new Map<number, number>();
  pairs.forEach(({ a: i, b: j }, index) => {
    if (!anchors.has(index)) { moveTo.set(i, j); moveFrom.set(j, i); }
  });
  const steps: SectionStep[] = [];
  let nextA = 0;
  let nextB = 0;
  const fillTo = (endA: number, endB: number) => {
    for (; nextA < endA; nextA++) {
      const to = moveTo.get(nextA);
      steps.push(to === undefined ? { kind: "delete", a: nextA } : { kind: "delete", a: nextA, moveTo: to });
    }
    for (; nextB < endB; nextB++) {
      const from = moveFrom.get(nextB);
      steps.push(from === undefined ? { kind: "insert", b: nextB } : { kind: "insert", b: nextB, moveFrom: from });
    }
  };
  pairs.forEach(({ a: i, b: j }, index) => {
    if (!anchors.has(index)) return;
    fillTo(i, j);
    steps.push({ kind: "pair", a: i, b: j });
    nextA = i + 1;
    nextB = j + 1;
  });
  fillTo(a.length, b.length);
  return steps;
}
