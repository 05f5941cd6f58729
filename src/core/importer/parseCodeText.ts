/**
 * The Municipal Code importer: plain text as copied from the online Code (or saved from a
 * Word file) → an OrdinanceDocument. It either returns a whole document with warnings for
 * what it skipped, or throws an ImportError naming the line and the reason. It never returns
 * a partial chapter.
 */
import {
  blockId, chapterId, chapterNoteId, sectionId,
  type Block, type Chapter, type CodeTitle, type OrdinanceDocument, type Section, type TocEntry,
} from "../model/document";
import { NestingInference } from "../model/enumerators";
import { ClassifiedLines } from "./classifiedLines";
import { classifyLine, endsClause, excerpt, listedHeading, looksLikeCatchline, looksLikeChapterTitle, withoutFootnoteStar, type LineKind } from "./lineKinds";
import { looksBinary, toSourceLines, type SourceLine } from "./normalize";
import { chapterOfSection } from "../numbers";
import { settleUnnumberedLevels, type PendingBlock } from "./unnumberedLevels";
import { sectionWarnings } from "./sectionChecks";

/** The reason the importer gives when a section comes with no chapter heading before it (a fragment). */
export const CHAPTER_ASSUMED = "no chapter heading before this section; chapter";

/** Something the importer skipped or assumed, with the input line it concerns. */
export interface ImportWarning {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

/** Input the importer cannot make sense of. `line` is 1-based, or 0 for the input as a whole. */
export class ImportError extends Error {
  constructor(readonly line: number, readonly reason: string) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
    this.name = "ImportError";
  }
}

export interface ImportResult {
  readonly document: OrdinanceDocument;
  readonly warnings: readonly ImportWarning[];
}

export interface ImportOptions {
  /** Inputs longer than this many characters are refused (default 50 million). */
  readonly maxLength?: number;
}

interface SectionDraft {
  readonly number: string;
  readonly catchline: string;
  readonly line: number;
  readonly blocks: PendingBlock[];
  readonly nesting: NestingInference;
  /** Whether the section's lines carry indentation worth reading (not all at one column). */
  readonly indented: boolean;
}

interface ChapterDraft {
  readonly number: string;
  title: string;
  readonly line: number;
  /** Contents lines so far; `afterBlank` when a blank line stood before one (a heading's place, not a contents line's). */
  readonly toc: (TocEntry & { line: number; afterBlank: boolean })[];
  /** The numbers in `toc` and of the sections read: lookups in constant time, so parsing is linear in sections. */
  readonly listed: Set<string>;
  readonly read: Set<string>;
  readonly sections: Section[];
  /** The chapter's editor's notes: those read before its first section. */
  readonly notes: Array<{ line: SourceLine; text: string }>;
  /** "toc" until the first section's text is seen. */
  phase: "toc" | "body";
}

/**
 * Parses Municipal Code text. Plan: clean each line (quotes, spaces, CRLF), drop page
 * furniture with a warning, classify the rest, then run a small state machine — title →
 * chapter → table of contents → sections → blocks. A heading line in the table-of-contents
 * phase is a contents entry until text follows it or its number repeats; plain lines continue
 * the previous paragraph only when that paragraph has not ended its clause.
 */
export function parseCodeText(input: string, options: ImportOptions = {}): ImportResult {
  const maxLength = options.maxLength ?? 50_000_000;
  if (input.length > maxLength) {
    throw new ImportError(0, `the text is too long (${input.length} characters; the limit is ${maxLength})`);
  }
  if (looksBinary(input)) throw new ImportError(0, "this is not plain text (it contains binary data)");
  const reader = new CodeTextReader();
  reader.readAll(toSourceLines(input));
  return reader.finish();
}

class CodeTextReader {
  private title: CodeTitle | null = null;
  private readonly chapters: Chapter[] = [];
  private chapter: ChapterDraft | null = null;
  private section: SectionDraft | null = null;
  private readonly warnings: ImportWarning[] = [];
  private previousBlank = true;
  /** Editor's notes read before any chapter heading (a fragment): notes of the chapter that opens next. */
  private notesBeforeChapter: ChapterDraft["notes"] = [];
  private lines: SourceLine[] = [];
  private classified = new ClassifiedLines([]);
  private index = 0;

