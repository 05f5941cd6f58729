/**
 * The units of a comparison plan — the title heading, each chapter head, each section step —
 * in reading order, with an index from the draft's parts to the units whose inputs they are.
 * One keystroke replaces one draft section object: the index turns that into the one or two
 * units to recompute without walking the plan. Built once per plan and kept beside it.
 */
import { sameChapterNotes, type OrdinanceDocument } from "../model/document";
import type { SectionStep } from "./alignSections";
import type { Plan } from "./plan";

/** One unit of the walk: what it compares. Chapter and section numbers are indices into base (a) and draft (b). */
export type UnitStep =
  | { readonly kind: "title" }
  | { readonly kind: "head"; readonly a: number; readonly b: number; readonly renumbered: ReadonlyMap<string, string>; readonly renumberedKey: string }
  | { readonly kind: "whole-head"; readonly side: "A" | "B"; readonly chapter: number }
  | {
    readonly kind: "whole-section"; readonly side: "A" | "B"; readonly chapter: number; readonly section: number;
    /** The other end of its move to (side A) or from (side B) another chapter's section: that chapter's index and the section's. */
    readonly move?: { readonly chapter: number; readonly section: number };
  }
  | { readonly kind: "section"; readonly a: number; readonly b: number; readonly step: SectionStep };

export interface PlanUnits {
  readonly units: readonly UnitStep[];
  /** Per draft chapter: the unit of its head. */
  readonly headUnit: Int32Array;
  /** Per draft chapter, per section: the unit that shows it (its pair, insertion or move destination). */
  readonly sectionUnit: readonly Int32Array[];
  /** Per draft chapter: draft section index → the unit of a move's source end that names it. */
  readonly moveSources: ReadonlyArray<ReadonlyMap<number, number>>;
  /**
   * Unit → the label its change ids start with, for units whose number an earlier unit already
   * has (two draft sections sharing a number midway through a renumbering, or a deleted and an
   * inserted section of one number): "2-173-020@2" for the second, and so on in reading order.
   * Other units' ids start with their number.
   */
  readonly idLabels: ReadonlyMap<number, string>;
}

/** The number a unit's changes are labelled with (its draft number, else its base number). */
function unitNumber(unit: UnitStep, base: OrdinanceDocument, draft: OrdinanceDocument): string {
  switch (unit.kind) {
    case "title": return "TITLE";
    case "head": return `CHAPTER ${draft.chapters[unit.b]!.number}`;
    case "whole-head": return `CHAPTER ${(unit.side === "A" ? base : draft).chapters[unit.chapter]!.number}`;
    case "whole-section": return (unit.side === "A" ? base : draft).chapters[unit.chapter]!.sections[unit.section]!.number;
    case "section": return unit.step.kind === "delete" ? base.chapters[unit.a]!.sections[unit.step.a]!.number : draft.chapters[unit.b]!.sections[unit.step.b]!.number;
  }
}

/** The id labels of the units whose number repeats (see PlanUnits.idLabels). */
function repeatedLabels(units: readonly UnitStep[], base: OrdinanceDocument, draft: OrdinanceDocument): Map<number, string> {
  const seen = new Map<string, number>();
  const labels = new Map<number, string>();
  units.forEach((unit, k) => {
    const number = unitNumber(unit, base, draft);
    const count = (seen.get(number) ?? 0) + 1;
    seen.set(number, count);
    if (count > 1) labels.set(k, `${number}@${count}`);
  });
  return labels;
}

const cache = new WeakMap<Plan, PlanUnits>();

