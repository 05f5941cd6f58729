/**
 * A chapter's table of contents as its sections call for it. The contents are not a second
 * copy to be kept up by hand: every function here derives them from the section headings, so
 * a heading edited, a section added, deleted or renumbered changes its contents line too.
 *
 * The one thing the sections cannot say is a line the official text lists with no section body
 * under it (a "Reserved." number, a repealed range). Such a line is kept, in number order,
 * unless it is the line of a section that was there before (same number and catchline: the
 * section was deleted or renumbered, so its line goes with it) or a section now carries that
 * number (the section's own line wins).
 */
import { compareSectionNumbers } from "../numbers";
import type { Chapter, OrdinanceDocument, Section, TocEntry } from "./document";

/** The parts of a section its contents line shows. */
export type SectionHead = Pick<Section, "number" | "catchline">;

const NO_SECTIONS: readonly SectionHead[] = [];

const lineKey = (head: SectionHead) => `${head.number}\u0000${head.catchline}`;

/**
 * The contents a chapter with these sections should print, given the contents it printed
 * (`previousToc`) and the sections it had then (`formerSections`).
 *
 * Guarantees: one entry per section, in section order, with the section's number and catchline
 * exactly; besides those, each entry of `previousToc` whose number no section has now and
 * which is not the line of a former section (same number and catchline), placed before the
 * first section entry with a greater number (these kept entries in number order among
 * themselves, the first of equal numbers only). A chapter that printed no contents
 * (`previousToc` empty) prints none. When the result equals `previousToc` entry for entry,
 * `previousToc` itself is returned, so callers can test `result === previousToc`.
 *
 * `official` is the chapter as the official text prints it (the base), when known. Where its
 * contents line for a section reads differently from that section's heading (the official text
 * is kept as imported), a section whose number and catchline are still the official heading's
 * gets the official contents line, so a draft does not amend a line nobody changed; and such an
 * official line counts as its section's line when that section is gone.
 */
export function contentsFor(
  sections: readonly SectionHead[], previousToc: readonly TocEntry[], formerSections: readonly SectionHead[] = NO_SECTIONS,
  official?: Chapter,
): readonly TocEntry[] {
  if (previousToc.length === 0) return previousToc;
  const current = new Set(sections.map((section) => section.number));
  const former = new Set(formerSections.map(lineKey));
  const printed = official ? officialLines(official) : NO_LINES;
  for (const [number, line] of printed) former.add(lineKey({ number, catchline: line.toc }));
  const seen = new Set<string>();
  const bodiless: TocEntry[] = [];
  for (const entry of previousToc) {
    if (current.has(entry.number) || former.has(lineKey(entry)) || seen.has(entry.number)) continue;
    seen.add(entry.number);
    bodiless.push(entry);
  }
  bodiless.sort((x, y) => compareSectionNumbers(x.number, y.number));
  const result: TocEntry[] = [];
  let next = 0;
  for (const section of sections) {
    while (next < bodiless.length && compareSectionNumbers(bodiless[next]!.number, section.number) < 0) result.push(bodiless[next++]!);
    result.push(entryFor(lineFor(section, printed), previousToc[result.length]));
  }
  while (next < bodiless.length) result.push(bodiless[next++]!);
  return sameEntries(result, previousToc) ? previousToc : result;
}

interface OfficialLine { readonly heading: string; readonly toc: string }

const NO_LINES: ReadonlyMap<string, OfficialLine> = new Map();
const officialCache = new WeakMap<Chapter, ReadonlyMap<string, OfficialLine>>();

/** The official chapter's contents lines that read differently from their sections' headings, by number. */
function officialLines(chapter: Chapter): ReadonlyMap<string, OfficialLine> {
  let lines = officialCache.get(chapter);
  if (lines) return lines;
  const toc = new Map(chapter.toc.map((entry) => [entry.number, entry.catchline]));
  const differing = new Map<string, OfficialLine>();
  for (const section of chapter.sections) {
    const printed = toc.get(section.number);
    if (printed !== undefined && printed !== section.catchline) differing.set(section.number, { heading: section.catchline, toc: printed });
  }
  lines = differing.size > 0 ? differing : NO_LINES;
  officialCache.set(chapter, lines);
  return lines;
}

function lineFor(section: SectionHead, printed: ReadonlyMap<string, OfficialLine>): SectionHead {
  const line = printed.get(section.number);
  return line && line.heading === section.catchline ? { number: section.number, catchline: line.toc } : section;
}

