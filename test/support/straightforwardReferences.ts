/**
 * The slow truth for the cross-reference checker: the checker as it was first written, over the
 * whole document at once — citations read from the full canonical layout, every look-up a scan
 * (the citation's newness against every change of the redline, a range against every base
 * section), nothing cached or kept between calls. The fast checker must give exactly this.
 */
import { layoutCanonical } from "../../src/core/model/canonicalText";
import type { OrdinanceDocument, Section } from "../../src/core/model/document";
import { allSections } from "../../src/core/model/document";
import { chapterOfSection, compareSectionNumbers } from "../../src/core/numbers";
import { compare, type Change, type Redline } from "../../src/core/redline";
import { paragraphCitations, type Citation, type TextSpan } from "../../src/core/references/citations";
import type { ProblemKind, ReferenceFix, ReferenceProblem } from "../../src/core/references";
import { pairParagraphs, pathOf, resolvePath } from "../../src/core/references/paths";

/** Every citation, read paragraph by paragraph from the whole document's canonical layout. */
export function straightforwardCitations(document: OrdinanceDocument): Citation[] {
  const layout = layoutCanonical(document);
  const bySection = new Map<string, Section>();
  for (const chapter of document.chapters) for (const section of chapter.sections) bySection.set(section.id, section);
  const result: Citation[] = [];
  for (const span of layout.spans) {
    if (span.kind !== "block") continue;
    const section = bySection.get(span.ownerId);
    const block = section?.blocks.find((each) => each.id === span.key);
    if (!section || !block || block.kind !== "paragraph") continue;
    const own = labelsOf(section).get(block.id) ?? [];
    result.push(...paragraphCitations({ section, paragraph: block, own, words: layout.text.slice(span.textFrom, span.to), base: span.textFrom }));
  }
  return result;
}

/** Each paragraph's labels and its ancestors', computed afresh. */
function labelsOf(section: Section): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const stack: Array<{ level: number; label: string }> = [];
  for (const block of section.blocks) {
    if (block.kind !== "paragraph") continue;
    while (stack.length && stack[stack.length - 1]!.level >= block.level) stack.pop();
    if (block.enumerator !== null) stack.push({ level: block.level, label: block.enumerator.replace(/^\(|\)$/g, "") });
    result.set(block.id, stack.map((each) => each.label));
  }
  return result;
}

const written = (section: string, path: readonly string[]) => `${section}${path.map((label) => `(${label})`).join("")}`;

/** What the redline says became of each base section and where each draft section came from. */
interface SectionFates {
  readonly draftOf: ReadonlyMap<string, string | null>;
  readonly baseOf: ReadonlyMap<string, string>;
  readonly changesOf: ReadonlyMap<string, readonly Change[]>;
}

function sectionFates(redline: Redline): SectionFates {
  const draftOf = new Map<string, string | null>();
  const baseOf = new Map<string, string>();
  const changesOf = new Map<string, readonly Change[]>();
  for (const entry of redline.sections) {
    if (entry.unit !== "section") continue;
    if (entry.numberA !== null && entry.numberB !== null) {
      draftOf.set(entry.numberA, entry.numberB);
      baseOf.set(entry.numberB, entry.numberA);
      changesOf.set(entry.numberB, entry.changes);
    } else if (entry.numberA !== null && entry.status === "deleted" && !draftOf.has(entry.numberA)) {
      draftOf.set(entry.numberA, null);
    }
  }
  return { draftOf, baseOf, changesOf };
}