  readAll(lines: SourceLine[]): void {
    this.lines = lines;
    this.classified = new ClassifiedLines(lines);
    for (this.index = 0; this.index < lines.length; this.index++) {
      const line = lines[this.index]!;
      if (line.text === "") { this.previousBlank = true; continue; }
      const furniture = this.classified.furniture(this.index);
      if (furniture) {
        this.warnings.push({ line: line.lineNumber, text: line.text, reason: `skipped ${furniture}` });
        this.previousBlank = true;
        continue;
      }
      const kind = this.joinedHeading(line) ?? this.inContext(this.classified.take(this.index), line.text);
      if (!this.chapter && kind.kind === "text") {
        // Site lines before the first heading (navigation, search boxes, the site's name).
        this.warnings.push({ line: line.lineNumber, text: line.text, reason: "skipped a line before the first heading" });
        this.previousBlank = true;
        continue;
      }
      if (kind.kind === "text" && this.isNextPageTop()) {
        this.warnings.push({ line: line.lineNumber, text: line.text, reason: "skipped a site line between chapters" });
        this.previousBlank = true;
        continue;
      }
      this.readLine(line, kind);
      this.previousBlank = false;
    }
  }

  /**
   * Whether the current line, after a section's history note, is among the site lines at the top
   * of the next chapter's page (chapters copied one after another): short lines that end no
   * sentence, up to a chapter or title heading within a few lines.
   */
  private isNextPageTop(): boolean {
    const last = this.section?.blocks[this.section.blocks.length - 1];
    if (last?.block.kind !== "history") return false;
    for (let next = this.index; next < Math.min(this.lines.length, this.index + 30); next++) {
      const text = this.lines[next]!.text;
      if (this.classified.skipped(next)) continue;
      const kind = this.classified.kind(next).kind;
      if (kind === "chapter" || kind === "title") return true;
      if (kind !== "text" || text.length > 100 || endsClause(text)) return false;
    }
    return false;
  }

  finish(): ImportResult {
    this.closeChapter();
    if (this.chapters.length === 0) {
      throw new ImportError(0, "no section found: expected a line such as \"2-173-010 Definitions.\"");
    }
    return { document: { title: this.title, chapters: this.chapters }, warnings: this.warnings };
  }

  /**
   * A plain line that starts with a section number is a heading after all when the chapter's
   * contents list that number (and no section of it was read yet), or when it stands in the
   * contents: the canonical text writes a catchline as the draft has it (lower case, empty or
   * long), and the contents say which numbers are headings.
   */
  private inContext(kind: LineKind, text: string): LineKind {
    const chapter = this.chapter;
    if (kind.kind === "section" && kind.bare) return this.bareHeading(kind, text);
    if (kind.kind !== "text" || !chapter) return kind;
    const heading = listedHeading(text);
    if (!heading || !heading.number.startsWith(`${chapter.number}-`)) return kind;
    const listed = chapter.listed.has(heading.number);
    if (chapter.phase === "toc") return { kind: "section", ...heading };
    const read = this.section?.number === heading.number || chapter.read.has(heading.number);
    return listed && !read ? { kind: "section", ...heading } : kind;
  }

  /**
   * A heading wrapped after its first word ("§" or "CHAPTER" alone, the number on the next line):
   * the one-line paragraph read so far and this line read together as a heading; else null.
   */
  private joinedHeading(line: SourceLine): LineKind | null {
    const blocks = this.section?.blocks;
    const last = blocks?.[blocks.length - 1];
    if (!blocks || !last || last.joined || this.previousBlank || last.block.kind !== "paragraph" || last.block.enumerator !== null) return null;
    const text = `${last.block.text} ${line.text}`;
    const kind = classifyLine(text);
    if (kind.kind !== "section" && kind.kind !== "chapter" && kind.kind !== "title") return null;
    blocks.pop();
    return this.inContext(kind, text);
  }

  /**
   * A number alone on its line: the words of a paragraph wrapped before a citation when that
   * paragraph goes on; otherwise a heading, whose catchline is the next line when it follows at
   * once (or, after "§", past blank lines) and reads as a catchline.
   */
  private bareHeading(kind: LineKind & { kind: "section" }, text: string): LineKind {
    const last = this.section?.blocks[this.section.blocks.length - 1];
    if (last && this.continues(last.block, text)) return { kind: "text", text };
    for (let next = this.index + 1; next < this.lines.length; next++) {
      const candidate = this.lines[next]!;
      if (this.classified.skipped(next)) {
        if (kind.bare === "signed") continue;
        break;
      }
      if (!looksLikeCatchline(candidate.text)) break;
      this.index = next;
      return { kind: "section", number: kind.number, catchline: candidate.text };
    }
    return { kind: "section", number: kind.number, catchline: "" };
  }

  private readLine(line: SourceLine, kind: LineKind): void {
    switch (kind.kind) {
      case "title": return this.readTitle(line, kind.number, kind.name);
      case "chapter": return this.openChapter(line, kind.number, kind.title);
      case "section": return this.readSectionHeading(line, kind.number, kind.catchline);
      default: return this.readContent(line, kind);
    }
  }

