/**
 * A section moved into a chapter the draft adds, or out of a chapter the draft repeals: one
 * move labelled at both ends (not a repeal and a new section), in compare and in updateRedline
 * while typing, and in the ordinance as a clerk reads it — the repealed or new chapter's text
 * enacted afresh, every word underscored, with where the section came from.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, writeText } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare, updateRedline, type Redline } from "../../src/core/redline";
import { Random } from "../../src/core/samples/random";
import { applyChanges, revertChanges, slicesMatch } from "../support/redlineChecks";
import { typeInto } from "../support/keystrokes";

const baseText = readFileSync(new URL("../golden/structure/moved-between-chapters.base.txt", import.meta.url), "utf8");
const COMPLAINTS = "Any person who believes that a covered department has failed to comply with this chapter may file a complaint with the Office of the Inspector General, which shall review the complaint and report its findings to the head of the department.";
const complaintsSection = (number: string) => `${number} Complaints.\n\n${COMPLAINTS}\n\n(Added Coun. J. 5-18-16, p. 24131, § 1)\n`;

const base = parseCodeText(baseText).document;
const chapter176 = baseText.slice(baseText.indexOf("CHAPTER 2-176"), baseText.indexOf("CHAPTER 2-178"));

/** 2-176-050 taken out of 2-176 into a new chapter 2-177 as 2-177-010. */
const intoNewChapter = parseCodeText(baseText
  .replace("2-176-050 Complaints.\n", "")
  .replace(`${complaintsSection("2-176-050")}\n`, "")
  .replace("CHAPTER 2-178", `CHAPTER 2-177 LANGUAGE ACCESS COMPLAINTS\n\n2-177-010 Complaints.\n\n${complaintsSection("2-177-010")}\nCHAPTER 2-178`)).document;

/** Chapter 2-176 repealed, its 2-176-050 kept as 2-178-040. */
const outOfRepealedChapter = parseCodeText(`${baseText.replace(chapter176, "").replace("2-178-030 Accessible meetings.\n", "2-178-030 Accessible meetings.\n2-178-040 Complaints.\n")}\n${complaintsSection("2-178-040")}`).document;

function statuses(redline: Redline): string[] {
  return redline.sections.filter((entry) => entry.status !== "unchanged").map((entry) => `${entry.numberA ?? "-"} > ${entry.numberB ?? "-"} ${entry.status}`);
}

function moves(redline: Redline): string[] {
  return redline.changes.filter((change) => change.move).map((change) => `${change.move!.role} ${change.section} ${change.move!.otherSection}`).sort();
}

function ordinanceBody(draft: OrdinanceDocument, grouping: "chapter" | "section"): string {
  const text = writeText(buildOrdinance({ base, draft, settings: { ...DEFAULT_EXPORT_SETTINGS, grouping } }));
  return text.slice(text.indexOf("SECTION 1."), text.indexOf("This ordinance shall take effect")).replace(/\n+/g, "\n");
}

describe("a section moved into a new chapter", () => {
  it("is one move, labelled at both ends, and rebuilds both texts exactly", () => {
    const redline = compare(base, intoNewChapter);
    expect(statuses(redline)).toEqual(["CHAPTER 2-176 > CHAPTER 2-176 changed", "2-176-050 > - moved", "- > CHAPTER 2-177 inserted", "2-176-050 > 2-177-010 moved"]);
    expect(moves(redline)).toEqual(["destination 2-177-010 2-176-050", "source 2-176-050 2-177-010"]);
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(revertChanges(redline)).toBe(redline.baseText);
    expect(slicesMatch(redline)).toEqual([]);
  });

  it("is printed in the new chapter underscored throughout, with where it came from", () => {
    const body = ordinanceBody(intoNewChapter, "chapter");
    expect(body).toContain("[-2-176-050 Complaints.-] (moved to 2-177-010)\n");
    expect(body).toContain("inserting a new Chapter 2-177, as follows:\n{+CHAPTER 2-177 LANGUAGE ACCESS COMPLAINTS+}\n{+2-177-010 Complaints.+}\n{+2-177-010 Complaints.+} (moved from 2-176-050)\n");
    expect(body).toContain(`{+${COMPLAINTS}+}`);
    expect(body).not.toContain("[-2-176-050-]");
  });

  it("is repealed at its old place by a SECTION of its own in section grouping", () => {
    const body = ordinanceBody(intoNewChapter, "section");
    expect(body).toContain("Section 2-176-050 of the Municipal Code of Chicago is hereby repealed in its entirety.");
    expect(body).toContain("inserting a new Chapter 2-177, as follows:");
  });
});

