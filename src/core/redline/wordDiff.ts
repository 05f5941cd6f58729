/**
 * Word diff of one line of text (a paragraph's words, a heading, a contents entry): the
 * minimal token diff from jsdiff, then the presentation pass that lawyers expect, then text
 * ranges. Offsets are relative to the two strings passed in.
 */
import { diffArrays } from "diff";
import { lcsPairs } from "./lcs";

/** Largest token table (A tokens × B tokens) diffed by lcs.ts; a paragraph of 60 words each way fits. */
const WORD_TABLE = 4096;
import { foldTypography, isPunctuation, tokenize, type Token } from "./tokens";
import type { ResolvedOptions } from "./types";

/** A run of changed tokens: A tokens [fromA, toA) became B tokens [fromB, toB). */
export interface TokenHunk {
  readonly fromA: number;
  readonly toA: number;
  readonly fromB: number;
  readonly toB: number;
}

/** A changed text range of a line pair, in character offsets of each string. */
export interface TextEdit {
  readonly fromA: number;
  readonly toA: number;
  readonly fromB: number;
  readonly toB: number;
  readonly precise: boolean;
}

/**
 * The minimal token hunks between two token lists, or null when the diff exceeded its bound.
 * Common leading and trailing tokens are skipped before jsdiff runs.
 */
export function minimalHunks(a: readonly string[], b: readonly string[], maxEditLength: number): TokenHunk[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  if (start === endA && start === endB) return [];
  if (start === endA || start === endB) return [{ fromA: start, toA: endA, fromB: start, toB: endB }];
  if ((endA - start) * (endB - start) <= WORD_TABLE) return smallHunks(a, b, start, endA, endB, maxEditLength);
  const parts = diffArrays(a.slice(start, endA), b.slice(start, endB), { maxEditLength });
  if (!parts) return null;
  const hunks: TokenHunk[] = [];
  let indexA = start;
  let indexB = start;
  let open: { fromA: number; fromB: number } | null = null;
  for (const part of parts) {
    const count = part.value.length;
    if (!part.added && !part.removed) {
      if (open) hunks.push({ ...open, toA: indexA, toB: indexB });
      open = null;
      indexA += count;
      indexB += count;
      continue;
    }
    open ??= { fromA: indexA, fromB: indexB };
    if (part.removed) indexA += count;
    else indexB += count;
  }
  if (open) hunks.push({ ...open, toA: indexA, toB: indexB });
  return hunks;
}

/** Hunks between the matched token pairs of a small middle (see lcs.ts). */
function smallHunks(a: readonly string[], b: readonly string[], start: number, endA: number, endB: number, maxEditLength: number): TokenHunk[] | null {
  const pairs = lcsPairs(a, start, endA, b, start, endB);
  if (endA - start + endB - start - 2 * pairs.length > maxEditLength) return null;
  const hunks: TokenHunk[] = [];
  let nextA = start;
  let nextB = start;
  for (const [i, j] of [...pairs, [endA, endB] as [number, number]]) {
    if (i > nextA || j > nextB) hunks.push({ fromA: nextA, toA: i, fromB: nextB, toB: j });
    nextA = i + 1;
    nextB = j + 1;
  }
  return hunks;
}

/** A short unchanged run between two changes, folded into one replacement. */
function isShortRun(tokens: readonly Token[]): boolean {
  if (tokens.every((token) => isPunctuation(token.text))) return true;
  return tokens.length <= 2 && tokens.every((token) => token.text.length <= 3 || isPunctuation(token.text));
}

/**
 * The presentation pass: merges hunks separated by a short unchanged run, and shows a line
 * mostly rewritten as one replacement of the whole line (returned as null). `unchangedOutside`
 * counts unchanged words of the line that lie outside the token lists given.
 */
export function presentHunks(hunks: readonly TokenHunk[], a: readonly Token[], b: readonly Token[], threshold: number, unchangedOutside = 0): TokenHunk[] | null {
  const merged: TokenHunk[] = [];
  for (const hunk of hunks) {
    const last = merged[merged.length - 1];
    if (last && isShortRun(a.slice(last.toA, hunk.fromA))) {
      merged[merged.length - 1] = { fromA: last.fromA, toA: hunk.toA, fromB: last.fromB, toB: hunk.toB };
    } else {
      merged.push(hunk);
    }
  }
  const changed = merged.reduce((sum, hunk) => sum + (hunk.toA - hunk.fromA) + (hunk.toB - hunk.fromB), 0);
  const total = a.length + b.length + 2 * unchangedOutside;
  if (merged.length > 1 && total > 0 && changed / total > threshold) return null;
  return merged;
}

