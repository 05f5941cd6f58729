/**
 * The cross-reference checker: the draft's citations that the amendment leaves stale. Which
 * sections the draft repeals, renumbers or moves, and which subsections it deletes or re-letters,
 * is read from the redline engine's `compare` of base and draft, never worked out again here.
 */
import type { OrdinanceDocument, Section } from "../model/document";
import { allSections } from "../model/document";
import { chapterOfSection, compareSectionNumbers } from "../numbers";
import { compare, type Change, type Redline, type SectionRedline } from "../redline";
import type { Citation, TextSpan } from "./citations";
import { sectionCitations, sectionStarts, shiftCitation } from "./sectionCitations";
import { pairParagraphs, pathOf, resolvePath } from "./paths";

export type ProblemKind =
  | "repealed-section" | "renumbered-section" | "deleted-subsection" | "relettered-subsection"
  | "missing-section" | "missing-subsection" | "repealed-chapter" | "unlisted-section" | "contents-without-section"
  | "missing-article";

/** A replacement in the draft's canonical text: draft[fromB, toB), which reads `replaced`, becomes `text`. */
export interface ReferenceFix {
  readonly fromB: number;
  readonly toB: number;
  readonly replaced: string;
  readonly text: string;
}

/** One problem the checker found. */
export interface ReferenceProblem {
  readonly kind: ProblemKind;
  /** The draft section whose text cites (or that the contents problem is about). */
  readonly citingSection: string;
  /** The target as written: "2-173-030(a)(2)", "Chapter 2-173". */
  readonly cited: string;
  /** Where the target is now, for a renumbered, moved or re-lettered target. */
  readonly newTarget: string | null;
  /** The citation in the draft, or null for a contents problem. */
  readonly citation: Citation | null;
  readonly message: string;
  /** The certain fix, when there is one (renumbered, moved, re-lettered). */
  readonly fix: ReferenceFix | null;
}

const written = (section: string, path: readonly string[]) => `${section}${path.map((label) => `(${label})`).join("")}`;

/** What the redline says became of each base section and where each draft section came from. */
interface SectionFates {
  readonly draftOf: ReadonlyMap<string, string | null>;
  readonly baseOf: ReadonlyMap<string, string>;
  /** The entry of each paired draft section (by draft number). */
  readonly entryOf: ReadonlyMap<string, SectionRedline>;
  /** The entries of draft sections, by where their piece starts in the draft. */
  readonly entryAt: ReadonlyMap<number, SectionRedline>;
}

function sectionFates(redline: Redline): SectionFates {
  const draftOf = new Map<string, string | null>();
  const baseOf = new Map<string, string>();
  const entryOf = new Map<string, SectionRedline>();
  const entryAt = new Map<number, SectionRedline>();
  for (let i = 0; i < redline.sectionCount; i++) {
    const entry = redline.section(i);
    if (entry.unit !== "section") continue;
    if (entry.numberB !== null) entryAt.set(entry.startB, entry);
    if (entry.numberA !== null && entry.numberB !== null) {
      draftOf.set(entry.numberA, entry.numberB);
      baseOf.set(entry.numberB, entry.numberA);
      entryOf.set(entry.numberB, entry);
    } else if (entry.numberA !== null && entry.status === "deleted" && !draftOf.has(entry.numberA)) {
      draftOf.set(entry.numberA, null);
    }
  }
  return { draftOf, baseOf, entryOf, entryAt };
}

/** The base's sections by number and its numbers in Code order; once per base value (the editor's base does not change). */
interface BaseIndex {
  readonly sections: ReadonlyMap<string, Section>;
  readonly numbersInOrder: readonly string[];
}

const baseIndexes = new WeakMap<OrdinanceDocument, BaseIndex>();

function baseIndex(base: OrdinanceDocument): BaseIndex {
  let index = baseIndexes.get(base);
  if (!index) {
    const sections = new Map(allSections(base).map((section) => [section.number, section]));
    baseIndexes.set(base, (index = { sections, numbersInOrder: [...sections.keys()].sort(compareSectionNumbers) }));
  }
  return index;
}

/** Whether a change marks draft words as written new (inserted or replaced), moves aside. */
const writesNew = (change: Change) => change.kind !== "move" && change.toB > change.fromB;

/** The draft offsets the redline marks as written new, sorted by start, with the furthest end so far of each prefix. */
interface NewRanges {
  readonly from: readonly number[];
  readonly reach: readonly number[];
}

const NO_RANGES: NewRanges = { from: [], reach: [] };

