/**
 * The plan of a redline: which base chapter became which draft chapter and, in each pair,
 * which section became which (alignSections). Chapters pair by number; between those, two
 * chapters whose sections are mostly the same pair (a renumbered chapter); the rest are added
 * or repealed whole. `planForUpdate` gives the plan a fresh compare would make for a new
 * draft with the same layout, reusing the previous one wherever the edit cannot change it.
 */
import type { Chapter, OrdinanceDocument } from "../model/document";
import { alignSequences } from "./align";
import { matchChapter, rematchChapter, sameSteps, type SectionMatch, type SectionStep } from "./alignSections";
import { crossChapterMoves, stepsWithMoves, type ChapterSteps } from "./crossChapterMoves";
import { bodyOf } from "./sectionLikeness";
import type { ResolvedOptions } from "./types";

export type PlanStep =
  | {
    readonly kind: "chapter-pair"; readonly a: number; readonly b: number;
    /** The steps walked: the alignment's steps with the moves to and from other chapters written in. */
    readonly sections: readonly SectionStep[];
    /** The section alignment within the chapter pair, with what it was decided from (for updates). */
    readonly match: SectionMatch;
    /** Draft number → base number of each section paired in place under another number, and a key naming that map. */
    readonly renumbered: ReadonlyMap<string, string>; readonly renumberedKey: string;
  }
  | {
    readonly kind: "chapter-whole"; readonly side: "A" | "B"; readonly index: number;
    /**
     * Present when a section of this chapter moved to or from another chapter: one step per
     * section (delete steps for a base chapter, insert steps for a draft chapter), the moves
     * written in as in a chapter pair's sections.
     */
    readonly sections?: readonly SectionStep[];
  };

export interface Plan {
  readonly steps: readonly PlanStep[];
}

/** Share of two chapters' paragraph text found unchanged on the other side, above which they are one chapter renumbered. */
const CHAPTER_LIKENESS = 0.5;

/** The plan of `draft` against `base`. */
export function makePlan(base: OrdinanceDocument, draft: OrdinanceDocument, options: ResolvedOptions): Plan {
  const steps: PlanStep[] = [];
  const similar = (a: number, b: number) => chapterLikeness(base.chapters[a]!, draft.chapters[b]!);
  for (const step of alignSequences(base.chapters.map((c) => c.number), draft.chapters.map((c) => c.number), similar, CHAPTER_LIKENESS)) {
    if (step.b === undefined) steps.push({ kind: "chapter-whole", side: "A", index: step.a });
    else if (step.a === undefined) steps.push({ kind: "chapter-whole", side: "B", index: step.b });
    else steps.push(chapterPair(base.chapters[step.a]!, draft.chapters[step.b]!, step.a, step.b, options));
  }
  return { steps: withMovesAcross(base, draft, steps, options) };
}

/**
 * The steps with the moves between chapters written into their sections (see crossChapterMoves):
 * a chapter pair's `sections`, and the `sections` of a chapter present on one side only whose
 * sections moved. A step whose sections come out as those of the step at the same place in
 * `previous` keeps that array, so an update that moves nothing keeps its pairing.
 */
function withMovesAcross(base: OrdinanceDocument, draft: OrdinanceDocument, steps: readonly PlanStep[], options: ResolvedOptions, previous?: readonly PlanStep[]): PlanStep[] {
  const pairs: ChapterSteps[] = steps.map((step) => step.kind === "chapter-pair"
    ? { a: step.a, b: step.b, steps: step.match.steps }
    : step.side === "A"
      ? { a: step.index, b: -1, steps: wholeSteps("A", base.chapters[step.index]!.sections) }
      : { a: -1, b: step.index, steps: wholeSteps("B", draft.chapters[step.index]!.sections) });
  const sections = stepsWithMoves(pairs, crossChapterMoves(base, draft, pairs, options));
  const result = steps.slice();
  steps.forEach((step, k) => {
    const mine = sections[k]!;
    const before = previous?.[k];
    const beforeSections = before?.kind === step.kind ? before.sections : undefined;
    if (step.kind === "chapter-whole") {
      // A chapter no move touches has no `sections`.
      const moved = mine === pairs[k]!.steps ? undefined : beforeSections && sameSteps(beforeSections, mine) ? beforeSections : mine;
      if (moved !== step.sections) result[k] = withSections(step, moved);
      return;
    }
    const walked = beforeSections && (beforeSections === mine || sameSteps(beforeSections, mine)) ? beforeSections : mine;
    if (walked !== step.sections) result[k] = { ...step, sections: walked };
  });
  return result;
}

/** A whole chapter's step with `sections` set to `moved`, or left out when undefined. */
function withSections(step: Extract<PlanStep, { kind: "chapter-whole" }>, moved: readonly SectionStep[] | undefined): PlanStep {
  return moved ? { ...step, sections: moved } : { kind: step.kind, side: step.side, index: step.index };
}

const wholeStepsCache = new WeakMap<readonly object[], readonly SectionStep[]>();

/** The steps of a chapter present on one side only: each of its sections deleted (A) or inserted (B). One array per sections array. */
function wholeSteps(side: "A" | "B", sections: readonly object[]): readonly SectionStep[] {
  let steps = wholeStepsCache.get(sections);
  if (!steps) {
    steps = sections.map((_, s): SectionStep => side === "A" ? { kind: "delete", a: s } : { kind: "insert", b: s });
    wholeStepsCache.set(sections, steps);
  }
  return steps;
}

