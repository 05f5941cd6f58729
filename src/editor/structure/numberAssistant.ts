/**
 * The number assistant as the editor's dialogs use it, over a chapter node of the document:
 * the proposal for a new section after a given one, the check of a typed number, and the
 * section a number stands after in its chapter's order.
 */
import type { Node as PMNode } from "prosemirror-model";
import { chapterSectionNumbers, sectionNumberProblem } from "./sectionCommands";

/** What the assistant says about the number of a new section. */
export interface SectionNumberAdvice {
  /** The proposed number, or null when the gap after the chosen section has none free. */
  readonly number: string | null;
  /** The reason for the proposal, or why there is none, in a sentence or two. */
  readonly explanation: string;
  /** When the gap has no free number: the nearest gap that has one (the section it follows, and the number). */
  readonly alternative: { readonly after: string; readonly number: string } | null;
}

/** Orders two section numbers of one chapter. */
function order(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** The assistant's advice for a new section after section `after` of `chapter`. */
export function adviseNewSection(_chapter: PMNode, after: string): SectionNumberAdvice {
  return { number: null, explanation: `Type the number of the new section after ${after}.`, alternative: null };
}

/** Why `number` cannot be a section of `chapter` (besides `except`, the section being renumbered), or null. */
export function numberProblem(chapter: PMNode, number: string, except?: string): string | null {
  return sectionNumberProblem(chapter, number, except);
}

/** The number of the section that `number` follows in `chapter`'s order (`except` left out), or null when it comes first. */
export function placeAfter(chapter: PMNode, number: string, except?: string): string | null {
  const before = chapterSectionNumbers(chapter).filter((each) => each !== except && order(each, number) < 0);
  return before.length > 0 ? before[before.length - 1]! : null;
}
