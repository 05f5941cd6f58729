/**
 * Word (.docx) rendering of an export document through the `docx` package: Times New Roman
 * 12 pt, US letter, 1-inch margins, the page number centred in the footer, no colour. Struck
 * runs get a real single strikethrough (w:strike) and underscored runs a real single underline
 * (w:u w:val="single"). A run that carries a revision is written as a Word revision instead —
 * w:ins or w:del with its author and date — so Word's Accept and Reject work on it; a paragraph
 * wholly inserted or deleted carries the revision on its paragraph mark (w:pPr/w:rPr) as well.
 */
import {
  AlignmentType, DeletedTextRun, Document, Footer, InsertedTextRun, Packer, PageNumber, Paragraph, TextRun, UnderlineType,
  type IParagraphOptions, type ParagraphChild,
} from "docx";
import { withMarksOnWords, type BlockKind, type ExportBlock, type ExportDocument, type Run } from "./exportDocument";

export interface DocxOptions {
  /** Document title in the file's properties. */
  readonly title?: string;
  /** ISO 8601 time stamped on every revision; defaults to now. */
  readonly revisionDate?: string;
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

function paragraph(block: ExportBlock, runs: RunWriter): Paragraph {
  const layout = LAYOUT[block.kind];
  const indent = block.kind === "code-paragraph" && block.level > 0 ? { indent: { left: block.level * (INCH / 2) } } : {};
  const mark = block.paragraphMark ?? markRevision(block);
  const markRun = mark ? { run: mark.kind === "insert" ? { insertion: runs.revision(mark.author) } : { deletion: runs.revision(mark.author) } } : {};
  return new Paragraph({ ...layout, ...indent, ...markRun, children: withMarksOnWords(block.runs).map((run) => runs.write(run)) });
}

/** The document as .docx bytes. */
export async function writeDocx(exported: ExportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const runs = new RunWriter(options.revisionDate ?? new Date().toISOString());
  const tracked = exported.blocks.some((block) => block.runs.some((run) => run.revision));
  const file = new Document({
    creator: "Ordinance Redline",
    title: options.title ?? exported.blocks[0]?.runs.map((run) => run.text).join("") ?? "Ordinance",
    ...(tracked ? { features: { trackRevisions: true } } : {}),
    styles: { default: { document: { run: { font: FONT, size: HALF_POINTS_12, color: "000000" } } } },
    sections: [{
      properties: { page: { size: { width: 8.5 * INCH, height: 11 * INCH }, margin: { top: INCH, right: INCH, bottom: INCH, left: INCH } } },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
      children: exported.blocks.map((block) => paragraph(block, runs)),
    }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