function newRanges(changes: readonly Change[]): NewRanges {
  const spans = changes.filter(writesNew).map((change) => ({ from: change.fromB, to: change.toB })).sort((x, y) => x.from - y.from);
  const reach: number[] = [];
  spans.forEach((span, i) => reach.push(Math.max(span.to, i > 0 ? reach[i - 1]! : -Infinity)));
  return { from: spans.map((span) => span.from), reach };
}

/** Whether any of the ranges overlaps the span: of those starting before the span ends, the furthest reaches past its start. */
function overlapsAny(ranges: NewRanges, span: TextSpan): boolean {
  let low = 0;
  let high = ranges.from.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges.from[middle]! < span.to) low = middle + 1;
    else high = middle;
  }
  return low > 0 && ranges.reach[low - 1]! > span.from;
}

/**
 * The draft's stale citations and contents problems, in draft order. For each citation:
 * a section the draft repeals ("repealed-section") or a subsection it deletes
 * ("deleted-subsection"); a section it renumbers or moves ("renumbered-section") or a subsection
 * it re-letters ("relettered-subsection"), with the new target and a fix that rewrites the
 * citation's number and labels; a section or subsection in neither text ("missing-section",
 * "missing-subsection"; only for chapters the texts hold, the rest of the Code being unknown);
 * a chapter the draft repeals. A citation the base already had is judged by what it cited in the
 * base; one the draft writes new, by the draft. Besides: a draft section no contents line lists
 * ("unlisted-section") and a contents line with no section that the base did not have
 * ("contents-without-section"). `redline` may be passed when already computed for this pair.
 *
 * Cost: linear in the number of sections and citations (every look-up is indexed), and a
 * section's citations are found once per section value, so checking a draft that differs from
 * the last one checked in a few sections costs those sections' citations plus indexed
 * look-ups; the draft's text is never built.
 */
