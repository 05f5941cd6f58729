/**
 * Structural edit scripts over model documents, for property tests, goldens and benchmarks:
 * a section inserted with every later section shifted up one number, every section
 * renumbered, a chapter added, repealed or renumbered, a section moved within or between
 * chapters. Each edit returns a new document; untouched sections stay the same objects, a
 * renumbered or moved section keeps its id and its blocks' ids (so a benchmark can pair it by
 * id), and every chapter's contents list follows its sections, as the Code prints it.
 */
import { blockId, type Chapter, type OrdinanceDocument, type Section } from "../model/document";
import { randomEdit } from "./editScripts";
import { catchline, generateChapter, sectionBlocks } from "./generateChapter";
import { Random } from "./random";
import { formatSectionNumber, parseChapterNumber, sectionSerial, titleOfNumber } from "../numbers";

export type StructuralEdit = (doc: OrdinanceDocument, random: Random) => OrdinanceDocument;

/** An id no generated or imported section uses (reproducible from the random state). */
function freshId(random: Random): string {
  return `s-new-${random.int(0, 1e9)}`;
}

/** The chapter with these sections and the contents list that follows them. */
export function withSections(chapter: Chapter, sections: readonly Section[]): Chapter {
  return { ...chapter, sections, toc: sections.map((section) => ({ number: section.number, catchline: section.catchline })) };
}

function replaceChapter(doc: OrdinanceDocument, index: number, chapter: Chapter): OrdinanceDocument {
  return { ...doc, chapters: doc.chapters.map((each, i) => (i === index ? chapter : each)) };
}


/** A section number of the chapter strictly between two serials, unused, or null. */
function numberBetween(chapter: Chapter, low: number, high: number, random: Random): string | null {
  if (high - low < 2) return null;
  const number = formatSectionNumber(chapter.number, random.int(low + 1, high - 1));
  return chapter.sections.some((section) => section.number === number) ? null : number;
}

/** A new generated section with this number. */
export function newSection(random: Random, number: string): Section {
  const id = freshId(random);
  return { id, number, catchline: catchline(random), blocks: sectionBlocks(random, id, random.int(2, 6)) };
}

/** The section renumbered, same id and blocks. */
function renumbered(section: Section, number: string): Section {
  return section.number === number ? section : { ...section, number };
}

/**
 * A new section inserted at position `at` of the chapter: it takes the number of the section
 * that stood there, and that section and every later one take the next one's number (the last
 * takes its own plus ten).
 */
export function insertAndShiftAt(doc: OrdinanceDocument, chapterIndex: number, at: number, random: Random): OrdinanceDocument {
  const chapter = doc.chapters[chapterIndex]!;
  const old = chapter.sections;
  if (old.length === 0) return doc;
  const position = Math.min(at, old.length - 1);
  const numbers = old.map((section) => section.number);
  const shifted = old.map((section, i) => {
    if (i < position) return section;
    const next = numbers[i + 1] ?? formatSectionNumber(chapter.number, sectionSerial(numbers[i]!) + 10);
    return renumbered(section, next);
  });
  const added = newSection(random, numbers[position]!);
  return replaceChapter(doc, chapterIndex, withSections(chapter, [...shifted.slice(0, position), added, ...shifted.slice(position)]));
}

/** Insert-and-shift in a random chapter at a random place. */
export const insertAndShift: StructuralEdit = (doc, random) => {
  const chapterIndex = random.int(0, doc.chapters.length - 1);
  return insertAndShiftAt(doc, chapterIndex, random.int(0, doc.chapters[chapterIndex]!.sections.length - 1), random);
};

/** One new section per chapter, inserted near the middle, every later section shifted up one number. */
export function insertAndShiftEveryChapter(doc: OrdinanceDocument, seed: number): OrdinanceDocument {
  const random = new Random(seed);
  let edited = doc;
  for (let c = 0; c < doc.chapters.length; c++) {
    const count = doc.chapters[c]!.sections.length;
    edited = insertAndShiftAt(edited, c, random.int(Math.floor(count / 4), Math.floor((3 * count) / 4)), random);
  }
  return edited;
}

/** Every section of every chapter renumbered in steps of five (many new numbers are old ones). */
export function renumberAll(doc: OrdinanceDocument): OrdinanceDocument {
  return {
    ...doc,
    chapters: doc.chapters.map((chapter) => withSections(chapter, chapter.sections.map((section, i) => renumbered(section, formatSectionNumber(chapter.number, 5 * (i + 1)))))),
  };
}

/** A chapter number between the neighbours at `index - 1` and `index`, unused, or null. */
function chapterNumberBetween(doc: OrdinanceDocument, index: number, random: Random): string | null {
  const titlePart = titleOfNumber(doc.chapters[0]?.number ?? "2-150");
  const value = (i: number, fallback: number) => {
    const chapter = doc.chapters[i];
    return chapter ? parseChapterNumber(chapter.number)?.serial ?? fallback : fallback;
  };
  const low = value(index - 1, 100);
  const high = value(index, low + 8);
  if (high - low < 2) return null;
  return `${titlePart}-${random.int(low + 1, high - 1)}`;
}