describe("a section moved out of a repealed chapter", () => {
  it("is one move, labelled at both ends, the chapter's other sections deleted", () => {
    const redline = compare(base, outOfRepealedChapter);
    expect(statuses(redline)).toEqual([
      "CHAPTER 2-176 > - deleted", "2-176-010 > - deleted", "2-176-020 > - deleted", "2-176-030 > - deleted", "2-176-040 > - deleted", "2-176-050 > - moved",
      "CHAPTER 2-178 > CHAPTER 2-178 changed", "2-176-050 > 2-178-040 moved",
    ]);
    expect(moves(redline)).toEqual(["destination 2-178-040 2-176-050", "source 2-176-050 2-178-040"]);
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(revertChanges(redline)).toBe(redline.baseText);
  });

  it("is enacted afresh at its new place, never amended after the repeal of its chapter", () => {
    for (const grouping of ["chapter", "section"] as const) {
      const body = ordinanceBody(outOfRepealedChapter, grouping);
      expect(body, grouping).toContain("Chapter 2-176 of the Municipal Code of Chicago is hereby repealed in its entirety.");
      expect(body, grouping).toContain("{+2-178-040 Complaints.+} (moved from 2-176-050)\n");
      expect(body, grouping).toContain(`{+${COMPLAINTS}+}`);
      expect(body, grouping).not.toContain("[-2-176-050-]");
      expect(body, grouping).not.toContain("by moving it");
    }
    expect(ordinanceBody(outOfRepealedChapter, "section")).toContain("inserting a new Section 2-178-040, as follows:");
  });
});

describe("typing with a move to or from a one-sided chapter", () => {
  const plain = (redline: Redline) => JSON.parse(JSON.stringify({ sections: redline.sections, changes: redline.changes }));

  for (const [name, draft] of [["into a new chapter", intoNewChapter], ["out of a repealed chapter", outOfRepealedChapter]] as const) {
    it(`gives the fresh compare after every keystroke (${name}), the moved section's too`, () => {
      const random = new Random(11);
      let current = draft;
      let redline = compare(base, current);
      for (let k = 0; k < 40; k++) {
        const c = random.int(0, current.chapters.length - 1);
        current = typeInto(current, c, random.int(0, current.chapters[c]!.sections.length - 1), random);
        redline = updateRedline(redline, current);
        expect(plain(redline), `keystroke ${k + 1}`).toEqual(plain(compare(structuredClone(base), structuredClone(current))));
      }
    });
  }

  it("shows the move undone when the moved section is rewritten, as a fresh compare does", () => {
    let redline = compare(base, intoNewChapter);
    const chapter = intoNewChapter.chapters.findIndex((each) => each.number === "2-177");
    const section = intoNewChapter.chapters[chapter]!.sections[0]!;
    const rewritten = { ...section, blocks: section.blocks.map((block) => (block.kind === "paragraph" ? { ...block, text: "Complaints go to the department head, who answers within thirty days." } : block)) };
    const draft = { ...intoNewChapter, chapters: intoNewChapter.chapters.map((each, i) => (i === chapter ? { ...each, sections: [rewritten] } : each)) };
    redline = updateRedline(redline, draft);
    expect(moves(redline)).toEqual([]);
    expect(plain(redline)).toEqual(plain(compare(base, draft)));
  });
});
