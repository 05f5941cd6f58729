/**
 * The fixed wording of a Chicago amending ordinance: enacting clause, amending, inserting and
 * repealing formulas, the omitted-text line, recitals, the effective-date clause and the
 * signature block. Every sentence the export prints that is not Code text comes from here.
 */
import { ordinal, type Person } from "../sponsors/sponsors";
import type { EffectiveDate, ExportSettings } from "./settings";
import { titleOfNumber } from "../numbers";

export const ENACTING_CLAUSE = "BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:";
export const CODE_NAME = "the Municipal Code of Chicago";
export const SIGNATURE_LINE = "______________________________";
export const CO_SPONSORS_HEADING = "Co-sponsors:";

/** Which marks a unit carries, to choose the clauses of its formula. */
export interface MarkKinds {
  readonly deletes: boolean;
  readonly inserts: boolean;
}

/** "SECTION 3." */
export function sectionLabel(number: number): string {
  return `SECTION ${number}.`;
}

/**
 * "Chapter 2-173 of the Municipal Code of Chicago is hereby amended by deleting the language
 * struck through and by inserting the language underscored, as follows:" — with only the
 * clauses the unit needs, in the order and wording the settings choose.
 */
export function amendFormula(subject: string, marks: MarkKinds, settings: ExportSettings): string {
  return `${subject} of ${CODE_NAME} is hereby amended by ${markClauses(marks, settings).join(" and by ")}, as follows:`;
}

function markClauses(marks: MarkKinds, settings: ExportSettings): string[] {
  const deleting = `deleting the language ${settings.strikeWording}`;
  const inserting = "inserting the language underscored";
  return marks.deletes && marks.inserts
    ? (settings.formulaOrder === "delete-first" ? [deleting, inserting] : [inserting, deleting])
    : marks.deletes ? [deleting] : [inserting];
}

/**
 * "Section 2-176-050 of the Municipal Code of Chicago is hereby amended by moving it to Chapter
 * 2-178 as Section 2-178-040, by deleting the language struck through and by inserting the
 * language underscored, as follows:" — a section moved into another chapter, reprinted once.
 */
export function moveFormula(numberA: string, chapterB: string, numberB: string, marks: MarkKinds, settings: ExportSettings): string {
  const clauses = [`moving it to Chapter ${chapterB} as Section ${numberB}`, ...markClauses(marks, settings)];
  const last = clauses.pop()!;
  return `Section ${numberA} of ${CODE_NAME} is hereby amended by ${clauses.join(", by ")} and by ${last}, as follows:`;
}

/** "Chapter 2-173 of the Municipal Code of Chicago is hereby amended by inserting a new Section 2-173-045, as follows:" */
export function insertSectionFormula(chapterNumber: string, sectionNumber: string): string {
  return `Chapter ${chapterNumber} of ${CODE_NAME} is hereby amended by inserting a new Section ${sectionNumber}, as follows:`;
}

/** "Title 2 of the Municipal Code of Chicago is hereby amended by inserting a new Chapter 2-174, as follows:" */
export function insertChapterFormula(chapterNumber: string): string {
  const title = titleOfNumber(chapterNumber);
  return `Title ${title} of ${CODE_NAME} is hereby amended by inserting a new Chapter ${chapterNumber}, as follows:`;
}

/** "Section 2-173-030 of the Municipal Code of Chicago is hereby repealed in its entirety." (or Chapter …) */
export function repealFormula(subject: string): string {
  return `${subject} of ${CODE_NAME} is hereby repealed in its entirety.`;
}

/** "(Omitted text is unaffected by this ordinance)" or its "not affected" variant. */
export function omittedTextLine(settings: ExportSettings): string {
  return `(Omitted text is ${settings.omittedWording} by this ordinance)`;
}

/** "WHEREAS, …; and" — the last recital ends "; now, therefore,". */
export function recitalText(body: string, isLast: boolean): string {
  return `WHEREAS, ${body}${isLast ? "; now, therefore," : "; and"}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2027-01-01" → "January 1, 2027". The date must be valid "YYYY-MM-DD". */
export function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** The sentence of the effective-date SECTION (without its label). */
export function effectiveDateSentence(effective: EffectiveDate): string {
  switch (effective.kind) {
    case "passage-and-publication": return "This ordinance shall take effect upon its passage and publication.";
    case "passage-and-approval": return "This ordinance shall take effect upon its passage and approval.";
    case "fixed-date": return `This ordinance shall take effect on ${longDate(effective.date)}.`;
    case "days-after-passage": return `This ordinance shall take effect ${effective.days} ${effective.days === 1 ? "day" : "days"} after its passage and publication.`;
  }
}

/** "Alderman, 35th Ward"; "Alderman" when the ward is unknown. */
export function aldermanOffice(person: Person | null): string {
  return person?.ward ? `Alderman, ${ordinal(person.ward)} Ward` : "Alderman";
}
