import { describe, expect, it } from "vitest";
import { compare, formatText } from "../../src/core/redline";
import { tokenize } from "../../src/core/redline/tokens";
import { parseCodeText } from "../../src/core/importer/parseCodeText";

const words = (text: string) => tokenize(text).map((token) => token.text);

describe("legal tokens", () => {
  it("keeps a Code citation with its subsection letters as one token", () => {
    expect(words("under Section 2-173-030(a)(1) of")).toEqual(["under", "Section", "2-173-030(a)(1)", "of"]);
  });
  it("keeps money as one token", () => {
    expect(words("a fine of $2,000.00.")).toEqual(["a", "fine", "of", "$2,000.00", "."]);
  });
  it("keeps numbers with punctuation as one token", () => {
    expect(words("8 U.S.C. 1357(g) and 1,000 and 5 ILCS 140/7")).toEqual(["8", "U.S.C.", "1357(g)", "and", "1,000", "and", "5", "ILCS", "140/7"]);
  });
  it("keeps an enumerator as one token", () => {
    expect(words("(a) The (iv) and (B)")).toEqual(["(a)", "The", "(iv)", "and", "(B)"]);
  });
  it("keeps hyphenated words and possessives whole", () => {
    expect(words("the City's fire-fighting units, persons' rights")).toEqual(["the", "City's", "fire-fighting", "units", ",", "persons", "'", "rights"]);
  });
  it("splits quotation marks and parentheses from the words they enclose", () => {
    expect(words('"Agency" means (in part)')).toEqual(['"', "Agency", '"', "means", "(", "in", "part", ")"]);
  });
  it("keeps letters joined to a number in the number's token: ordinals and lettered items", () => {
    expect(words("the 21st day, items 1a and 12b, the 2nd's term, a 21st-century rule")).toEqual(["the", "21st", "day", ",", "items", "1a", "and", "12b", ",", "the", "2nd's", "term", ",", "a", "21st-century", "rule"]);
    expect(words("in 2016.")).toEqual(["in", "2016", "."]);
  });
  it("never starts a change inside an ordinal", () => {
    const chapter = (day: string) => parseCodeText([
      "CHAPTER 2-173 WELCOMING CITY", "", "2-173-010 Reports.", "",
      `The report is due on the ${day} day of each quarter.`, "", "(Added Coun. J. 9-12-12, p. 33879, \u00a7 1)", "",
    ].join("\n")).document;
    expect(formatText(compare(chapter("1st"), chapter("21st")))).toContain("on the [-1st-] {+21st+} day");
  });
  it("records offsets that slice back to each token", () => {
    const text = "No  agent shall ask, under 2-173-020.";
    for (const token of tokenize(text)) expect(text.slice(token.from, token.to)).toBe(token.text);
  });
});