  private readTitle(line: SourceLine, number: string, name: string): void {
    if (this.title || this.chapter) {
      throw new ImportError(line.lineNumber, "a title heading can only come first, once");
    }
    this.title = { number, name: withoutFootnoteStar(name) || this.takeTitleLine() };
  }

  /** The next non-blank line when it is a capitalised title printed under its heading. */
  private takeTitleLine(): string {
    for (let next = this.index + 1; next < this.lines.length; next++) {
      const candidate = this.lines[next]!;
      if (this.classified.skipped(next)) continue;
      if (!looksLikeChapterTitle(candidate.text)) return "";
      this.index = next;
      return withoutFootnoteStar(candidate.text);
    }
    return "";
  }

  private openChapter(line: SourceLine, number: string, title: string): void {
    this.closeChapter();
    if (this.title && !number.startsWith(`${this.title.number}-`)) {
      throw new ImportError(line.lineNumber, `chapter ${number} does not belong to title ${this.title.number}`);
    }
    if (this.chapters.some((chapter) => chapter.number === number)) {
      throw new ImportError(line.lineNumber, `chapter ${number} appears twice`);
    }
    this.chapter = { number, title: title || this.takeTitleLine(), line: line.lineNumber, toc: [], listed: new Set(), read: new Set(), sections: [], notes: this.notesBeforeChapter, phase: "toc" };
    this.notesBeforeChapter = [];
  }

  private readSectionHeading(line: SourceLine, number: string, catchline: string): void {
    const chapter = this.chapter ?? this.impliedChapter(line, number);
    if (!number.startsWith(`${chapter.number}-`)) {
      throw new ImportError(line.lineNumber, `section ${number} is not in chapter ${chapter.number}`);
    }
    if (chapter.phase === "toc") {
      if (!chapter.listed.has(number)) {
        chapter.listed.add(number);
        chapter.toc.push({ number, catchline, line: line.lineNumber, afterBlank: this.previousBlank });
        return;
      }
      chapter.phase = "body";
    }
    this.openSection(chapter, line.lineNumber, number, catchline);
  }

  private impliedChapter(line: SourceLine, number: string): ChapterDraft {
    const chapterNumber = chapterOfSection(number);
    this.warnings.push({ line: line.lineNumber, text: line.text, reason: `${CHAPTER_ASSUMED} ${chapterNumber} assumed` });
    this.openChapter(line, chapterNumber, "");
    return this.chapter!;
  }

  /** Opens a section; its content starts at input line index `contentStart`. */
  private openSection(chapter: ChapterDraft, lineNumber: number, number: string, catchline: string, contentStart = this.index + 1): void {
    this.closeSection();
    if (chapter.read.has(number)) throw new ImportError(lineNumber, `section ${number} appears twice`);
    const section: SectionDraft = { number, catchline, line: lineNumber, blocks: [], nesting: new NestingInference(), indented: this.sectionIsIndented(contentStart) };
    this.section = section;
  }

  /** Looks ahead over the section about to open: do its content lines differ in indentation? (Stops at the second indent.) */
  private sectionIsIndented(start: number): boolean {
    let first = -1;
    for (let next = start; next < this.lines.length; next++) {
      if (this.classified.skipped(next)) continue;
      const kind = this.classified.kind(next).kind;
      if (kind === "section" || kind === "chapter" || kind === "title") break;
      const indent = this.lines[next]!.indent;
      if (first < 0) first = indent;
      else if (indent !== first) return true;
    }
    return false;
  }

  private readContent(line: SourceLine, kind: LineKind): void {
    const chapter = this.chapter;
    if (!this.section && this.readChapterNote(chapter?.notes ?? this.notesBeforeChapter, line, kind)) return;
    if (!chapter) {
      const what = kind.kind === "history" ? "a history note" : "a numbered paragraph";
      throw new ImportError(line.lineNumber, `${what} before the first section heading: "${excerpt(line.text)}" — the section's heading line (such as "2-173-010 Definitions.") is missing; copy the section from its heading`);
    }
    if (chapter.phase === "toc") {
      const last = chapter.toc[chapter.toc.length - 1];
      if (!last) {
        throw new ImportError(line.lineNumber, `text between the chapter heading and its first section: "${excerpt(line.text)}"`);
      }
      chapter.phase = "body";
      if (chapter.toc.length > 1 && !last.afterBlank) {
        // Text right under the contents: the first section was copied without its heading line.
        const first = chapter.toc[0]!;
        this.warnings.push({ line: line.lineNumber, text: line.text, reason: `no section heading before this text; it is filed under section ${first.number} "${first.catchline}", taken from the contents — check that it belongs there` });
        this.openSection(chapter, line.lineNumber, first.number, first.catchline, this.index);
      } else {
        // The last "contents entry" was really the heading of the first section (a chapter without contents, or a section they do not list).
        chapter.listed.delete(chapter.toc.pop()!.number);
        this.openSection(chapter, last.line, last.number, last.catchline, this.index);
      }
    }
    this.addBlock(this.section!, line, kind);
  }

