/**
 * Character-level clean-up of text copied from the online Code, a Word file or an e-mail,
 * before any structure is read. Pure and total: every string yields a string.
 */

/** A line after clean-up: its 1-based number in the input, its indentation and its text. */
export interface SourceLine {
  /** 1-based line number in the original input, for messages. */
  readonly lineNumber: number;
  /** Leading indentation in columns (a tab counts as four). */
  readonly indent: number;
  /** The line's text: trimmed, runs of spaces collapsed, quotes made straight. */
  readonly text: string;
}

const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;

/**
 * Makes straight the typographic quotes that copying introduces. The Code's meaning does not
 * depend on the quote shape, and one canonical form lets a messy paste and a clean copy of the
 * same chapter parse to the same model.
 */
export function straightenQuotes(text: string): string {
  return text.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'");
}

/** Replaces exotic spaces by plain spaces and removes zero-width and soft-hyphen characters. */
export function plainSpaces(text: string): string {
  return text.replace(INVISIBLES, "").replace(UNICODE_SPACES, " ");
}

/** Every character straightenQuotes or plainSpaces changes, and what it becomes. */
const CLEANED = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b-\u200d\u2060\ufeff\u00ad\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2018\u2019\u201a\u201b\u2032]/g;
const cleanedChar = (ch: string): string => (INVISIBLES_ONE.test(ch) ? "" : UNICODE_SPACES_ONE.test(ch) ? " " : DOUBLE_QUOTES_ONE.test(ch) ? '"' : "'");
const INVISIBLES_ONE = new RegExp(INVISIBLES.source);
const UNICODE_SPACES_ONE = new RegExp(UNICODE_SPACES.source);
const DOUBLE_QUOTES_ONE = new RegExp(DOUBLE_QUOTES.source);

/**
 * straightenQuotes(plainSpaces(text)) in one pass over the text (each character it changes is
 * changed on its own, so the order of the two does not matter): a 20 MB paste is scanned once
 * instead of four times.
 */
export function cleanCharacters(text: string): string {
  return text.replace(CLEANED, cleanedChar);
}

/**
 * Splits input into cleaned lines, keeping original line numbers; handles CRLF, CR and LF, and
 * the Unicode line and paragraph separators and NEL that some editors and sites write.
 */
export function toSourceLines(input: string): SourceLine[] {
  // Spaces and quotes are cleaned over the whole text at once (none of them is a line break),
  // then each line only measures its indentation and collapses runs of spaces when it has any.
  const raw = cleanCharacters(input.replace(/^\ufeff/, "")).split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);
  return raw.map((line, index) => {
    let indent = 0;
    let at = 0;
    for (; at < line.length; at++) {
      const ch = line.charCodeAt(at);
      if (ch === 32) indent += 1;
      else if (ch === 9) indent += 4;
      else break;
    }
    // The indentation is measured, so only the rest is searched (an indented line needs no collapsing for it).
    const rest = at === 0 ? line : line.slice(at);
    const text = rest.includes("  ") || rest.includes("\t") ? rest.replace(/[ \t]+/g, " ").trim() : rest.trim();
    return { lineNumber: index + 1, indent, text };
  });
}

/**
 * True when the input looks like binary data rather than text: NUL bytes, or a high share of
 * control characters or U+FFFD replacement characters (a file read with the wrong encoding).
 */
export function looksBinary(input: string): boolean {
  const sample = input.length > 65536 ? input.slice(0, 65536) : input;
  if (sample.includes("\u0000")) return true;
  let suspicious = 0;
  // By code unit: the suspicious characters are each one unit, and this is the fast loop.
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || (code < 32 && code !== 10 && code !== 13 && code !== 9)) suspicious++;
  }
  return sample.length > 0 && suspicious / sample.length > 0.01;
}
