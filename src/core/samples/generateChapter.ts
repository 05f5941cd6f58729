/**
 * Generates legal-style chapters of a chosen size for property tests and benchmarks:
 * numbered sections with gaps, (a)/(1)/(A)/(i) nesting, definitions, citations, money and
 * history notes. Output is a model document that obeys the importer's invariants, so its
 * canonical text parses back to the same model.
 */
import {
  blockId, chapterId, sectionId,
  type Block, type Chapter, type OrdinanceDocument, type Section,
} from "../model/document";
import { formatSectionNumber } from "../numbers";
import { Random } from "./random";

const WORDS = (
  "agency agent person City department officer shall may not any every other federal state law " +
  "immigration status citizenship enforcement action detain arrest request information disclose " +
  "benefit service opportunity warrant court order criminal civil violation provision chapter " +
  "section subsection pursuant thereto hereunder applicable including without limitation upon " +
  "notice written consent guardian minor employee contractor volunteer facility premises record " +
  "report complaint investigation finding discipline council commissioner license permit fee"
).split(" ");
const CONNECTORS = ["the", "of", "and", "or", "to", "in", "for", "by", "with", "a", "an", "such", "that", "which"];
const CITATIONS = ["Section 2-173-030(a)", "8 U.S.C. 1373", "8 U.S.C. 1357(g)", "Chapter 2-78", "Section 2-173-042(b)(2)", "$2,000.00", "$500.00", "fire-fighting", "City's", "30 days", "5 ILCS 140/7"];
const CATCHLINE_WORDS = ["Definitions", "Purpose and intent", "Applicability", "Prohibited acts", "Reporting requirements", "Enforcement", "Penalties", "Exceptions", "Records", "Complaints", "Severability", "Rules and regulations"];
const ALPHA = "abcdefghijklmnopqrstuvwxyz";
const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"];

/** One sentence of legal-looking words, ending with `end`. */
export function sentence(random: Random, words: number, end = "."): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    const roll = random.next();
    if (roll < 0.05) parts.push(random.pick(CITATIONS));
    else if (roll < 0.4) parts.push(random.pick(CONNECTORS));
    else parts.push(random.pick(WORDS));
    if (i > 2 && i < words - 2 && random.chance(0.06)) parts[parts.length - 1] += ",";
  }
  const text = parts.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1) + end;
}

function enumerator(level: number, index: number): string {
  switch (level % 4) {
    case 1: return `(${ALPHA[index % 26]!.repeat(1 + Math.floor(index / 26))})`;
    case 2: return `(${index + 1})`;
    case 3: return `(${ALPHA[index % 26]!.toUpperCase().repeat(1 + Math.floor(index / 26))})`;
    default: return `(${ROMAN[index % ROMAN.length]})`;
  }
}

function historyNote(random: Random): string {
  const year = random.int(6, 21);
  return `(Added Coun. J. ${random.int(1, 12)}-${random.int(1, 28)}-${String(year).padStart(2, "0")}, p. ${random.int(1000, 99999)}, § ${random.int(1, 4)})`;
}

/** Blocks of one section: optional body text, then a nested list, then the history note. */
export function sectionBlocks(random: Random, id: string, blockCount: number): Block[] {
  const blocks: Block[] = [];
  const push = (enumeratorText: string | null, level: number, text: string) =>
    blocks.push({ kind: "paragraph", id: blockId(id, blocks.length), enumerator: enumeratorText, level, text });
  if (blockCount <= 2 || random.chance(0.3)) push(null, 0, sentence(random, random.int(12, 40)));
  const counters = [0, 0, 0, 0, 0];
  let level = 1;
  while (blocks.length < blockCount - 1) {
    push(enumerator(level, counters[level]!), level, sentence(random, random.int(8, 45), random.chance(0.2) ? ":" : "."));
    counters[level]! += 1;
    const roll = random.next();
    if (roll < 0.3 && level < 4 && counters[level]! < 8) {
      level += 1;
      counters[level] = 0;
    } else if (roll < 0.55 && level > 1) {
      level -= 1;
    }
    if (counters[level]! >= (level === 4 ? ROMAN.length : 26)) level = Math.max(1, level - 1);
  }
  blocks.push({ kind: "history", id: blockId(id, blocks.length), text: historyNote(random) });
  return blocks;
}

/** A catchline such as "Penalties." or "Records – permit.". */
export function catchline(random: Random): string {
  return `${random.pick(CATCHLINE_WORDS)}${random.chance(0.3) ? ` – ${random.pick(WORDS)}` : ""}.`;
}

/** A chapter of roughly `targetBytes` of canonical text, reproducible from `seed`. */
export function generateChapter(seed: number, targetBytes: number, chapterNumber = "2-173", title = "GENERATED CHAPTER FOR TESTING"): Chapter {
  const random = new Random(seed);
  const sections: Section[] = [];
  let size = 0;
  let number = 0;
  while (size < targetBytes || sections.length === 0) {
    number += random.pick([5, 10, 10, 10, 2]);
    const sectionNumber = formatSectionNumber(chapterNumber, number);
    const id = sectionId(sectionNumber);
    const blocks = sectionBlocks(random, id, random.int(2, 14));
    sections.push({ id, number: sectionNumber, catchline: catchline(random), blocks });
    size += blocks.reduce((sum, block) => sum + block.text.length + 12, 40);
  }
  const toc = sections.map(({ number: entryNumber, catchline }) => ({ number: entryNumber, catchline }));
  return { id: chapterId(chapterNumber), number: chapterNumber, title, toc, sections };
}

const CHAPTER_TITLES = ["WELCOMING CITY ORDINANCE", "ETHICS", "PUBLIC RECORDS", "HUMAN RIGHTS", "PROCUREMENT", "BOARD OF ETHICS", "OFFICE OF INSPECTOR GENERAL", "COMMISSION ON HUMAN RELATIONS"];

/** The chapter number used for the `index`-th chapter of a generated title: 2-150, 2-154, … (gaps left for new chapters). */
export function titleChapterNumber(index: number): string {
  return `2-${150 + 4 * index}`;
}

/**
 * A title of `chapters` chapters (numbered 2-150, 2-154, …) of roughly `targetBytes` in all,
 * under a TITLE 2 heading, reproducible from `seed`.
 */
export function generateTitle(seed: number, targetBytes: number, chapters: number): OrdinanceDocument {
  const list = Array.from({ length: chapters }, (_, index) =>
    generateChapter(seed * 131 + index, Math.ceil(targetBytes / chapters), titleChapterNumber(index), CHAPTER_TITLES[(seed + index) % CHAPTER_TITLES.length]!));
  return { title: { number: "2", name: "CITY GOVERNMENT AND ADMINISTRATION" }, chapters: list };
}

/** A one-chapter document of roughly `targetBytes`. */
export function generateDocument(seed: number, targetBytes: number): OrdinanceDocument {
  return { title: null, chapters: [generateChapter(seed, targetBytes)] };
}
