/**
 * A proposed text read against the current draft: either a whole chapter (it becomes the draft)
 * or a fragment — one or a few sections — merged into the draft, replacing only the sections it
 * names and adding those whose numbers are new, in the Code's number order. Pure: no DOM.
 */
import { allSections, chapterNotes, type Block, type Chapter, type OrdinanceDocument, type Section } from "../model/document";
import { chapterOfSection, compareSectionNumbers } from "../numbers";
import { CHAPTER_ASSUMED, ImportError, parseCodeText, type ImportWarning } from "./parseCodeText";

/** The result of merging a fragment: the new draft and which section numbers were replaced or added. */
export interface FragmentMerge {
  readonly document: OrdinanceDocument;
  /** Numbers of draft sections the fragment replaced, in the fragment's order. */
  readonly replaced: readonly string[];
  /** Numbers of sections the fragment added (new to the draft), in the fragment's order. */
  readonly added: readonly string[];
}

/** How a proposed text was read. */
export type ProposedReading =
  | { readonly kind: "chapter"; readonly document: OrdinanceDocument; readonly warnings: readonly ImportWarning[] }
  | { readonly kind: "fragment"; readonly merge: FragmentMerge; readonly warnings: readonly ImportWarning[] };

/** A fragment that cannot be merged into the draft (its message says which section and why). */
export class FragmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FragmentError";
  }
}

/**
 * Whether a parsed proposed text is a whole chapter rather than a fragment: every chapter came
 * with its heading and its sections cover at least half of the draft's section numbers.
 * Anything less (a section pasted without its chapter heading, a few sections under one) is a fragment.
 */
export function isWholeText(parsed: OrdinanceDocument, warnings: readonly ImportWarning[], draft: OrdinanceDocument): boolean {
  if (warnings.some((warning) => warning.reason.startsWith(CHAPTER_ASSUMED))) return false;
  const draftNumbers = new Set(allSections(draft).map((section) => section.number));
  if (draftNumbers.size === 0) return true;
  let covered = 0;
  for (const section of allSections(parsed)) if (draftNumbers.has(section.number)) covered++;
  return covered * 2 >= draftNumbers.size;
}

function blockIdsOf(sections: Iterable<Section>): Set<string> {
  const ids = new Set<string>();
  for (const section of sections) {
    ids.add(section.id);
    for (const block of section.blocks) ids.add(block.id);
  }
  return ids;
}

/** The section with ids that clash with `taken` made unique (a suffix), so the merged draft keeps ids unique. */
function withUniqueIds(section: Section, taken: Set<string>): Section {
  const unique = (id: string): string => {
    let candidate = id;
    for (let n = 2; taken.has(candidate); n++) candidate = `${id}-m${n}`;
    taken.add(candidate);
    return candidate;
  };
  const id = unique(section.id);
  let changed = id !== section.id;
  const blocks: Block[] = section.blocks.map((block) => {
    const blockId = unique(block.id);
    if (blockId === block.id) return block;
    changed = true;
    return { ...block, id: blockId };
  });
  return changed ? { ...section, id, blocks } : section;
}

/**
 * Merges `fragment` into `draft`: each fragment section replaces the draft section of the same
 * number in place, or, when the number is new, is inserted into its chapter before the first
 * section whose number is greater. Every other section, chapter and the title are kept as the
 * same values (byte-identical text). Throws FragmentError for an empty fragment, a number given
 * twice, or a section of a chapter the draft does not have.
 */
export function mergeFragment(draft: OrdinanceDocument, fragment: readonly Section[]): FragmentMerge {
  if (fragment.length === 0) throw new FragmentError("The text holds no section to merge.");
  const byNumber = new Map<string, Section>();
  for (const section of fragment) {
    if (byNumber.has(section.number)) throw new FragmentError(`Section ${section.number} appears twice in the text.`);
    byNumber.set(section.number, section);
  }
  const chapterNumbers = new Set(draft.chapters.map((chapter) => chapter.number));
  for (const section of fragment) {
    const chapter = chapterOfSection(section.number);
    if (!chapterNumbers.has(chapter)) {
      throw new FragmentError(`Section ${section.number} belongs to chapter ${chapter}, which the draft does not have (it has ${[...chapterNumbers].join(", ")}).`);
    }
  }
  const present = new Set(allSections(draft).map((section) => section.number));
  const replaced = fragment.filter((section) => present.has(section.number)).map((section) => section.number);
  const added = fragment.filter((section) => !present.has(section.number)).map((section) => section.number);
  const kept = allSections(draft).filter((section) => !byNumber.has(section.number));
  const taken = blockIdsOf(kept);
  const incoming = new Map<string, Section>();
  for (const section of fragment) incoming.set(section.number, withUniqueIds(section, taken));

  const chapters = draft.chapters.map((chapter): Chapter => {
    const news = added.filter((number) => chapterOfSection(number) === chapter.number).sort(compareSectionNumbers);
    const touches = news.length > 0 || chapter.sections.some((section) => byNumber.has(section.number));
    if (!touches) return chapter;
    const sections: Section[] = [];
    let next = 0;
    for (const section of chapter.sections) {
      while (next < news.length && compareSectionNumbers(news[next]!, section.number) < 0) sections.push(incoming.get(news[next++]!)!);
      sections.push(incoming.get(section.number) ?? section);
    }
    while (next < news.length) sections.push(incoming.get(news[next++]!)!);
    return { ...chapter, sections };
  });
  return { document: { ...draft, chapters }, replaced, added };
}

/** The confirmation line for a merge, e.g. "Replace 2-173-020, add 2-173-043". */
export function describeMerge(merge: Pick<FragmentMerge, "replaced" | "added">): string {
  const parts: string[] = [];
  if (merge.replaced.length > 0) parts.push(`replace ${merge.replaced.join(", ")}`);
  if (merge.added.length > 0) parts.push(`add ${merge.added.join(", ")}`);
  const line = parts.join(", ");
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/**
 * Reads a parsed proposed text against the draft: a whole chapter as it stands, or a fragment
 * merged into the draft (the importer's "chapter assumed" warnings are expected for a fragment
 * and dropped). Throws FragmentError as mergeFragment does.
 */
export function readProposedDocument(parsed: OrdinanceDocument, warnings: readonly ImportWarning[], draft: OrdinanceDocument): ProposedReading {
  if (isWholeText(parsed, warnings, draft)) return { kind: "chapter", document: parsed, warnings };
  const merge = mergeFragment(draft, allSections(parsed));
  // Only sections merge: an editor's note of the pasted chapter is said, not silently dropped.
  const notes = parsed.chapters.flatMap((chapter) => chapterNotes(chapter));
  const dropped: ImportWarning[] = notes.map((note) => ({ line: 0, text: note.text, reason: "the chapter's editor's note in the pasted text is not merged (only its sections are): edit the draft's own note if it should change" }));
  return { kind: "fragment", merge, warnings: [...warnings.filter((warning) => !warning.reason.startsWith(CHAPTER_ASSUMED)), ...dropped] };
}

/**
 * Parses a pasted or loaded proposed text (parseCodeText, so site furniture is skipped with
 * warnings) and reads it against the draft (readProposedDocument). Throws ImportError for text
 * with no section (an empty paste, furniture only) and FragmentError for a fragment that
 * cannot be merged.
 */
export function readProposedText(text: string, draft: OrdinanceDocument): ProposedReading {
  if (text.trim() === "") throw new ImportError(0, "the text is empty");
  const { document, warnings } = parseCodeText(text);
  return readProposedDocument(document, warnings, draft);
}
