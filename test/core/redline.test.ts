import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare, formatHtml, formatJson, formatText } from "../../src/core/redline";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { scatteredWordEdits } from "../../src/core/samples/editScripts";
import { generateDocument } from "../../src/core/samples/generateChapter";
import { applyChanges, boundariesInsideTokens } from "../support/redlineChecks";

/** A chapter from section texts: each entry is "NUMBER Catchline." followed by paragraph lines. */
function chapter(...sections: string[][]): OrdinanceDocument {
  const body = sections.map((lines) => [lines[0], "", ...lines.slice(1).flatMap((line) => [line, ""])].join("\n")).join("\n");
  return parseCodeText(`CHAPTER 2-173 TEST\n\n${body}`).document;
}

/** A deep, writable copy of a document, for tests that alter one field. */
function editable(doc: OrdinanceDocument): { chapters: Array<{ sections: Array<{ catchline: string; blocks: Array<{ text: string }> }> }> } {
  return JSON.parse(JSON.stringify(doc));
}

/** The redline of two one-section chapters, body lines only (heading lines dropped). */
function bodyRedline(before: string[], after: string[]): string {
  const redline = compare(chapter(["2-173-020 Test.", ...before]), chapter(["2-173-020 Test.", ...after]));
  expect(applyChanges(redline)).toBe(redline.draftText);
  return formatText(redline).split("\n").filter((line) => line.trim() !== "").slice(2).join("\n");
}

const LONG_A = "The Superintendent shall report each year to the City Council on the number of requests received from federal immigration agencies.";
const LONG_B = "The Superintendent shall report each year to the City Council on the number of requests received from federal immigration agencies and on the response to each.";

describe("the redline of a paragraph", () => {
  it("marks whole words, never parts of words", () => {
    expect(bodyRedline(["No licensee shall sell."], ["No licensees shall sell."])).toBe("No [-licensee-] {+licensees+} shall sell.");
  });
  it("marks a changed citation or amount as one word", () => {
    expect(bodyRedline(["As in Section 2-173-020, a fine of $2,000.00."], ["As in Section 2-173-030, a fine of $500.00."]))
      .toBe("As in Section [-2-173-020-] {+2-173-030+}, a fine of [-$2,000.00-] {+$500.00+}.");
  });
  it("treats a change of case as a change", () => {
    expect(bodyRedline(["The city shall act."], ["The City shall act."])).toBe("The [-city-] {+City+} shall act.");
  });
  it("marks only the mark when punctuation alone changes", () => {
    expect(bodyRedline(["Any board, commission, or office."], ["Any board, commission or office."])).toBe("Any board, commission[-,-] or office.");
  });
  it("leaves quotation marks and parentheses around an unchanged term unmarked", () => {
    expect(bodyRedline(['"Agency" means (in part) a board.'], ['"Agency" means (in whole) a board.'])).toBe('"Agency" means (in [-part-] {+whole+}) a board.');
  });
  it("ignores differences of spacing alone", () => {
    const base = chapter(["2-173-020 Test.", "No agent shall ask."]);
    const spaced = editable(base);
    spaced.chapters[0]!.sections[0]!.blocks[0]!.text = "No  agent   shall ask. ";
    expect(compare(base, spaced as unknown as OrdinanceDocument).changes).toEqual([]);
  });
  it("treats curly and straight quotes, and dash variants, as the same text", () => {
    const base = chapter(["2-173-020 Test – Scope.", "The City's \"agent\" shall act."]);
    const draft = editable(base);
    const section = draft.chapters[0]!.sections[0]!;
    section.catchline = "Test - Scope.";
    section.blocks[0]!.text = "The City\u2019s \u201cagent\u201d shall act.";
    expect(compare(base, draft as unknown as OrdinanceDocument).changes).toEqual([]);
    expect(compare(base, draft as unknown as OrdinanceDocument, { foldTypography: false }).changes.length).toBeGreaterThan(0);
  });
  it("folds a short unchanged run between two changes into one replacement", () => {
    expect(bodyRedline(["The agent may detain the person promptly."], ["The officer shall detain a person promptly."]))
      .toBe("The [-agent may-] {+officer shall+} detain [-the-] {+a+} person promptly.");
    expect(bodyRedline(["He shall ask or request the file."], ["He may seek or demand the file."]))
      .toBe("He [-shall ask or request-] {+may seek or demand+} the file.");
  });
  it("shows a paragraph mostly rewritten as one whole replacement", () => {
    expect(bodyRedline(["No agent of the City shall ask any person about the status of that person."], ["Every officer of the Department must refrain from asking a person about the residency of any person."]))
      .toBe("[-No agent of the City shall ask any person about the status of that person.-] {+Every officer of the Department must refrain from asking a person about the residency of any person.+}");
  });
  it("shows an unrelated paragraph as one struck and one underscored, never as confetti", () => {
    expect(bodyRedline(["No agent shall ask any person about status."], ["Every officer must refrain from questions concerning residency."]))
      .toBe("[-No agent shall ask any person about status.-]\n{+Every officer must refrain from questions concerning residency.+}");
  });
  it("marks an insertion at the end of a paragraph without touching its last word", () => {
    expect(bodyRedline([LONG_A], [LONG_B])).toBe(
      "The Superintendent shall report each year to the City Council on the number of requests received from federal immigration agencies {+and on the response to each+}.",
    );
  });
  it("strikes a deleted subsection whole, enumerator included, and re-letters the next by its label", () => {
    expect(bodyRedline(["(a) First rule.", "(b) Second rule applies.", "(c) Third rule applies here."], ["(a) First rule.", "(b) Third rule applies here."]))
      .toBe("    (a) First rule.\n    [-(b) Second rule applies.-]\n    ([-c-] {+b+}) Third rule applies here.");
  });
  it("underscores an inserted paragraph whole", () => {
    expect(bodyRedline(["(a) First rule.", "(b) Second rule."], ["(a) First rule.", "(b) A new rule entirely.", "(c) Second rule."]))
      .toBe("    (a) First rule.\n    {+(b) A new rule entirely.+}\n    ([-b-] {+c+}) Second rule.");
  });
  it("past the cost bound, compares a stretch with nothing to anchor on by sentences, marked imprecise", () => {
    const periodic = (pattern: string[]) => Array.from({ length: 90 }, (_, i) => pattern[i % pattern.length]).join(" ");
    const base = chapter(["2-173-020 Test.", `The first sentence stays. ${periodic(["x", "y"])}. The last sentence stays.`]);
    const draft = chapter(["2-173-020 Test.", `The first sentence stays. ${periodic(["x", "x", "y"])}. The last sentence stays.`]);
    const redline = compare(base, draft, { maxEditLength: 2 });
    expect(redline.changes).toHaveLength(1);
    expect(redline.changes[0]).toMatchObject({ precise: false, kind: "replace" });
    expect(redline.changes[0]!.deleted).not.toMatch(/first|last/);
    expect(applyChanges(redline)).toBe(redline.draftText);
    // Within the default bound the same paragraph is word-diffed exactly.
    expect(compare(base, draft).changes.every((change) => change.precise)).toBe(true);
  });
});

