/**
 * A Word paragraph read as one side of a redline: its base text (plain and deleted runs) or
 * its draft text (plain and inserted runs), cleaned the way the importer cleans a line; and
 * the normalized key used to find a reprinted paragraph among the base's paragraphs.
 */
import { plainSpaces, straightenQuotes } from "../importer/normalize";
import type { RunSide, WordParagraph, WordRun } from "./readDocx";

const CLOSING = /^\s*[.,;:!?)\]]/;
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * The paragraph's text on one side, single-spaced and trimmed, quotes straightened. Where runs
 * of the other side were left out, a space that the marking moved outside the mark (a clerk
 * underlines words, not the spaces around them) is dropped before closing punctuation and
 * after an opening parenthesis, so "information __with authorities__." reads back on the base
 * side as "information." rather than "information .".
 */
export function sideText(paragraph: WordParagraph, side: "base" | "draft"): string {
  return cleanLine(sideRuns(paragraph.runs, side));
}

/**
 * The runs' text on one side, not yet cleaned: the other side's runs left out, and the space
 * the marking moved outside a left-out mark dropped as `sideText` says.
 */
export function sideRuns(runs: readonly WordRun[], side: "base" | "draft"): string {
  let text = "";
  // A run of the other side was left out since the last word written (spaces between a struck
  // and an underscored run, which the exporter prints, do not count as words).
  let skipped = false;
  for (const run of runs) {
    if (!includes(run.side, side)) { skipped = true; continue; }
    let piece = run.text;
    if (skipped) {
      if (/\s$/.test(text) && CLOSING.test(piece)) text = text.replace(/\s+$/, "");
      if (/[([]\s*$/.test(text)) { text = text.replace(/\s+$/, ""); piece = piece.replace(/^\s+/, ""); }
      if (piece.trim() !== "") skipped = false;
    }
    text += piece;
  }
  return text;
}

function includes(runSide: RunSide, side: "base" | "draft"): boolean {
  return runSide === "both" || runSide === side;
}

/** A line cleaned like the importer's input: plain spaces, straight quotes, single spaces, trimmed. */
export function cleanLine(text: string): string {
  return straightenQuotes(plainSpaces(text)).replace(/\s+/g, " ").trim();
}

/** Whether every run of the paragraph is on both sides (nothing struck or underscored). */
export function isUnmarked(paragraph: WordParagraph): boolean {
  return paragraph.runs.every((run) => run.side === "both");
}

/**
 * The key two lines are matched on: whitespace collapsed, quotes straightened, dashes made
 * hyphens, and no space before closing punctuation or after an opening parenthesis. An
 * enumerator stays part of the key, so "(a) Text" never matches "(b) Text".
 */
export function matchKey(text: string): string {
  return cleanLine(text).replace(DASHES, "-").replace(/\s+(?=[.,;:!?)\]])/g, "").replace(/([([])\s+/g, "$1");
}
