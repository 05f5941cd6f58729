/**
 * Random edit scripts over model documents, for property tests and benchmarks: word
 * replacements, insertions and deletions, punctuation, paragraphs and sections added and
 * removed, renumbered and moved sections, changed catchlines. Every edit returns a new
 * document and leaves untouched sections as the same objects (as the editor does).
 */
import type { Block, Chapter, OrdinanceDocument, Paragraph, Section } from "../model/document";
import { sentence } from "./generateChapter";
import { Random } from "./random";
import { formatSectionNumber, sectionSerial } from "../numbers";

const NEW_WORDS = ["coercion", "threat", "intimidation", "deportation", "accountability", "complaint", "misconduct", "sworn", "officer", "residents", "people", "promptly", "written"];

type Edit = (doc: OrdinanceDocument, random: Random) => OrdinanceDocument;

function withChapter(doc: OrdinanceDocument, chapter: Chapter, sections: Section[]): OrdinanceDocument {
  return { ...doc, chapters: doc.chapters.map((c) => (c === chapter ? { ...c, sections } : c)) };
}

function pickSection(doc: OrdinanceDocument, random: Random): { chapter: Chapter; index: number } {
  const chapter = random.pick(doc.chapters);
  return { chapter, index: random.int(0, chapter.sections.length - 1) };
}

function replaceSection(doc: OrdinanceDocument, chapter: Chapter, index: number, section: Section): OrdinanceDocument {
  const sections = [...chapter.sections];
  sections[index] = section;
  return withChapter(doc, chapter, sections);
}

/** Applies `change` to the words of one random paragraph. */
function editWords(change: (words: string[], random: Random) => string[]): Edit {
  return (doc, random) => {
    const { chapter, index } = pickSection(doc, random);
    const section = chapter.sections[index]!;
    const candidates = section.blocks.map((block, i) => [block, i] as const).filter(([block]) => block.kind === "paragraph" && block.text.length > 0);
    if (candidates.length === 0) return doc;
    const [block, blockIndex] = random.pick(candidates);
    const words = change(block.text.split(" "), random);
    const text = words.join(" ").trim();
    if (text === "" || text === block.text) return doc;
    const blocks = [...section.blocks];
    blocks[blockIndex] = { ...(block as Paragraph), text };
    return replaceSection(doc, chapter, index, { ...section, blocks });
  };
}

const replaceWord = editWords((words, random) => {
  const at = random.int(0, words.length - 1);
  return words.map((word, i) => (i === at ? random.pick(NEW_WORDS) : word));
});
const insertWords = editWords((words, random) => {
  const at = random.int(0, words.length);
  const added = Array.from({ length: random.int(1, 3) }, () => random.pick(NEW_WORDS));
  return [...words.slice(0, at), ...added, ...words.slice(at)];
});
const deleteWords = editWords((words, random) => {
  const at = random.int(0, words.length - 1);
  return [...words.slice(0, at), ...words.slice(at + random.int(1, 3))];
});
const togglePunctuation = editWords((words, random) => {
  const at = random.int(0, Math.max(0, words.length - 2));
  return words.map((word, i) => (i !== at ? word : word.endsWith(",") ? word.slice(0, -1) : `${word},`));
});

const insertParagraph: Edit = (doc, random) => {
  const { chapter, index } = pickSection(doc, random);
  const section = chapter.sections[index]!;
  const at = random.int(0, Math.max(0, section.blocks.length - 1));
  const level = random.int(0, 2);
  const block: Block = { kind: "paragraph", id: `new-${random.int(0, 1e9)}`, enumerator: level ? `(${random.pick(["a", "1", "z", "9"])})` : null, level, text: sentence(random, random.int(6, 30)) };
  return replaceSection(doc, chapter, index, { ...section, blocks: [...section.blocks.slice(0, at), block, ...section.blocks.slice(at)] });
};

const deleteParagraph: Edit = (doc, random) => {
  const { chapter, index } = pickSection(doc, random);
  const section = chapter.sections[index]!;
  if (section.blocks.length < 2) return doc;
  const at = random.int(0, section.blocks.length - 1);
  return replaceSection(doc, chapter, index, { ...section, blocks: section.blocks.filter((_, i) => i !== at) });
};

/** A number strictly between two section numbers of one chapter, unused, or null. */
function numberBetween(chapter: Chapter, before: Section | undefined, after: Section | undefined, random: Random): string | null {
  const value = (section: Section | undefined, fallback: number) => (section ? sectionSerial(section.number) : fallback);
  const low = value(before, 0);
  const high = value(after, low + 20);
  if (high - low < 2) return null;
  const pick = random.int(low + 1, high - 1);
  const number = formatSectionNumber(chapter.number, pick);
  return chapter.sections.some((section) => section.number === number) ? null : number;
}

