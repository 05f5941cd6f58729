/**
 * The number assistant's core: which number a new section takes. The Code leaves gaps between
 * section numbers so a section can be inserted without renumbering (2-173-045 between -042 and
 * -050); only the City Clerk renumbers, so nothing here ever moves an existing number.
 */
import { compareSectionNumbers, formatSectionNumber, parseChapterNumber, parseSectionNumber, sameSectionNumber } from "./sectionNumbers";

/** Where a new section goes: between two neighbouring sections (null at the chapter's start or end). */
export interface NumberGap {
  readonly after: string | null;
  readonly before: string | null;
}

/** What the assistant proposes for a new section placed after `after`. */
export type NumberProposal =
  /** An unused number in the gap, and why it was chosen. */
  | { readonly kind: "proposed"; readonly number: string; readonly gap: NumberGap; readonly explanation: string }
  /** The gap holds no unused number; `nearest` is the closest gap that does (null when the chapter has none). */
  | {
      readonly kind: "no-free-number"; readonly gap: NumberGap; readonly explanation: string;
      readonly nearest: { readonly number: string; readonly gap: NumberGap } | null;
    }
  /** `after` is neither a section number nor a chapter number. */
  | { readonly kind: "invalid"; readonly explanation: string };

/** The verdict on a number the drafter typed. */
export type NumberCheck =
  | { readonly kind: "accepted"; readonly number: string; readonly explanation: string }
  | { readonly kind: "refused"; readonly reason: "malformed" | "used" | "other-chapter" | "out-of-order"; readonly explanation: string };

/** Section parts the assistant proposes stay below this: the Code's three digits. */
const LIMIT = 1000;

interface Placement {
  readonly chapter: string;
  /** The chapter's section numbers in Code order, one per distinct number. */
  readonly numbers: readonly string[];
  /** Index into `numbers` of the gap: the new section goes before `numbers[gapIndex]`. */
  readonly gapIndex: number;
}

function placement(existing: readonly string[], after: string): Placement | null {
  const section = parseSectionNumber(after);
  const chapter = section?.chapter ?? parseChapterNumber(after)?.text;
  if (chapter === undefined) return null;
  const numbers = [...new Set(existing.filter((number) => parseSectionNumber(number)?.chapter === chapter))].sort(compareSectionNumbers);
  const gapIndex = section ? numbers.filter((number) => compareSectionNumbers(number, after) <= 0 || sameSectionNumber(number, after)).length : 0;
  return { chapter, numbers, gapIndex };
}

/** A number's value on the line of serials: 42 for "-042", 42.5 for "-042.5". */
function value(number: string | null, fallback: number): number {
  const parsed = number === null ? null : parseSectionNumber(number);
  return parsed ? parsed.serial + (parsed.fraction === null ? 0 : Number(`0.${parsed.fraction}`)) : fallback;
}

/** The integer closest to `middle` among those in (low, high) that `accept`, the lower on a tie; or null. */
function closestTo(middle: number, low: number, high: number, accept: (serial: number) => boolean): number | null {
  let best: number | null = null;
  for (let serial = Math.floor(low) + 1; serial < high; serial++) {
    if (!accept(serial)) continue;
    if (best === null || Math.abs(serial - middle) < Math.abs(best - middle)) best = serial;
  }
  return best;
}

/** The number the Code's habit picks in one gap, with its reason, or null when the gap holds no free three-digit number. */
function pickInGap(chapter: string, gap: NumberGap): { readonly number: string; readonly explanation: string } | null {
  const low = value(gap.after, 0);
  const high = Math.min(value(gap.before, LIMIT), LIMIT);
  const name = (number: number) => formatSectionNumber(chapter, number);
  if (gap.before === null && gap.after === null) return { number: name(10), explanation: `${name(10)}: the first section of Chapter ${chapter}, numbered as the Code starts a chapter.` };
  if (gap.before === null && gap.after !== null) {
    const next = Math.floor(low / 10) * 10 + 10;
    if (next < LIMIT) return { number: name(next), explanation: `${name(next)}: the next multiple of 10 after ${gap.after}, the last section of Chapter ${chapter}.` };
  }
  const where = gap.after === null ? `before ${gap.before ?? "any section"}, at the start of Chapter ${chapter}` : `between ${gap.after} and ${gap.before ?? `the end of Chapter ${chapter}`}`;
  const middle = (low + high) / 2;
  const five = closestTo(middle, low, high, (serial) => serial % 5 === 0);
  if (five !== null) return { number: name(five), explanation: `${name(five)}: an unused number ${where}, a multiple of 5 as the Code numbers its insertions, so no section is renumbered.` };
  const any = closestTo(middle, low, high, () => true);
  if (any === null) return null;
  return { number: name(any), explanation: `${name(any)}: no multiple of 5 is free ${where}; ${name(any)} is the unused number nearest the middle of the gap, so no section is renumbered.` };
}