function chapterLikeness(a: Chapter, b: Chapter): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const section of a.sections) {
    for (const text of bodyOf(section).paragraphs) { counts.set(text, (counts.get(text) ?? 0) + 1); total += text.length; }
  }
  let shared = 0;
  for (const section of b.sections) {
    for (const text of bodyOf(section).paragraphs) {
      total += text.length;
      const count = counts.get(text);
      if (count) { counts.set(text, count - 1); shared += 2 * text.length; }
    }
  }
  return total === 0 ? 0 : shared / total;
}

/** The plan step of two paired chapters: their sections aligned, and the renumbered sections named for the contents. */
function chapterPair(chapterA: Chapter, chapterB: Chapter, a: number, b: number, options: ResolvedOptions, match = matchChapter(chapterA.sections, chapterB.sections, options)): PlanStep {
  const sections = match.steps;
  const renumbered = new Map<string, string>();
  for (const step of sections) {
    // Moved sections are not named: their contents lines are struck and inserted as they move.
    if (step.kind !== "pair") continue;
    const numberA = chapterA.sections[step.a]!.number;
    const numberB = chapterB.sections[step.b]!.number;
    if (numberA !== numberB) renumbered.set(numberB, numberA);
  }
  const renumberedKey = [...renumbered].map(([numberB, numberA]) => `${numberB}>${numberA}`).join(" ");
  return { kind: "chapter-pair", a, b, sections, match, renumbered, renumberedKey };
}

/**
 * The plan for `draft`, which has the same layout (chapter and section numbers in the same
 * places) as `previousDraft`, whose plan is `previous`. A chapter with edited sections is
 * re-decided from its previous candidates when the edit cannot change what the search by
 * content finds (see rematchChapter), else aligned again; the whole plan is made again when an
 * edited chapter was paired by content. `editedSections` (draft chapter index → indices of its
 * sections that are new objects) saves the scan for them when the caller already made it.
 * A step whose pairs come out the same keeps its `sections` array (see samePairing).
 */
export function planForUpdate(
  previous: Plan, previousDraft: OrdinanceDocument, base: OrdinanceDocument, draft: OrdinanceDocument, options: ResolvedOptions,
  editedSections?: ReadonlyMap<number, readonly number[]>,
): Plan {
  let steps: PlanStep[] | null = null;
  for (let k = 0; k < previous.steps.length; k++) {
    const step = previous.steps[k]!;
    const index = step.kind === "chapter-pair" ? step.b : step.side === "B" ? step.index : -1;
    if (index < 0) continue;
    const before = previousDraft.chapters[index]!;
    const after = draft.chapters[index]!;
    if (before === after) continue;
    if (step.kind === "chapter-whole" || base.chapters[step.a]!.number !== after.number) {
      // A chapter added whole, or paired by content: the chapters' pairing may change with it.
      if (step.kind === "chapter-pair" || previous.steps.some((other) => other.kind === "chapter-whole" && other.side === "A")) return makePlan(base, draft, options);
      // Its sections may now move from, or no longer move from, another chapter's.
      steps ??= [...previous.steps];
      continue;
    }
    const chapterA = base.chapters[step.a]!;
    const changed = editedSections ? editedSections.get(index) ?? NO_SECTIONS : sectionsEdited(before, after);
    const match = rematchChapter(step.match, chapterA.sections, after.sections, changed, options) ?? matchChapter(chapterA.sections, after.sections, options, { match: step.match, changed });
    if (match === step.match) continue;
    steps ??= [...previous.steps];
    // The same pairs decided again keep their steps: only what they were decided from is new.
    steps[k] = sameSteps(match.steps, step.match.steps) ? { ...step, match: { ...match, steps: step.match.steps } } : chapterPair(chapterA, after, step.a, step.b, options, match);
  }
  if (!steps) return previous;
  const next = withMovesAcross(base, draft, steps, options, previous.steps);
  return next.every((step, k) => step === previous.steps[k]) ? previous : { steps: next };
}

const NO_SECTIONS: readonly number[] = [];

/** Indices of the sections of `after` that are not the same objects as in `before` (same layout). */
function sectionsEdited(before: Chapter, after: Chapter): number[] {
  const changed: number[] = [];
  for (let j = 0; j < after.sections.length; j++) if (after.sections[j] !== before.sections[j]) changed.push(j);
  return changed;
}

/**
 * Whether two plans pair the same chapters and sections (the second made by planForUpdate from
 * the first): then a redline of one is a redline of the other, unit for unit.
 */
export function samePairing(first: Plan, second: Plan): boolean {
  if (first === second) return true;
  if (first.steps.length !== second.steps.length) return false;
  return first.steps.every((step, k) => {
    const other = second.steps[k]!;
    if (step === other) return true;
    if (step.kind === "chapter-whole") return other.kind === "chapter-whole" && step.side === other.side && step.index === other.index && step.sections === other.sections;
    return other.kind === "chapter-pair" && step.sections === other.sections && step.renumbered === other.renumbered;
  });
}