/** The units of `plan` for drafts laid out like `draft` (same chapters, same section counts). */
export function planUnits(plan: Plan, base: OrdinanceDocument, draft: OrdinanceDocument): PlanUnits {
  const cached = cache.get(plan);
  if (cached) return cached;
  const units: UnitStep[] = [];
  const headUnit = new Int32Array(draft.chapters.length).fill(-1);
  const sectionUnit = draft.chapters.map((chapter) => new Int32Array(chapter.sections.length).fill(-1));
  const moveSources = draft.chapters.map(() => new Map<number, number>());
  if (base.title || draft.title) units.push({ kind: "title" });
  for (const step of plan.steps) {
    if (step.kind === "chapter-whole") {
      const chapter = (step.side === "A" ? base : draft).chapters[step.index]!;
      if (step.side === "B") headUnit[step.index] = units.length;
      units.push({ kind: "whole-head", side: step.side, chapter: step.index });
      for (let s = 0; s < chapter.sections.length; s++) {
        if (step.side === "B") sectionUnit[step.index]![s] = units.length;
        const move = step.sections ? moveOf(step.sections[s]!) : undefined;
        if (move && step.side === "A") moveSources[move.chapter]!.set(move.section, units.length);
        units.push(move ? { kind: "whole-section", side: step.side, chapter: step.index, section: s, move } : { kind: "whole-section", side: step.side, chapter: step.index, section: s });
      }
      continue;
    }
    headUnit[step.b] = units.length;
    units.push({ kind: "head", a: step.a, b: step.b, renumbered: step.renumbered, renumberedKey: step.renumberedKey });
    for (const sectionStep of step.sections) {
      if (sectionStep.kind !== "delete") sectionUnit[step.b]![sectionStep.b] = units.length;
      else if (sectionStep.moveTo !== undefined) moveSources[sectionStep.moveToChapter ?? step.b]!.set(sectionStep.moveTo, units.length);
      units.push({ kind: "section", a: step.a, b: step.b, step: sectionStep });
    }
  }
  const made = { units, headUnit, sectionUnit, moveSources, idLabels: repeatedLabels(units, base, draft) };
  cache.set(plan, made);
  return made;
}

/** The other end of a whole chapter's section step that moved across chapters, else undefined. */
function moveOf(step: SectionStep): { chapter: number; section: number } | undefined {
  if (step.kind === "delete" && step.moveTo !== undefined) return { chapter: step.moveToChapter!, section: step.moveTo };
  if (step.kind === "insert" && step.moveFrom !== undefined) return { chapter: step.moveFromChapter!, section: step.moveFrom };
  return undefined;
}

/**
 * The units of `plan` for a plan of the same pairing (see samePairing), which shares its steps:
 * the index made for `plan`, kept for `next` too.
 */
export function planUnitsCarried(plan: Plan, next: Plan, base: OrdinanceDocument, draft: OrdinanceDocument): PlanUnits {
  const units = planUnits(plan, base, draft);
  if (next !== plan) cache.set(next, units);
  return units;
}

/** What changed between two drafts laid out alike: the units to recompute and the sections edited. */
export interface ChangedUnits {
  /** The units whose inputs differ, ascending, each once. */
  readonly units: number[];
  /** Draft chapter index → indices of its sections that are new objects (chapters with none left out). */
  readonly sections: ReadonlyMap<number, readonly number[]>;
}

/**
 * The units (ascending) whose inputs differ between two drafts of the same base, and the edited
 * sections, or null when the drafts are not laid out alike (other chapters, section counts or
 * numbers), so the plan no longer fits. One pass of identity checks over the sections of the
 * chapters that are new objects; no allocation per unchanged section.
 */
export function changedUnits(index: PlanUnits, before: OrdinanceDocument, after: OrdinanceDocument): ChangedUnits | null {
  if (Boolean(before.title) !== Boolean(after.title) || before.chapters.length !== after.chapters.length) return null;
  const changed: number[] = [];
  const sections = new Map<number, number[]>();
  if (before.title !== after.title) changed.push(0);
  for (let c = 0; c < after.chapters.length; c++) {
    const chapterA = before.chapters[c]!;
    const chapterB = after.chapters[c]!;
    if (chapterA === chapterB) continue;
    if (chapterA.number !== chapterB.number || chapterA.sections.length !== chapterB.sections.length) return null;
    if (chapterA.toc !== chapterB.toc || chapterA.title !== chapterB.title || !sameChapterNotes(chapterA, chapterB)) changed.push(index.headUnit[c]!);
    const sectionsA = chapterA.sections;
    const sectionsB = chapterB.sections;
    if (sectionsA === sectionsB) continue;
    const units = index.sectionUnit[c]!;
    const moves = index.moveSources[c]!;
    const edited: number[] = [];
    for (let s = 0; s < sectionsB.length; s++) {
      const section = sectionsB[s]!;
      if (sectionsA[s] === section) continue;
      if (sectionsA[s]!.number !== section.number) return null;
      edited.push(s);
      changed.push(units[s]!);
      const source = moves.size > 0 ? moves.get(s) : undefined;
      if (source !== undefined) changed.push(source);
    }
    if (edited.length > 0) sections.set(c, edited);
  }
  // Each unit is pushed once: the title, a chapter's head, a section's unit and a move's source end are distinct units.
  return { units: changed.sort((x, y) => x - y), sections };
}
