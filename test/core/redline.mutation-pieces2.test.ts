/**
 * Enumerator, number and contents changes by their meaning: labels of several characters
 * re-lettered, a deeper indentation shown from where the prefixes differ, and every such
 * change precise (word-exact, not a sentence-level fallback).
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare, type Redline } from "../../src/core/redline";
import { applyChanges, revertChanges, slicesMatch } from "../support/redlineChecks";

const LONG = "Words of definitions are long enough here to pair a section by its content alone.";

function chapter(sections: ReadonlyArray<[string, string, ...string[]]>, head = "CHAPTER 2-173 TEST"): string {
  const toc = sections.map(([number, catchline]) => `${number} ${catchline}`).join("\n");
  const body = sections.map(([number, catchline, ...lines]) => [`${number} ${catchline}`, ...lines].join("\n\n")).join("\n\n");
  return `${head}\n\n${toc}\n\n${body}`;
}

function redlineOf(base: string, draft: string): Redline {
  const redline = compare(parseCodeText(base).document, parseCodeText(draft).document);
  expect(slicesMatch(redline)).toEqual([]);
  expect(applyChanges(redline)).toBe(redline.draftText);
  expect(revertChanges(redline)).toBe(redline.baseText);
  return redline;
}

describe("enumerators, numbers and contents lines", () => {
  it("re-letters a label of several characters by its label alone", () => {
    const items = (first: string, second: string) => ["(a) Opening text of the list.", `    (${first}) Tenth item text here.`, `    (${second}) Eleventh item text here.`];
    const redline = redlineOf(
      chapter([["2-173-020", "Test.", ...items("10", "11")]]),
      chapter([["2-173-020", "Test.", ...items("11", "12")]]),
    );
    expect(redline.changes.map((change) => [change.part, change.deleted, change.inserted])).toEqual([["enumerator", "10", "11"], ["enumerator", "11", "12"]]);
  });

  it("marks number, enumerator and struck or inserted contents changes as precise", () => {
    const redline = redlineOf(
      chapter([["2-173-010", "Definitions.", LONG], ["2-173-020", "Test.", "(a) First item text here.", "(b) Second item text here."], ["2-173-030", "Gone.", "Reserved."]]),
      chapter([["2-173-015", "Definitions.", LONG], ["2-173-020", "Test.", "(b) First item text here.", "(1) Second item text here."], ["2-173-040", "New.", "A new section of text."]]),
    );
    const parts = new Set(redline.changes.map((change) => change.part));
    expect(parts).toContain("number");
    expect(parts).toContain("enumerator");
    expect(parts).toContain("toc");
    expect(redline.changes.filter((change) => !change.precise)).toEqual([]);
  });
});
