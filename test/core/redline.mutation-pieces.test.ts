/**
 * The changes of matched pieces by their meaning, on small hand-written chapters: which part
 * of the text each change touches (number, catchline, enumerator, text, history, contents,
 * title, whole chapter or section), its kind, exactly what it strikes and inserts, its id, and
 * the offsets of edits inside a moved section (base offsets at its source).
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare, type Change, type Redline } from "../../src/core/redline";
import { applyChanges, revertChanges, slicesMatch } from "../support/redlineChecks";

const LONG = "Words of definitions are long enough here to pair a section by its content alone.";
const OTHER = "No agent or agency shall request information about the citizenship of any person.";

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

const brief = (changes: readonly Change[]) => changes.map((change) => [change.part, change.kind, change.deleted, change.inserted]);

describe("changes inside a paired section", () => {
  it("changes only the label of an enumerator when the indentation holds, and the whole prefix when it does not", () => {
    const redline = redlineOf(
      chapter([["2-173-010", "Definitions.", LONG], ["2-173-020", "Test.", "(a) First item text here.", "(b) Second item text here."]]),
      chapter([["2-173-010", "Definitions.", LONG], ["2-173-020", "Test.", "(b) First item text here.", "(1) Second item text here."]]),
    );
    expect(brief(redline.changes)).toEqual([["enumerator", "replace", "a", "b"], ["enumerator", "replace", "(b) ", "    (1) "]]);
    expect(redline.changes.map((change) => change.id)).toEqual(["2-173-020#1", "2-173-020#2"]);
    expect(redline.changes.every((change) => change.section === "2-173-020" && change.blockIdA && change.blockIdB)).toBe(true);
  });

  it("marks a history note's words as history and a catchline's as catchline", () => {
    const redline = redlineOf(
      chapter([["2-173-020", "Test rules.", OTHER, "(Added Coun. J. 1-1-20.)"]]),
      chapter([["2-173-020", "Trial rules.", OTHER, "(Amend Coun. J. 1-1-21.)"]]),
    );
    const body = redline.changes.filter((change) => change.part !== "toc");
    expect(brief(body)).toEqual([["catchline", "replace", "Test", "Trial"], ["history", "replace", "Added", "Amend"], ["history", "replace", "1-1-20", "1-1-21"]]);
    expect(brief(redline.changes.filter((change) => change.part === "toc"))).toEqual([["toc", "replace", "Test", "Trial"]]);
    expect(redline.sections.find((entry) => entry.unit === "section")!.status).toBe("changed");
  });

  it("deletes and inserts whole paragraphs with the separator before them", () => {
    const redline = redlineOf(
      chapter([["2-173-020", "Test.", OTHER, "A paragraph that goes away entirely from the text.", LONG]]),
      chapter([["2-173-020", "Test.", OTHER, LONG, "Quite new closing words appear at the end now."]]),
    );
    expect(brief(redline.changes)).toEqual([
      ["text", "delete", "\n\nA paragraph that goes away entirely from the text.", ""],
      ["text", "insert", "", "\n\nQuite new closing words appear at the end now."],
    ]);
    expect(redline.changes.map((change) => [change.blockIdA !== undefined, change.blockIdB !== undefined])).toEqual([[true, false], [false, true]]);
  });

  it("changes the number of a section renumbered in place, and names it renumbered", () => {
    const redline = redlineOf(
      chapter([["2-173-010", "Definitions.", LONG], ["2-173-020", "Test.", OTHER]]),
      chapter([["2-173-010", "Definitions.", LONG], ["2-173-030", "Test.", OTHER]]),
    );
    const entry = redline.sections.find((s) => s.numberB === "2-173-030")!;
    expect(entry.status).toBe("renumbered");
    expect(entry.numberA).toBe("2-173-020");
    expect(brief(entry.changes)).toEqual([["number", "replace", "2-173-020", "2-173-030"]]);
    // The contents line changes its number too.
    expect(brief(redline.changes.filter((change) => change.section === "CHAPTER 2-173"))).toEqual([["number", "replace", "2-173-020", "2-173-030"]]);
  });
});

describe("contents lines", () => {
  it("inserts a contents line with the newline before it, and word-diffs a kept line paired by number", () => {
    const redline = redlineOf(
      chapter([["2-173-010", "Definitions.", LONG], ["2-173-020", "Test.", OTHER]]),
      chapter([["2-173-010", "Definitions and terms.", LONG], ["2-173-025", "Brand new section.", "Entirely fresh words of a section not seen before here."], ["2-173-020", "Test.", OTHER]]),
    );
    const toc = redline.changes.filter((change) => change.part === "toc");
    expect(brief(toc)).toEqual([["toc", "insert", "", " and terms"], ["toc", "insert", "", "\n2-173-025 Brand new section."]]);
    const head = redline.sections.find((entry) => entry.unit === "chapter")!;
    expect(head.status).toBe("changed");
    expect(head.numberA).toBe("CHAPTER 2-173");
  });

  it("pairs contents lines of a renumbered section as their sections paired", () => {
    const redline = redlineOf(
      chapter([["2-173-010", "Definitions.", LONG], ["2-173-020", "Test.", OTHER]]),
      chapter([["2-173-010", "Reserved.", "Reserved."], ["2-173-020", "Definitions.", LONG], ["2-173-030", "Test.", OTHER]]),
    );
    // Definitions kept its line (renumbered 010 to 020), Test too (020 to 030); 010 Reserved is new.
    expect(brief(redline.changes.filter((change) => change.section === "CHAPTER 2-173"))).toEqual([
      ["toc", "insert", "", "\n2-173-010 Reserved."], ["number", "replace", "2-173-010", "2-173-020"], ["number", "replace", "2-173-020", "2-173-030"],
    ]);
  });
});

describe("whole units and moves", () => {
  it("inserts an added chapter whole: its head and each section", () => {
    const one = chapter([["2-173-010", "Definitions.", LONG]]);
    const two = chapter([["2-174-010", "Scope.", OTHER]], "CHAPTER 2-174 OTHER");
    const redline = redlineOf(`TITLE 2 CITY GOVERNMENT\n\n${one}`, `TITLE 2 CITY GOVERNMENT\n\n${one}\n\n${two}`);
    const added = redline.sections.filter((entry) => entry.status === "inserted");
    expect(added.map((entry) => [entry.unit, entry.numberA, entry.numberB, entry.catchlineB])).toEqual([["chapter", null, "CHAPTER 2-174", "OTHER"], ["section", null, "2-174-010", "Scope."]]);
    expect(added.flatMap((entry) => entry.changes).map((change) => [change.part, change.kind])).toEqual([["section", "insert"], ["section", "insert"]]);
    expect(redline.sections[0]!.unit).toBe("title");
    expect(redline.sections[0]!.status).toBe("unchanged");
  });

  it("repeals a chapter whole and changes a title's name as title", () => {
    const one = chapter([["2-173-010", "Definitions.", LONG]]);
    const two = chapter([["2-174-010", "Scope.", OTHER]], "CHAPTER 2-174 OTHER");
    const redline = redlineOf(`TITLE 2 CITY GOVERNMENT\n\n${one}\n\n${two}`, `TITLE 2 CITY ADMINISTRATION\n\n${one}`);
    expect(brief(redline.changes.filter((change) => change.part === "title"))).toEqual([["title", "replace", "GOVERNMENT", "ADMINISTRATION"]]);
    const gone = redline.sections.filter((entry) => entry.status === "deleted");
    expect(gone.map((entry) => [entry.unit, entry.numberA, entry.numberB])).toEqual([["chapter", "CHAPTER 2-174", null], ["section", "2-174-010", null]]);
    expect(redline.sections[0]!.status).toBe("changed");
  });

  it("shows a moved section at both ends, with its inner edits at base offsets of its source", () => {
    const s1: [string, string, ...string[]] = ["2-173-010", "Definitions.", LONG];
    const s2: [string, string, ...string[]] = ["2-173-020", "Test.", OTHER];
    const s3: [string, string, ...string[]] = ["2-173-030", "Third.", "The third section has words that stay where they are in the chapter text."];
    const s4: [string, string, ...string[]] = ["2-173-040", "Fourth.", "The fourth section also keeps its words and its place in the chapter."];
    const moved: [string, string, ...string[]] = ["2-173-050", "Definitions.", LONG.replace("long", "ample")];
    const redline = redlineOf(chapter([s1, s2, s3, s4]), chapter([s2, s3, s4, moved]));
    const source = redline.changes.find((change) => change.move?.role === "source")!;
    const destination = redline.changes.find((change) => change.move?.role === "destination")!;
    expect(source).toMatchObject({ kind: "move", part: "section", section: "2-173-010", id: "2-173-010#1-source", move: { otherSection: "2-173-050", pairId: "move:2-173-010>2-173-050" } });
    expect(destination).toMatchObject({ kind: "move", section: "2-173-050", id: "2-173-050#1-destination", move: { otherSection: "2-173-010", pairId: "move:2-173-010>2-173-050" } });
    const inner = redline.changes.filter((change) => change.withinMove);
    expect(brief(inner)).toEqual([["number", "replace", "2-173-010", "2-173-050"], ["text", "replace", "long", "ample"]]);
    expect(inner[0]!.withinMove).toBe(destination.id);
    expect(inner[0]!.fromA).toBeGreaterThanOrEqual(source.fromA);
    expect(inner[0]!.toA).toBeLessThanOrEqual(source.toA);
    expect(inner[0]!.fromB).toBeGreaterThanOrEqual(destination.fromB);
    expect(redline.sections.filter((entry) => entry.status === "moved").map((entry) => [entry.numberA, entry.numberB])).toEqual([["2-173-010", null], ["2-173-010", "2-173-050"]]);
  });
});
