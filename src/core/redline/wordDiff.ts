/**
 * Word diff of one line of text (a paragraph's words, a heading, a contents entry): the token
 * diff of linearDiff.ts, then the presentation pass that lawyers expect, then text ranges.
 * Offsets are relative to the two strings passed in.
 */
import { diffTokens } from "./linearDiff";
import { foldTypography, isPunctuation, tokenize, type Token } from "./tokens";
import type { ResolvedOptions } from "./types";

/** A run of changed tokens: A tokens [fromA, toA) became B tokens [fromB, toB). */
export interface TokenHunk {
  readonly fromA: number;
  readonly toA: number;
  readonly fromB: number;
  readonly toB: number;
  /** False where the diff fell back to whole sentences (see linearDiff.ts). */
  readonly precise: boolean;
}

/** A changed text range of a line pair, in character offsets of each string. */
export interface TextEdit {
  readonly fromA: number;
  readonly toA: number;
  readonly fromB: number;
  readonly toB: number;
  readonly precise: boolean;
}

/** Marks after which a reader expects the next words to start: a sentence's or a clause's end. */
const CLOSING_MARK = /^[.,;:?!)\]]$/;

/**
 * Where an insertion (or deletion) bordered by equal tokens is placed. Such a hunk can slide
 * along the text while its last token equals the token before it (or its first the token after
 * it) without changing what it means: "relief{+. Nothing … 2-173-047+}." and "relief. {+Nothing
 * … 2-173-047.+}" are the same edit. The placement chosen is the first, from the left, that
 * starts with a word right after a closing mark (so a sentence or list item added or struck
 * reads whole, its punctuation with it); without one the hunk stays where the diff put it.
 * `keysA`/`keysB` are the tokens as the diff compared them (or stricter: their texts); other
 * hunks are never crossed.
 */
export function slideHunks(hunks: readonly TokenHunk[], keysA: readonly string[], keysB: readonly string[]): TokenHunk[] {
  const slid: TokenHunk[] = [];
  for (const [index, hunk] of hunks.entries()) {
    const insertion = hunk.fromA === hunk.toA;
    if (!insertion && hunk.fromB !== hunk.toB) { slid.push(hunk); continue; }
    const keys = insertion ? keysB : keysA;
    const from = insertion ? hunk.fromB : hunk.fromA;
    const to = insertion ? hunk.toB : hunk.toA;
    const previous = slid[slid.length - 1];
    const next = hunks[index + 1];
    // Matched tokens the hunk may move over: back to one token after the previous hunk, on to
    // one token before the next one (hunks never touch), or to the ends of the line.
    const floor = previous ? previous.toA - hunk.fromA + 1 : -hunk.fromA;
    const ceiling = next ? next.fromA - hunk.toA - 1 : keysA.length - hunk.toA;
    let left = 0;
    while (left > floor && keys[from + left - 1] === keys[to + left - 1]) left--;
    let chosen = 0;
    for (let shift = left; shift <= ceiling; shift++) {
      if (shift > 0 && keys[from + shift - 1] !== keys[to + shift - 1]) break;
      const first = keys[from + shift];
      const before = from + shift > 0 ? keys[from + shift - 1] : undefined;
      if (before !== undefined && CLOSING_MARK.test(before) && first !== undefined && !isPunctuation(first)) { chosen = shift; break; }
    }
    slid.push(chosen === 0 ? hunk : { ...hunk, fromA: hunk.fromA + chosen, toA: hunk.toA + chosen, fromB: hunk.fromB + chosen, toB: hunk.toB + chosen });
  }
  return slid;
}

/** A short unchanged run between two changes, folded into one replacement. */
function isShortRun(tokens: readonly Token[]): boolean {
  if (tokens.every((token) => isPunctuation(token.text))) return true;
  return tokens.length <= 2 && tokens.every((token) => token.text.length <= 3 || isPunctuation(token.text));
}

