/**
 * Finding the citations in a document's text: "Section 2-173-042", "Sections 2-173-020 and
 * 2-173-030", "2-173-030(a)(2)", "subsection (c) of this section", "paragraph (1) of
 * subsection (a)", "subsection (a) of Section 2-173-042", "this chapter", "Chapter 2-173",
 * "Article II of this chapter". History notes are not read (their Journal citations, such as
 * "Coun. J. 3-29-06, p. 74325", record the past), and dates and money never read as citations.
 */
import type { OrdinanceDocument, Paragraph, Section } from "../model/document";
import { CHAPTER_NUMBER_SOURCE, SECTION_NUMBER_SOURCE, chapterOfSection, parseSectionNumber } from "../numbers";
import { ancestorLabels } from "./paths";
import { sectionCitations, sectionStarts, shiftCitation } from "./sectionCitations";

/** A stretch of the document's canonical text. */
export interface TextSpan {
  readonly from: number;
  readonly to: number;
}

/** What a citation points at. `path` lists enumerator labels without parentheses: ["a", "2"] for (a)(2). */
export type CitedTarget =
  | { readonly kind: "section"; readonly section: string; readonly path: readonly string[] }
  | { readonly kind: "chapter"; readonly chapter: string }
  | { readonly kind: "article"; readonly article: string; readonly chapter: string };

/** How the citation is written. */
export type CitationForm = "section" | "relative" | "chapter" | "this-chapter" | "article";

/** One citation found in a paragraph. */
export interface Citation {
  /** Number of the section whose text cites. */
  readonly citingSection: string;
  /** Id of the paragraph that cites. */
  readonly blockId: string;
  readonly form: CitationForm;
  readonly target: CitedTarget;
  /** The citation's words in the canonical text ("subsection (c) of this section"). */
  readonly span: TextSpan;
  readonly text: string;
  /** Where the cited section's number is written, when it is. */
  readonly numberSpan: TextSpan | null;
  /** For each label of `target.path`, where it is written ("(c)", parentheses included), or null when the context supplies it. */
  readonly labelSpans: readonly (TextSpan | null)[];
}