/**
 * Turns a token hunk into a text range: from the end of the last unchanged token before it to
 * the start of the first unchanged token after it, on each side, less the spacing both sides
 * share. So the unchanged text between two edits is identical in A and B, and an edit never
 * starts or ends inside a word.
 */
function hunkToEdit(hunk: TokenHunk, textA: string, a: readonly Token[], textB: string, b: readonly Token[], precise: boolean): TextEdit {
  let fromA = hunk.fromA > 0 ? a[hunk.fromA - 1]!.to : 0;
  let toA = hunk.toA < a.length ? a[hunk.toA]!.from : textA.length;
  let fromB = hunk.fromB > 0 ? b[hunk.fromB - 1]!.to : 0;
  let toB = hunk.toB < b.length ? b[hunk.toB]!.from : textB.length;
  while (fromA < toA && fromB < toB && textA[fromA] === textB[fromB] && /\s/.test(textA[fromA]!)) { fromA++; fromB++; }
  while (toA > fromA && toB > fromB && textA[toA - 1] === textB[toB - 1] && /\s/.test(textA[toA - 1]!)) { toA--; toB--; }
  return { fromA, toA, fromB, toB, precise };
}

/** Whitespace as the canonical text has it: spaces, tabs, newlines, no-break spaces. */
function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0;
}

/**
 * The longest common prefix and suffix of two strings that end and start at a space (so they
 * hold whole tokens), as lengths; they never overlap.
 */
export function commonAffixes(a: string, b: string): { prefix: number; suffix: number } {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  if (!(prefix === a.length && prefix === b.length)) {
    while (prefix > 0 && !isSpace(a.charCodeAt(prefix - 1))) prefix--;
  }
  let suffix = 0;
  const room = limit - prefix;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  while (suffix > 0 && !isSpace(a.charCodeAt(a.length - suffix))) suffix--;
  return { prefix, suffix };
}

/** Number of words (runs of non-space characters) in text[from, to), counting no further than `enough`. */
function wordCount(text: string, from: number, to: number, enough = Infinity): number {
  let count = 0;
  let inWord = false;
  for (let i = from; i < to && count < enough; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** One edit replacing the whole line (its surrounding spaces aside). */
function wholeLine(textA: string, textB: string, precise: boolean): TextEdit[] {
  return [hunkToEdit({ fromA: 0, toA: 0, fromB: 0, toB: 0 }, textA, [], textB, [], precise)];
}

/**
 * The edits that turn line `textA` into `textB`, legal-redline style. Lines that are equal
 * token for token (ignoring spacing, and quote and dash shapes when folding) give no edits.
 * Beyond the cost bounds the whole line is one imprecise replacement. Only the part between
 * the common prefix and suffix is tokenized and diffed.
 */
export function diffLine(textA: string, textB: string, options: ResolvedOptions): TextEdit[] {
  if (textA === textB) return [];
  const { prefix, suffix } = commonAffixes(textA, textB);
  const midA = textA.slice(prefix, textA.length - suffix);
  const midB = textB.slice(prefix, textB.length - suffix);
  const a = tokenize(midA);
  const b = tokenize(midB);
  if (a.length + b.length > options.maxParagraphTokens) return wholeLine(textA, textB, false);
  const foldedA = options.foldTypography ? foldTypography(midA) : midA;
  const foldedB = options.foldTypography ? foldTypography(midB) : midB;
  // Words outside the middle matter only for the rewrite threshold: with at least `needed` of
  // them, even a wholly changed middle stays under it, so counting can stop there.
  const middle = a.length + b.length;
  const needed = Math.ceil((middle * (1 - options.rewriteThreshold)) / (2 * options.rewriteThreshold)) + 1;
  const outside = wordCount(textA, 0, prefix, needed) + wordCount(textA, textA.length - suffix, textA.length, needed);
  // A line whose edit distance passes the rewrite threshold is shown whole anyway, so the diff
  // need not search further than that: the bound costs no precision.
  const rewriteBound = Math.floor(options.rewriteThreshold * (middle + 2 * outside)) + 1;
  const bound = Math.min(options.maxEditLength, rewriteBound);
  const hunks = minimalHunks(a.map((t) => foldedA.slice(t.from, t.to)), b.map((t) => foldedB.slice(t.from, t.to)), bound);
  if (hunks === null) return wholeLine(textA, textB, bound === rewriteBound);
  const presented = presentHunks(hunks, a, b, options.rewriteThreshold, outside);
  if (presented === null) return wholeLine(textA, textB, true);
  return presented.map((hunk) => {
    const edit = hunkToEdit(hunk, midA, a, midB, b, true);
    return { fromA: edit.fromA + prefix, toA: edit.toA + prefix, fromB: edit.fromB + prefix, toB: edit.toB + prefix, precise: true };
  });
}
