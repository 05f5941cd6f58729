/**
 * Comment threads placed in an exported document, for the review copy: each thread's words
 * found in the blocks — a change thread by the runs that carry its change id, a text thread by
 * its words in a block's draft reading (struck and deleted runs left out) — as a character
 * range of one block's text (every run's text joined). A thread whose words the ordinance does
 * not reprint has no place (null); the writer then puts it on the title, saying what it is on.
 */
import { findWords } from "../annotations/textQuote";
import type { ExportBlock, Run } from "./exportDocument";

/** One comment of a thread, as exported. */
export interface ReviewComment {
  readonly author: string;
  readonly office?: string;
  /** ISO 8601 time. */
  readonly time: string;
  readonly text: string;
}

/** A comment thread to export with the document. */
export interface ReviewThread {
  /** The words it is on (a change's words for a change thread). */
  readonly words: string;
  /** The redline change it is on, or null for a thread on draft words. */
  readonly changeId: string | null;
  /** The section it is in (draft number), said when it has no place of its own. */
  readonly section: string;
  readonly resolved: boolean;
  readonly comments: readonly ReviewComment[];
}

/** Where a thread stands: block `block`, characters [start, end) of its joined run text. */
export interface ThreadPlace {
  readonly block: number;
  readonly start: number;
  readonly end: number;
}

function isDeleted(run: Run): boolean {
  return run.revision ? run.revision.kind === "delete" : run.style === "struck";
}

function placeOfChange(runs: readonly Run[], changeId: string): { start: number; end: number } | null {
  let offset = 0;
  let start = -1;
  let end = -1;
  for (const run of runs) {
    if (run.changeId === changeId && run.text.trim() !== "") {
      if (start < 0) start = offset;
      end = offset + run.text.length;
    }
    offset += run.text.length;
  }
  return start < 0 ? null : { start, end };
}

function placeOfWords(runs: readonly Run[], words: string): { start: number; end: number } | null {
  // The draft's reading of the block, and where each of its characters stands in the joined text.
  let view = "";
  const at: number[] = [];
  let offset = 0;
  for (const run of runs) {
    if (!isDeleted(run) && !run.pilcrow) for (let i = 0; i < run.text.length; i++) { view += run.text[i]; at.push(offset + i); }
    offset += run.text.length;
  }
  const found = findWords(view, words);
  return found ? { start: at[found.start]!, end: at[found.end - 1]! + 1 } : null;
}

/** The place of each thread in `blocks` (each a block's runs as written), in the order given; null where it has none. */
export function placeThreads(blocks: ReadonlyArray<readonly Run[]>, threads: readonly ReviewThread[]): Array<ThreadPlace | null> {
  return threads.map((thread) => {
    for (let block = 0; block < blocks.length; block++) {
      const runs = blocks[block]!;
      const place = thread.changeId !== null ? placeOfChange(runs, thread.changeId) ?? placeOfWords(runs, thread.words) : placeOfWords(runs, thread.words);
      if (place && place.end > place.start) return { block, ...place };
    }
    return null;
  });
}

/**
 * Where a thread with no place of its own goes: on its section's number where the ordinance
 * prints the section (its heading), else where it names it (a SECTION formula, then a contents
 * line), else null (the writer then puts it on the title). Its first comment says what words it
 * is on either way.
 */
export function sectionPlace(blocks: ReadonlyArray<Pick<ExportBlock, "kind" | "runs">>, section: string): ThreadPlace | null {
  for (const kind of ["code-heading", "section-formula", "toc"] as const) {
    for (let block = 0; block < blocks.length; block++) {
      if (blocks[block]!.kind !== kind) continue;
      const place = placeOfWords(blocks[block]!.runs, section);
      if (place && place.end > place.start) return { block, ...place };
    }
  }
  return null;
}
