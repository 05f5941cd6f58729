/**
 * The Municipal Code's numbers: a title ("2", "4A"), a chapter (title-chapter: "2-173"), and a
 * section (title-chapter-section: "2-173-042", with the Code's three-digit section part, and
 * the forms the importer accepts besides: a letter after the title or chapter part, "2-173A-010",
 * and a decimal part, "2-173-042.5"). Every place that reads or writes a number goes through
 * here, so the pattern is written once.
 */

/** Regular-expression source of a title number: "2", "4A". */
export const TITLE_NUMBER_SOURCE = String.raw`\d+[A-Z]?`;
/** Regular-expression source of a chapter number: "2-173", "2-173A". */
export const CHAPTER_NUMBER_SOURCE = String.raw`\d+[A-Z]?-\d+[A-Z]?`;
/** Regular-expression source of a section number: "2-173-042", "2-173-042.5" (at least three digits in the section part). */
export const SECTION_NUMBER_SOURCE = String.raw`\d+[A-Z]?-\d+[A-Z]?-\d{3,}(?:\.\d+)?`;
/**
 * Regular-expression source of a date as history notes print it, "3-29-06" or "3-29-2006",
 * not followed by another digit. A two-digit year never reads as a section number (the section
 * part has three digits); a four-digit year could, which is why `parseSectionNumber` refuses it.
 */
export const DATE_SOURCE = String.raw`(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])-(?:(?:19|20)\d{2}|\d{2})(?!\d)`;

const SECTION_EXACT = new RegExp(`^(${TITLE_NUMBER_SOURCE})-(\\d+[A-Z]?)-(\\d{3,})(?:\\.(\\d+))?$`);
const CHAPTER_EXACT = new RegExp(`^(${TITLE_NUMBER_SOURCE})-(\\d+[A-Z]?)$`);
const DATE_EXACT = new RegExp(`^${DATE_SOURCE}$`);

/** A section number read into its parts. */
export interface SectionNumber {
  /** The number as written: "2-173-042.5". */
  readonly text: string;
  /** The title part: "2". */
  readonly title: string;
  /** The chapter the section belongs to: "2-173". */
  readonly chapter: string;
  /** The section part's whole number: 42 for "042" and "042.5". */
  readonly serial: number;
  /** The digits after the decimal point, or null: "5" for "2-173-042.5". */
  readonly fraction: string | null;
}

/** A chapter number read into its parts. */
export interface ChapterNumber {
  /** The number as written: "2-173". */
  readonly text: string;
  /** The title part: "2". */
  readonly title: string;
  /** The chapter part's whole number: 173 for "2-173" and "2-173A". */
  readonly serial: number;
}

/** True when the text is a date as history notes write it ("3-29-06", "10-5-2016"): the citation false friend. */
export function readsAsDate(text: string): boolean {
  return DATE_EXACT.test(text);
}

/**
 * The parts of a section number, or null when `text` is not exactly one (surrounding spaces,
 * a two-digit section part or a date such as "3-29-2006" are not section numbers).
 */
export function parseSectionNumber(text: string): SectionNumber | null {
  const match = SECTION_EXACT.exec(text);
  if (!match || readsAsDate(text)) return null;
  const title = match[1]!;
  return { text, title, chapter: `${title}-${match[2]!}`, serial: Number(match[3]!), fraction: match[4] ?? null };
}

/** The parts of a chapter number ("2-173"), or null when `text` is not exactly one. */
export function parseChapterNumber(text: string): ChapterNumber | null {
  const match = CHAPTER_EXACT.exec(text);
  return match ? { text, title: match[1]!, serial: Number.parseInt(match[2]!, 10) } : null;
}

export function isSectionNumber(text: string): boolean {
  return parseSectionNumber(text) !== null;
}

/**
 * The chapter number of a section number: "2-173-042" → "2-173". For text that is not a
 * section number, its first two hyphen-separated parts (the importer's lenient reading).
 */
export function chapterOfSection(sectionNumber: string): string {
  return parseSectionNumber(sectionNumber)?.chapter ?? sectionNumber.split("-").slice(0, 2).join("-");
}

/** The title number of a chapter or section number: "2-173" → "2". */
export function titleOfNumber(number: string): string {
  return number.split("-")[0] ?? number;
}

/**
 * Orders Code numbers (titles, chapters, sections) as the Code does: runs of digits by value,
 * everything else by character ("2-173-9" < "2-173-042" < "2-173-042.5" < "2-173-100",
 * "2-78" < "2-173"). Negative, zero or positive like `Array.prototype.sort` expects; zero only
 * for equal texts.
 */
export function compareSectionNumbers(a: string, b: string): number {
  const partsA = a.match(/\d+|\D+/g) ?? [];
  const partsB = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const x = partsA[i]!;
    const y = partsB[i]!;
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return partsA.length - partsB.length;
}

/** Chapter numbers order the same way as section numbers. */
export const compareChapterNumbers = compareSectionNumbers;

/** The section part's whole number of a section number ("2-173-042" → 42), or NaN when `number` is not a section number. */
export function sectionSerial(number: string): number {
  return parseSectionNumber(number)?.serial ?? Number.NaN;
}

/** True when two section numbers name the same section ("2-173-045" and "2-173-0045" do; the section part compared by value). */
export function sameSectionNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const x = parseSectionNumber(a);
  const y = parseSectionNumber(b);
  return x !== null && y !== null && x.chapter === y.chapter && x.serial === y.serial && x.fraction === y.fraction;
}

/**
 * The section number of `chapter` with section part `serial`, written the Code's way with at
 * least three digits: ("2-173", 45) → "2-173-045"; a fraction is written after a point:
 * ("2-173", 42, "5") → "2-173-042.5". Throws on a negative or non-integer serial.
 */
export function formatSectionNumber(chapter: string, serial: number, fraction: string | null = null): string {
  if (!Number.isInteger(serial) || serial < 0) throw new RangeError(`not a section serial: ${serial}`);
  return `${chapter}-${String(serial).padStart(3, "0")}${fraction === null ? "" : `.${fraction}`}`;
}
