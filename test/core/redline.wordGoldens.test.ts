/**
 * Golden redlines of word-level amendments, each read line by line as a lawyer would and kept:
 *
 * - rewritten-paragraph: a definition replaced by one sharing few words with it (struck whole
 *   and underscored whole as two paragraphs), and a subsection rewritten in place (its text
 *   struck whole and underscored whole after its unchanged enumerator); the paragraphs around
 *   them unmarked.
 * - mostly-kept-paragraph: clauses edited by dropping a phrase, adding items to a list and a
 *   sentence at the end: only those words marked, an added list item starting after its comma
 *   and an added sentence after the period before it; one word replaced, one added.
 * - relettered-subsections: a subsection inserted as (b): it is underscored whole, the later
 *   subsections show only their label changes "([-b-] {+c+})", the nested (1) and (2) are
 *   unmarked, and the cross-reference updated in the closing sentence is a word change.
 *
 * Inputs are canonical Code text (test/golden/NAME.base.txt and NAME.draft.txt); a change to
 * the engine that alters a golden must be looked at and the file updated on purpose.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, beforeEach } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { compare, formatText, type Redline } from "../../src/core/redline";
import { applyChanges, boundariesInsideTokens, revertChanges, slicesMatch } from "../support/redlineChecks";

const read = (name: string) => readFileSync(new URL(`../golden/${name}`, import.meta.url), "utf8");

describe.each(["rewritten-paragraph", "mostly-kept-paragraph", "relettered-subsections"])("the %s golden", (name) => {
  const baseText = read(`${name}.base.txt`);
  const draftText = read(`${name}.draft.txt`);
  const base = parseCodeText(baseText).document;
  const draft = parseCodeText(draftText).document;
  // Computed per test (not once per file) so that mutation testing knows which tests cover each
  // mutant of the engine instead of running every test for it.
  let redline: Redline;
  beforeEach(() => {
    redline = compare(base, draft);
  });

  it("starts from canonical Code text", () => {
    expect(serializeDocument(base)).toBe(baseText);
    expect(serializeDocument(draft)).toBe(draftText);
  });

  it("matches the golden redline", () => {
    expect(formatText(redline)).toBe(read(`${name}.redline.txt`));
  });

  it("rebuilds each text from the other, with exact slices and whole tokens", () => {
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(revertChanges(redline)).toBe(redline.baseText);
    expect(slicesMatch(redline)).toEqual([]);
    expect(boundariesInsideTokens(redline)).toEqual([]);
    expect(redline.changes.every((change) => change.precise)).toBe(true);
  });
});

describe("what the word goldens show", () => {
  const redlineOf = (name: string) => formatText(compare(parseCodeText(read(`${name}.base.txt`)).document, parseCodeText(read(`${name}.draft.txt`)).document));

  it("re-letters later subsections by their labels only", () => {
    const lines = redlineOf("relettered-subsections").split("\n").filter((line) => /^ {4}\(/.test(line) || /^ {4}\(\[/.test(line));
    expect(lines.filter((line) => line.includes("[-"))).toEqual([
      "    ([-b-] {+c+}) the matter to be heard, described in plain language;",
      "    ([-c-] {+d+}) where the documents to be considered may be read before the hearing, including:",
      "    ([-d-] {+e+}) how a member of the public may speak at the hearing; and",
      "    ([-e-] {+f+}) the name of a person to contact with questions.",
    ]);
  });

  it("keeps a mostly kept paragraph as a word diff and a rewritten one whole", () => {
    expect(redlineOf("mostly-kept-paragraph")).toContain("may[-, while on duty,-] drive it between work sites");
    expect(redlineOf("rewritten-paragraph")).toContain("    (b) [-A department that cannot find");
  });
});
