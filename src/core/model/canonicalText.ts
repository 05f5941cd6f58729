/**
 * The canonical plain-text form of a document — the importer's own input format written
 * cleanly — and the offsets of every line in it. Redline offsets (fromA/toA, fromB/toB) refer
 * to this text, so any tool can check a change by slicing it.
 *
 * Layout: a title line (when present), then per chapter its heading line, its table of
 * contents (one line per entry), its editor's notes (one line each) and its sections; a blank line separates units; a paragraph is
 * indented four spaces per level and led by its enumerator.
 *
 * The text is built from pieces — the title, each chapter's head (heading line and contents),
 * each section — and every piece starts with its blank-line separator "\n\n". The document is
 * the pieces joined, less the first piece's separator, plus a final newline. Pieces depend only
 * on their own unit, so the redline engine can lay out and cache them one section at a time.
 */
import { chapterNotes, sameChapterNotes, type Block, type Chapter, type CodeTitle, type OrdinanceDocument, type Section } from "./document";

/** Where one line stands inside its piece (offsets relative to the piece's start). */
export interface PieceLine {
  readonly kind: "title" | "chapter" | "toc" | "note" | "heading" | "block";
  /** Block id (kind "block"), note id (kind "note", a chapter's editor's note) or section number (kind "toc" and "heading"). */
  readonly key: string;
  /** Offset of the line's first character (indentation included). */
  readonly lineFrom: number;
  /** Offset where the line's words start (after indentation and enumerator). */
  readonly textFrom: number;
  /** Offset just past the line's last character. */
  readonly to: number;
}

/** A line of a piece with its words and the indentation and enumerator written before them. */
export interface LineInfo extends PieceLine {
  readonly prefix: string;
  readonly words: string;
}

/** One piece of canonical text: its text (starting with "\n\n") and its lines. */
export interface Piece {
  readonly text: string;
  readonly lines: readonly LineInfo[];
}

/** Where one line stands in the whole canonical text. */
export interface TextSpan extends PieceLine {
  /** Id of the section (headings and blocks) or of the chapter (chapter and contents lines). */
  readonly ownerId: string;
}

export interface CanonicalLayout {
  readonly text: string;
  readonly spans: readonly TextSpan[];
}

/** The separator that starts every piece. */
export const PIECE_SEPARATOR = "\n\n";
const INDENT = "    ";

const prefixes = new Map<string, string>();

/** The indentation and enumerator written before a paragraph's words (one shared string per kind). */
export function blockPrefix(block: Block): string {
  if (block.kind !== "paragraph") return "";
  const key = `${block.level}${block.enumerator ?? ""}`;
  let prefix = prefixes.get(key);
  if (prefix === undefined) {
    const indent = INDENT.repeat(block.level);
    prefix = block.enumerator ? `${indent}${block.enumerator} ` : indent;
    if (prefixes.size < 10_000) prefixes.set(key, prefix);
  }
  return prefix;
}

/** The heading line of a section: "2-173-042 Catchline." */
export function sectionHeadingLine(section: Pick<Section, "number" | "catchline">): string {
  return `${section.number} ${section.catchline}`;
}

/** Accumulates lines into a piece; each line is preceded by the given separator. */
class PieceBuilder {
  private text = "";
  private readonly lines: LineInfo[] = [];

  add(separator: string, kind: PieceLine["kind"], key: string, prefix: string, words: string): void {
    this.text += separator;
    const lineFrom = this.text.length;
    this.text += prefix + words;
    this.lines.push({ kind, key, lineFrom, textFrom: lineFrom + prefix.length, to: this.text.length, prefix, words });
  }

  build(): Piece {
    return { text: this.text, lines: this.lines };
  }
}

const sectionPieces = new WeakMap<Section, Piece>();
const sectionLengths = new WeakMap<Section, number>();

/** The length of a section's piece, computed without building its text. Cached per section value. */
export function sectionPieceLength(section: Section): number {
  const built = sectionPieces.get(section);
  if (built) return built.text.length;
  let length = sectionLengths.get(section);
  if (length === undefined) {
    length = PIECE_SEPARATOR.length + section.number.length + 1 + section.catchline.length;
    for (const block of section.blocks) {
      const prefix = block.kind !== "paragraph" ? 0 : block.level * INDENT.length + (block.enumerator ? block.enumerator.length + 1 : 0);
      length += PIECE_SEPARATOR.length + prefix + block.text.length;
    }
    sectionLengths.set(section, length);
  }
  return length;
}

/** Whether two sections render the same canonical text (compared field by field, no text built). */
export function sameSectionText(a: Section, b: Section): boolean {
  if (a === b) return true;
  if (a.number !== b.number || a.catchline !== b.catchline || a.blocks.length !== b.blocks.length) return false;
  return a.blocks.every((block, index) => {
    const other = b.blocks[index]!;
    if (block.kind !== other.kind || block.text !== other.text) return false;
    return block.kind !== "paragraph" || (other.kind === "paragraph" && block.enumerator === other.enumerator && block.level === other.level);
  });
}

const sectionLineCache = new WeakMap<Section, readonly LineInfo[]>();

/**
 * The lines of a section's piece — positions, prefixes and words — computed without building
 * the piece's text (the same positions as `sectionPiece(section).lines`). Cached per section.
 */
