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

/** Most unmatched pairs compared by content; beyond it unmatched sections stay unmatched. */
const MAX_CONTENT_PAIRS = 40_000;

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

/** Pairs of sections (indices into A and B) matched by number, then by content. */
function matchSections(a: readonly Section[], b: readonly Section[], options: ResolvedOptions): Array<[number, number]> {
  const indexB = new Map<string, number>();
  b.forEach((section, index) => indexB.set(section.number, index));
  const pairs: Array<[number, number]> = [];
  const unmatchedA: number[] = [];
  const matchedB = new Set<number>();
  a.forEach((section, index) => {
    const other = indexB.get(section.number);
    if (other === undefined) unmatchedA.push(index);
    else { pairs.push([index, other]); matchedB.add(other); }
  });
  const unmatchedB = b.map((_, index) => index).filter((index) => !matchedB.has(index));
  if (unmatchedA.length === 0 || unmatchedB.length === 0 || unmatchedA.length * unmatchedB.length > MAX_CONTENT_PAIRS) return pairs;

  const candidates: Array<{ a: number; b: number; score: number }> = [];
  for (const i of unmatchedA) {
    const bodyA = body(a[i]!);
    if (bodyA.length < options.minMoveLength) continue;
    for (const j of unmatchedB) {
      const bodyB = body(b[j]!);
      if (bodyB.length < options.minMoveLength) continue;
      const score = similarity(bodyA.bag, bodyB.bag);
      if (score >= options.sectionSimilarity) candidates.push({ a: i, b: j, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const candidate of candidates) {
    if (usedA.has(candidate.a) || usedB.has(candidate.b)) continue;
    usedA.add(candidate.a);
    usedB.add(candidate.b);
    pairs.push([candidate.a, candidate.b]);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
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
