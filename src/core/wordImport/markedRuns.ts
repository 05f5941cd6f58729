/**
 * Marked runs from outside Word (pasted HTML of a redline, read by the editor layer) → Word
 * paragraphs, so a pasted redline goes through the same merge of marked runs as a Word file:
 * struck = base only, underlined = draft only (struck wins when both), neither = both sides.
 */
import type { OrdinanceDocument } from "../model/document";
import { readProposedText, type ProposedReading } from "../importer/proposedText";
import { draftFromWordParagraphs } from "./draftFromWord";
import { WordImportError, type RunSide, type WordParagraph } from "./readDocx";
import type { WordImportWarning } from "./reprints";
import { sideText } from "./sides";

/** A piece of text with the marks it was shown with. */
export interface MarkedRun {
  readonly text: string;
  readonly struck: boolean;
  readonly underlined: boolean;
}

/** The side a run's marks give it, as the Word import reads formatting. */
export function markedSide(run: Pick<MarkedRun, "struck" | "underlined">): RunSide {
  return run.struck ? "base" : run.underlined ? "draft" : "both";
}

/** One paragraph of marked runs as a Word paragraph: empty runs dropped, neighbours of one side joined. */
export function paragraphFromMarkedRuns(runs: readonly MarkedRun[], indent: number | null = null): WordParagraph {
  const joined: Array<{ text: string; side: RunSide }> = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const side = markedSide(run);
    const last = joined[joined.length - 1];
    if (last && last.side === side) last.text += run.text;
    else joined.push({ text: run.text, side });
  }
  return { runs: joined, indent };
}

/** Whether any run is struck or underlined (the paste is a redline, not plain text). */
export function hasMarks(paragraphs: readonly (readonly MarkedRun[])[]): boolean {
  return paragraphs.some((runs) => runs.some((run) => (run.struck || run.underlined) && run.text.trim() !== ""));
}

/** A pasted redline read against the base and the current draft. */
export type MarkedReading =
  | { readonly kind: "word"; readonly draft: OrdinanceDocument; readonly warnings: readonly WordImportWarning[]; readonly paragraphs: readonly WordParagraph[] }
  | (ProposedReading & { readonly paragraphs: readonly WordParagraph[] });

/**
 * Reads paragraphs of marked runs: an amending ordinance or a whole chapter exactly as a Word
 * file of the same runs is read (draftFromWordParagraphs); otherwise the draft side of a few
 * reprinted sections, merged into `draft` as a fragment (readProposedText). Throws
 * WordImportError, ImportError or FragmentError when neither reading holds.
 */
export function readMarkedParagraphs(base: OrdinanceDocument, draft: OrdinanceDocument, marked: readonly (readonly MarkedRun[])[]): MarkedReading {
  return readRedlineParagraphs(base, draft, markedParagraphs(marked));
}

/** Paragraphs of marked runs as Word paragraphs, empty ones left out. */
export function markedParagraphs(marked: readonly (readonly MarkedRun[])[]): WordParagraph[] {
  return marked.map((runs) => paragraphFromMarkedRuns(runs)).filter((paragraph) => paragraph.runs.length > 0);
}

/** readMarkedParagraphs on paragraphs already read (from a Word file, or settled by settleUntracked). */
export function readRedlineParagraphs(base: OrdinanceDocument, draft: OrdinanceDocument, paragraphs: readonly WordParagraph[]): MarkedReading {
  try {
    const result = draftFromWordParagraphs(base, paragraphs);
    return { kind: "word", draft: result.draft, warnings: result.warnings, paragraphs };
  } catch (error) {
    if (!(error instanceof WordImportError) || paragraphs.length === 0) throw error;
    const text = paragraphs.map((paragraph) => sideText(paragraph, "draft")).filter((line) => line !== "").join("\n\n");
    return { ...readProposedText(text, draft), paragraphs };
  }
}
