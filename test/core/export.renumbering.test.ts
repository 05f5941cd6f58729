/**
 * The amending ordinance for a renumbered section (issue 9, fault 3). A section whose draft
 * number differs from its base number is reprinted once, at its draft place, as an amended
 * section: its heading and contents line show the old number struck and the new one
 * underscored, its body carries only the real word edits, and nothing is struck at its old
 * place. That holds whether the redline pairs it in place or as a move, in both groupings, in
 * the text and in the .docx (marked and tracked), and on a generated title where every section
 * of one chapter is renumbered. The expected ordinances are written out by hand.
 */
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, withRevisions, writeDocx, writeHtml, writeText, type ExportSettings } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { moveWithinChapter, renumberAll } from "../../src/core/samples/structuralEdits";
import { chapterText, DETAIN, DISCLOSE, PURPOSE } from "../support/codeText";
import { markedText, readDocx, struckText, underscoredText } from "../support/docxReadBack";

const OMITTED = "(Omitted text is unaffected by this ordinance)";
const HEAD = "CHAPTER 2-173 WELCOMING CITY ORDINANCE";
const AMENDED_BOTH = "is hereby amended by deleting the language struck through and by inserting the language underscored, as follows:";
const base = parseCodeText(chapterText([
  ["2-173-005", "Purpose.", PURPOSE],
  ["2-173-030", "Disclosing information prohibited.", DISCLOSE],
  ["2-173-042", "Civil immigration enforcement actions.", DETAIN],
])).document;
/** -042 becomes -020 and, as the Code orders by number, comes before -030; `detain` is its text. */
function renumberedDraft(detain: string): OrdinanceDocument {
  return parseCodeText(chapterText([
    ["2-173-005", "Purpose.", PURPOSE],
    ["2-173-020", "Civil immigration enforcement actions.", detain],
    ["2-173-030", "Disclosing information prohibited.", DISCLOSE],
  ])).document;
}
const EDITED = DETAIN.replace("solely", "only");

function settings(grouping: ExportSettings["grouping"]): ExportSettings {
  return { ...DEFAULT_EXPORT_SETTINGS, grouping };
}

/** The paragraphs between the enacting clause and the effective-date SECTION. */
function amendingPart(text: string): string[] {
  const paragraphs = text.split("\n\n").map((paragraph) => paragraph.trim());
  const start = paragraphs.findIndex((paragraph) => paragraph.startsWith("BE IT ORDAINED")) + 1;
  const end = paragraphs.findIndex((paragraph) => paragraph.includes("This ordinance shall take effect"));
  return paragraphs.slice(start, end);
}

describe("section grouping with a renumbered section", () => {
  const text = writeText(buildOrdinance({ base, draft: renumberedDraft(DETAIN), settings: settings("section") }));

  it("never repeals or re-inserts the unchanged section", () => {
    expect(text).not.toMatch(/Section 2-173-030 of the Municipal Code of Chicago is hereby repealed/);
    expect(text).not.toMatch(/inserting a new Section 2-173-030/);
    expect(text).not.toContain(`{+${DISCLOSE}+}`);
    expect(text).not.toContain(`[-${DISCLOSE}-]`);
  });

  it("names the renumbered section and never calls it unchanged law", () => {
    expect(text).toMatch(/2-173-042/);
    expect(text).toMatch(/2-173-020/);
  });
});

describe("a section renumbered to an earlier place (the redline shows it moved)", () => {
  it("is paired by the redline as a move, which the ordinance must not read as repeal and insertion", () => {
    const statuses = compare(base, renumberedDraft(EDITED)).sections.filter((entry) => entry.unit === "section").map((entry) => entry.status);
    expect(statuses).toContain("moved");
  });

  it("section grouping: amends Section 2-173-042 once, renumbered, with its one word edit", () => {
    const text = writeText(buildOrdinance({ base, draft: renumberedDraft(EDITED), settings: settings("section") }));
    expect(amendingPart(text)).toEqual([
      `SECTION 1. Chapter 2-173 of the Municipal Code of Chicago ${AMENDED_BOTH}`,
      HEAD,
      "2-173-005 Purpose.",
      "[-2-173-042-] {+2-173-020+} Civil immigration enforcement actions.",
      "2-173-030 Disclosing information prohibited.",
      OMITTED,
      `SECTION 2. Section 2-173-042 of the Municipal Code of Chicago ${AMENDED_BOTH}`,
      "[-2-173-042-] {+2-173-020+} Civil immigration enforcement actions.",
      "No agent or agency shall arrest, detain or continue to detain a person [-solely-] {+only+} on the basis of an immigration detainer or of an administrative warrant entered into a federal database.",
    ]);
  });

  it("section grouping: a renumbering alone reprints the heading and leaves the body as omitted text", () => {
    const text = writeText(buildOrdinance({ base, draft: renumberedDraft(DETAIN), settings: settings("section") }));
    expect(amendingPart(text)).toEqual([
      `SECTION 1. Chapter 2-173 of the Municipal Code of Chicago ${AMENDED_BOTH}`,
      HEAD,
      "2-173-005 Purpose.",
      "[-2-173-042-] {+2-173-020+} Civil immigration enforcement actions.",
      "2-173-030 Disclosing information prohibited.",
      OMITTED,
      `SECTION 2. Section 2-173-042 of the Municipal Code of Chicago ${AMENDED_BOTH}`,
      "[-2-173-042-] {+2-173-020+} Civil immigration enforcement actions.",
      OMITTED,
    ]);
  });

  it("chapter grouping: the chapter's reprint shows the section once, at its draft place", () => {
    const text = writeText(buildOrdinance({ base, draft: renumberedDraft(EDITED), settings: settings("chapter") }));
    expect(amendingPart(text)).toEqual([
      `SECTION 1. Chapter 2-173 of the Municipal Code of Chicago ${AMENDED_BOTH}`,
      HEAD,
      "2-173-005 Purpose.",
      "[-2-173-042-] {+2-173-020+} Civil immigration enforcement actions.",
      "2-173-030 Disclosing information prohibited.",
      OMITTED,
      "[-2-173-042-] {+2-173-020+} Civil immigration enforcement actions.",
      "No agent or agency shall arrest, detain or continue to detain a person [-solely-] {+only+} on the basis of an immigration detainer or of an administrative warrant entered into a federal database.",
      OMITTED,
    ]);
  });

  it("the .docx, marked and tracked, strikes exactly the old numbers and the struck word", async () => {
    for (const grouping of ["chapter", "section"] as const) {
      const exported = buildOrdinance({ base, draft: renumberedDraft(EDITED), settings: settings(grouping) });
      for (const document of [exported, withRevisions(exported, { defaultAuthor: "Test" })]) {
        const read = await readDocx(await writeDocx(document));
        expect(struckText(read), grouping).toBe("2-173-042 2-173-042 solely");
        expect(underscoredText(read), grouping).toBe("2-173-020 2-173-020 only");
        const headings = read.paragraphs.map(markedText).filter((line) => line.includes("Civil immigration enforcement actions."));
        if (document === exported) expect(headings, grouping).toEqual(Array(2).fill("[-2-173-042-] {+2-173-020+} Civil immigration enforcement actions."));
        else expect(headings.length, grouping).toBe(2);
      }
    }
  });
});

