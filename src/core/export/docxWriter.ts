/**
 * Word (.docx) rendering of an export document through the `docx` package: Times New Roman
 * 12 pt, US letter, 1-inch margins, the page number centred in the footer, no colour. Struck
 * runs get a real single strikethrough (w:strike) and underscored runs a real single underline
 * (w:u w:val="single"). A run that carries a revision is written as a Word revision instead —
 * w:ins or w:del with its author and date — so Word's Accept and Reject work on it; a paragraph
 * wholly inserted or deleted carries the revision on its paragraph mark (w:pPr/w:rPr) as well.
 */
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, Footer, InsertedTextRun, Packer, PageNumber, Paragraph, TextRun, UnderlineType,
  type ICommentOptions, type IParagraphOptions, type ParagraphChild,
} from "docx";
import { withMarksOnWords, type BlockKind, type ExportBlock, type ExportDocument, type Run } from "./exportDocument";
import { placeThreads, sectionPlace, type ReviewThread } from "./reviewComments";

export interface DocxOptions {
  /** Document title in the file's properties. */
  readonly title?: string;
  /** ISO 8601 time stamped on every revision; defaults to now. */
  readonly revisionDate?: string;
  /**
   * Comment threads to write as Word comments (the review copy): each comment a w:comment in
   * comments.xml, its range (w:commentRangeStart/End and a w:commentReference) around the
   * thread's words, replies linked to the first comment and a resolved thread marked done.
   */
  readonly threads?: readonly ReviewThread[];
}

/** Comment range markers at one character offset of a block: the comments ending and starting there. */
interface Marker {
  readonly offset: number;
  readonly ends: number[];
  readonly starts: number[];
}

const INCH = 1440; // twips
const POINT = 20; // twips
const HALF_POINTS_12 = 24;
const FONT = "Times New Roman";

type ParagraphLayout = Omit<IParagraphOptions, "children">;

const AFTER = { after: 12 * POINT };
const TIGHT = { after: 0 };

/** Paragraph layout of each block kind (indentation per level is added for code paragraphs). */
const LAYOUT: Record<BlockKind, ParagraphLayout> = {
  "title": { alignment: AlignmentType.CENTER, spacing: { after: 18 * POINT } },
  "recital": { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INCH / 2 }, spacing: AFTER },
  "enacting": { alignment: AlignmentType.CENTER, spacing: AFTER },
  "section-formula": { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INCH / 2 }, spacing: AFTER, keepNext: true },
  "chapter-heading": { alignment: AlignmentType.CENTER, spacing: AFTER, keepNext: true },
  "toc": { indent: { left: INCH, hanging: INCH / 2 }, spacing: { after: 2 * POINT } },
  "code-heading": { spacing: { before: 12 * POINT, after: 12 * POINT }, keepNext: true },
  "code-paragraph": { alignment: AlignmentType.JUSTIFIED, spacing: AFTER },
  "history": { spacing: AFTER },
  "omitted": { alignment: AlignmentType.CENTER, spacing: { before: 6 * POINT, after: 18 * POINT } },
  "effective-date": { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INCH / 2 }, spacing: AFTER, keepNext: true },
  "signature-line": { indent: { left: 3.5 * INCH }, spacing: { before: 36 * POINT, after: 0 }, keepNext: true },
  "signature-name": { indent: { left: 3.5 * INCH }, spacing: TIGHT, keepNext: true },
  "signature-office": { indent: { left: 3.5 * INCH }, spacing: AFTER },
  "sponsors-heading": { pageBreakBefore: true, spacing: AFTER, keepNext: true },
  "sponsor": { indent: { left: INCH / 2 }, spacing: { after: 2 * POINT } },
};

/** Assigns revision ids (unique in the document) and renders runs. */
class RunWriter {
  private nextRevisionId = 1;

  constructor(private readonly revisionDate: string) {}

  /** A revision's id, author and date, for a run or a paragraph mark. */
  revision(author: string): { id: number; author: string; date: string } {
    return { id: this.nextRevisionId++, author, date: this.revisionDate };
  }

  write(run: Run): ParagraphChild {
    const bold = run.bold ? { bold: true } : {};
    if (run.revision) {
      const revision = { ...this.revision(run.revision.author), text: run.text, ...bold };
      return run.revision.kind === "insert" ? new InsertedTextRun(revision) : new DeletedTextRun(revision);
    }
    return new TextRun({
      text: run.text,
      ...bold,
      ...(run.style === "struck" ? { strike: true } : {}),
      ...(run.style === "underscored" ? { underline: { type: UnderlineType.SINGLE } } : {}),
    });
  }
}

/**
 * The revision of a paragraph whose every word is inserted (or every word deleted): Word's own
 * Compare marks its paragraph mark too, so that Reject All (or Accept All) removes the
 * paragraph rather than leaving it empty. Null for any other paragraph.
 */
function markRevision(block: ExportBlock): { kind: "insert" | "delete"; author: string } | null {
  const worded = block.runs.filter((run) => run.text.trim() !== "");
  const first = worded[0]?.revision;
  if (!first || !worded.every((run) => run.revision?.kind === first.kind)) return null;
  return { kind: first.kind, author: first.author };
}

