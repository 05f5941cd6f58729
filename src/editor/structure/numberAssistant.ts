/**
 * The number assistant (core/numbers) over a chapter node of the document, as the section
 * dialog uses it: the proposal for a new section after a given one, the verdict on a number the
 * drafter typed, and where a renumbered section stands in its chapter's order.
 */
import type { Node as PMNode } from "prosemirror-model";
import { checkSectionNumber, compareSectionNumbers, proposeSectionNumber } from "../../core/numbers";
import { chapterNumberOf, chapterSectionNumbers } from "./sectionCommands";

/** What the assistant says about the number of a new section. */
export interface SectionNumberAdvice {
  /** The proposed number, or null when the gap after the chosen section has none free. */
  readonly number: string | null;
  /** The reason for the proposal, or why there is none. */
  readonly explanation: string;
  /** When the gap has no free number: the nearest gap that has one — the section it follows (the chapter number at its start) and the number. */
  readonly alternative: { readonly after: string; readonly number: string } | null;
}

/** The assistant's advice for a new section after section `after` of `chapter`. */
export function adviseNewSection(chapter: PMNode, after: string): SectionNumberAdvice {
  const proposal = proposeSectionNumber(chapterSectionNumbers(chapter), after);
  switch (proposal.kind) {
    case "proposed": return { number: proposal.number, explanation: proposal.explanation, alternative: null };
    case "invalid": return { number: null, explanation: proposal.explanation, alternative: null };
    case "no-free-number": {
      const nearest = proposal.nearest;
      const alternative = nearest ? { after: nearest.gap.after ?? chapterNumberOf(chapter), number: nearest.number } : null;
      return { number: null, explanation: proposal.explanation, alternative };
    }
  }
}

/** Why `candidate` cannot number a new section placed after `after` (a section of `chapter`, or its chapter number for the start), or null. */
export function newSectionProblem(chapter: PMNode, after: string, candidate: string): string | null {
  const verdict = checkSectionNumber(chapterSectionNumbers(chapter), after, candidate);
  return verdict.kind === "refused" ? verdict.explanation : null;
}

/** The number of the section that `number` follows in `chapter`'s order (`except` left out), or null when it comes first. */
export function placeAfter(chapter: PMNode, number: string, except?: string): string | null {
  const before = chapterSectionNumbers(chapter).filter((each) => each !== except && compareSectionNumbers(each, number) < 0);
  return before.length > 0 ? before[before.length - 1]! : null;
}