describe("the HTML of a section renumbered to an earlier place", () => {
  it("strikes the old number and underscores the new one, and strikes no whole section", () => {
    const html = writeHtml(buildOrdinance({ base, draft: renumberedDraft(EDITED), settings: settings("section") }));
    const struck = [...html.matchAll(/<del[^>]*>(.*?)<\/del>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ""));
    const underscored = [...html.matchAll(/<ins[^>]*>(.*?)<\/ins>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ""));
    expect(struck).toEqual(["2-173-042", "2-173-042", "solely"]);
    expect(underscored).toEqual(["2-173-020", "2-173-020", "only"]);
  });
});

describe("a generated title with every section of one chapter renumbered", () => {
  const title = generateTitle(17, 30_000, 3);
  const draft: OrdinanceDocument = { ...title, chapters: title.chapters.map((chapter, index) => (index === 1 ? renumberAll({ ...title, chapters: [chapter] }).chapters[0]! : chapter)) };

  it("renumbers every section of that chapter and nothing else", () => {
    const before = title.chapters[1]!.sections.map((section) => section.number);
    const after = draft.chapters[1]!.sections.map((section) => section.number);
    expect(after.length).toBe(before.length);
    expect(after.filter((number, i) => number !== before[i]).length).toBeGreaterThan(before.length / 2);
  });

  for (const grouping of ["chapter", "section"] as const) {
    it(`exports with no repeal and no new section (${grouping} grouping)`, () => {
      const text = writeText(buildOrdinance({ base: title, draft, settings: settings(grouping) }));
      expect(text).not.toMatch(/repealed/);
      expect(text).not.toMatch(/inserting a new Section/);
      expect(text).not.toMatch(/moved (to|from)/);
      // Each renumbered section is named by its present number and its heading reprinted once.
      const renumbered = title.chapters[1]!.sections.filter((section, i) => section.number !== draft.chapters[1]!.sections[i]!.number);
      for (const section of renumbered) {
        const reprinted = text.split("\n\n").filter((paragraph) => paragraph.startsWith(`[-${section.number}-] {+`) && paragraph.includes(section.catchline));
        expect(reprinted.length, section.number).toBe(2); // the contents line and the heading
        if (grouping === "section") expect(text).toContain(`Section ${section.number} of the Municipal Code of Chicago is hereby amended`);
      }
    });
  }
});

describe("generated titles with sections moved within their chapter to new numbers", () => {
  for (const grouping of ["chapter", "section"] as const) {
    it(`export them as amended, renumbered sections, never repealed, inserted or labelled moved (${grouping} grouping)`, () => {
      let renumberedMoves = 0;
      for (const seed of [2, 5, 11, 23, 31, 40]) {
        const base = generateTitle(seed, 20_000, 3);
        const random = new Random(seed);
        const draft = moveWithinChapter(moveWithinChapter(base, random), random);
        const redline = compare(base, draft);
        const moves = redline.changes.filter((change) => change.move?.role === "destination" && change.move.otherSection !== change.section);
        renumberedMoves += moves.length;
        const text = writeText(buildOrdinance({ base, draft, redline, settings: settings(grouping) }));
        expect(text, `seed ${seed}`).not.toMatch(/repealed|inserting a new Section|moved (to|from)/);
        for (const move of moves) {
          const heading = text.split("\n\n").filter((paragraph) => paragraph.startsWith(`[-${move.move!.otherSection}-] {+${move.section}+} `));
          expect(heading.length, `seed ${seed} ${move.section}`).toBe(2); // contents line and heading
          if (grouping === "section") expect(text).toContain(`Section ${move.move!.otherSection} of the Municipal Code of Chicago is hereby amended`);
        }
      }
      expect(renumberedMoves).toBeGreaterThan(3);
    });
  }
});