/** The runs written with comment range markers between them, runs split where a marker falls inside one. */
function withMarkers(written: readonly Run[], markers: readonly Marker[], runs: RunWriter): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  const sorted = [...markers].sort((a, b) => a.offset - b.offset);
  let next = 0;
  const emit = (marker: Marker) => {
    for (const id of marker.ends) children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    for (const id of marker.starts) children.push(new CommentRangeStart(id));
  };
  let offset = 0;
  for (const run of written) {
    let from = 0;
    while (next < sorted.length && sorted[next]!.offset < offset + run.text.length) {
      const cut = sorted[next]!.offset - offset;
      if (cut > from) { children.push(runs.write({ ...run, text: run.text.slice(from, cut) })); from = cut; }
      emit(sorted[next++]!);
    }
    if (from < run.text.length) children.push(runs.write(from === 0 ? run : { ...run, text: run.text.slice(from) }));
    offset += run.text.length;
  }
  while (next < sorted.length) emit(sorted[next++]!);
  return children;
}

function paragraph(block: ExportBlock, runs: RunWriter, markers: readonly Marker[] = []): Paragraph {
  const layout = LAYOUT[block.kind];
  const indent = block.kind === "code-paragraph" && block.level > 0 ? { indent: { left: block.level * (INCH / 2) } } : {};
  const mark = block.paragraphMark ?? markRevision(block);
  const markRun = mark ? { run: mark.kind === "insert" ? { insertion: runs.revision(mark.author) } : { deletion: runs.revision(mark.author) } } : {};
  const written = withMarksOnWords(block.runs);
  const children = markers.length > 0 ? withMarkers(written, markers, runs) : written.map((run) => runs.write(run));
  return new Paragraph({ ...layout, ...indent, ...markRun, children });
}

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).map((word) => word[0]!.toUpperCase()).join("").slice(0, 4);
}

/**
 * The Word comments of `threads` and the range markers of each block: comment ids count from 0
 * in thread order; every comment of a thread covers the thread's words, a reply naming the
 * thread's first comment as its parent. A thread with no place goes on its section's number
 * (sectionPlace), or on the first block when the ordinance does not name the section, its first
 * comment saying what it is on.
 */
function reviewComments(blocks: readonly ExportBlock[], threads: readonly ReviewThread[]): { comments: ICommentOptions[]; markers: Map<number, Marker[]> } {
  const written = blocks.map((block) => ({ kind: block.kind, runs: withMarksOnWords(block.runs) }));
  const places = placeThreads(written.map((block) => block.runs), threads);
  const comments: ICommentOptions[] = [];
  const markers = new Map<number, Marker[]>();
  const mark = (block: number, offset: number, id: number, side: "starts" | "ends") => {
    const list = markers.get(block) ?? [];
    let marker = list.find((each) => each.offset === offset);
    if (!marker) { marker = { offset, ends: [], starts: [] }; list.push(marker); }
    marker[side].push(id);
    markers.set(block, list);
  };
  threads.forEach((thread, index) => {
    if (thread.comments.length === 0) return;
    const place = places[index] ?? null;
    const fallback = place ? null : sectionPlace(written, thread.section);
    const first = comments.length;
    thread.comments.forEach((comment, n) => {
      const id = comments.length;
      const author = comment.office ? `${comment.author}, ${comment.office}` : comment.author;
      const text = n === 0 && !place ? `On \u201c${thread.words}\u201d (${thread.section}): ${comment.text}` : comment.text;
      comments.push({
        id, author, initials: initials(comment.author), date: new Date(comment.time),
        children: [new Paragraph({ children: [new TextRun(text)] })],
        ...(n > 0 ? { parentId: first } : {}), ...(thread.resolved ? { resolved: true } : {}),
      });
      const at = place ?? fallback ?? { block: 0, start: 0, end: blocks[0]?.runs.reduce((sum, run) => sum + run.text.length, 0) ?? 0 };
      mark(at.block, at.start, id, "starts");
      mark(at.block, at.end, id, "ends");
    });
  });
  return { comments, markers };
}

/** The document as .docx bytes. */
export async function writeDocx(exported: ExportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const runs = new RunWriter(options.revisionDate ?? new Date().toISOString());
  const tracked = exported.blocks.some((block) => block.runs.some((run) => run.revision));
  const review = options.threads?.length ? reviewComments(exported.blocks, options.threads) : null;
  const file = new Document({
    ...(review && review.comments.length > 0 ? { comments: { children: review.comments } } : {}),
    creator: "Ordinance Redline",
    title: options.title ?? exported.blocks[0]?.runs.map((run) => run.text).join("") ?? "Ordinance",
    ...(tracked ? { features: { trackRevisions: true } } : {}),
    styles: { default: { document: { run: { font: FONT, size: HALF_POINTS_12, color: "000000" } } } },
    sections: [{
      properties: { page: { size: { width: 8.5 * INCH, height: 11 * INCH }, margin: { top: INCH, right: INCH, bottom: INCH, left: INCH } } },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
      children: exported.blocks.map((block, index) => paragraph(block, runs, review?.markers.get(index))),
    }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