/** Whether a token is a word (not punctuation); most start with an ASCII letter or digit. */
function isWord(token: string): boolean {
  const code = token.charCodeAt(0);
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return !isPunctuation(token);
}

/** Number of words (tokens that are not punctuation) among tokens[from, to). */
function wordsIn(tokens: readonly Token[], from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (isWord(tokens[i]!.text)) count++;
  return count;
}

const totals = new WeakMap<readonly Token[], number>();

/** Number of words among all the tokens, counted once per token list. */
function wordsOf(tokens: readonly Token[]): number {
  let count = totals.get(tokens);
  if (count === undefined) { count = wordsIn(tokens, 0, tokens.length); totals.set(tokens, count); }
  return count;
}

/**
 * Whether the hunks rewrite the line: more than `threshold` of its words struck AND more than
 * `threshold` of its new words underscored, counted on the diff's own hunks (before any
 * folding of short runs, so only words actually changed count; punctuation never does).
 * `wordsOutside` is the number of words of the line outside the token lists given, on each
 * side. A pure insertion or deletion is never a rewrite, however long. Hunks compared only as
 * whole sentences (imprecise) tell nothing of how many of their words changed: their words
 * count on neither side of the share.
 */
export function isRewrite(hunks: readonly TokenHunk[], a: readonly Token[], b: readonly Token[], threshold: number, wordsOutside = 0): boolean {
  let struck = 0;
  let underscored = 0;
  let unknownA = 0;
  let unknownB = 0;
  for (const hunk of hunks) {
    const inA = wordsIn(a, hunk.fromA, hunk.toA);
    const inB = wordsIn(b, hunk.fromB, hunk.toB);
    if (hunk.precise) { struck += inA; underscored += inB; } else { unknownA += inA; unknownB += inB; }
  }
  return exceedsShare(struck, a, unknownA, wordsOutside, threshold) && exceedsShare(underscored, b, unknownB, wordsOutside, threshold);
}

/**
 * `changed > threshold × (words of tokens − unknown + outside)`, counting the words only until
 * the answer is known: the right side never decreases as words are counted (threshold > 0), so
 * once it reaches `changed` the answer is no, and a small edit of a long line stops early.
 */
function exceedsShare(changed: number, tokens: readonly Token[], unknown: number, outside: number, threshold: number): boolean {
  const known = totals.get(tokens);
  if (known !== undefined || !(threshold > 0)) return changed > threshold * ((known ?? wordsOf(tokens)) - unknown + outside);
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i]!.text)) continue;
    count++;
    if (threshold * (count - unknown + outside) >= changed) return false;
  }
  totals.set(tokens, count);
  return changed > threshold * (count - unknown + outside);
}

/**
 * The presentation pass: places insertions and deletions after the punctuation they border
 * (slideHunks), shows a rewritten line (isRewrite) as one replacement of the whole line
 * (returned as null), and otherwise folds hunks separated by a short unchanged run into one
 * replacement. A folded hunk is precise when both of its parts are.
 */
