/**
 * An enumerated paragraph opened and never written (Enter at the end of an item, nothing typed)
 * is never exported as a bare enumerator: the ordinance and the clean chapter leave it out and
 * re-letter its list over the gap, so the items after it keep the letters they had.
 */
import { describe, expect, it } from "vitest";
import { amendingSectionCount, buildCleanChapter, buildOrdinance, cleanText, writeText } from "../../src/core/export";
import type { Block, OrdinanceDocument, Paragraph } from "../../src/core/model/document";
import { withoutEmptyItems } from "../../src/core/model/outline";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { fixtureBase } from "../support/fixtures";

const base = fixtureBase();

/** The base with `edit` applied to the blocks of section `number`. */
function editedSection(number: string, edit: (blocks: Block[]) => Block[]): OrdinanceDocument {
  return {
    ...base,
    chapters: base.chapters.map((chapter) => ({
      ...chapter,
      sections: chapter.sections.map((section) => (section.number === number ? { ...section, blocks: edit([...section.blocks]) } : section)),
    })),
  };
}

function item(id: string, enumerator: string, level: number, text = ""): Paragraph {
  return { kind: "paragraph", id, enumerator, level, text };
}

const BARE = /^\s*(\{\+|\[-)?\([0-9A-Za-z]+\)(\+\}|-\])?\s*$/;

describe("empty enumerated paragraphs", () => {
  it("an empty (i) after 2-173-010(h) exports nothing at all", () => {
    const draft = editedSection("2-173-010", (blocks) => { blocks.splice(blocks.length - 1, 0, item("new-i", "(i)", 1)); return blocks; });
    const exported = buildOrdinance({ base, draft });
    expect(amendingSectionCount(exported)).toBe(0);
    expect(writeText(exported).split("\n").filter((line) => BARE.test(line))).toEqual([]);
    expect(cleanText(draft)).toBe(serializeDocument(base));
    expect(buildCleanChapter(draft).blocks.some((block) => block.runs.map((run) => run.text).join("").trim() === "(i)")).toBe(false);
  });

  it("an empty (b) lifted out of 2-173-042(a)'s items, the later ones re-lettered, exports as the base", () => {
    const draft = editedSection("2-173-042", (blocks) => {
      const at = blocks.findIndex((block) => block.kind === "paragraph" && block.level === 1 && block.enumerator === "(b)");
      // The later outer items re-lettered by one, as the editor does after the lift.
      const shifted = blocks.map((block, index) => (index >= at && block.kind === "paragraph" && block.level === 1
        ? { ...block, enumerator: `(${String.fromCharCode(block.enumerator!.charCodeAt(1) + 1)})` } : block));
      shifted.splice(at, 0, item("empty-b", "(b)", 1));
      return shifted;
    });
    expect(serializeDocument(draft)).toContain("\n\n    (b) \n\n    (c) Except");
    expect(serializeDocument(withoutEmptyItems(draft))).toBe(serializeDocument(base));
    expect(amendingSectionCount(buildOrdinance({ base, draft }))).toBe(0);
  });

  it("an empty item followed by a written one: the written one takes its letter", () => {
    const draft = editedSection("2-173-010", (blocks) => {
      blocks.splice(blocks.length - 1, 0, item("new-i", "(i)", 1), item("new-j", "(j)", 1, "\"Jail\" means a place of detention."));
      return blocks;
    });
    const lines = writeText(buildOrdinance({ base, draft })).split("\n");
    expect(lines).toContain("    {+(i) \"Jail\" means a place of detention.+}");
    expect(lines.filter((line) => BARE.test(line))).toEqual([]);
  });

  it("keeps an empty item that has items under it, and leaves documents without empty items as they are", () => {
    const draft = editedSection("2-173-010", (blocks) => {
      blocks.splice(blocks.length - 1, 0, item("new-i", "(i)", 1), item("new-1", "(1)", 2, "Words under it."));
      return blocks;
    });
    expect(serializeDocument(withoutEmptyItems(draft))).toContain("    (i) \n\n        (1) Words under it.");
    expect(withoutEmptyItems(base)).toBe(base);
  });
});
