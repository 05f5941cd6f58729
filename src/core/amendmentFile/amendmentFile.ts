/**
 * The `.amendment.json` file: one whole draft — base chapter, draft, sponsors, annotations,
 * export settings, and (optional, so older files still open) renumberings, comment threads on
 * draft words and the current user — as JSON with a schema version. Documents are stored as their canonical
 * text (see model/canonicalText), so the file is readable and diffable, and reading it back
 * goes through the same importer as a pasted chapter.
 *
 * `parseAmendment` never returns partial content: it returns everything, or throws an
 * AmendmentFileError that lists every problem with its path.
 */
import type { Annotation } from "../annotations/annotation";
import type { CommentAuthor, TextThread } from "../annotations/comments";
import { parseExportSettings } from "../export/settings";
import { serializeDocument } from "../model/canonicalText";
import type { OrdinanceDocument } from "../model/document";
import { ImportError, parseCodeText } from "../importer/parseCodeText";
import { parseSectionNumber } from "../numbers";
import { parseSponsors, SponsorDataError, type SponsorRegistry } from "../sponsors/sponsors";
import { readAnnotations } from "./annotations";
import { checkKnownKeys, describeFileProblems, isRecord, readCommentAuthor, readIsoTime, readText, readTextThreads, type FileProblem, type ProblemList } from "../validation";

/** The schema version this code writes and reads. */
export const AMENDMENT_SCHEMA_VERSION = 1;
/** The `app` field of every amendment file. */
export const AMENDMENT_APP = "ordinance-redline";
/** Files longer than this many characters are refused before parsing (20 MB). */
export const MAX_AMENDMENT_FILE_LENGTH = 20 * 1024 * 1024;
/** Longest draft name, in characters. */
export const MAX_NAME_LENGTH = 200;

/** A section the drafter renumbered in the editor: the number it had, and the number it has now. */
export interface Renumbering {
  readonly from: string;
  readonly to: string;
}

/** What a draft holds, as the application uses it. */
export interface AmendmentContent {
  readonly name: string;
  readonly base: OrdinanceDocument;
  readonly draft: OrdinanceDocument;
  readonly sponsors: SponsorRegistry | null;
  readonly annotations: readonly Annotation[];
  /** Export settings as JSON (an object), or null; validated on reading by the export module's parseExportSettings. */
  readonly exportSettings: unknown;
  /**
   * The renumberings done in the editor (old number → current number), which base and draft
   * alone cannot tell for a section new in the draft. Absent in drafts saved before it was kept:
   * read as none.
   */
  readonly renumberings?: readonly Renumbering[];
  /** Comment threads on draft words that are not changes (a change's thread is its annotation's comments). Absent: none. */
  readonly threads?: readonly TextThread[];
  /** Who is writing comments in this draft ("You are…"). Absent: not set. */
  readonly currentUser?: CommentAuthor | null;
}

/** The JSON written to disk (schema 1). */
export interface AmendmentFile {
  readonly schemaVersion: 1;
  readonly app: typeof AMENDMENT_APP;
  readonly name: string;
  /** ISO 8601 time of saving. */
  readonly savedAt: string;
  /** Canonical text of the base chapter. */
  readonly base: string;
  /** Canonical text of the draft. */
  readonly draft: string;
  readonly sponsors: SponsorRegistry | null;
  readonly annotations: readonly Annotation[];
  readonly exportSettings: unknown;
  /** Written only when there are any; a file without it has none. */
  readonly renumberings?: readonly Renumbering[];
  /** Written only when there are any; a file without it (any file written before threads were kept) has none. */
  readonly threads?: readonly TextThread[];
  /** Written only when set. */
  readonly currentUser?: CommentAuthor;
}

/** Why a file was refused. */
export type AmendmentFileErrorKind = "too-large" | "not-json" | "newer-schema" | "invalid";

/** A refused amendment file: the kind of failure and every problem found, in plain words. */
export class AmendmentFileError extends Error {
  constructor(readonly kind: AmendmentFileErrorKind, readonly problems: readonly FileProblem[]) {
    super(kind === "invalid" ? `This amendment file cannot be opened:\n${describeFileProblems(problems)}` : problems.map((problem) => problem.message).join("\n"));
    this.name = "AmendmentFileError";
  }
}

const FILE_KEYS = ["schemaVersion", "app", "name", "savedAt", "base", "draft", "sponsors", "annotations", "exportSettings", "renumberings", "threads", "currentUser"];

/** The file as a plain JSON value (documents written as canonical text). */
export function toAmendmentFile(content: AmendmentContent, savedAt: Date | string): AmendmentFile {
  return {
    schemaVersion: AMENDMENT_SCHEMA_VERSION,
    app: AMENDMENT_APP,
    name: content.name,
    savedAt: typeof savedAt === "string" ? savedAt : savedAt.toISOString(),
    base: serializeDocument(content.base),
    draft: serializeDocument(content.draft),
    sponsors: content.sponsors,
    annotations: content.annotations,
    exportSettings: content.exportSettings ?? null,
    ...(content.renumberings?.length ? { renumberings: content.renumberings } : {}),
    ...(content.threads?.length ? { threads: content.threads } : {}),
    ...(content.currentUser ? { currentUser: content.currentUser } : {}),
  };
}

/**
 * The amendment file's text: indented JSON. `parseAmendment` of the result gives back the
 * content (documents re-imported from their canonical text, so ids are the importer's).
 */
export function serializeAmendment(content: AmendmentContent, savedAt: Date | string): string {
  return `${JSON.stringify(toAmendmentFile(content, savedAt), null, 2)}\n`;
}

