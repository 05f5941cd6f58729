import { DATE_SOURCE, SECTION_NUMBER_SOURCE } from "../numbers";

/**
 * Legal tokenization: the units a redline may mark. A Code citation (2-173-030(a)), a date
 * (3-29-06: one word, but not a citation, so it never takes a following enumerator), money
 * ($2,000.00), a number with punctuation or letters joined to it (1357(g), 1,000, 21st, 1a), an abbreviation (U.S.C.), an
 * enumerator ((a)), a hyphenated word (fire-fighting) and a possessive (City's) are single
 * tokens; every other non-space character is a token of its own. Whitespace is never a token,
 * so a change can never start or end inside a word and spacing alone is never a change.
 */

export interface Token {
  /** The token's text as written. */
  readonly text: string;
  /** Offset of its first character in the tokenized string. */
  readonly from: number;
  /** Offset just past its last character. */
  readonly to: number;
}

/** The token pattern; `letter` is the class of word characters. */
function tokenPattern(letter: string, flags: string): RegExp {
  return new RegExp(
    [
      // Tokens that start with a digit, tried only where a digit stands (most tokens are words).
      String.raw`(?=\d)(?:` + [
        DATE_SOURCE,                                               // dates: 3-29-06, 10-5-2016
        String.raw`${SECTION_NUMBER_SOURCE}(?:\([A-Za-z0-9]{1,4}\))*`, // Code citations: 2-173-030(a)(1)
        String.raw`\d+[A-Z]?(?:-\d+[A-Z]?)+`,                      // chapters and other hyphenated numbers: 2-173
        // numbers, letters joined to them included: 1357(g), 1,000, 140/7, 21st, 1a
        String.raw`\d+(?:[.,:/]\d+)*` + `(?:${letter}+(?:['\u2019\\-\u2010\u2011]${letter}+)*)?` + String.raw`(?:\([A-Za-z0-9]{1,4}\))*%?`,
      ].join("|") + ")",
      String.raw`\$\d[\d,]*(?:\.\d+)?`,                          // money: $2,000.00
      String.raw`(?:[A-Za-z]\.){2,}`,                            // abbreviations: U.S.C.
      String.raw`\([A-Za-z0-9]{1,4}\)`,                          // enumerators: (a), (iv)
      `${letter}+(?:['\u2019\\-\u2010\u2011]${letter}+)*`,     // words: fire-fighting, City's
      String.raw`\S`,                                            // any other mark
    ].join("|"),
    flags,
  );
}

const UNICODE_TOKEN = tokenPattern(String.raw`[\p{L}\p{N}]`, "gu");
/** The same tokens for plain ASCII text, where a non-unicode pattern runs several times faster. */
const ASCII_TOKEN = tokenPattern("[A-Za-z0-9]", "g");
const NON_ASCII = /[^\x00-\x7f]/;

/** Splits text into legal tokens with their offsets. Pure; linear in the text's length. */
export function tokenize(text: string): Token[] {
  const pattern = NON_ASCII.test(text) ? UNICODE_TOKEN : ASCII_TOKEN;
  const tokens: Token[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    tokens.push({ text: match[0], from: match.index, to: match.index + match[0].length });
  }
  return tokens;
}

const FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, "-"],
];

const TYPOGRAPHY = /[\u2010-\u2015\u2018-\u201f\u2032\u2033\u2212]/;

/**
 * The text with quote and dash variants made plain, for comparisons that ignore them. Each
 * character maps to one character, so offsets in the result are offsets in the input.
 */
export function foldTypography(text: string): string {
  if (!TYPOGRAPHY.test(text)) return text;
  let folded = text;
  for (const [pattern, plain] of FOLDS) folded = folded.replace(pattern, plain);
  return folded;
}

/** True for tokens that carry no words: punctuation and symbols. */
export function isPunctuation(token: string): boolean {
  return !/[\p{L}\p{N}]/u.test(token);
}