/**
 * The contents line of one section, as `contentsFor` gives it: its number and catchline, or the
 * official wording of the line while the heading reads as the official text has it.
 */
export function contentsLineFor(section: SectionHead, official?: Chapter): TocEntry {
  const line = lineFor(section, official ? officialLines(official) : NO_LINES);
  return { number: line.number, catchline: line.catchline };
}

/** The entry for a section, reusing `candidate` when it already reads the same. */
function entryFor(section: SectionHead, candidate: TocEntry | undefined): TocEntry {
  if (candidate && candidate.number === section.number && candidate.catchline === section.catchline) return candidate;
  return { number: section.number, catchline: section.catchline };
}

function sameEntries(a: readonly TocEntry[], b: readonly TocEntry[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry.number === b[index]!.number && entry.catchline === b[index]!.catchline);
}

/**
 * The chapter with the contents its sections call for (see `contentsFor`). `former` is the same
 * chapter as it was before the change, when known: its sections' lines are not kept as
 * body-less lines; `official` is the chapter as the official text prints it. Returns `chapter`
 * itself when its contents are already in step.
 */
export function syncContents(chapter: Chapter, former?: Chapter, official?: Chapter): Chapter {
  const toc = contentsFor(chapter.sections, chapter.toc, former?.sections, official);
  return toc === chapter.toc ? chapter : { ...chapter, toc };
}

/** One contents line a sync changed: what it read and what it reads now (null: no such line). */
export interface ContentsFix {
  readonly chapter: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** The result of bringing a whole document's contents in step. */
export interface SyncedDocument {
  /** The document with every chapter's contents in step; `doc` itself when nothing changed. */
  readonly document: OrdinanceDocument;
  /** The contents lines that had to change, in chapter order: empty when all were in step. */
  readonly fixes: readonly ContentsFix[];
}

/**
 * Brings every chapter's contents in step with its sections, for a draft that enters from
 * outside the editor (an imported text, an amendment file, a Word file) or is exported.
 * `reference` is the base (the official text): it tells which lines belonged to sections before,
 * and how the official text prints the contents lines of sections left as they were; each
 * chapter is matched to the reference chapter of the same number. Unchanged chapters stay the
 * same objects.
 */
export function syncDocumentContents(doc: OrdinanceDocument, reference?: OrdinanceDocument): SyncedDocument {
  const fixes: ContentsFix[] = [];
  let changed = false;
  const chapters = doc.chapters.map((chapter) => {
    const former = reference?.chapters.find((each) => each.number === chapter.number);
    const synced = syncContents(chapter, former, former);
    if (synced === chapter) return chapter;
    changed = true;
    fixes.push(...lineFixes(chapter.number, chapter.toc, synced.toc));
    return synced;
  });
  return { document: changed ? { ...doc, chapters } : doc, fixes };
}

/** The lines of `before` missing from `after` and the reverse, paired by number where they can be. */
function lineFixes(chapter: string, before: readonly TocEntry[], after: readonly TocEntry[]): ContentsFix[] {
  const line = (entry: TocEntry) => `${entry.number} ${entry.catchline}`;
  const afterLines = new Set(after.map(line));
  const beforeLines = new Set(before.map(line));
  const gone = before.filter((entry) => !afterLines.has(line(entry)));
  const added = after.filter((entry) => !beforeLines.has(line(entry)));
  const fixes: ContentsFix[] = [];
  for (const entry of gone) {
    const match = added.findIndex((each) => each.number === entry.number);
    const replacement = match >= 0 ? added.splice(match, 1)[0]! : null;
    fixes.push({ chapter, before: line(entry), after: replacement ? line(replacement) : null });
  }
  for (const entry of added) fixes.push({ chapter, before: null, after: line(entry) });
  return fixes;
}

/** A one-line note for a person: what a sync changed in the contents. */
export function describeContentsFix(fix: ContentsFix): string {
  if (fix.before && fix.after) return `contents of chapter ${fix.chapter}: "${fix.before}" now reads "${fix.after}", as its section heading does`;
  if (fix.before) return `contents of chapter ${fix.chapter}: "${fix.before}" removed, as no section has that number any more`;
  return `contents of chapter ${fix.chapter}: "${fix.after}" added for its section`;
}