describe("the redline of sections", () => {
  const body = (word: string) => `No agent or agency shall ${word} any person about the citizenship or immigration status of that person or of any other person.`;
  const sections = {
    s20: ["2-173-020 Requesting information prohibited.", body("ask")],
    s30: ["2-173-030 Disclosing information prohibited.", "No agent shall disclose information about the citizenship or immigration status of any person unless the law requires it."],
    s40: ["2-173-040 Conditioning benefits prohibited.", "No agency shall make a benefit depend on the citizenship or immigration status of the person who seeks the benefit from the City."],
  };

  it("shows a renamed catchline in place", () => {
    const redline = compare(chapter(sections.s20), chapter(["2-173-020 Requesting status information prohibited.", body("ask")]));
    expect(formatText(redline)).toContain("2-173-020 Requesting {+status+} information prohibited.");
    expect(redline.changes.map((change) => change.part)).toEqual(["catchline"]);
  });

  it("shows a renumbered section as the old number struck and the new underscored, body unmarked", () => {
    const redline = compare(chapter(sections.s20, sections.s30), chapter(sections.s20, ["2-173-035 Disclosing information prohibited.", sections.s30[1]!]));
    expect(formatText(redline)).toContain("[-2-173-030-] {+2-173-035+} Disclosing information prohibited.");
    const section = redline.sections.find((entry) => entry.numberB === "2-173-035")!;
    expect(section.status).toBe("renumbered");
    expect(section.changes.map((change) => change.part)).toEqual(["number"]);
  });

  it("shows a moved section as a move at both ends, each naming the other", () => {
    const redline = compare(chapter(sections.s20, sections.s30, sections.s40), chapter(sections.s30, sections.s40, ["2-173-045 Requesting information prohibited.", body("question")]));
    const moves = redline.changes.filter((change) => change.kind === "move");
    expect(moves.map((change) => [change.move!.role, change.section, change.move!.otherSection])).toEqual([
      ["source", "2-173-020", "2-173-045"],
      ["destination", "2-173-045", "2-173-020"],
    ]);
    const text = formatText(redline);
    expect(text).toContain("⟦moved to 2-173-045⟧ [-2-173-020 Requesting information prohibited.-]");
    expect(text).toContain("⟦moved from 2-173-020⟧ {+2-173-045 Requesting information prohibited.+}");
    const inner = redline.changes.filter((change) => change.withinMove);
    expect(inner.map((change) => [change.part, change.deleted, change.inserted])).toEqual([["number", "2-173-020", "2-173-045"], ["text", "ask", "question"]]);
    expect(applyChanges(redline)).toBe(redline.draftText);
  });

  it("does not call short repeated boilerplate a move", () => {
    const a = chapter(["2-173-010 Reserved.", "Reserved."], sections.s20, ["2-173-030 Reserved.", "Reserved."]);
    const b = chapter(sections.s20, ["2-173-035 Reserved.", "Reserved."]);
    expect(compare(a, b).changes.some((change) => change.kind === "move")).toBe(false);
  });

  it("underscores an inserted section throughout and updates nothing else", () => {
    const redline = compare(chapter(sections.s20, sections.s40), chapter(sections.s20, sections.s30, sections.s40));
    expect(redline.changes).toHaveLength(1);
    expect(redline.changes[0]).toMatchObject({ kind: "insert", part: "section", section: "2-173-030" });
    expect(formatText(redline)).toContain("{+2-173-030 Disclosing information prohibited.+}\n\n{+No agent shall disclose");
  });

  it("strikes a deleted section throughout", () => {
    const redline = compare(chapter(sections.s20, sections.s30, sections.s40), chapter(sections.s20, sections.s40));
    expect(redline.sections.find((entry) => entry.numberA === "2-173-030")!.status).toBe("deleted");
    expect(formatText(redline)).toContain("[-2-173-030 Disclosing information prohibited.-]\n\n[-No agent shall disclose");
  });
});