  /** A note, or a wrapped line of one, before the chapter's first section: a note of the chapter. True when taken. */
  private readChapterNote(notes: ChapterDraft["notes"], line: SourceLine, kind: LineKind): boolean {
    if (kind.kind === "note") {
      notes.push({ line, text: kind.text });
      return true;
    }
    const last = notes[notes.length - 1];
    if (kind.kind !== "text" || !last || this.previousBlank || endsClause(last.text, kind.text)) return false;
    last.text = `${last.text} ${kind.text}`;
    return true;
  }

  private addBlock(section: SectionDraft, line: SourceLine, kind: LineKind): void {
    const last = section.blocks[section.blocks.length - 1];
    const index = section.blocks.length;
    const id = blockId(sectionId(section.number), index);
    if (kind.kind === "history") {
      section.blocks.push({ block: { kind: "history", id, text: kind.text }, indent: line.indent, line: line.lineNumber });
      return;
    }
    if (kind.kind === "note") {
      section.blocks.push({ block: { kind: "note", id, text: kind.text }, indent: line.indent });
      return;
    }
    if (kind.kind === "enumerated") {
      const { level, inSequence } = section.nesting.next(kind.enumerator.slice(1, -1), section.indented ? line.indent : undefined);
      if (!inSequence) {
        this.warnings.push({ line: line.lineNumber, text: line.text, reason: `enumerator ${kind.enumerator} is out of sequence` });
      }
      section.blocks.push({ block: { kind: "paragraph", id, enumerator: kind.enumerator, level, text: kind.text }, indent: line.indent });
      return;
    }
    const text = kind.kind === "text" ? kind.text : "";
    if (last && this.continues(last.block, text)) {
      const joined = last.block.text === "" ? text : `${last.block.text} ${text}`;
      if (last.block.kind === "paragraph" && last.block.enumerator === null && classifyLine(joined).kind !== "text") {
        throw new ImportError(line.lineNumber, `this line and the one before it read together as a ${classifyLine(joined).kind} line, not as text: "${excerpt(joined)}"; put a blank line between them or join them on one line`);
      }
      last.block = { ...last.block, text: joined };
      last.joined = true;
      return;
    }
    section.blocks.push({ block: { kind: "paragraph", id, enumerator: null, level: -1, text }, indent: line.indent });
  }

  /** Whether a plain line continues `block` (a hard-wrapped line) rather than starting a paragraph. */
  private continues(block: Block, next: string): boolean {
    if (block.kind === "history") return !this.previousBlank && !block.text.endsWith(")");
    if (block.kind === "note") return !this.previousBlank && !endsClause(block.text, next);
    // An enumerator alone on its line takes the next line's words, unless a blank line
    // separates them (then it is a paragraph with no words yet).
    if (block.text === "") return !this.previousBlank;
    return !this.previousBlank && !endsClause(block.text, next);
  }

  private closeSection(): void {
    const section = this.section;
    if (!section || !this.chapter) return;
    this.section = null;
    const id = sectionId(section.number);
    const blocks = settleUnnumberedLevels(section.blocks);
    this.warnings.push(...sectionWarnings(section.number, section.line, section.blocks));
    this.chapter.read.add(section.number);
    this.chapter.sections.push({ id, number: section.number, catchline: section.catchline, blocks });
  }

  private closeChapter(): void {
    this.closeSection();
    const chapter = this.chapter;
    if (!chapter) return;
    this.chapter = null;
    if (chapter.sections.length === 0) {
      const where = chapter.toc[0]?.line ?? chapter.line;
      throw new ImportError(where, `chapter ${chapter.number} has no section text`);
    }
    for (const entry of chapter.toc) {
      if (!chapter.read.has(entry.number)) {
        this.warnings.push({ line: entry.line, text: `${entry.number} ${entry.catchline}`, reason: `the contents list section ${entry.number} but no section ${entry.number} follows: was its heading line left out in copying?` });
      }
    }
    const toc = chapter.toc.map(({ number, catchline }) => ({ number, catchline }));
    const id = chapterId(chapter.number);
    const notes = chapter.notes.map(({ text }, index) => ({ kind: "note" as const, id: chapterNoteId(id, index), text }));
    this.chapters.push({ id, number: chapter.number, title: chapter.title, toc, ...(notes.length > 0 ? { notes } : {}), sections: chapter.sections });
  }
}
