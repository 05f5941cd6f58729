/**
 * compare and updateRedline on hand-worked cases: a title heading present on one side only or
 * renamed, the base offsets of edits inside a section moved past two others, how many update
 * steps touchedSince remembers (64), touchedSince of a redline itself, entry indices out of
 * range, a redline not made by compare, option objects resolved once, and a chapter renamed in
 * a new base that shares the old contents list.
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import type { OrdinanceDocument, Paragraph } from "../../src/core/model/document";
import { compare, resolveOptions, updateRedline, type Redline } from "../../src/core/redline";
import { DEFAULT_OPTIONS } from "../../src/core/redline/types";

const CHAPTER = [
  "CHAPTER 2-173 WELCOMING CITY",
  "",
  "2-173-010 Purpose.",
  "",
  "The purpose of this chapter is to set out rules.",
  "",
].join("\n");

const parse = (text: string): OrdinanceDocument => parseCodeText(text).document;

describe("the title heading", () => {
  const heading = "TITLE 2 EXECUTIVE BRANCH"; // 24 characters
  const titled = () => parse(`${heading}\n\n${CHAPTER}`);
  const untitled = () => parse(CHAPTER);

  it("is inserted whole when only the draft has one, and the chapter follows it", () => {
    const redline = compare(untitled(), titled());
    expect(JSON.parse(JSON.stringify(redline.sections[0]))).toEqual({
      unit: "title", status: "changed", numberA: null, numberB: "TITLE 2", catchlineA: null, catchlineB: "EXECUTIVE BRANCH", startA: -2, startB: -2,
      changes: [{ id: "TITLE 2#1", kind: "insert", part: "title", section: "TITLE 2", fromA: 0, toA: 0, fromB: 0, toB: 24, deleted: "", inserted: heading, precise: true }],
    });
    expect(redline.sections[1]!.startA).toBe(-2);
    expect(redline.sections[1]!.startB).toBe(24);
    expect(redline.changes).toHaveLength(1);
  });

  it("is deleted whole when only the base has one", () => {
    const redline = compare(titled(), untitled());
    expect(JSON.parse(JSON.stringify(redline.sections[0]))).toEqual({
      unit: "title", status: "changed", numberA: "TITLE 2", numberB: null, catchlineA: "EXECUTIVE BRANCH", catchlineB: null, startA: -2, startB: -2,
      changes: [{ id: "TITLE 2#1", kind: "delete", part: "title", section: "TITLE 2", fromA: 0, toA: 24, fromB: 0, toB: 0, deleted: heading, inserted: "", precise: true }],
    });
    expect(redline.sections[1]!.startA).toBe(24);
    expect(redline.sections[1]!.startB).toBe(-2);
  });

  it("shows a renamed title as a word replaced, with both names", () => {
    const redline = compare(titled(), parse(`TITLE 2 EXECUTIVE DEPARTMENT\n\n${CHAPTER}`));
    const entry = redline.sections[0]!;
    expect([entry.status, entry.numberA, entry.numberB, entry.catchlineA, entry.catchlineB]).toEqual(["changed", "TITLE 2", "TITLE 2", "EXECUTIVE BRANCH", "EXECUTIVE DEPARTMENT"]);
    // "TITLE 2 EXECUTIVE " is 18 characters.
    expect(entry.changes.map(({ kind, part, fromA, toA, fromB, toB, deleted, inserted }) => ({ kind, part, fromA, toA, fromB, toB, deleted, inserted })))
      .toEqual([{ kind: "replace", part: "title", fromA: 18, toA: 24, fromB: 18, toB: 28, deleted: "BRANCH", inserted: "DEPARTMENT" }]);
  });
});

describe("a chapter added whole", () => {
  it("is inserted piece by piece, head then sections, each change whole and precise", () => {
    const added = "CHAPTER 2-174 SANCTUARY\n\n2-174-010 Scope.\n\nThis chapter applies to every department.\n";
    const redline = compare(parse(CHAPTER), parse(`${CHAPTER}\n${added}`));
    expect(redline.draftText).toBe(`${CHAPTER}\n${added}`);
    const entries = redline.sections.slice(2);
    expect(entries.map((entry) => [entry.unit, entry.status, entry.numberA, entry.numberB])).toEqual([["chapter", "inserted", null, "CHAPTER 2-174"], ["section", "inserted", null, "2-174-010"]]);
    const changes = entries.flatMap((entry) => entry.changes);
    expect(changes.map(({ kind, precise, deleted, inserted }) => ({ kind, precise, deleted, inserted }))).toEqual([
      { kind: "insert", precise: true, deleted: "", inserted: "\n\nCHAPTER 2-174 SANCTUARY" },
      { kind: "insert", precise: true, deleted: "", inserted: "\n\n2-174-010 Scope.\n\nThis chapter applies to every department." },
    ]);
  });
});

describe("edits inside a moved section", () => {
  const body = (subject: string) => `No agent or agency shall request or disclose information about the ${subject} of any person, unless required by law.`;
  const section = (number: string, catchline: string, subject: string) => `${number} ${catchline}\n\n${body(subject)}\n`;
  const BASE = [
    "CHAPTER 2-173 WELCOMING CITY\n",
    section("2-173-010", "Purpose.", "residence"),
    section("2-173-020", "Citizenship.", "citizenship"),
    section("2-173-030", "Status.", "immigration status"),
    section("2-173-040", "Employment.", "employment"),
  ].join("\n");
  const MOVED = body("citizenship").replace("unless required by law", "unless required by federal law");
  const DRAFT = [
    "CHAPTER 2-173 WELCOMING CITY\n",
    section("2-173-010", "Purpose.", "residence"),
    section("2-173-030", "Status.", "immigration status"),
    section("2-173-040", "Employment.", "employment"),
    `2-173-020 Citizenship.\n\n${MOVED}\n`,
  ].join("\n");

  it("are placed at the section's source in the base and at its destination in the draft", () => {
    const redline = compare(parse(BASE), parse(DRAFT));
    expect(redline.baseText).toBe(BASE);
    expect(redline.draftText).toBe(DRAFT);
    const source = redline.sections.find((entry) => entry.status === "moved" && entry.numberB === null)!;
    expect(source.numberA).toBe("2-173-020");
    const inner = redline.changes.filter((change) => change.withinMove);
    expect(inner).toHaveLength(1);
    const change = inner[0]!;
    // "federal " inserted before "law" of 2-173-020: in the base at its source (the second section), in the draft at the end.
    const sourceStart = BASE.indexOf("2-173-020 Citizenship.\n");
    const atA = BASE.indexOf("law.", sourceStart);
    const atB = DRAFT.lastIndexOf("federal ");
    expect([change.kind, change.fromA, change.toA, change.fromB, change.toB, change.inserted]).toEqual(["insert", atA, atA, atB, atB + 8, "federal "]);
    // It belongs to the move's destination, whose id differs from the source's though both ends carry 2-173-020.
    const ends = redline.changes.filter((each) => each.move);
    expect(ends.map((each) => [each.move!.role, each.section])).toEqual([["source", "2-173-020"], ["destination", "2-173-020"]]);
    expect(change.withinMove).toBe(ends[1]!.id);
    const ids = redline.changes.map((each) => each.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/** A draft with `words` appended to the first paragraph of the chapter's first section. */