function gapAt(place: Placement, index: number): NumberGap {
  return { after: place.numbers[index - 1] ?? null, before: place.numbers[index] ?? null };
}

/**
 * The number for a new section placed after the section `after` (or, when `after` is a chapter
 * number, at that chapter's start), given the section numbers in use (`existing`: any chapters;
 * only `after`'s chapter counts). Following the Code's habit: the unused multiple of 5 nearest the
 * middle of the gap between the neighbours (2-173-045 between 2-173-042 and 2-173-050), else the
 * unused number nearest the middle, and after the chapter's last section the next multiple of 10.
 * Guarantees: a proposed number is unused, of `after`'s chapter, and sorts strictly between the
 * gap's neighbours; where the gap has no free number the result says so and names the nearest gap
 * that has one (the following gap on a tie); no existing number is ever changed.
 */
export function proposeSectionNumber(existing: readonly string[], after: string): NumberProposal {
  const place = placement(existing, after);
  if (!place) return { kind: "invalid", explanation: `"${after}" is not a section or chapter number such as 2-173-042.` };
  const gap = gapAt(place, place.gapIndex);
  const pick = pickInGap(place.chapter, gap);
  if (pick) return { kind: "proposed", number: pick.number, gap, explanation: pick.explanation };
  const between = `between ${gap.after ?? `the start of Chapter ${place.chapter}`} and ${gap.before ?? `the end of Chapter ${place.chapter}`}`;
  for (let distance = 1; distance <= place.numbers.length; distance++) {
    for (const index of [place.gapIndex + distance, place.gapIndex - distance]) {
      if (index < 0 || index > place.numbers.length) continue;
      const other = gapAt(place, index);
      const found = pickInGap(place.chapter, other);
      if (!found) continue;
      const there = `between ${other.after ?? `the start of the chapter`} and ${other.before ?? "the end of the chapter"}`;
      return {
        kind: "no-free-number", gap, nearest: { number: found.number, gap: other },
        explanation: `No number is free ${between}, and only the City Clerk renumbers sections. The nearest free gap is ${there}: ${found.number}.`,
      };
    }
  }
  return { kind: "no-free-number", gap, nearest: null, explanation: `No number is free ${between} or anywhere in Chapter ${place.chapter}, and only the City Clerk renumbers sections.` };
}

/**
 * The verdict on `candidate`, a number the drafter typed for a new section placed after
 * `after` (a section number, or a chapter number for the chapter's start). Refused when it is
 * not a section number, belongs to another chapter, is already used (compared by value:
 * "2-173-0050" is "2-173-050"), or does not sort strictly between the gap's neighbours (the
 * Code keeps sections in number order); accepted otherwise, with the gap it falls in.
 */
export function checkSectionNumber(existing: readonly string[], after: string, candidate: string): NumberCheck {
  const place = placement(existing, after);
  const parsed = parseSectionNumber(candidate.trim());
  if (!place || !parsed) return { kind: "refused", reason: "malformed", explanation: `"${candidate}" is not a section number: write title-chapter-section, such as ${place ? formatSectionNumber(place.chapter, 45) : "2-173-045"}.` };
  const number = parsed.text;
  if (parsed.chapter !== place.chapter) return { kind: "refused", reason: "other-chapter", explanation: `${number} belongs to Chapter ${parsed.chapter}, not to Chapter ${place.chapter}.` };
  const user = place.numbers.find((each) => sameSectionNumber(each, number));
  if (user !== undefined) return { kind: "refused", reason: "used", explanation: `${number} is already used${user === number ? "" : ` (as ${user})`}; choose an unused number.` };
  const gap = gapAt(place, place.gapIndex);
  const fits = (gap.after === null || compareSectionNumbers(gap.after, number) < 0) && (gap.before === null || compareSectionNumbers(number, gap.before) < 0);
  const between = `between ${gap.after ?? `the start of Chapter ${place.chapter}`} and ${gap.before ?? `the end of Chapter ${place.chapter}`}`;
  if (!fits) return { kind: "refused", reason: "out-of-order", explanation: `${number} does not fall ${between}, where the section is placed; sections stay in number order.` };
  return { kind: "accepted", number, explanation: `${number} is unused and falls ${between}.` };
}
