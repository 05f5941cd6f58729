/**
 * Export of the amending ordinance and of the clean chapter. One intermediate document
 * (blocks of runs) is built once and rendered by separate writers: .docx, HTML (also the
 * print view), plain text, and Word tracked changes.
 */
import type { OrdinanceDocument } from "../model/document";
import { NO_SPONSORS } from "../sponsors/sponsors";
import { buildCleanChapter, cleanText } from "./cleanChapter";
import { buildOrdinance, type OrdinanceInput } from "./buildOrdinance";
import type { DocxOptions } from "./docxWriter";
import { writeHtml } from "./htmlWriter";
import { leadSponsorName, UNATTRIBUTED_AUTHOR, withRevisions } from "./revisions";
import type { ExportDocument } from "./exportDocument";
import type { ReviewThread } from "./reviewComments";
import { writeText } from "./textWriter";

export { amendingSectionCount, buildOrdinance, type OrdinanceInput } from "./buildOrdinance";
export { buildCleanChapter, cleanText } from "./cleanChapter";
export type { DocxOptions } from "./docxWriter";
export { blockText, type BlockKind, type ExportBlock, type ExportDocument, type Revision, type Run, type RunStyle } from "./exportDocument";
export { placeThreads, type ReviewComment, type ReviewThread, type ThreadPlace } from "./reviewComments";
export { exportFileName, isoDay, type ExportExtension, type ExportKind } from "./fileNames";
export { writeHtml, type HtmlOptions } from "./htmlWriter";
export { leadSponsorName, UNATTRIBUTED_AUTHOR, withRevisions, type RevisionAuthors } from "./revisions";
export {
  DEFAULT_EXPORT_SETTINGS, describeProblems, HOME_RULE_RECITALS, parseExportSettings,
  type EffectiveDate, type ExportSettings, type SettingsProblem, type SettingsResult,
} from "./settings";
export { blockToText, writeText } from "./textWriter";

/**
 * The document as .docx bytes (see docxWriter). The Word writer and its library load with the
 * first Word export, not with the app.
 */
export async function writeDocx(exported: ExportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const writer = await import("./docxWriter");
  return writer.writeDocx(exported, options);
}

/** Formats of the amending ordinance: marked .docx, Word tracked changes, HTML, plain text. */
export type OrdinanceFormat = "docx" | "tracked-docx" | "html" | "txt";
/** Formats of the clean chapter. */
export type CleanFormat = "docx" | "txt";

export interface TrackedChangesOptions {
  /** Author of changes not annotated otherwise (the lead sponsor's name by default). */
  readonly defaultAuthor?: string;
  /** Author per redline change id, for changes annotated with a sponsor. */
  readonly authorsByChangeId?: ReadonlyMap<string, string>;
  /** ISO 8601 time of the revisions; defaults to now. */
  readonly revisionDate?: string;
  /** Comment threads written as Word comments in a tracked .docx (the review copy). */
  readonly threads?: readonly ReviewThread[];
}

export interface RenderOrdinanceOptions extends OrdinanceInput, TrackedChangesOptions {
  readonly format: OrdinanceFormat;
}

/** A built ordinance in one format: bytes for .docx, a string for HTML and text. */
export async function renderOrdinanceDocument(exported: ExportDocument, format: OrdinanceFormat, tracking: TrackedChangesOptions = {}): Promise<Uint8Array | string> {
  switch (format) {
    case "txt": return writeText(exported);
    case "html": return writeHtml(exported);
    case "docx": return writeDocx(exported);
    case "tracked-docx": {
      const authors = { defaultAuthor: tracking.defaultAuthor ?? UNATTRIBUTED_AUTHOR, ...(tracking.authorsByChangeId ? { byChangeId: tracking.authorsByChangeId } : {}) };
      return writeDocx(withRevisions(exported, authors), { ...(tracking.revisionDate ? { revisionDate: tracking.revisionDate } : {}), ...(tracking.threads ? { threads: tracking.threads } : {}) });
    }
  }
}

/**
 * The amending ordinance of `base` → `draft` in one format. Tracked changes are attributed to
 * the sponsor annotated on each change, otherwise to the lead sponsor.
 */
export async function renderOrdinance(options: RenderOrdinanceOptions): Promise<Uint8Array | string> {
  const defaultAuthor = options.defaultAuthor ?? leadSponsorName(options.sponsors ?? NO_SPONSORS);
  return renderOrdinanceDocument(buildOrdinance(options), options.format, { ...options, defaultAuthor });
}

/** The clean chapter as amended: exactly the canonical text, or a .docx of it. */
export async function renderClean(draft: OrdinanceDocument, format: CleanFormat): Promise<Uint8Array | string> {
  return format === "txt" ? cleanText(draft) : writeDocx(buildCleanChapter(draft), { title: draft.chapters.map((chapter) => `Chapter ${chapter.number}`).join(", ") });
}