function typed(doc: OrdinanceDocument, words: string): OrdinanceDocument {
  const chapter = doc.chapters[0]!;
  const section = chapter.sections[0]!;
  const blocks = section.blocks.map((block, index) => (index === 0 ? { ...(block as Paragraph), text: `${(block as Paragraph).text} ${words}` } : block));
  return { ...doc, chapters: [{ ...chapter, sections: [{ ...section, blocks }, ...chapter.sections.slice(1)] }] };
}

describe("touchedSince", () => {
  it("is empty for the redline itself", () => {
    const redline = compare(parse(CHAPTER), parse(CHAPTER));
    expect(redline.touchedSince(redline.version)).toEqual([]);
  });

  it("answers for 64 update steps back and no further", () => {
    const base = parse(CHAPTER);
    const first = compare(base, base);
    let redline: Redline = first;
    let draft = base;
    const steps: Redline[] = [first];
    for (let k = 1; k <= 65; k++) {
      draft = typed(draft, `w${k}`);
      redline = updateRedline(redline, draft);
      steps.push(redline);
    }
    // Entry 1 is 2-173-010, the only section typed into.
    expect(steps[1]!.touchedSince(first.version)).toEqual([1]);
    expect(steps[2]!.touchedSince(first.version)).toEqual([1]);
    expect(steps[64]!.touchedSince(first.version)).toEqual([1]);
    expect(steps[64]!.touchedSince(steps[30]!.version)).toEqual([1]);
    expect(steps[65]!.touchedSince(first.version)).toBeNull();
    expect(steps[65]!.touchedSince(steps[64]!.version)).toEqual([1]);
    expect(steps[65]!.draftText).toContain("set out rules. w1 w2 w3");
  });
});

describe("the redline's entries and inputs", () => {
  it("has no entry before the first or past the last", () => {
    const redline = compare(parse(CHAPTER), parse(CHAPTER));
    expect(redline.sectionCount).toBe(2);
    expect(() => redline.section(2)).toThrow(new RangeError("no section entry 2"));
    expect(() => redline.section(-1)).toThrow(new RangeError("no section entry -1"));
    expect(redline.section(1).numberB).toBe("2-173-010");
  });

  it("updates only a redline made by compare", () => {
    const redline = compare(parse(CHAPTER), parse(CHAPTER));
    const copy = { ...redline } as Redline;
    expect(() => updateRedline(copy, parse(CHAPTER))).toThrow(new TypeError("updateRedline needs a redline made by compare"));
  });

  it("resolves an options object once, defaults filled in", () => {
    const options = { rewriteThreshold: 0.3 };
    const resolved = resolveOptions(options);
    expect(resolved).toEqual({ ...DEFAULT_OPTIONS, rewriteThreshold: 0.3 });
    expect(resolveOptions(options)).toBe(resolved);
    expect(resolveOptions()).toBe(DEFAULT_OPTIONS);
  });

  it("shows a chapter renamed in a new base that keeps the old contents list", () => {
    const base = parse(CHAPTER);
    const draft = parse(CHAPTER);
    expect(compare(base, draft).changes).toEqual([]);
    const renamed: OrdinanceDocument = { ...base, chapters: [{ ...base.chapters[0]!, title: "SANCTUARY CITY" }] };
    const redline = compare(renamed, draft);
    expect(redline.sections[0]!.status).toBe("changed");
    // "CHAPTER 2-173 " is 14 characters.
    expect(redline.changes.map(({ kind, fromA, toA, fromB, toB, deleted, inserted }) => ({ kind, fromA, toA, fromB, toB, deleted, inserted })))
      .toEqual([{ kind: "replace", fromA: 14, toA: 23, fromB: 14, toB: 23, deleted: "SANCTUARY", inserted: "WELCOMING" }]);
  });
});
