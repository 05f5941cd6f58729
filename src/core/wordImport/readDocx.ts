/**
 * Reads a .docx into paragraphs of runs, each run marked with the side of a redline it belongs
 * to: base-only (deleted: w:del, w:moveFrom, struck runs), draft-only (inserted: w:ins,
 * w:moveTo, underlined runs) or both. Only word/document.xml is read, through jszip and a
 * caller-supplied XML parser, so the core needs no DOM.
 */
import type JSZip from "jszip";
import { resolveSeams, type ReadRun } from "./seams";
import { childElements, findDescendant, isW, wAttribute, wChild, type ParseXml, type XmlElementLike } from "./xml";

/** Which text a run belongs to: the base (deleted language), the draft (inserted) or both. */
export type RunSide = "both" | "base" | "draft";

export interface WordRun {
  readonly text: string;
  readonly side: RunSide;
}

export interface WordParagraph {
  /** Runs in order; neighbours of the same side are joined; never empty text. */
  readonly runs: readonly WordRun[];
  /** Left indentation in twips (w:ind w:left or w:start), or null when the paragraph sets none. */
  readonly indent: number | null;
}

/** A .docx that cannot be read; the message says why in plain words. */
export class WordImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WordImportError";
  }
}

/** Largest .docx accepted, in bytes. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
/** Largest word/document.xml accepted once unzipped, in characters (a guard against zip bombs). */
const MAX_BODY_LENGTH = 200 * 1024 * 1024;

/** Whether an on/off property (w:strike, w:dstrike) is on: present and not "0"/"false"/"off". */
function isOn(property: XmlElementLike | undefined): boolean {
  if (!property) return false;
  const value = wAttribute(property, "val");
  return value === null || !["0", "false", "off"].includes(value.toLowerCase());
}

/** The side a run's own formatting gives it: struck → base, underlined → draft, else both. */
function formattingSide(run: XmlElementLike): RunSide {
  const properties = wChild(run, "rPr");
  if (!properties) return "both";
  if (isOn(wChild(properties, "strike")) || isOn(wChild(properties, "dstrike"))) return "base";
  const underline = wChild(properties, "u");
  if (underline && (wAttribute(underline, "val") ?? "single").toLowerCase() !== "none") return "draft";
  return "both";
}

/** The text of a run: w:t and w:delText; tabs and breaks become a space. */
function runText(run: XmlElementLike): string {
  let text = "";
  for (const child of childElements(run)) {
    if (isW(child, "t") || isW(child, "delText")) text += child.textContent ?? "";
    else if (isW(child, "tab") || isW(child, "br") || isW(child, "cr") || isW(child, "ptab")) text += " ";
    else if (isW(child, "noBreakHyphen")) text += "-";
  }
  return text;
}