/** The draft offsets the redline marks as written new (inserted or replaced words), moves aside. */
function newRanges(redline: Redline): TextSpan[] {
  return redline.changes.filter((change) => change.kind !== "move" && change.toB > change.fromB).map((change) => ({ from: change.fromB, to: change.toB }));
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
 */
export function straightforwardCheckReferences(base: OrdinanceDocument, draft: OrdinanceDocument, redline: Redline = compare(base, draft)): ReferenceProblem[] {
  const fates = sectionFates(redline);
  const baseSections = new Map(allSections(base).map((section) => [section.number, section]));
  const draftSections = new Map(allSections(draft).map((section) => [section.number, section]));
  const chapters = new Set([...base.chapters, ...draft.chapters].map((chapter) => chapter.number));
  const draftChapters = new Set(draft.chapters.map((chapter) => chapter.number));
  const fresh = newRanges(redline);
  // A citation is new where the draft wrote its own number or labels anew: in a list, fixing one
  // item leaves the others as the base had them.
  const isNew = (citation: Citation) => {
    const own = [citation.numberSpan, ...citation.labelSpans].filter((span): span is TextSpan => span !== null);
    return (own.length ? own : [citation.span]).some((span) => fresh.some((range) => range.from < span.to && span.from < range.to));
  };
  const problems: ReferenceProblem[] = [];

  const found = straightforwardCitations(draft);
  for (const [k, citation] of found.entries()) {
    const target = citation.target;
    if (target.kind === "article") {
      // The model keeps no articles: a chapter of these texts holds none to cite.
      if (!chapters.has(target.chapter)) continue;
      problems.push({ kind: "missing-article", citingSection: citation.citingSection, cited: `Article ${target.article} of Chapter ${target.chapter}`, newTarget: null, citation, fix: null,
        message: `${citation.citingSection} cites Article ${target.article} of this chapter: Chapter ${target.chapter} has no articles in the base or the draft.` });
      continue;
    }
    if (target.kind === "chapter") {
      if (!draftChapters.has(target.chapter) && base.chapters.some((chapter) => chapter.number === target.chapter)) {
        problems.push({ kind: "repealed-chapter", citingSection: citation.citingSection, cited: `Chapter ${target.chapter}`, newTarget: null, citation, fix: null,
          message: `${citation.citingSection} cites Chapter ${target.chapter}, which the draft repeals.` });
      }
      continue;
    }
    const judged = judge(citation, target.section, target.path, isNew(citation));
    if (judged) problems.push(judged);
    const next = found[k + 1];
    if (next) problems.push(...rangeProblems(citation, next));
  }
  problems.push(...contentsProblems(base, draft));
  return withoutDuplicates(problems);

  /**
   * "Sections 2-173-020 through 2-173-040": the ends are judged as citations of their own; here
   * each base section strictly inside the range that the draft repeals is reported.
   */
  function rangeProblems(first: Citation, last: Citation): ReferenceProblem[] {
    if (first.blockId !== last.blockId || first.target.kind !== "section" || last.target.kind !== "section") return [];
    if (first.target.path.length > 0 || last.target.path.length > 0) return [];
    if (!/^\s+(?:through|to)\s+$/i.test(redline.draftText.slice(first.span.to, last.span.from))) return [];
    const [from, to] = [first.target.section, last.target.section];
    const inside = [...baseSections.keys()].filter((number) => compareSectionNumbers(from, number) < 0 && compareSectionNumbers(number, to) < 0 && fates.draftOf.get(number) === null);
    const range = `${from} through ${to}`;
    return inside.map((number) => ({
      kind: "repealed-section" as const, citingSection: first.citingSection, cited: number, newTarget: null, citation: first, fix: null,
      message: `${first.citingSection} cites ${range}, which includes ${number}: the draft repeals that section.`,
    }));
  }

  function judge(citation: Citation, number: string, path: readonly string[], written_new: boolean): ReferenceProblem | null {
    const cited = written(number, path);
    const report = (kind: ProblemKind, message: string, newTarget: string | null = null, fix: ReferenceFix | null = null): ReferenceProblem =>
      ({ kind, citingSection: citation.citingSection, cited, newTarget, citation, message: `${citation.citingSection} cites ${cited}: ${message}`, fix });
    // A relative citation names the citing section itself: its base is the citing section's base.
    const baseNumber = citation.form === "relative" ? fates.baseOf.get(number) : baseSections.has(number) ? number : undefined;
    const fate = baseNumber === undefined ? undefined : fates.draftOf.get(baseNumber);
    const judgeByBase = baseNumber !== undefined && fate !== undefined && !(written_new && draftSections.has(number));
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
    const pairs = pairParagraphs(sectionA, sectionB, fates.changesOf.get(fate) ?? []);
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
    const key = JSON.stringify([problem.kind, citation.span.from, citation.span.to, fix && [fix.fromB, fix.toB, fix.text]]);
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