const LABEL = String.raw`\([A-Za-z0-9]{1,4}\)`;
const LEVEL_WORD = String.raw`(?:sub)?sections?|(?:sub)?paragraphs?|items?|clauses?`;
const LABELS = String.raw`(?:${LABEL})+`;
const LIST_JOIN = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|through)\s+)`;
/** "subsections (a)(1) and (b)": a level word and a list of label runs. */
const LEVEL_PHRASE = new RegExp(String.raw`\b(${LEVEL_WORD})\s+(${LABELS}(?:${LIST_JOIN}${LABELS})*)`, "giy");
const LEVEL_START = new RegExp(String.raw`\b(?:${LEVEL_WORD})\s+${LABEL}`, "gi");
const OF = /\s+of\s+/y;
const THIS_UNIT = /this\s+(section|subsection|paragraph|subparagraph|item|clause)\b/iy;
const SECTION_ANCHOR = new RegExp(String.raw`Section\s+(${SECTION_NUMBER_SOURCE})(?![\w-])`, "iy");
const SECTION_CITATION = new RegExp(String.raw`(?<![\w.-])(${SECTION_NUMBER_SOURCE})((?:${LABEL})*)(?![\w-])`, "g");
const CHAPTER_CITATION = new RegExp(String.raw`\bChapter\s+(${CHAPTER_NUMBER_SOURCE})(?![\w-])`, "gi");
const ARTICLE_CITATION = /\bArticle\s+([IVXLC]+|\d+)\s+of\s+this\s+chapter\b/g;
const THIS_CHAPTER = /\bthis\s+chapter\b/gi;

/** Depth of the level a word names: subsection 1, paragraph 2, subparagraph 3, item or clause 4. */
function levelOf(word: string): number {
  const plain = word.toLowerCase().replace(/s$/, "");
  if (plain === "subsection" || plain === "section") return 1;
  if (plain === "paragraph") return 2;
  if (plain === "subparagraph") return 3;
  return 4;
}

function labelsIn(text: string, offset: number): Array<{ label: string; span: TextSpan }> {
  const found: Array<{ label: string; span: TextSpan }> = [];
  for (const match of text.matchAll(new RegExp(LABEL, "g"))) {
    found.push({ label: match[0].slice(1, -1), span: { from: offset + match.index, to: offset + match.index + match[0].length } });
  }
  return found;
}

/** A paragraph to read citations from: its section, its labels, its words and where they start. */
export interface Context {
  readonly section: Section;
  readonly paragraph: Paragraph;
  /** The labels of the paragraph and its ancestors, outermost first. */
  readonly own: readonly string[];
  readonly words: string;
  /** Offset of `words` in the canonical text. */
  readonly base: number;
}

/** The citations of one paragraph's words. */
export function paragraphCitations(context: Context): Citation[] {
  const { words, base, section, paragraph } = context;
  const found: Citation[] = [];
  const taken: TextSpan[] = [];
  const free = (from: number, to: number) => taken.every((span) => to <= span.from || from >= span.to);
  const make = (form: CitationForm, target: CitedTarget, from: number, to: number, numberSpan: TextSpan | null, labelSpans: readonly (TextSpan | null)[]): Citation => ({
    citingSection: section.number, blockId: paragraph.id, form, target,
    span: { from: base + from, to: base + to }, text: words.slice(from, to), numberSpan, labelSpans,
  });

  for (const start of words.matchAll(LEVEL_START)) {
    if (!free(start.index, start.index + 1)) continue;
    const chain = readChain(words, start.index);
    if (!chain) continue;
    taken.push({ from: start.index, to: chain.end });
    const anchor = chain.anchor;
    const anchorSection = anchor.kind === "section" ? anchor.number : section.number;
    let prefix: Array<{ label: string; span: TextSpan | null }> = [];
    if (anchor.kind !== "section") {
      // "this subsection" keeps the citing paragraph's first label; no anchor keeps those above the outermost level named.
      const depth = anchor.kind === "this" ? anchor.level : chain.links[chain.links.length - 1]!.level - 1;
      if (context.own.length < depth) continue;
      prefix = context.own.slice(0, depth).map((label) => ({ label, span: null }));
    }
    // The outer links (all but the first) name one label run each: the ancestors of the first link's list.
    for (let i = chain.links.length - 1; i >= 1; i--) {
      for (const item of chain.links[i]!.runs[0]!) prefix.push({ label: item.label, span: { from: base + item.span.from, to: base + item.span.to } });
    }
    for (const run of chain.links[0]!.runs) {
      const path = [...prefix, ...run.map((item) => ({ label: item.label, span: { from: base + item.span.from, to: base + item.span.to } }))];
      const numberSpan = anchor.kind === "section" ? { from: base + anchor.span.from, to: base + anchor.span.to } : null;
      found.push(make(anchor.kind === "section" ? "section" : "relative", { kind: "section", section: anchorSection, path: path.map((item) => item.label) },
        start.index, chain.end, numberSpan, path.map((item) => item.span)));
    }
  }
  for (const match of words.matchAll(SECTION_CITATION)) {
    const from = match.index;
    const to = from + match[0].length;
    if (!free(from, to) || !parseSectionNumber(match[1]!)) continue;
    const labels = labelsIn(match[2]!, from + match[1]!.length);
    found.push(make("section", { kind: "section", section: match[1]!, path: labels.map((item) => item.label) }, from, to,
      { from: base + from, to: base + from + match[1]!.length }, labels.map((item) => ({ from: base + item.span.from, to: base + item.span.to }))));
  }
  for (const match of words.matchAll(ARTICLE_CITATION)) {
    taken.push({ from: match.index, to: match.index + match[0].length });
    found.push(make("article", { kind: "article", article: match[1]!, chapter: chapterOfSection(section.number) }, match.index, match.index + match[0].length, null, []));
  }
  for (const match of words.matchAll(CHAPTER_CITATION)) {
    found.push(make("chapter", { kind: "chapter", chapter: match[1]! }, match.index, match.index + match[0].length, null, []));
  }
  for (const match of words.matchAll(THIS_CHAPTER)) {
    if (!free(match.index, match.index + match[0].length)) continue;
    found.push(make("this-chapter", { kind: "chapter", chapter: chapterOfSection(section.number) }, match.index, match.index + match[0].length, null, []));
  }
  return found.sort((x, y) => x.span.from - y.span.from || x.span.to - y.span.to);
}

interface Link {
  readonly level: number;
  /** The label runs of the list: "(a)(1) and (b)" → [[a, 1], [b]]. */
  readonly runs: ReadonlyArray<ReadonlyArray<{ label: string; span: TextSpan }>>;
}

type Anchor =
  | { readonly kind: "none" }
  | { readonly kind: "this"; readonly level: number }
  | { readonly kind: "section"; readonly number: string; readonly span: TextSpan };

/** Reads "subsection (a) of Section 2-173-042" from `at`: its links innermost first, what anchors it, and where it ends. */
function readChain(words: string, at: number): { links: Link[]; anchor: Anchor; end: number } | null {
  const links: Link[] = [];
  let position = at;
  let anchor: Anchor = { kind: "none" };
  for (;;) {
    LEVEL_PHRASE.lastIndex = position;
    const phrase = LEVEL_PHRASE.exec(words);
    if (!phrase) break;
    const listFrom = position + phrase[0].length - phrase[2]!.length;
    const runs = phrase[2]!.split(new RegExp(LIST_JOIN)).filter((part) => part.startsWith("(")).map(() => [] as Array<{ label: string; span: TextSpan }>);
    let run = -1;
    let last = -1;
    for (const item of labelsIn(phrase[2]!, listFrom)) {
      if (item.span.from !== last) run += 1;
      runs[Math.min(run, runs.length - 1)]!.push(item);
      last = item.span.to;
    }
    links.push({ level: levelOf(phrase[1]!), runs });
    position = LEVEL_PHRASE.lastIndex;
    OF.lastIndex = position;
    if (!OF.exec(words)) break;
    const afterOf = OF.lastIndex;
    THIS_UNIT.lastIndex = afterOf;
    const self = THIS_UNIT.exec(words);
    if (self) {
      anchor = { kind: "this", level: self[1]!.toLowerCase() === "section" ? 0 : levelOf(self[1]!) };
      position = THIS_UNIT.lastIndex;
      break;
    }
    SECTION_ANCHOR.lastIndex = afterOf;
    const cited = SECTION_ANCHOR.exec(words);
    if (cited && parseSectionNumber(cited[1]!)) {
      const from = afterOf + cited[0].length - cited[1]!.length;
      anchor = { kind: "section", number: cited[1]!, span: { from, to: from + cited[1]!.length } };
      position = SECTION_ANCHOR.lastIndex;
      break;
    }
    LEVEL_PHRASE.lastIndex = afterOf;
    if (!LEVEL_PHRASE.exec(words)) break;
    position = afterOf;
  }
  return links.length ? { links, anchor, end: position } : null;
}

/**
 * Every citation in the document's paragraphs, in text order, with canonical-text offsets (the
 * offsets of `layoutCanonical(document).text`, so `fromB/toB` when the document is a draft).
 * A relative citation ("paragraph (1)") takes the labels it leaves out from the citing
 * paragraph's place; one that cannot (cited from outside any subsection) is left out. Each
 * section's citations are found once per section value (see `sectionCitations`), so a document
 * that shares most sections with an earlier one costs only its changed sections.
 */
export function citations(document: OrdinanceDocument): Citation[] {
  const result: Citation[] = [];
  for (const { section, start } of sectionStarts(document)) {
    for (const citation of sectionCitations(section).list) result.push(shiftCitation(citation, start));
  }
  return result;
}
