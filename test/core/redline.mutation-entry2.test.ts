/**
 * Section entries as plain values: the JSON output lists each entry's fields (status, numbers,
 * catchlines, piece starts, changes), and each change carries only the fields that apply to it
 * (block ids inside a paragraph; no seam, move or withinMove unless it is one). Offsets worked
 * out by hand from the canonical texts below.
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare, formatJson } from "../../src/core/redline";

const BASE = [
  "CHAPTER 2-173 WELCOMING CITY", // 0–28
  "",
  "2-173-010 Purpose.", // 30–48
  "",
  "The purpose of this chapter is to set out rules.", // 50–98
  "",
].join("\n");

const DRAFT = [
  "CHAPTER 2-173 WELCOMING CITY",
  "",
  "2-173-010 Purpose.",
  "",
  "The purpose of this chapter is to set out the rules.", // 50–102, "the " inserted at 92
  "",
  "2-173-020 Scope.", // 104–120
  "",
  "No agent shall ask.", // 122–141
  "",
].join("\n");

const EDIT = {
  id: "2-173-010#1", kind: "insert", part: "text", section: "2-173-010",
  fromA: 92, toA: 92, fromB: 92, toB: 96, deleted: "", inserted: "the ", precise: true,
  blockIdA: "s-2-173-010-b0", blockIdB: "s-2-173-010-b0",
};

const INSERTED = {
  id: "2-173-020#1", kind: "insert", part: "section", section: "2-173-020",
  // The whole piece, its leading blank line included, at the end of 2-173-010's piece in the base.
  fromA: 98, toA: 98, fromB: 102, toB: 141, deleted: "", inserted: "\n\n2-173-020 Scope.\n\nNo agent shall ask.", precise: true,
};

describe("section entries as values", () => {
  const redline = () => compare(parseCodeText(BASE).document, parseCodeText(DRAFT).document);

  it("are written to the JSON output with every field", () => {
    const json = JSON.parse(formatJson(redline()));
    expect(json.sections).toEqual([
      { unit: "chapter", status: "unchanged", numberA: "CHAPTER 2-173", numberB: "CHAPTER 2-173", catchlineA: "WELCOMING CITY", catchlineB: "WELCOMING CITY", startA: -2, startB: -2, changes: [] },
      { unit: "section", status: "changed", numberA: "2-173-010", numberB: "2-173-010", catchlineA: "Purpose.", catchlineB: "Purpose.", startA: 28, startB: 28, changes: [EDIT] },
      { unit: "section", status: "inserted", numberA: null, numberB: "2-173-020", catchlineA: null, catchlineB: "Scope.", startA: 98, startB: 102, changes: [INSERTED] },
    ]);
    expect(json.changes).toEqual([EDIT, INSERTED]);
  });

  it("give changes only the fields that apply: block ids for a paragraph edit, none for a whole section, no seam or move", () => {
    const { changes } = redline();
    expect(changes).toHaveLength(2);
    expect(changes[0]).toStrictEqual(EDIT);
    expect(changes[1]).toStrictEqual(INSERTED);
    for (const change of changes) {
      for (const field of ["seam", "move", "withinMove"]) expect(Object.keys(change)).not.toContain(field);
    }
    expect(Object.keys(changes[1]!)).not.toContain("blockIdA");
    expect(Object.keys(changes[1]!)).not.toContain("blockIdB");
  });
});
