import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/core/redline/tokens";

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
  it("records offsets that slice back to each token", () => {
    const text = "No  agent shall ask, under 2-173-020.";
    for (const token of tokenize(text)) expect(text.slice(token.from, token.to)).toBe(token.text);
  });
});
