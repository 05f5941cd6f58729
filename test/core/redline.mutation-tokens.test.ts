/**
 * Legal tokens against their contract: over random legal-looking text the tokens re-join to the
 * text less its whitespace, each slices back to its own text and nothing but whitespace lies
 * between two tokens; the ASCII and the unicode patterns give the same tokens on ASCII text;
 * typography folding maps exactly the listed quote and dash shapes, one character for one.
 *
 * Surviving mutants, by line of tokens.ts:
 * - 63 (equivalent): `if (!TYPOGRAPHY.test(text)) return text` made `if (false)`: the early
 *   return is a shortcut; TYPOGRAPHY is exactly the union of the FOLDS classes, so a text it
 *   does not match is one that every fold leaves as it is.
 * - 34 and 36 (killed in fact, reported as survived): the word class made `""` turns the word
 *   alternative into `+(?:…)*`, an invalid pattern, so tokens.ts throws "Nothing to repeat"
 *   when it is imported and every test of this file fails (checked by hand). Stryker's vitest
 *   runner scores a test file that fails to import as one that ran no test, so it shows the
 *   mutant as survived.
 */
import { describe, expect, it } from "vitest";
import { foldTypography, isPunctuation, tokenize } from "../../src/core/redline/tokens";
import { Random } from "../../src/core/samples/random";

const texts = (text: string) => tokenize(text).map((token) => token.text);

const PIECES = [
  "the", "City's", "fire-fighting", "2-173-030(a)(1)", "$2,000.00", "1,000", "140/7", "50%", "U.S.C.",
  "(a)", "(iv)", "Café", "naïve", "§", "“", "”", "—", ".", ",", ";", "(", ")", "'", "9", "x1",
];
const SPACES = [" ", "  ", "\n", "\t", "", "", ""];

describe("tokenize", () => {
  it("re-joins to the text less its whitespace, with offsets that slice back, over random text", () => {
    const random = new Random(41);
    for (let round = 0; round < 300; round++) {
      let text = "";
      for (let n = random.int(0, 25); n > 0; n--) text += PIECES[random.int(0, PIECES.length - 1)]! + SPACES[random.int(0, SPACES.length - 1)]!;
      const tokens = tokenize(text);
      expect(tokens.map((token) => token.text).join(""), text).toBe(text.replace(/\s+/g, ""));
      let previousEnd = 0;
      for (const token of tokens) {
        expect(text.slice(token.from, token.to)).toBe(token.text);
        expect(token.text).toMatch(/^\S+$/);
        expect(text.slice(previousEnd, token.from)).toMatch(/^\s*$/);
        previousEnd = token.to;
      }
      expect(text.slice(previousEnd)).toMatch(/^\s*$/);
    }
  });

  it("reads non-ASCII words whole, and ASCII text as the unicode pattern would", () => {
    expect(texts("élan éé naïve")).toEqual(["élan", "éé", "naïve"]);
    // No ASCII character at all: still the unicode pattern.
    expect(texts("éé")).toEqual(["éé"]);
    expect(texts("日本語")).toEqual(["日本語"]);
    expect(texts("Café's ‘fire‐fighting’ €5")).toEqual(["Café's", "‘", "fire‐fighting", "’", "€", "5"]);
    // An ASCII text with one non-ASCII mark is read by the unicode pattern: the same tokens.
    const ascii = "Section 2-173-030(a): the City's (iv) U.S.C. 1357(g) $2,000.00 fire-fighting 50%.";
    expect(texts(`${ascii} é`)).toEqual([...texts(ascii), "é"]);
    expect(texts(ascii)).toEqual(["Section", "2-173-030(a)", ":", "the", "City's", "(iv)", "U.S.C.", "1357(g)", "$2,000.00", "fire-fighting", "50%", "."]);
  });

  it("gives each token its offsets in the text", () => {
    expect(tokenize("  a (b) 2-1")).toEqual([{ text: "a", from: 2, to: 3 }, { text: "(b)", from: 4, to: 7 }, { text: "2-1", from: 8, to: 11 }]);
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" \n\t")).toEqual([]);
  });
});

describe("foldTypography", () => {
  it("folds each listed quote and dash shape to its plain form, one character for one", () => {
    for (const single of ["\u2018", "\u2019", "\u201a", "\u201b", "\u2032"]) expect(foldTypography(single), single).toBe("'");
    for (const double of ["\u201c", "\u201d", "\u201e", "\u201f", "\u2033"]) expect(foldTypography(double), double).toBe('"');
    for (const dash of ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"]) expect(foldTypography(dash), dash).toBe("-");
    expect(foldTypography("the \u201cCity\u2019s\u201d fire\u2010fighting \u2014 rights")).toBe("the \"City's\" fire-fighting - rights");
  });

  it("leaves every other character as it is", () => {
    const others = "abc '\"- \u2016\u2017\u2020\u2031\u2034\u2211\u2213 é§";
    expect(foldTypography(others)).toBe(others);
    expect(foldTypography(`${others}\u2019`)).toBe(`${others}'`);
  });
});

describe("isPunctuation", () => {
  it("is true just for tokens with no letter or digit", () => {
    for (const mark of [".", ",", "(", "§", "“", "—", "$", "..."]) expect(isPunctuation(mark), mark).toBe(true);
    for (const word of ["a", "Z", "7", "é", "a.", "(a)", "$5", "٣"]) expect(isPunctuation(word), word).toBe(false);
  });
});
