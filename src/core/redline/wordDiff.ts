/**
 * Word diff of one line of text (a paragraph's words, a heading, a contents entry): the
 * minimal token diff from jsdiff, then the presentation pass that lawyers expect, then text
 * ranges. Offsets are relative to the two strings passed in.
 */
import { diffArrays } from "diff";
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

/** A short unchanged run between two changes, folded into one replacement. */
function isShortRun(tokens: readonly Token[]): boolean {
  if (tokens.every((token) => isPunctuation(token.text))) return true;
  return tokens.length <= 2 && tokens.every((token) => token.text.length <= 3 || isPunctuation(token.text));
}

/**
 * The presentation pass: merges hunks separated by a short unchanged run, and shows a line
 * mostly rewritten as one replacement of the whole line.
 */
export function presentHunks(hunks: readonly TokenHunk[], a: readonly Token[], b: readonly Token[], threshold: number): TokenHunk[] {
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
  const total = a.length + b.length;
  if (merged.length > 1 && total > 0 && changed / total > threshold) {
    return [{ fromA: 0, toA: a.length, fromB: 0, toB: b.length }];
  }
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

/**
 * The edits that turn line `textA` into `textB`, legal-redline style. Lines that are equal
 * token for token (ignoring spacing, and quote and dash shapes when folding) give no edits.
 * Beyond the cost bounds the whole line is one imprecise replacement.
 */
export function diffLine(textA: string, textB: string, options: ResolvedOptions): TextEdit[] {
  if (textA === textB) return [];
  const a = tokenize(textA);
  const b = tokenize(textB);
  const whole = (precise: boolean): TextEdit[] => [hunkToEdit({ fromA: 0, toA: a.length, fromB: 0, toB: b.length }, textA, a, textB, b, precise)];
  if (a.length + b.length > options.maxParagraphTokens) return whole(false);
  const key = options.foldTypography ? (token: Token) => foldTypography(token.text) : (token: Token) => token.text;
  const hunks = minimalHunks(a.map(key), b.map(key), options.maxEditLength);
  if (hunks === null) return whole(false);
  return presentHunks(hunks, a, b, options.rewriteThreshold).map((hunk) => hunkToEdit(hunk, textA, a, textB, b, true));
}
