/**
 * Reads a .docx into paragraphs of runs, each run marked with the side of a redline it belongs
 * to: base-only (deleted: w:del, w:moveFrom, struck runs), draft-only (inserted: w:ins,
 * w:moveTo, underlined runs) or both; strike and underline count from direct formatting and
 * from styles (wordStyles), and automatic list labels ("(a)") are read as text (numbering).
 * word/document.xml, styles.xml and numbering.xml are read through docxPackage and a
 * caller-supplied XML parser, so the core needs no DOM.
 */
import { readDocxParts } from "./docxPackage";
import { WordImportError } from "./errors";
import { ListCounter, type ListLabel } from "./numbering";
import { resolveSeams, type ReadRun } from "./seams";
import { isOn, WordStyles } from "./wordStyles";
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

export { WordImportError };

/** Reading context of one document: its styles and its list counters. */
interface Context {
  readonly styles: WordStyles;
  readonly lists: ListCounter;
}

/** The side a run's formatting gives it (direct, character style, paragraph style): struck → base, underlined → draft, else both. */
function formattingSide(run: XmlElementLike, styles: WordStyles, paragraphStyle: string | null): RunSide {
  const marks = styles.marks(wChild(run, "rPr"), paragraphStyle);
  return marks.struck ? "base" : marks.underscored ? "draft" : "both";
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

/**
 * Collects the runs of a paragraph's content, walking nested revisions without recursion. A
 * tracked deletion of underscored words, or a tracked insertion of struck words, withdraws a
 * proposal: the words are on neither side.
 */
function collectRuns(paragraph: XmlElementLike, runs: ReadRun[], styles: WordStyles, paragraphStyle: string | null): void {
  // `forced` is the side set by the w:ins/w:del around an element.
  const stack: Array<{ element: XmlElementLike; forced: Forced }> = [];
  const pushChildren = (parent: XmlElementLike, forced: Forced) => {
    const children = parent.children;
    for (let index = children.length - 1; index >= 0; index--) stack.push({ element: children[index]!, forced });
  };
  pushChildren(paragraph, null);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { element: child, forced } = next;
    if (isW(child, "r")) {
      const text = runText(child);
      if (text === "" || forced === "none" || isHidden(child)) continue;
      const formatted = formattingSide(child, styles, paragraphStyle);
      if ((forced === "base" && formatted === "draft") || (forced === "draft" && formatted === "base")) continue;
      const side = forced ?? formatted;
      // A marked pilcrow alone is the seam of a split or join in an exported redline: no text, a marker (see seams.ts).
      if (side !== "both" && text.trim() === "\u00b6") { runs.push({ text: "", side, seam: true }); continue; }
      runs.push({ text, side });
    } else if (isW(child, "del") || isW(child, "moveFrom")) {
      pushChildren(child, forced === "draft" || forced === "none" ? "none" : "base");
    } else if (isW(child, "ins") || isW(child, "moveTo")) {
      pushChildren(child, forced === "base" || forced === "none" ? "none" : "draft");
    } else if (TRANSPARENT.has(child.localName)) {
      pushChildren(child, forced);
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

function twipsOf(indentation: XmlElementLike | undefined): number | null {
  if (!indentation) return null;
  const value = wAttribute(indentation, "left") ?? wAttribute(indentation, "start");
  const twips = value === null ? NaN : Number(value);
  return Number.isFinite(twips) ? twips : null;
}

/** The paragraph's list label, counted in reading order: its own w:numPr, else its style's. */
function listLabel(properties: XmlElementLike | undefined, paragraphStyle: string | null, context: Context): ListLabel | null {
  const direct = properties ? wChild(properties, "numPr") : undefined;
  const fromStyle = context.styles.styleNumbering(paragraphStyle);
  const numIdElement = direct ? wChild(direct, "numId") : undefined;
  const levelElement = direct ? wChild(direct, "ilvl") : undefined;
  const numId = (numIdElement ? wAttribute(numIdElement, "val") : null) ?? fromStyle?.numId ?? null;
  if (numId === null || numId === "0") return null;
  const level = levelElement ? Number(wAttribute(levelElement, "val")) : fromStyle?.level ?? 0;
  return context.lists.next(numId, Number.isInteger(level) ? level : 0);
}

/** The side of a list label: that of the paragraph mark (tracked or formatted), else of all the paragraph's words when they share one. */
function labelSide(properties: XmlElementLike | undefined, paragraphStyle: string | null, runs: readonly ReadRun[], styles: WordStyles): RunSide {
  const mark = properties ? wChild(properties, "rPr") : undefined;
  if (mark && (wChild(mark, "ins") || wChild(mark, "moveTo"))) return "draft";
  if (mark && (wChild(mark, "del") || wChild(mark, "moveFrom"))) return "base";
  const marks = styles.marks(mark, paragraphStyle);
  if (marks.struck) return "base";
  if (marks.underscored) return "draft";
  const sides = new Set(runs.filter((run) => !run.seam && run.text.trim() !== "").map((run) => run.side));
  return sides.size === 1 ? [...sides][0]! : "both";
}

/**
 * The seam a tracked paragraph mark stands for (see seams.ts), as a marker at the paragraph's
 * end: an inserted mark on a paragraph with words of the base ends a split's first half; a
 * deleted mark on one with words of the draft is where a join's two base paragraphs meet. A
 * wholly inserted or deleted paragraph's mark goes with its words and is no seam.
 */
function trackedSeam(properties: XmlElementLike | undefined, runs: readonly ReadRun[]): ReadRun | null {
  const mark = properties ? wChild(properties, "rPr") : undefined;
  if (!mark) return null;
  const worded = (side: RunSide) => runs.some((run) => !run.seam && run.side !== side && run.text.trim() !== "");
  if ((wChild(mark, "ins") || wChild(mark, "moveTo")) && worded("draft")) return { text: "", side: "draft", seam: true };
  if ((wChild(mark, "del") || wChild(mark, "moveFrom")) && worded("base")) return { text: "", side: "base", seam: true };
  return null;
}

/** A paragraph as read, its seam markers not yet resolved. */
interface ReadParagraph {
  readonly runs: readonly ReadRun[];
  readonly indent: number | null;
}

/** A w:p read: its runs (a list label first), and its indentation (its own, else its list level's, else its style's). */
function readParagraph(paragraph: XmlElementLike, context: Context): ReadParagraph {
  const properties = wChild(paragraph, "pPr");
  const paragraphStyle = context.styles.paragraphStyle(properties);
  const runs: ReadRun[] = [];
  collectRuns(paragraph, runs, context.styles, paragraphStyle);
  const label = listLabel(properties, paragraphStyle, context);
  if (label) runs.unshift({ text: label.text + label.separator, side: labelSide(properties, paragraphStyle, runs, context.styles) });
  const seam = trackedSeam(properties, runs);
  if (seam) runs.push(seam);
  const indent = twipsOf(properties ? wChild(properties, "ind") : undefined) ?? twipsOf(label?.indentation) ?? twipsOf(context.styles.styleIndentation(paragraphStyle));
  return { runs: joinRuns(runs), indent };
}

const CONTAINERS = new Set(["tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "del"]);

/** Paragraphs of the body in reading order, tables and content controls included, walked without recursion. */
function collectParagraphs(body: XmlElementLike, paragraphs: ReadParagraph[], context: Context): void {
  const stack = childElements(body).reverse();
  for (let child = stack.pop(); child; child = stack.pop()) {
    if (isW(child, "p")) {
      paragraphs.push(readParagraph(child, context));
    } else if (CONTAINERS.has(child.localName)) {
      const children = child.children;
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
    }
  }
}

function parsePart(xml: string, parseXml: ParseXml, label: string): XmlElementLike {
  let root: XmlElementLike;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new WordImportError(`The Word file is damaged: ${label} is not well-formed XML (${(error as Error).message}).`);
  }
  const parserError = root.localName === "parsererror" ? root : findDescendant(root, "parsererror");
  if (parserError) {
    const detail = (parserError.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 200);
    throw new WordImportError(`The Word file is damaged: ${label} is not well-formed XML${detail ? ` (${detail})` : ""}.`);
  }
  return root;
}

function parseBody(xml: string, parseXml: ParseXml): XmlElementLike {
  const root = parsePart(xml, parseXml, "its document body");
  if (!isW(root, "document")) throw new WordImportError("The Word file is damaged: word/document.xml is not a WordprocessingML document.");
  const body = wChild(root, "body");
  if (!body) throw new WordImportError("The Word file is damaged: its document has no body.");
  return body;
}

/**
 * The paragraphs of a .docx body with their runs and sides (see RunSide); tabs and line
 * breaks read as a space. Throws a WordImportError for an empty or oversized file, a file that
 * is not a zip, a zip without word/document.xml, a part that unpacks past its limits or
 * declares a document type or entities (see docxPackage), or XML that does not parse.
 */
export async function readDocxParagraphs(bytes: Uint8Array, parseXml: ParseXml): Promise<WordParagraph[]> {
  const parts = await readDocxParts(bytes);
  const body = parseBody(parts.document, parseXml);
  const styles = new WordStyles(parts.styles === null ? null : parsePart(parts.styles, parseXml, "its styles (word/styles.xml)"));
  const lists = new ListCounter(parts.numbering === null ? null : parsePart(parts.numbering, parseXml, "its list numbering (word/numbering.xml)"));
  const paragraphs: ReadParagraph[] = [];
  collectParagraphs(body, paragraphs, { styles, lists });
  return resolveSeams(paragraphs);
}