describe("bad and extreme input", () => {
  it("compares empty documents to an empty redline", () => {
    const empty: OrdinanceDocument = { title: null, chapters: [] };
    expect(compare(empty, empty).changes).toEqual([]);
    const redline = compare(empty, chapter(["2-173-020 Test.", "Text."]));
    expect(applyChanges(redline)).toBe(redline.draftText);
  });

  it("bounds a single enormous paragraph with nothing to anchor on to imprecise replacements", () => {
    const words = (seed: number) => Array.from({ length: 60_000 }, (_, i) => ((i * seed) % 997).toString(36)).join(" ");
    const base = chapter(["2-173-020 Test.", words(7)]);
    const draft = chapter(["2-173-020 Test.", words(11)]);
    const redline = compare(base, draft);
    expect(redline.changes.every((change) => !change.precise)).toBe(true);
    expect(applyChanges(redline)).toBe(redline.draftText);
  });

  it("compares 10 MB chapters to a bounded result", () => {
    const base = generateDocument(5, 10_000_000);
    const draft = scatteredWordEdits(base, 9, 0.05);
    const redline = compare(base, draft);
    expect(redline.changes.length).toBeGreaterThan(100);
    expect(applyChanges(redline)).toBe(redline.draftText);
  }, 60_000);
});

describe("outputs", () => {
  it("escapes text in HTML and marks with <del> and <ins>", () => {
    const redline = compare(chapter(["2-173-020 Test.", "Fees < $5 & more."]), chapter(["2-173-020 Test.", "Fees < $6 & <script>alert(1)</script> more."]));
    const html = formatHtml(redline);
    expect(html).toContain("<del data-change-id=");
    expect(html).toContain("&lt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("gives JSON whose offsets slice to the changed text", () => {
    const redline = compare(chapter(["2-173-020 Test.", "No agent shall ask."]), chapter(["2-173-020 Test.", "No officer shall ask."]));
    const json = JSON.parse(formatJson(redline));
    expect(json.changes).toHaveLength(1);
    const change = json.changes[0];
    expect(redline.baseText.slice(change.fromA, change.toA)).toBe("agent");
    expect(redline.draftText.slice(change.fromB, change.toB)).toBe("officer");
    expect(boundariesInsideTokens(redline)).toEqual([]);
  });
});