/** Containers inside a paragraph whose runs are read as if they stood in the paragraph. */
const TRANSPARENT = new Set(["hyperlink", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent", "bdo", "dir"]);

/** The side a revision wrapper forces on its runs; "none" for text inserted and deleted again. */
type Forced = RunSide | "none" | null;

function isHidden(run: XmlElementLike): boolean {
  const properties = wChild(run, "rPr");
  return properties !== undefined && (isOn(wChild(properties, "vanish")) || isOn(wChild(properties, "webHidden")));
}

/** Collects the runs of a paragraph's content; `forced` is the side set by w:ins/w:del around them. */
function collectRuns(parent: XmlElementLike, forced: Forced, runs: ReadRun[]): void {
  for (const child of childElements(parent)) {
    if (isW(child, "r")) {
      const text = runText(child);
      if (text === "" || forced === "none" || isHidden(child)) continue;
      const side = forced ?? formattingSide(child);
      // A marked pilcrow alone is the seam of a split or join in an exported redline: no text, a marker (see seams.ts).
      if (side !== "both" && text.trim() === "\u00b6") { runs.push({ text: "", side, seam: true }); continue; }
      runs.push({ text, side });
    } else if (isW(child, "del") || isW(child, "moveFrom")) {
      collectRuns(child, forced === "draft" || forced === "none" ? "none" : "base", runs);
    } else if (isW(child, "ins") || isW(child, "moveTo")) {
      collectRuns(child, forced === "base" || forced === "none" ? "none" : "draft", runs);
    } else if (TRANSPARENT.has(child.localName)) {
      collectRuns(child, forced, runs);
    }
  }
}

function joinRuns(runs: readonly ReadRun[]): ReadRun[] {
  const joined: ReadRun[] = [];
  for (const run of runs) {
    const last = joined[joined.length - 1];
    if (last && !last.seam && !run.seam && last.side === run.side) joined[joined.length - 1] = { text: last.text + run.text, side: run.side };
    else joined.push(run);
  }
  return joined;
}

/** A paragraph as read, its seam markers not yet resolved. */
interface ReadParagraph {
  readonly runs: readonly ReadRun[];
  readonly indent: number | null;
}

function paragraphIndent(paragraph: XmlElementLike): number | null {
  const properties = wChild(paragraph, "pPr");
  const indentation = properties ? wChild(properties, "ind") : undefined;
  if (!indentation) return null;
  const value = wAttribute(indentation, "left") ?? wAttribute(indentation, "start");
  const twips = value === null ? NaN : Number(value);
  return Number.isFinite(twips) ? twips : null;
}

/** Paragraphs of the body in reading order, tables and content controls included. */
function collectParagraphs(parent: XmlElementLike, paragraphs: ReadParagraph[]): void {
  for (const child of childElements(parent)) {
    if (isW(child, "p")) {
      const runs: ReadRun[] = [];
      collectRuns(child, null, runs);
      paragraphs.push({ runs: joinRuns(runs), indent: paragraphIndent(child) });
    } else if (["tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "del"].includes(child.localName)) {
      collectParagraphs(child, paragraphs);
    }
  }
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new WordImportError("The file is empty.");
  if (bytes.length > MAX_DOCX_BYTES) throw new WordImportError(`The file is too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 20 MB).`);
  // The zip library loads with the first Word file read, not with the app.
  const { default: Zip } = await import("jszip");
  let zip: JSZip;
  try {
    zip = await Zip.loadAsync(bytes);
  } catch {
    throw new WordImportError("This is not a Word (.docx) file: it could not be opened as a .docx package.");
  }
  const entry = zip.file("word/document.xml");
  if (!entry) throw new WordImportError("This is not a Word (.docx) file: it has no document body (word/document.xml).");
  let xml: string;
  try {
    xml = await entry.async("string");
  } catch {
    throw new WordImportError("The Word file is damaged: its document body could not be read.");
  }
  if (xml.length > MAX_BODY_LENGTH) throw new WordImportError("The Word file's text is too large to import.");
  return xml;
}

function parseBody(xml: string, parseXml: ParseXml): XmlElementLike {
  let root: XmlElementLike;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new WordImportError(`The Word file is damaged: its document body is not well-formed XML (${(error as Error).message}).`);
  }
  const parserError = root.localName === "parsererror" ? root : findDescendant(root, "parsererror");
  if (parserError) {
    const detail = (parserError.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 200);
    throw new WordImportError(`The Word file is damaged: its document body is not well-formed XML${detail ? ` (${detail})` : ""}.`);
  }
  if (!isW(root, "document")) throw new WordImportError("The Word file is damaged: word/document.xml is not a WordprocessingML document.");
  const body = wChild(root, "body");
  if (!body) throw new WordImportError("The Word file is damaged: its document has no body.");
  return body;
}

/**
 * The paragraphs of a .docx body with their runs and sides (see RunSide); tabs and line
 * breaks read as a space. Throws a WordImportError for an empty or oversized file, a file that
 * is not a zip, a zip without word/document.xml, or XML that does not parse.
 */
export async function readDocxParagraphs(bytes: Uint8Array, parseXml: ParseXml): Promise<WordParagraph[]> {
  const body = parseBody(await documentXml(bytes), parseXml);
  const paragraphs: ReadParagraph[] = [];
  collectParagraphs(body, paragraphs);
  return resolveSeams(paragraphs);
}