export function sectionLines(section: Section): readonly LineInfo[] {
  const built = sectionPieces.get(section);
  if (built) return built.lines;
  let lines = sectionLineCache.get(section);
  if (!lines) {
    const list: LineInfo[] = [];
    let offset = PIECE_SEPARATOR.length;
    const heading = sectionHeadingLine(section);
    list.push({ kind: "heading", key: section.number, lineFrom: offset, textFrom: offset, to: offset + heading.length, prefix: "", words: heading });
    offset += heading.length;
    for (const block of section.blocks) {
      const prefix = blockPrefix(block);
      const lineFrom = offset + PIECE_SEPARATOR.length;
      offset = lineFrom + prefix.length + block.text.length;
      list.push({ kind: "block", key: block.id, lineFrom, textFrom: lineFrom + prefix.length, to: offset, prefix, words: block.text });
    }
    lines = list;
    sectionLineCache.set(section, lines);
  }
  return lines;
}

/** The piece of a section: separator, heading line, then each block. Cached per section value. */
export function sectionPiece(section: Section): Piece {
  const cached = sectionPieces.get(section);
  if (cached) return cached;
  const builder = new PieceBuilder();
  builder.add(PIECE_SEPARATOR, "heading", section.number, "", sectionHeadingLine(section));
  for (const block of section.blocks) builder.add(PIECE_SEPARATOR, "block", block.id, blockPrefix(block), block.text);
  const piece = builder.build();
  sectionPieces.set(section, piece);
  return piece;
}

// Holds the head's own fields, not the chapter: an old chapter's sections are not kept alive by the cache.
const headPieces = new WeakMap<readonly unknown[], { head: Pick<Chapter, "number" | "title" | "notes">; piece: Piece }>();

/**
 * The piece of a chapter's head: separator, the CHAPTER line, its table of contents, then its
 * editor's notes, each after a blank line. Cached per contents list (chapters are new objects
 * whenever a section changes; the list is not), checked against number, title and notes.
 */
export function chapterHeadPiece(chapter: Chapter): Piece {
  const cached = headPieces.get(chapter.toc);
  if (cached && cached.head.number === chapter.number && cached.head.title === chapter.title && sameChapterNotes(cached.head, chapter)) return cached.piece;
  const piece = buildChapterHeadPiece(chapter);
  headPieces.set(chapter.toc, { head: { number: chapter.number, title: chapter.title, notes: chapterNotes(chapter) }, piece });
  return piece;
}

function buildChapterHeadPiece(chapter: Chapter): Piece {
  const builder = new PieceBuilder();
  builder.add(PIECE_SEPARATOR, "chapter", chapter.number, "", `CHAPTER ${chapter.number}${chapter.title ? ` ${chapter.title}` : ""}`);
  chapter.toc.forEach((entry, index) => builder.add(index === 0 ? PIECE_SEPARATOR : "\n", "toc", entry.number, "", sectionHeadingLine(entry)));
  for (const note of chapterNotes(chapter)) builder.add(PIECE_SEPARATOR, "note", note.id, "", note.text);
  return builder.build();
}

/** The piece of a title heading. */
export function titlePiece(title: CodeTitle): Piece {
  const builder = new PieceBuilder();
  builder.add(PIECE_SEPARATOR, "title", title.number, "", `TITLE ${title.number}${title.name ? ` ${title.name}` : ""}`);
  return builder.build();
}

/** Every piece of the document in order, each with the id of the unit it renders. */
export function documentPieces(doc: OrdinanceDocument): Array<{ ownerId: string; piece: Piece }> {
  const pieces: Array<{ ownerId: string; piece: Piece }> = [];
  if (doc.title) pieces.push({ ownerId: "title", piece: titlePiece(doc.title) });
  for (const chapter of doc.chapters) {
    pieces.push({ ownerId: chapter.id, piece: chapterHeadPiece(chapter) });
    for (const section of chapter.sections) pieces.push({ ownerId: section.id, piece: sectionPiece(section) });
  }
  return pieces;
}

/** Writes the document as canonical text, recording the span of every line. */
export function layoutCanonical(doc: OrdinanceDocument): CanonicalLayout {
  const texts: string[] = [];
  const spans: TextSpan[] = [];
  let offset = -PIECE_SEPARATOR.length;
  for (const { ownerId, piece } of documentPieces(doc)) {
    for (const line of piece.lines) {
      spans.push({ ...line, ownerId, lineFrom: offset + line.lineFrom, textFrom: offset + line.textFrom, to: offset + line.to });
    }
    texts.push(piece.text);
    offset += piece.text.length;
  }
  return { text: `${texts.join("").slice(PIECE_SEPARATOR.length)}\n`, spans };
}

/**
 * The canonical text of a document: exactly `layoutCanonical(doc).text`, without recording the
 * spans (the cached pieces joined), so saving a 2 MB draft stays cheap. Ends with one newline.
 */
export function serializeDocument(doc: OrdinanceDocument): string {
  const texts: string[] = [];
  for (const { piece } of documentPieces(doc)) texts.push(piece.text);
  return `${texts.join("").slice(PIECE_SEPARATOR.length)}\n`;
}
