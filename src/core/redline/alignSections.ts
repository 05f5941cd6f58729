/**
 * Section alignment of one chapter: which base section became which draft section. Sections
 * pair by number first, then unpaired ones by content (a renumbered or moved section). Pairs
 * that keep their relative order anchor the alignment; a pair out of order is a move, shown as
 * a deletion at its source and an insertion at its destination, each naming the other.
 */
import type { Section } from "../model/document";
import { longestIncreasing } from "./align";
import { similarity, wordBag, type WordBag } from "./similarity";
import type { ResolvedOptions } from "./types";

export type SectionStep =
  | { readonly kind: "pair"; readonly a: number; readonly b: number }
  | { readonly kind: "delete"; readonly a: number; readonly moveTo?: number }
  | { readonly kind: "insert"; readonly b: number; readonly moveFrom?: number };

/** Most section pairs compared by content within one gap, and across the chapter for moves. */
const MAX_GAP_PAIRS = 400;
const MAX_MOVE_PAIRS = 4_000;

const bodies = new WeakMap<Section, { length: number; bag: WordBag }>();

/** The words of a section's paragraphs (history notes excluded: they are boilerplate). */
function body(section: Section): { length: number; bag: WordBag } {
  let cached = bodies.get(section);
  if (!cached) {
    const text = section.blocks.filter((block) => block.kind === "paragraph").map((block) => block.text).join(" ");
    cached = { length: text.length, bag: wordBag(text) };
    bodies.set(section, cached);
  }
  return cached;
}

/** Greedily pairs the most similar sections among the candidates; adds them to `pairs`. */
function pairByContent(
  a: readonly Section[], b: readonly Section[], candidatesA: readonly number[], candidatesB: readonly number[],
  usedA: Set<number>, usedB: Set<number>, pairs: Array<[number, number]>, options: ResolvedOptions,
): void {
  const scored: Array<{ a: number; b: number; score: number }> = [];
  for (const i of candidatesA) {
    const bodyA = body(a[i]!);
    if (usedA.has(i) || bodyA.length < options.minMoveLength) continue;
    for (const j of candidatesB) {
      const bodyB = body(b[j]!);
      if (usedB.has(j) || bodyB.length < options.minMoveLength) continue;
      const score = similarity(bodyA.bag, bodyB.bag);
      if (score >= options.sectionSimilarity) scored.push({ a: i, b: j, score });
    }
  }
  scored.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const candidate of scored) {
    if (usedA.has(candidate.a) || usedB.has(candidate.b)) continue;
    usedA.add(candidate.a);
    usedB.add(candidate.b);
    pairs.push([candidate.a, candidate.b]);
  }
}

/**
 * Pairs of sections (indices into A and B) matched by number, then by content: first within
 * each gap between number-matched neighbours (a renumbering stays in place), then across the
 * chapter for what is left (a move). Each pass has a budget of comparisons.
 */
function matchSections(a: readonly Section[], b: readonly Section[], options: ResolvedOptions): Array<[number, number]> {
  const indexB = new Map<string, number>();
  b.forEach((section, index) => indexB.set(section.number, index));
  const pairs: Array<[number, number]> = [];
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  a.forEach((section, index) => {
    const other = indexB.get(section.number);
    if (other !== undefined) { pairs.push([index, other]); usedA.add(index); usedB.add(other); }
  });
  if (usedA.size === a.length || usedB.size === b.length) return pairs;

  const anchors = [...longestIncreasing(pairs.map(([, j]) => j))].sort((x, y) => x - y).map((k) => pairs[k]!);
  let previous: [number, number] = [-1, -1];
  for (const anchor of [...anchors, [a.length, b.length] as [number, number]]) {
    const gapA = range(previous[0] + 1, anchor[0]).filter((i) => !usedA.has(i));
    const gapB = range(previous[1] + 1, anchor[1]).filter((j) => !usedB.has(j));
    if (gapA.length > 0 && gapB.length > 0 && gapA.length * gapB.length <= MAX_GAP_PAIRS) {
      pairByContent(a, b, gapA, gapB, usedA, usedB, pairs, options);
    }
    previous = anchor;
  }
  const leftA = range(0, a.length).filter((i) => !usedA.has(i));
  const leftB = range(0, b.length).filter((j) => !usedB.has(j));
  if (leftA.length > 0 && leftB.length > 0 && leftA.length * leftB.length <= MAX_MOVE_PAIRS) {
    pairByContent(a, b, leftA, leftB, usedA, usedB, pairs, options);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

function range(from: number, to: number): number[] {
  const values: number[] = [];
  for (let i = from; i < to; i++) values.push(i);
  return values;
}

/** The alignment of two section lists, in reading order on both sides. */
export function alignSections(a: readonly Section[], b: readonly Section[], options: ResolvedOptions): SectionStep[] {
  const pairs = matchSections(a, b, options);
  const anchors = longestIncreasing(pairs.map(([, j]) => j));
  const moveTo = new Map<number, number>();
  const moveFrom = new Map<number, number>();
  pairs.forEach(([i, j], index) => {
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
  pairs.forEach(([i, j], index) => {
    if (!anchors.has(index)) return;
    fillTo(i, j);
    steps.push({ kind: "pair", a: i, b: j });
    nextA = i + 1;
    nextB = j + 1;
  });
  fillTo(a.length, b.length);
  return steps;
}
