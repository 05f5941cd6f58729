/**
 * Renumbered and shifted sections (issue 9, faults 3 and 4): a section whose number and text
 * are unchanged is never marked; the section that changed its number is the one shown as
 * renumbered or moved; sections pair by number only when their texts are alike.
 */
import { describe, expect, it, beforeEach } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { sectionPiece } from "../../src/core/model/canonicalText";
import { allSections } from "../../src/core/model/document";
import { compare, formatText, topLevelChanges, type Redline } from "../../src/core/redline";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { insertAndShiftEveryChapter } from "../../src/core/samples/structuralEdits";
import { chapterText, DETAIN, DISCLOSE, PURPOSE } from "../support/codeText";
import { applyChanges, revertChanges } from "../support/redlineChecks";

const parse = (text: string) => parseCodeText(text).document;

describe("a section renumbered to a place before an unchanged one", () => {
  const base = parse(chapterText([
    ["2-173-005", "Purpose.", PURPOSE],
    ["2-173-030", "Disclosing information prohibited.", DISCLOSE],
    ["2-173-042", "Civil immigration enforcement actions.", DETAIN],
  ]));
  const draft = parse(chapterText([
    ["2-173-005", "Purpose.", PURPOSE],
    ["2-173-020", "Civil immigration enforcement actions.", DETAIN],
    ["2-173-030", "Disclosing information prohibited.", DISCLOSE],
  ]));
  // Per test, so that mutation testing sees which tests cover the engine's code.
  let redline!: ReturnType<typeof compare>;
  beforeEach(() => {
    redline = compare(base, draft);
  });

  it("leaves the unchanged section unmarked and moves the renumbered one", () => {
    const byNumber = new Map(redline.sections.filter((s) => s.unit === "section").map((s) => [`${s.numberA}>${s.numberB}`, s]));
    expect(byNumber.get("2-173-030>2-173-030")?.status).toBe("unchanged");
    expect(byNumber.get("2-173-030>2-173-030")?.changes).toEqual([]);
    const moved = redline.changes.filter((change) => change.move);
    expect(moved.map((change) => `${change.move!.role} ${change.section} ${change.move!.otherSection}`).sort()).toEqual([
      "destination 2-173-020 2-173-042", "source 2-173-042 2-173-020",
    ]);
    expect(redline.changes.every((change) => change.section !== "2-173-030")).toBe(true);
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(revertChanges(redline)).toBe(redline.baseText);
  });

  it("never strikes the unchanged section's text", () => {
    const text = formatText(redline);
    expect(text).not.toContain(`[-${DISCLOSE}-]`);
    expect(text).toContain(`\n\n2-173-030 Disclosing information prohibited.\n\n${DISCLOSE}\n\n`);
  });
});

/** Whitespace-separated words of a text. */
function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

/** Words struck plus words underscored, over the changes that rebuild the draft. */
function markedWords(redline: Redline): number {
  return topLevelChanges(redline).reduce((sum, change) => sum + wordCount(change.deleted) + wordCount(change.inserted), 0);
}

describe("a section inserted in each chapter, every later section shifted up one number", () => {
  const base = generateTitle(7, 200_000, 5);
  const draft = insertAndShiftEveryChapter(base, 3);
  // Per test, so that mutation testing sees which tests cover the engine's code.
  let redline!: ReturnType<typeof compare>;
  beforeEach(() => {
    redline = compare(base, draft);
  });
  const baseIds = new Set(allSections(base).map((section) => section.id));
  const added = allSections(draft).filter((section) => !baseIds.has(section.id));
  const shifted = allSections(draft).filter((section) => baseIds.has(section.id) && allSections(base).find((s) => s.id === section.id)!.number !== section.number);
  // The new sections' words, their contents lines, and per shifted section its old and new
  // number, struck and underscored, in its heading and in its contents line.
  const ideal = added.reduce((sum, section) => sum + wordCount(sectionPiece(section).text) + wordCount(`${section.number} ${section.catchline}`), 0) + 4 * shifted.length;

  it("marks about the ideal number of words", () => {
    expect(added.length).toBe(5);
    expect(shifted.length).toBeGreaterThan(50);
    expect(markedWords(redline)).toBeLessThanOrEqual(Math.ceil(1.1 * ideal));
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(revertChanges(redline)).toBe(redline.baseText);
  });

  it("shows each shifted section as renumbered, its body unmarked", () => {
    const renumbered = redline.sections.filter((section) => section.status === "renumbered");
    expect(renumbered.length).toBe(shifted.length);
    for (const section of renumbered) {
      expect(section.changes.map((change) => change.part), section.numberB!).toEqual(["number"]);
    }
  });

  it("shows the contents lines of shifted sections as number changes only", () => {
    const toc = redline.changes.filter((change) => change.part === "toc");
    expect(toc.filter((change) => change.kind !== "insert").every((change) => /^\d+-\d+-\d+$/.test(change.deleted))).toBe(true);
  });
});