export function presentHunks(
  hunks: readonly TokenHunk[], a: readonly Token[], b: readonly Token[], threshold: number, wordsOutside = 0,
  keysA: readonly string[] = a.map((token) => token.text), keysB: readonly string[] = b.map((token) => token.text),
): TokenHunk[] | null {
  const slid = slideHunks(hunks, keysA, keysB);
  if (isRewrite(slid, a, b, threshold, wordsOutside)) return null;
  const merged: TokenHunk[] = [];
  for (const hunk of slid) {
    const last = merged[merged.length - 1];
    if (last && isShortRun(a.slice(last.toA, hunk.fromA))) {
      merged[merged.length - 1] = { fromA: last.fromA, toA: hunk.toA, fromB: last.fromB, toB: hunk.toB, precise: last.precise && hunk.precise };
    } else {
      merged.push(hunk);
    }
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

/** Whether the character is a letter or a digit (what makes a run of characters a word). */
function isWordCharacter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(text[i]!);
}

/**
 * Number of words in text[from, to) — runs of non-space characters holding a letter or a
 * digit, as tokens that are not punctuation are — counting no further than `enough`.
 */
function wordCount(text: string, from: number, to: number, enough = Infinity): number {
  let count = 0;
  let inRun = false;
  let counted = false;
  for (let i = from; i < to && count < enough; i++) {
    if (isSpace(text.charCodeAt(i))) { inRun = false; continue; }
    if (!inRun) { inRun = true; counted = false; }
    if (!counted && isWordCharacter(text, i)) { count++; counted = true; }
  }
  return count;
}

/** Unchanged words added on each side of a line's middle when an insertion or deletion borders it. */
const CONTEXT_WORDS = 3;

/** The offset `words` words before `at` (an offset at a word's start or the text's start). */
function widenPrefix(text: string, at: number, words: number): number {
  let position = at;
  for (let w = 0; w < words && position > 0; w++) {
    while (position > 0 && isSpace(text.charCodeAt(position - 1))) position--;
    while (position > 0 && !isSpace(text.charCodeAt(position - 1))) position--;
  }
  return position;
}

/** The offset `words` words after `at` (an offset at a space or the text's end). */
function widenSuffixStart(text: string, at: number, words: number): number {
  let position = at;
  for (let w = 0; w < words && position < text.length; w++) {
    while (position < text.length && isSpace(text.charCodeAt(position))) position++;
    while (position < text.length && !isSpace(text.charCodeAt(position))) position++;
  }
  return position;
}

/** One edit replacing the whole line (its surrounding spaces aside). */
function wholeLine(textA: string, textB: string, precise: boolean): TextEdit[] {
  return [hunkToEdit({ fromA: 0, toA: 0, fromB: 0, toB: 0, precise }, textA, [], textB, [], precise)];
}

/**
 * The edits that turn line `textA` into `textB`, legal-redline style. Lines that are equal
 * token for token (ignoring spacing, and quote and dash shapes when folding) give no edits.
 * Every line gets a word diff (linearDiff.ts), whatever its length (a long one after its
 * sentences are compared whole, see diffLongLine); only a stretch too costly to diff by words
 * is compared by sentences, and its edits are imprecise. A rewritten line is
 * one replacement of the whole line. Only the part between the common prefix and suffix is
 * tokenized and diffed.
 */
export function diffLine(textA: string, textB: string, options: ResolvedOptions): TextEdit[] {
  if (textA === textB) return [];
  let { prefix, suffix } = commonAffixes(textA, textB);
  if (textA.length + textB.length - 2 * (prefix + suffix) > LONG_MIDDLE) return diffLongLine(textA, textB, prefix, suffix, options);
  let midA = textA.slice(prefix, textA.length - suffix);
  let midB = textB.slice(prefix, textB.length - suffix);
  let a = tokenize(midA);
  let b = tokenize(midB);
  let keysA = keysOf(a, midA, options);
  let keysB = keysOf(b, midB, options);
  let hunks = diffTokens(keysA, keysB, { maxEditLength: options.maxEditLength });
  if (hunks.length === 0) return [];
  // An insertion or deletion at an end of the middle may belong after punctuation outside it:
  // a few unchanged words on each side join the middle (equal on both sides, so the hunks
  // only shift), and slideHunks can see them.
  const first = hunks[0]!;
  const last = hunks[hunks.length - 1]!;
  if (slidesOut(first, false, a.length, keysA, keysB) || slidesOut(last, true, a.length, keysA, keysB)) {
    const widePrefix = widenPrefix(textA, prefix, CONTEXT_WORDS);
    const wideSuffix = textA.length - widenSuffixStart(textA, textA.length - suffix, CONTEXT_WORDS);
    const before = textA.slice(widePrefix, prefix);
    const after = textA.slice(textA.length - suffix, textA.length - wideSuffix);
    const lead = tokenize(before);
    const trail = tokenize(after);
    const leadKeys = keysOf(lead, before, options);
    const trailKeys = keysOf(trail, after, options);
    a = joinTokens(lead, a, before.length, trail, before.length + midA.length);
    b = joinTokens(lead, b, before.length, trail, before.length + midB.length);
    keysA = leadKeys.concat(keysA, trailKeys);
    keysB = leadKeys.concat(keysB, trailKeys);
    hunks = shiftedHunks(hunks, lead.length);
    midA = before + midA + after;
    midB = before + midB + after;
    prefix = widePrefix;
    suffix = wideSuffix;
  }
  // Words outside the middle matter only for the rewrite threshold, and only when the middle
  // alone passes it (sliding never changes the words a hunk holds); with at least `needed` of
  // them, even a wholly changed middle on one side stays under it, so counting can stop there.
  const threshold = options.rewriteThreshold;
  let outside = 0;
  if (isRewrite(hunks, a, b, threshold)) {
    const fewer = Math.min(wordsOf(a), wordsOf(b));
    const needed = threshold >= 1 ? 0 : threshold <= 0 ? Infinity : Math.ceil((fewer * (1 - threshold)) / threshold) + 1;
    outside = wordCount(textA, 0, prefix, needed) + wordCount(textA, textA.length - suffix, textA.length, needed);
  }
  const presented = presentHunks(hunks, a, b, threshold, outside, keysA, keysB);
  if (presented === null) return wholeLine(textA, textB, hunks.every((hunk) => hunk.precise));
  return presented.map((hunk) => {
    const edit = hunkToEdit(hunk, midA, a, midB, b, hunk.precise);
    return { fromA: edit.fromA + prefix, toA: edit.toA + prefix, fromB: edit.fromB + prefix, toB: edit.toB + prefix, precise: hunk.precise };
  });
}

/** Whether the hunk is a pure insertion or deletion at that end of the middle holding a closing mark (a top-level function: it runs once per changed line). */
function slidesOut(hunk: TokenHunk, atEnd: boolean, lengthA: number, keysA: readonly string[], keysB: readonly string[]): boolean {
  return isPure(hunk) && (atEnd ? hunk.toA === lengthA : hunk.fromA === 0) && holdsClosingMark(hunk, keysA, keysB);
}

/**
 * Whether the hunk's tokens include a closing mark: only then can sliding it place it after one
 * (a placement after a mark outside it and not inside it is where it already is, or no better).
 */
function holdsClosingMark(hunk: TokenHunk, keysA: readonly string[], keysB: readonly string[]): boolean {
  const [keys, from, to] = hunk.fromA === hunk.toA ? [keysB, hunk.fromB, hunk.toB] : [keysA, hunk.fromA, hunk.toA];
  for (let i = from; i < to; i++) if (CLOSING_MARK.test(keys[i]!)) return true;
  return false;
}

function isPure(hunk: TokenHunk): boolean {
  return hunk.fromA === hunk.toA || hunk.fromB === hunk.toB;
}

/** The tokens as the diff compares them: their text, with quote and dash shapes folded when asked. */
function keysOf(tokens: readonly Token[], text: string, options: ResolvedOptions): string[] {
  const folded = options.foldTypography ? foldTypography(text) : text;
  const keys = new Array<string>(tokens.length);
  if (folded === text) for (let i = 0; i < tokens.length; i++) keys[i] = tokens[i]!.text;
  else for (let i = 0; i < tokens.length; i++) keys[i] = folded.slice(tokens[i]!.from, tokens[i]!.to);
  return keys;
}

/** lead, then `middle` moved right by `middleAt`, then `trail` moved right by `trailAt`. */
function joinTokens(lead: readonly Token[], middle: readonly Token[], middleAt: number, trail: readonly Token[], trailAt: number): Token[] {
  const tokens: Token[] = lead.slice();
  for (const token of middle) tokens.push({ text: token.text, from: token.from + middleAt, to: token.to + middleAt });
  for (const token of trail) tokens.push({ text: token.text, from: token.from + trailAt, to: token.to + trailAt });
  return tokens;
}

function shiftedHunks(hunks: readonly TokenHunk[], by: number): TokenHunk[] {
  const moved: TokenHunk[] = [];
  for (const hunk of hunks) moved.push({ fromA: hunk.fromA + by, toA: hunk.toA + by, fromB: hunk.fromB + by, toB: hunk.toB + by, precise: hunk.precise });
  return moved;
}

/** Characters of a line's changed middle (both sides) past which it is first compared by sentences. */
const LONG_MIDDLE = 40_000;

/**
 * A long line: its middle cut into sentences (each ending after ". ", "; " or ": "), the
 * sentences compared whole, and only the stretches of changed sentences word-diffed — so a
 * long paragraph costs little more than its changed sentences. The rewrite threshold applies
 * to the whole line; insertions and deletions are placed within their stretch.
 */
function diffLongLine(textA: string, textB: string, prefix: number, suffix: number, options: ResolvedOptions): TextEdit[] {
  const startsA = sentenceStarts(textA, prefix, textA.length - suffix);
  const startsB = sentenceStarts(textB, prefix, textB.length - suffix);
  const foldedA = options.foldTypography ? foldTypography(textA) : textA;
  const foldedB = options.foldTypography ? foldTypography(textB) : textB;
  const sentencesOf = (folded: string, starts: readonly number[]) => starts.slice(0, -1).map((start, k) => folded.slice(start, starts[k + 1]));
  const stretches = diffTokens(sentencesOf(foldedA, startsA), sentencesOf(foldedB, startsB), { maxEditLength: options.maxEditLength, resyncRun: 1 });
  const edits: TextEdit[] = [];
  let struck = 0;
  let underscored = 0;
  let unknownA = 0;
  let unknownB = 0;
  let precise = true;
  const never = 1; // a stretch alone is never shown whole: the threshold is the line's
  for (const stretch of stretches) {
    const fromA = startsA[stretch.fromA]!;
    const fromB = startsB[stretch.fromB]!;
    const midA = textA.slice(fromA, startsA[stretch.toA]);
    const midB = textB.slice(fromB, startsB[stretch.toB]);
    const a = tokenize(midA);
    const b = tokenize(midB);
    const keysA = keysOf(a, midA, options);
    const keysB = keysOf(b, midB, options);
    const hunks = diffTokens(keysA, keysB, { maxEditLength: options.maxEditLength });
    for (const hunk of hunks) {
      const inA = wordsIn(a, hunk.fromA, hunk.toA);
      const inB = wordsIn(b, hunk.fromB, hunk.toB);
      if (hunk.precise) { struck += inA; underscored += inB; } else { unknownA += inA; unknownB += inB; precise = false; }
    }
    for (const hunk of presentHunks(hunks, a, b, never, 0, keysA, keysB)!) {
      const edit = hunkToEdit(hunk, midA, a, midB, b, hunk.precise);
      edits.push({ fromA: edit.fromA + fromA, toA: edit.toA + fromA, fromB: edit.fromB + fromB, toB: edit.toB + fromB, precise: hunk.precise });
    }
  }
  const threshold = options.rewriteThreshold;
  // As isRewrite, over the whole line; words of stretches compared as sentences count on neither side.
  if (edits.length > 0 && struck > threshold * (wordCount(textA, 0, textA.length) - unknownA) && underscored > threshold * (wordCount(textB, 0, textB.length) - unknownB)) {
    return wholeLine(textA, textB, precise);
  }
  return edits;
}

/** Where the sentences of text[from, to) start, then `to`: after each ". ", "; " or ": ". */
function sentenceStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  for (let i = from + 2; i < to; i++) {
    if (text.charCodeAt(i - 1) !== 32) continue;
    const mark = text.charCodeAt(i - 2);
    if (mark === 46 || mark === 59 || mark === 58) starts.push(i);
  }
  starts.push(to);
  return starts;
}