const insertSection: Edit = (doc, random) => {
  const { chapter, index } = pickSection(doc, random);
  const number = numberBetween(chapter, chapter.sections[index], chapter.sections[index + 1], random);
  if (!number) return doc;
  const id = `s-${number}`;
  const section: Section = {
    id, number, catchline: "Coercion prohibited.",
    blocks: [{ kind: "paragraph", id: `${id}-b0`, enumerator: null, level: 0, text: sentence(random, random.int(10, 40)) }],
  };
  const sections = [...chapter.sections];
  sections.splice(index + 1, 0, section);
  return withChapter(doc, chapter, sections);
};

const deleteSection: Edit = (doc, random) => {
  const { chapter, index } = pickSection(doc, random);
  if (chapter.sections.length < 2) return doc;
  return withChapter(doc, chapter, chapter.sections.filter((_, i) => i !== index));
};

const renumberSection: Edit = (doc, random) => {
  const { chapter, index } = pickSection(doc, random);
  const number = numberBetween(chapter, chapter.sections[index - 1], chapter.sections[index + 1], random);
  if (!number) return doc;
  return replaceSection(doc, chapter, index, { ...chapter.sections[index]!, number });
};

const moveSection: Edit = (doc, random) => {
  const { chapter, index } = pickSection(doc, random);
  if (chapter.sections.length < 3) return doc;
  const rest = chapter.sections.filter((_, i) => i !== index);
  const at = random.int(0, rest.length);
  if (at === index) return doc;
  const number = numberBetween({ ...chapter, sections: rest }, rest[at - 1], rest[at], random);
  if (!number) return doc;
  const sections = [...rest.slice(0, at), { ...chapter.sections[index]!, number }, ...rest.slice(at)];
  return withChapter(doc, chapter, sections);
};

const changeCatchline: Edit = (doc, random) => {
  const { chapter, index } = pickSection(doc, random);
  const section = chapter.sections[index]!;
  return replaceSection(doc, chapter, index, { ...section, catchline: `${random.pick(NEW_WORDS)} ${section.catchline.toLowerCase()}` });
};

const EDITS: ReadonlyArray<[Edit, number]> = [
  [replaceWord, 6], [insertWords, 5], [deleteWords, 5], [togglePunctuation, 2], [insertParagraph, 2],
  [deleteParagraph, 2], [insertSection, 1], [deleteSection, 1], [renumberSection, 1], [moveSection, 1], [changeCatchline, 1],
];
const TOTAL_WEIGHT = EDITS.reduce((sum, [, weight]) => sum + weight, 0);

/** One random edit, chosen by weight. */
export function randomEdit(doc: OrdinanceDocument, random: Random): OrdinanceDocument {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const [edit, weight] of EDITS) {
    roll -= weight;
    if (roll < 0) return edit(doc, random);
  }
  return doc;
}

/** A document after `count` random edits from `seed`. */
export function randomlyEdited(doc: OrdinanceDocument, seed: number, count: number): OrdinanceDocument {
  const random = new Random(seed);
  let edited = doc;
  for (let i = 0; i < count; i++) edited = randomEdit(edited, random);
  return edited;
}

/** The document with a word edit in about `share` of its paragraphs (for benchmarks). */
export function scatteredWordEdits(doc: OrdinanceDocument, seed: number, share: number): OrdinanceDocument {
  const random = new Random(seed);
  const edits = [replaceWord, insertWords, deleteWords];
  const editParagraph = (section: Section, index: number): Section => {
    const single: OrdinanceDocument = { title: null, chapters: [{ id: "c", number: "0-0", title: "", toc: [], sections: [{ ...section, blocks: [section.blocks[index]!] }] }] };
    const edited = random.pick(edits)(single, random).chapters[0]!.sections[0]!.blocks[0]!;
    return { ...section, blocks: section.blocks.map((block, i) => (i === index ? edited : block)) };
  };
  return {
    ...doc,
    chapters: doc.chapters.map((chapter) => ({
      ...chapter,
      sections: chapter.sections.map((section) => {
        let edited = section;
        section.blocks.forEach((block, index) => {
          if (block.kind === "paragraph" && random.chance(share)) edited = editParagraph(edited, index);
        });
        return edited;
      }),
    })),
  };
}

/** An amended copy for benchmarks: scattered word edits (about 2% of words), then structural edits. */
export function amendedSample(base: OrdinanceDocument, seed: number): OrdinanceDocument {
  const random = new Random(seed);
  let draft = scatteredWordEdits(base, seed, 0.3);
  for (let i = 0; i < 12; i++) draft = randomEdit(draft, random);
  return draft;
}
