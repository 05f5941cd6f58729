/**
 * Text-quote selectors over plain text: the quote for a range of a text (its words and up to 32
 * characters on each side), and finding a quote again in a text that may have changed. Both sides
 * are compared in the saved text's form (runs of spaces as one, quotes straight, invisible
 * characters dropped), so a quote taken from the words as typed finds the same words in the text
 * read back from a saved file.
 */
import { modelChar } from "../model/lineText";
import type { TextQuote } from "./annotation";

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT = 32;
/** How much of the stored context (after spacing is tidied) must agree on a side for it to count. */
const CONTEXT_CHECK = 12;

/** The quote for `text[start, end)`: its words and up to 32 characters on each side. */
export function quoteAt(text: string, start: number, end: number): TextQuote {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start), suffix: text.slice(end, end + QUOTE_CONTEXT) };
}

/**
 * `text` as the saved text would have it — each run of spaces one space, quotes straight,
 * invisible characters dropped (model/lineText) — and where each of its characters came from.
 */
function tidied(text: string): { value: string; from: number[] } {
  let value = "";
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = modelChar(text[i]!);
    if (ch === "" || (ch === " " && value.endsWith(" "))) continue;
    value += ch;
    from.push(i);
  }
  return { value, from };
}

function tidy(text: string): string {
  return tidied(text).value;
}

/** A range of a text: [start, end). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Where `quote` stands in `text`, or null. Every place where the quoted words occur is scored by
 * its context: +1 when the last 12 characters of the prefix agree (an empty prefix agrees only at
 * the start of the text), +1 likewise for the suffix, +0.5 when it starts inside `prefer`. A place
 * counts only with context agreeing on at least one side; the best wins, ties to the first.
 */
export function findQuote(text: string, quote: TextQuote, prefer: TextRange | null = null): TextRange | null {
  const exact = tidy(quote.exact);
  if (exact.trim() === "") return null;
  const { value, from } = tidied(text);
  const prefix = tidy(quote.prefix).slice(-CONTEXT_CHECK);
  const suffix = tidy(quote.suffix).slice(0, CONTEXT_CHECK);
  let best: { start: number; end: number; score: number } | null = null;
  for (let at = value.indexOf(exact); at >= 0; at = value.indexOf(exact, at + 1)) {
    const before = value.slice(0, at);
    const after = value.slice(at + exact.length);
    const prefixAgrees = prefix.trim() === "" ? before.trim() === "" : before.endsWith(prefix);
    const suffixAgrees = suffix.trim() === "" ? after.trim() === "" : after.startsWith(suffix);
    if (!prefixAgrees && !suffixAgrees) continue;
    const start = from[at]!;
    const end = from[at + exact.length - 1]! + 1;
    const score = (prefixAgrees ? 1 : 0) + (suffixAgrees ? 1 : 0) + (prefer && start >= prefer.start && start < prefer.end ? 0.5 : 0);
    if (!best || score > best.score) best = { start, end, score };
  }
  return best && { start: best.start, end: best.end };
}

/** Where `words` first stand in `text`, compared in the saved text's form (no context asked); null when nowhere. */
export function findWords(text: string, words: string): TextRange | null {
  const wanted = tidy(words).trim();
  if (wanted === "") return null;
  const { value, from } = tidied(text);
  const at = value.indexOf(wanted);
  return at < 0 ? null : { start: from[at]!, end: from[at + wanted.length - 1]! + 1 };
}
