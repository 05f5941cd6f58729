/**
 * What one line of an amending ordinance is: a SECTION formula (amending, repealing or other),
 * an omitted-text line, a chapter heading, a Code section heading (optionally labelled as moved),
 * signature-block furniture, or Code text. Recognition looks at the line alone.
 */
import { classifyLine } from "../importer/lineKinds";
import { CHAPTER_NUMBER_SOURCE, SECTION_NUMBER_SOURCE } from "../numbers";

/** "2-173-042 Catchline." read from a heading line. */
export interface HeadingLine {
  readonly number: string;
  readonly catchline: string;
}

/** "CHAPTER 2-173 WELCOMING CITY ORDINANCE" read from a chapter line. */
export interface ChapterLine {
  readonly number: string;
  readonly title: string;
}

export type FormulaKind =
  | { readonly kind: "amend" }
  | { readonly kind: "repeal"; readonly unit: "section" | "chapter"; readonly number: string }
  | { readonly kind: "other" };

const SECTION_LABEL = /^SECTION\s+\d+[A-Z]?\.(?:\s+|$)/i;
const AMENDS = /\bis\s+hereby\s+amended\b/i;
const REPEALS = new RegExp(String.raw`\b(Section|Chapter)\s+(${SECTION_NUMBER_SOURCE}|${CHAPTER_NUMBER_SOURCE})\s+of\b.*?\bis\s+hereby\s+repealed\b`, "i");
const OMITTED = /^(?:\(\s*omitted text is (?:unaffected|not affected) by this ordinance\.?\s*\)\.?|\*(?:\s*\*){2,})$/i;
const ENACTING = /^BE IT ORDAINED\b/i;
const LENIENT_HEADING = new RegExp(String.raw`^(?:§ ?|Sec\. ?)?(${SECTION_NUMBER_SOURCE})\.? (\S.*)$`);
const MOVE_LABEL = new RegExp(String.raw`\s*\(moved (?:to|from) (${SECTION_NUMBER_SOURCE})\)$`);
const SIGNATURE = /^(?:_{5,}|Alderm(?:a|e)n(?:, \d+(?:st|nd|rd|th) Ward)?|Co-?sponsors?:?)$/i;

/** When the line starts "SECTION n.", the rest of the line after the label (maybe empty); else null. */
export function afterSectionLabel(line: string): string | null {
  const match = SECTION_LABEL.exec(line);
  return match ? line.slice(match[0].length).trim() : null;
}

/** What an ordinance SECTION does, from its formula sentence. */
export function formulaKind(sentence: string): FormulaKind {
  const repeal = REPEALS.exec(sentence);
  if (repeal) return { kind: "repeal", unit: repeal[1]!.toLowerCase() === "chapter" ? "chapter" : "section", number: repeal[2]! };
  return AMENDS.test(sentence) ? { kind: "amend" } : { kind: "other" };
}

export function isOmittedLine(line: string): boolean {
  return OMITTED.test(line);
}

export function isEnactingClause(line: string): boolean {
  return ENACTING.test(line);
}

/** Title, recitals, enacting clause, signature line, "Alderman, 35th Ward", "Co-sponsors:". */
export function isOrdinanceFurniture(line: string): boolean {
  return SIGNATURE.test(line) || ENACTING.test(line) || /^(?:SUBSTITUTE )?ORDINANCE$/i.test(line) || /^WHEREAS\b/.test(line);
}

export function isCoSponsorsHeading(line: string): boolean {
  return /^Co-?sponsors?:?$/i.test(line);
}

/** The chapter line's number and title, or null. */
export function readChapterLine(line: string): ChapterLine | null {
  const kind = classifyLine(line);
  return kind.kind === "chapter" ? { number: kind.number, title: kind.title } : null;
}

/** A heading line without its "(moved to …)"/"(moved from …)" label, and the label's number. */
export function withoutMoveLabel(line: string): { readonly text: string; readonly movedWith: string | null } {
  const match = MOVE_LABEL.exec(line);
  return match ? { text: line.slice(0, match.index).trim(), movedWith: match[1]! } : { text: line, movedWith: null };
}

/**
 * The heading in a line, when the line is one. `strict` follows the importer (catchline starts
 * with a capital); otherwise any text after the number is accepted (a catchline edited to start
 * in lower case still reads as a heading when its other side, or its chapter, vouches for it).
 */
export function readHeadingLine(line: string, strict: boolean): HeadingLine | null {
  if (strict) {
    const kind = classifyLine(line);
    return kind.kind === "section" ? { number: kind.number, catchline: kind.catchline } : null;
  }
  const match = LENIENT_HEADING.exec(line);
  return match ? { number: match[1]!, catchline: match[2]!.trim() } : null;
}