export function checkReferences(base: OrdinanceDocument, draft: OrdinanceDocument, redline: Redline = compare(base, draft)): ReferenceProblem[] {
  const fates = sectionFates(redline);
  const { sections: baseSections, numbersInOrder: baseNumbersInOrder } = baseIndex(base);
  const draftSections = new Map(allSections(draft).map((section) => [section.number, section]));
  const chapters = new Set([...base.chapters, ...draft.chapters].map((chapter) => chapter.number));
  const draftChapters = new Set(draft.chapters.map((chapter) => chapter.number));
  const pairsOf = new Map<string, ReadonlyMap<string, string | null>>();
  let allFresh: NewRanges | null = null;
  const problems: ReferenceProblem[] = [];

  for (const { section, start } of sectionStarts(draft)) {
    const own = sectionCitations(section);
    if (own.list.length === 0) continue;
    const entry = fates.entryAt.get(start);
    // The citing section's own changes say which of its words are new; without its entry, all the redline's.
    let fresh: NewRanges | null = null;
    const freshRanges = () => (fresh ??= !entry ? (allFresh ??= newRanges(redline.changes)) : entry.status === "unchanged" ? NO_RANGES : newRanges(entry.changes));
    // A citation is new where the draft wrote its own number or labels anew: in a list, fixing one
    // item leaves the others as the base had them.
    const isNew = (citation: Citation) => {
      const spans = [citation.numberSpan, ...citation.labelSpans].filter((span): span is TextSpan => span !== null);
      return (spans.length ? spans : [citation.span]).some((span) => overlapsAny(freshRanges(), span));
    };
    const list = own.list.map((citation) => shiftCitation(citation, start));
    list.forEach((citation, k) => {
      const target = citation.target;
      if (target.kind === "article") {
        // The model keeps no articles: a chapter of these texts holds none to cite.
        if (!chapters.has(target.chapter)) return;
        problems.push({ kind: "missing-article", citingSection: citation.citingSection, cited: `Article ${target.article} of Chapter ${target.chapter}`, newTarget: null, citation, fix: null,
          message: `${citation.citingSection} cites Article ${target.article} of this chapter: Chapter ${target.chapter} has no articles in the base or the draft.` });
        return;
      }
      if (target.kind === "chapter") {
        if (!draftChapters.has(target.chapter) && base.chapters.some((chapter) => chapter.number === target.chapter)) {
          problems.push({ kind: "repealed-chapter", citingSection: citation.citingSection, cited: `Chapter ${target.chapter}`, newTarget: null, citation, fix: null,
            message: `${citation.citingSection} cites Chapter ${target.chapter}, which the draft repeals.` });
        }
        return;
      }
      const judged = judge(citation, target.section, target.path, () => isNew(citation));
      if (judged) problems.push(judged);
      if (own.rangeWithNext[k]) problems.push(...rangeProblems(citation, list[k + 1]!));
    });
  }
  problems.push(...contentsProblems(base, draft));
  return withoutDuplicates(problems);

  /**
   * "Sections 2-173-020 through 2-173-040": the ends are judged as citations of their own; here
   * each base section strictly inside the range that the draft repeals is reported.
   */
  function rangeProblems(first: Citation, last: Citation): ReferenceProblem[] {
    if (first.target.kind !== "section" || last.target.kind !== "section") return [];
    if (first.target.path.length > 0 || last.target.path.length > 0) return [];
    const [from, to] = [first.target.section, last.target.section];
    const inside: string[] = [];
    for (let i = firstAfter(from); i < baseNumbersInOrder.length && compareSectionNumbers(baseNumbersInOrder[i]!, to) < 0; i++) {
      const number = baseNumbersInOrder[i]!;
      if (fates.draftOf.get(number) === null) inside.push(number);
    }
    const range = `${from} through ${to}`;
    return inside.map((number) => ({
      kind: "repealed-section" as const, citingSection: first.citingSection, cited: number, newTarget: null, citation: first, fix: null,
      message: `${first.citingSection} cites ${range}, which includes ${number}: the draft repeals that section.`,
    }));
  }

  /** Index of the first base number (in Code order) after `number`. */
  function firstAfter(number: string): number {
    let low = 0;
    let high = baseNumbersInOrder.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareSectionNumbers(baseNumbersInOrder[middle]!, number) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Which draft paragraph each base paragraph of the section now numbered `fate` became; once per section. */
  function pairsFor(sectionA: Section, sectionB: Section, fate: string): ReadonlyMap<string, string | null> {
    let pairs = pairsOf.get(fate);
    if (!pairs) pairsOf.set(fate, (pairs = pairParagraphs(sectionA, sectionB, fates.entryOf.get(fate)?.changes ?? [])));
    return pairs;
  }

  function judge(citation: Citation, number: string, path: readonly string[], writtenNew: () => boolean): ReferenceProblem | null {
    const cited = written(number, path);
    const report = (kind: ProblemKind, message: string, newTarget: string | null = null, fix: ReferenceFix | null = null): ReferenceProblem =>
      ({ kind, citingSection: citation.citingSection, cited, newTarget, citation, message: `${citation.citingSection} cites ${cited}: ${message}`, fix });
    // A relative citation names the citing section itself: its base is the citing section's base.
    const baseNumber = citation.form === "relative" ? fates.baseOf.get(number) : baseSections.has(number) ? number : undefined;
    const fate = baseNumber === undefined ? undefined : fates.draftOf.get(baseNumber);
    const judgeByBase = baseNumber !== undefined && fate !== undefined && !(draftSections.has(number) && writtenNew());
    if (!judgeByBase) return judgeInDraft();
    if (fate === null) return report("repealed-section", "the draft repeals that section.");
    const sectionA = baseSections.get(baseNumber)!;
    const sectionB = draftSections.get(fate)!;
    const renumbered = fate !== number && citation.form !== "relative";
    if (path.length === 0) {
      return renumbered ? report("renumbered-section", `the section is now ${fate}.`, fate, fixFor(citation, fate, path, path)) : null;
    }
    const indexA = resolvePath(sectionA, path);
    if (indexA === null) return judgeInDraft();
    const pairs = pairsFor(sectionA, sectionB, fate);
    const blockB = pairs.get(sectionA.blocks[indexA]!.id) ?? null;
    const indexB = blockB === null ? -1 : sectionB.blocks.findIndex((block) => block.id === blockB);
    if (indexB < 0) return report("deleted-subsection", `the draft deletes that ${path.length === 1 ? "subsection" : "paragraph"}.`);
    const pathB = pathOf(sectionB, indexB);
    const relettered = pathB.join() !== path.join();
    if (!relettered && !renumbered) return null;
    const newTarget = written(renumbered ? fate : number, pathB);
    const fix = fixFor(citation, renumbered ? fate : null, path, pathB);
    return relettered
      ? report("relettered-subsection", `it is now ${newTarget}.`, newTarget, fix)
      : report("renumbered-section", `the section is now ${fate}.`, newTarget, fix);

    function judgeInDraft(): ReferenceProblem | null {
      const section = draftSections.get(number);
      if (!section) {
        return chapters.has(chapterOfSection(number)) ? report("missing-section", "no such section in the base or the draft.") : null;
      }
      if (path.length === 0 || resolvePath(section, path) !== null) return null;
      return report("missing-subsection", `${number} has no such ${path.length === 1 ? "subsection" : "paragraph"} in the base or the draft.`);
    }
  }
}

/** Kinds about the cited section as a whole, the same for every label run of one citation. */
const SECTION_KINDS: ReadonlySet<ProblemKind> = new Set(["repealed-section", "renumbered-section", "missing-section"]);

/**
 * The problems with repeats left out: "subsections (a) and (b) of Section 2-173-042", when the
 * draft repeals or renumbers that section, is one problem about the section, not one per label
 * (same kind, same citation, same fix); it then names the section alone.
 */
function withoutDuplicates(problems: readonly ReferenceProblem[]): ReferenceProblem[] {
  const seen = new Map<string, number>();
  const kept: ReferenceProblem[] = [];
  for (const problem of problems) {
    const { citation, fix } = problem;
    if (!citation || !SECTION_KINDS.has(problem.kind) || citation.target.kind !== "section" || /which includes/.test(problem.message)) { kept.push(problem); continue; }
    const key = `${problem.kind} ${citation.span.from} ${citation.span.to}${fix ? ` ${fix.fromB} ${fix.toB} ${fix.text}` : ""}`;
    const at = seen.get(key);
    if (at === undefined) { seen.set(key, kept.length); kept.push(problem); continue; }
    const first = kept[at]!;
    const section = citation.target.section;
    const newSection = first.newTarget === null ? null : first.newTarget.replace(/\(.*$/, "");
    kept[at] = { ...first, cited: section, newTarget: newSection, message: first.message.replace(first.cited, section).replace(first.newTarget ?? "\u0000", newSection ?? "") };
  }
  return kept;
}

/**
 * The replacement that makes the citation name its new target: the stretch from the first to
 * the last written part that changes, rewritten. Null when a label to change is not written out
 * (the context supplies it) or the paths differ in length.
 */
function fixFor(citation: Citation, newNumber: string | null, path: readonly string[], newPath: readonly string[]): ReferenceFix | null {
  if (path.length !== newPath.length) return null;
  const edits: Array<{ span: TextSpan; text: string }> = [];
  if (newNumber !== null) {
    if (!citation.numberSpan) return null;
    edits.push({ span: citation.numberSpan, text: newNumber });
  }
  for (let i = 0; i < path.length; i++) {
    if (path[i] === newPath[i]) continue;
    const span = citation.labelSpans[i];
    if (!span) return null;
    edits.push({ span, text: `(${newPath[i]})` });
  }
  if (edits.length === 0) return null;
  edits.sort((x, y) => x.span.from - y.span.from);
  const fromB = edits[0]!.span.from;
  const toB = edits[edits.length - 1]!.span.to;
  let text = "";
  let at = fromB;
  const original = citation.text;
  for (const edit of edits) {
    text += original.slice(at - citation.span.from, edit.span.from - citation.span.from) + edit.text;
    at = edit.span.to;
  }
  return { fromB, toB, replaced: original.slice(fromB - citation.span.from, toB - citation.span.from), text };
}

/** Draft sections no contents line lists, and contents lines with no section that are new in the draft. */
function contentsProblems(base: OrdinanceDocument, draft: OrdinanceDocument): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const bodilessInBase = new Set<string>();
  for (const chapter of base.chapters) {
    const numbers = new Set(chapter.sections.map((section) => section.number));
    for (const entry of chapter.toc) if (!numbers.has(entry.number)) bodilessInBase.add(entry.number);
  }
  for (const chapter of draft.chapters) {
    if (chapter.toc.length === 0) continue;
    const listed = new Set(chapter.toc.map((entry) => entry.number));
    const numbers = new Set(chapter.sections.map((section: Section) => section.number));
    for (const section of chapter.sections) {
      if (listed.has(section.number)) continue;
      problems.push({ kind: "unlisted-section", citingSection: section.number, cited: section.number, newTarget: null, citation: null, fix: null,
        message: `${section.number} has no line in the contents of Chapter ${chapter.number}.` });
    }
    for (const entry of chapter.toc) {
      if (numbers.has(entry.number) || bodilessInBase.has(entry.number)) continue;
      problems.push({ kind: "contents-without-section", citingSection: entry.number, cited: entry.number, newTarget: null, citation: null, fix: null,
        message: `the contents of Chapter ${chapter.number} list ${entry.number}, which has no section.` });
    }
  }
  return problems;
}
