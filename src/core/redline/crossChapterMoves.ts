/**
 * Sections moved between chapters. Each chapter pair is aligned on its own (alignSections);
 * what is left unpaired there — base sections deleted and draft sections inserted without a
 * partner in their chapter — is searched by content across the other chapter pairs, through
 * the same index as within a chapter (searchByContent), so a section taken out of one chapter
 * and put into another is one move with labels at both ends rather than a repeal and a new
 * section. Only sections left unpaired take part: a decision made within a chapter stands.
 */
import type { Chapter, OrdinanceDocument, Section } from "../model/document";
import type { SectionStep } from "./alignSections";
import { likeness } from "./sectionLikeness";
import { searchByContent } from "./sectionSearch";
import type { ResolvedOptions } from "./types";

/** One end of a move between chapters: the chapter pair's plan position and the section's index in its chapter. */
interface End {
  /** Index of the chapter pair among the plan's chapter pairs. */
  readonly pair: number;
  /** Chapter index in its document (base for a source, draft for a destination). */
  readonly chapter: number;
  readonly section: number;
}

/** A chapter pair as the search needs it: chapter indices and the steps decided within it. */
export interface ChapterSteps {
  readonly a: number;
  readonly b: number;
  readonly steps: readonly SectionStep[];
}

/** A base section moved from one chapter to a section of another chapter. */
export interface CrossMove {
  readonly from: End;
  readonly to: End;
}

const unpairedCache = new WeakMap<readonly SectionStep[], { deleted: number[]; inserted: number[] }>();

/** The deleted and inserted sections of a chapter's steps that name no partner (cached per steps array). */
function unpaired(steps: readonly SectionStep[]): { deleted: number[]; inserted: number[] } {
  let found = unpairedCache.get(steps);
  if (!found) {
    found = { deleted: [], inserted: [] };
    for (const step of steps) {
      if (step.kind === "delete" && step.moveTo === undefined) found.deleted.push(step.a);
      else if (step.kind === "insert" && step.moveFrom === undefined) found.inserted.push(step.b);
    }
    unpairedCache.set(steps, found);
  }
  return found;
}

/**
 * The moves between chapters of `pairs` (chapter pairs with the steps decided within each):
 * sections equal apart from their numbers first, then the most alike pair reaching the
 * section similarity, each section in at most one move, never two ends in the same pair.
 * Deterministic; costs the size of the unpaired sections.
 */
export function crossChapterMoves(base: OrdinanceDocument, draft: OrdinanceDocument, pairs: readonly ChapterSteps[], options: ResolvedOptions): CrossMove[] {
  if (pairs.length < 2) return [];
  const sources: End[] = [];
  const destinations: End[] = [];
  pairs.forEach((pair, k) => {
    const { deleted, inserted } = unpaired(pair.steps);
    for (const section of deleted) sources.push({ pair: k, chapter: pair.a, section });
    for (const section of inserted) destinations.push({ pair: k, chapter: pair.b, section });
  });
  if (sources.length === 0 || destinations.length === 0) return [];
  const sectionOf = (document: OrdinanceDocument, end: End): Section => (document.chapters[end.chapter] as Chapter).sections[end.section]!;
  const a = sources.map((end) => sectionOf(base, end));
  const b = destinations.map((end) => sectionOf(draft, end));
  const search = searchByContent(a, b, a.map((_, i) => i), b.map((_, j) => j), options.sectionSimilarity, options.minMoveLength, () => -1);
  const across = ([i, j]: readonly [number, number]) => sources[i]!.pair !== destinations[j]!.pair;
  const scored = search.evaluated.filter(across)
    .map(([i, j]) => ({ i, j, score: likeness(a[i]!, b[j]!) }))
    .filter((candidate) => candidate.score >= options.sectionSimilarity)
    .sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const moves: CrossMove[] = [];
  const claim = (i: number, j: number) => {
    if (takenA.has(i) || takenB.has(j)) return;
    takenA.add(i);
    takenB.add(j);
    moves.push({ from: sources[i]!, to: destinations[j]! });
  };
  for (const pair of search.equal) if (across(pair)) claim(pair[0], pair[1]);
  for (const { i, j } of scored) claim(i, j);
  return moves;
}

/**
 * Each chapter pair's steps with the moves between chapters written in: a source's delete step
 * names its destination (`moveTo`, `moveToChapter`), a destination's insert step its source
 * (`moveFrom`, `moveFromChapter`). A pair no move touches keeps its steps array.
 */
export function stepsWithMoves(pairs: readonly ChapterSteps[], moves: readonly CrossMove[]): Array<readonly SectionStep[]> {
  const toByPair = new Map<number, Map<number, End>>();
  const fromByPair = new Map<number, Map<number, End>>();
  const note = (byPair: Map<number, Map<number, End>>, pair: number, section: number, other: End) => {
    let map = byPair.get(pair);
    if (!map) { map = new Map(); byPair.set(pair, map); }
    map.set(section, other);
  };
  for (const move of moves) {
    note(toByPair, move.from.pair, move.from.section, move.to);
    note(fromByPair, move.to.pair, move.to.section, move.from);
  }
  return pairs.map((pair, k) => {
    const to = toByPair.get(k);
    const from = fromByPair.get(k);
    if (!to && !from) return pair.steps;
    return pair.steps.map((step): SectionStep => {
      if (step.kind === "delete" && step.moveTo === undefined) {
        const other = to?.get(step.a);
        if (other) return { kind: "delete", a: step.a, moveTo: other.section, moveToChapter: other.chapter };
      } else if (step.kind === "insert" && step.moveFrom === undefined) {
        const other = from?.get(step.b);
        if (other) return { kind: "insert", b: step.b, moveFrom: other.section, moveFromChapter: other.chapter };
      }
      return step;
    });
  });
}