function readDocument(value: unknown, path: "base" | "draft", problems: ProblemList): OrdinanceDocument | null {
  const text = readText(value, path, { min: 1, max: MAX_AMENDMENT_FILE_LENGTH }, problems);
  if (text === null) return null;
  const which = path === "base" ? "The base text" : "The draft text";
  try {
    return parseCodeText(text).document;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const where = error.line > 0 ? ` at line ${error.line}` : "";
    problems.push({ path, message: `${which} does not parse${where}: ${error.reason}` });
    return null;
  }
}

function readSponsorRegistry(value: unknown, problems: ProblemList): SponsorRegistry | null | undefined {
  if (value === null) return null;
  try {
    return parseSponsors(value);
  } catch (error) {
    if (!(error instanceof SponsorDataError)) throw error;
    problems.push(...error.problems.map((problem) => ({ path: problem.path === "sponsors" ? "sponsors" : `sponsors.${problem.path}`, message: problem.message })));
    return undefined;
  }
}

/** The renumberings list: absent is none; otherwise pairs of valid section numbers. */
function readRenumberings(value: unknown, problems: ProblemList): Renumbering[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 10_000) {
    problems.push({ path: "renumberings", message: "must be a list of at most 10000 renumberings" });
    return null;
  }
  const before = problems.length;
  const list: Renumbering[] = [];
  value.forEach((entry: unknown, index) => {
    const path = `renumberings[${index}]`;
    if (!isRecord(entry) || typeof entry.from !== "string" || typeof entry.to !== "string" || Object.keys(entry).some((key) => key !== "from" && key !== "to")) {
      problems.push({ path, message: "must be an object with the section numbers from and to" });
      return;
    }
    if (!parseSectionNumber(entry.from) || !parseSectionNumber(entry.to)) {
      problems.push({ path, message: "from and to must be section numbers such as 2-173-045" });
      return;
    }
    list.push({ from: entry.from, to: entry.to });
  });
  return problems.length > before ? null : list;
}

function readSchemaVersion(value: Record<string, unknown>): void {
  const version = value.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new AmendmentFileError("invalid", [{ path: "schemaVersion", message: `must be ${AMENDMENT_SCHEMA_VERSION}` }]);
  }
  if (version > AMENDMENT_SCHEMA_VERSION) {
    throw new AmendmentFileError("newer-schema", [{
      path: "schemaVersion",
      message: `This file was written by a newer version of Ordinance Redline (schema ${version}); this version reads schema ${AMENDMENT_SCHEMA_VERSION}. Update Ordinance Redline to open it.`,
    }]);
  }
}

/**
 * Reads an amendment file's text. Refuses (with an AmendmentFileError) text over 20 MB, text
 * that is not JSON, a file of another application or a newer schema, and a file with any
 * wrong field — listing every problem with its path. Never returns partial content.
 */
export function parseAmendment(text: string): AmendmentContent {
  if (text.length > MAX_AMENDMENT_FILE_LENGTH) {
    const megabytes = (text.length / 1024 / 1024).toFixed(1);
    throw new AmendmentFileError("too-large", [{ path: "", message: `This file is too large to be an amendment file (${megabytes} MB; the limit is 20 MB).` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    throw new AmendmentFileError("not-json", [{ path: "", message: `This is not an amendment file: it is not valid JSON (${(error as Error).message}).` }]);
  }
  if (!isRecord(value)) throw new AmendmentFileError("invalid", [{ path: "(file)", message: "must be a JSON object" }]);
  if (value.app !== AMENDMENT_APP) {
    throw new AmendmentFileError("invalid", [{ path: "app", message: `must be "${AMENDMENT_APP}" (this is not an Ordinance Redline amendment file)` }]);
  }
  readSchemaVersion(value);
  const problems: ProblemList = [];
  checkKnownKeys(value, FILE_KEYS, "", problems);
  const name = readText(value.name, "name", { min: 1, max: MAX_NAME_LENGTH }, problems);
  if (name !== null && name.trim() === "") problems.push({ path: "name", message: "must not be blank" });
  readIsoTime(value.savedAt, "savedAt", problems);
  const base = readDocument(value.base, "base", problems);
  const draft = readDocument(value.draft, "draft", problems);
  const sponsors = readSponsorRegistry(value.sponsors, problems);
  const annotations = readAnnotations(value.annotations, "annotations", problems);
  const renumberings = readRenumberings(value.renumberings, problems);
  const threads = readTextThreads(value.threads, "threads", problems);
  const currentUser = readCommentAuthor(value.currentUser, "currentUser", problems);
  const exportSettings = value.exportSettings;
  if (exportSettings !== null && !isRecord(exportSettings)) problems.push({ path: "exportSettings", message: "must be an object or null" });
  else if (exportSettings !== null) {
    const settings = parseExportSettings(exportSettings);
    if (!settings.ok) problems.push(...settings.problems.map((problem) => ({ path: `exportSettings.${problem.path}`, message: problem.message })));
  }
  if (problems.length > 0 || name === null || base === null || draft === null || sponsors === undefined || annotations === null || renumberings === null || threads === null || currentUser === undefined) {
    throw new AmendmentFileError("invalid", problems);
  }
  return {
    name, base, draft, sponsors, annotations, exportSettings: exportSettings ?? null,
    ...(renumberings.length ? { renumberings } : {}), ...(threads.length ? { threads } : {}), ...(currentUser ? { currentUser } : {}),
  };
}