/** A generated chapter added between two chapters (or at the end). */
export const addChapter: StructuralEdit = (doc, random) => {
  const index = random.int(0, doc.chapters.length);
  const number = chapterNumberBetween(doc, index, random);
  if (!number) return doc;
  const chapter = generateChapter(random.int(0, 1e9), random.int(600, 2500), number, "NEW PROVISIONS");
  return { ...doc, chapters: [...doc.chapters.slice(0, index), chapter, ...doc.chapters.slice(index)] };
};

/** A chapter repealed (when more than one is left). */
export const repealChapter: StructuralEdit = (doc, random) => {
  if (doc.chapters.length < 2) return doc;
  const index = random.int(0, doc.chapters.length - 1);
  return { ...doc, chapters: doc.chapters.filter((_, i) => i !== index) };
};

/** A chapter given a new number between its neighbours; its sections take the new prefix. */
export const renumberChapter: StructuralEdit = (doc, random) => {
  const index = random.int(0, doc.chapters.length - 1);
  const chapter = doc.chapters[index]!;
  const rest = { ...doc, chapters: doc.chapters.filter((_, i) => i !== index) };
  const number = chapterNumberBetween(rest, index, random);
  if (!number || number === chapter.number) return doc;
  const sections = chapter.sections.map((section) => renumbered(section, formatSectionNumber(number, sectionSerial(section.number))));
  return replaceChapter(doc, index, withSections({ ...chapter, number }, sections));
};

/** Puts `section` into chapter `index` at a place and number that keep the chapter in order, or null. */
function placed(chapter: Chapter, section: Section, random: Random): Section[] | null {
  const at = random.int(0, chapter.sections.length);
  const low = at > 0 ? sectionSerial(chapter.sections[at - 1]!.number) : 0;
  const high = at < chapter.sections.length ? sectionSerial(chapter.sections[at]!.number) : low + 20;
  const number = numberBetween(chapter, low, high, random);
  if (!number) return null;
  return [...chapter.sections.slice(0, at), renumbered(section, number), ...chapter.sections.slice(at)];
}

/** A section moved to another place in its chapter and numbered to fit there. */
export const moveWithinChapter: StructuralEdit = (doc, random) => {
  const index = random.int(0, doc.chapters.length - 1);
  const chapter = doc.chapters[index]!;
  if (chapter.sections.length < 3) return doc;
  const from = random.int(0, chapter.sections.length - 1);
  const rest = withSections(chapter, chapter.sections.filter((_, i) => i !== from));
  const sections = placed(rest, chapter.sections[from]!, random);
  if (!sections || sections.every((section, i) => section === chapter.sections[i])) return doc;
  return replaceChapter(doc, index, withSections(chapter, sections));
};

/** A section moved into another chapter, numbered to fit there. */
export const moveBetweenChapters: StructuralEdit = (doc, random) => {
  if (doc.chapters.length < 2) return doc;
  const fromIndex = random.int(0, doc.chapters.length - 1);
  const toIndex = (fromIndex + random.int(1, doc.chapters.length - 1)) % doc.chapters.length;
  const source = doc.chapters[fromIndex]!;
  if (source.sections.length < 2) return doc;
  const from = random.int(0, source.sections.length - 1);
  const sections = placed(doc.chapters[toIndex]!, source.sections[from]!, random);
  if (!sections) return doc;
  const edited = replaceChapter(doc, fromIndex, withSections(source, source.sections.filter((_, i) => i !== from)));
  return replaceChapter(edited, toIndex, withSections(doc.chapters[toIndex]!, sections));
};

/** A section with its blocks' ids renewed (as when a section is typed afresh). */
export function withFreshIds(section: Section, random: Random): Section {
  const id = freshId(random);
  return { ...section, id, blocks: section.blocks.map((block, i) => ({ ...block, id: blockId(id, i) })) };
}

const STRUCTURAL: ReadonlyArray<[StructuralEdit, number]> = [
  [insertAndShift, 3], [addChapter, 1], [repealChapter, 1], [renumberChapter, 1], [moveWithinChapter, 2], [moveBetweenChapters, 2],
  [(doc) => renumberAll(doc), 1],
];
const STRUCTURAL_WEIGHT = STRUCTURAL.reduce((sum, [, weight]) => sum + weight, 0);

/** One random structural edit, chosen by weight. */
export function randomStructuralEdit(doc: OrdinanceDocument, random: Random): OrdinanceDocument {
  let roll = random.next() * STRUCTURAL_WEIGHT;
  for (const [edit, weight] of STRUCTURAL) {
    roll -= weight;
    if (roll < 0) return edit(doc, random);
  }
  return doc;
}

/** A document after `count` random edits from `seed`, about one in three structural, the rest word and paragraph edits. */
export function randomlyRestructured(doc: OrdinanceDocument, seed: number, count: number): OrdinanceDocument {
  const random = new Random(seed);
  let edited = doc;
  for (let i = 0; i < count; i++) edited = random.chance(0.35) ? randomStructuralEdit(edited, random) : randomEdit(edited, random);
  return edited;
}
