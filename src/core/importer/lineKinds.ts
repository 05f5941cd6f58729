/**
 * What a single cleaned line of Code text is: a heading, an enumerated paragraph start, a
 * history note, or plain text. Classification looks only at the line itself; the parser
 * decides from context what a plain line continues.
 */
import { leadingEnumerator } from "../model/enumerators";
import { CHAPTER_NUMBER_SOURCE, SECTION_NUMBER_SOURCE, TITLE_NUMBER_SOURCE } from "../numbers";

export type LineKind =
  | { readonly kind: "title"; readonly number: string; readonly name: string }
  | { readonly kind: "chapter"; readonly number: string; readonly title: string }
  | {
      readonly kind: "section";
      readonly number: string;
      readonly catchline: string;
      /** Set when the line holds only the number ("§ 2-173-042"): the catchline may follow on the next line. */
      readonly bare?: "plain" | "signed";
    }
  | { readonly kind: "enumerated"; readonly enumerator: string; readonly text: string }
  | { readonly kind: "history"; readonly text: string }
  | { readonly kind: "note"; readonly text: string }
  | { readonly kind: "text"; readonly text: string };

const TITLE = new RegExp(`^TITLE (${TITLE_NUMBER_SOURCE})(?: (.*))?$`);
const CHAPTER = new RegExp(`^(?:CHAPTER|Chapter) (${CHAPTER_NUMBER_SOURCE})(?:\\.? (.*))?$`);
/** "2-173-042 Catchline.", optionally led by "§" or "Sec."; the catchline starts with a capital. */
const SECTION = new RegExp(`^(?:§ ?|Sec\\. ?)?(${SECTION_NUMBER_SOURCE})\\.? ([A-Z"'(].*)$`);
const HISTORY = /^\((?:Added|Amend|Amended|Formerly|Prior code|Coun\. J\.|Repealed|Renumbered|Ord\.|Source:)(?:[\s.,:]|$)/;
/** "* Editor's note – …" (the star is the footnote mark of a starred title): the note without its star. */
const EDITORS_NOTE = /^(?:\*+ ?)?(Editor'?s'? note\b.*)$/i;
/** A section number alone on its line, optionally led by "§" or "Sec.": a heading whose catchline was wrapped or set apart. */
const BARE_NUMBER = new RegExp(`^(§ ?|Sec\\. ?)?(${SECTION_NUMBER_SOURCE})\\.?$`);

/** A section number and the rest of the line, with any catchline: what a heading line is when its number is listed in the contents. */
const LISTED_HEADING = new RegExp(`^(${SECTION_NUMBER_SOURCE})(?: (.*))?$`);

/**
 * The number and catchline of a line that is a section heading when its number is one the
 * chapter's contents list (or, in the contents, one of the chapter's numbers), whatever its
 * catchline: lower case, empty or long. Null when the line does not start with a number.
 */
export function listedHeading(text: string): { readonly number: string; readonly catchline: string } | null {
  const match = LISTED_HEADING.exec(text);
  return match ? { number: match[1]!, catchline: (match[2] ?? "").trim() } : null;
}

/** Classifies one cleaned, non-blank line. */
export function classifyLine(text: string): LineKind {
  const title = TITLE.exec(text);
  if (title) return { kind: "title", number: title[1]!, name: (title[2] ?? "").trim() };
  const chapter = CHAPTER.exec(text);
  if (chapter && (text.startsWith("CHAPTER ") || isHeadingTitle(chapter[2] ?? ""))) {
    return { kind: "chapter", number: chapter[1]!, title: withoutFootnoteStar((chapter[2] ?? "").trim()) };
  }
  const section = SECTION.exec(text);
  if (section && section[2]!.length <= 250) {
    return { kind: "section", number: section[1]!, catchline: section[2]!.trim() };
  }
  const bare = BARE_NUMBER.exec(text);
  if (bare) return { kind: "section", number: bare[2]!, catchline: "", bare: bare[1] ? "signed" : "plain" };
  if (HISTORY.test(text)) return { kind: "history", text };
  // Only a line led by "*" or "E"/"e" can be a note: the case-blind pattern is not tried on the others.
  const lead = text.charCodeAt(0);
  const note = lead === 42 || lead === 69 || lead === 101 ? EDITORS_NOTE.exec(text) : null;
  if (note) return { kind: "note", text: note[1]! };
  const label = leadingEnumerator(text);
  if (label !== null) {
    const rest = text.slice(label.length + 2).trim();
    return { kind: "enumerated", enumerator: `(${label})`, text: rest };
  }
  return { kind: "text", text };
}

/** A title without the footnote star that points to an editor's note ("ORGANIZATION*"). */
export function withoutFootnoteStar(title: string): string {
  return title.replace(/\s*\*+$/, "");
}

/**
 * A chapter's title is printed in capitals; "Chapter 2-173 of this Code applies" is a sentence.
 * A line led by the word CHAPTER in capitals is a heading whatever its title's case (the
 * canonical text writes a chapter's title as the draft has it).
 */
function isHeadingTitle(rest: string): boolean {
  return rest === "" || rest === rest.toUpperCase();
}

/** True when a line of plain text looks like a chapter's title line printed under its heading. */
export function looksLikeChapterTitle(text: string): boolean {
  // A line led by a section number is a contents line or a heading, whatever its catchline.
  return /[A-Z]/.test(text) && text === text.toUpperCase() && classifyLine(text).kind === "text" && listedHeading(text) === null;
}

/** Abbreviations after which a line break does not end a sentence (citations mostly). */
const ABBREVIATIONS = /(?:^|\s)(?:U\.S\.C\.|U\.S\.|C\.F\.R\.|Ill\.|Stat\.|Coun\.|J\.|p\.|pp\.|Sec\.|Secs\.|No\.|Nos\.|Art\.|e\.g\.|i\.e\.|etc\.|Inc\.|Co\.|v\.)$/;

/**
 * True when a paragraph's text ends a sentence or clause, so a following line (`next`, when
 * known) is a new paragraph. A list item ending "; and" or "; or" ends its clause when the next
 * line starts as a sentence does (a capital or a quote); a line going on in lower case is the
 * same paragraph wrapped.
 */
export function endsClause(text: string, next?: string): boolean {
  if (next !== undefined && /;\s+(?:and|or|and\/or)$/.test(text) && /^["'A-Z]/.test(next)) return true;
  return /[.:;!?]["')\]]*$/.test(text) && !ABBREVIATIONS.test(text);
}

/** True when a line can be the catchline of a heading whose number stood alone on the line before. */
export function looksLikeCatchline(text: string): boolean {
  return text.length <= 250 && /^["'A-Z(]/.test(text) && classifyLine(text).kind === "text" && listedHeading(text) === null;
}

/** A line shortened for a message. */
export function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
