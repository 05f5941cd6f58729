import { describe, expect, it } from "vitest";
import { toModel, toProseMirror } from "../../src/editor/convert";
import { codeSchema } from "../../src/editor/schema";
import { SECTIONS_PER_GROUP } from "../../src/editor/sectionGroups";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { generateDocument } from "../../src/core/samples/generateChapter";

describe("model ⇄ ProseMirror conversion", () => {
  it("round-trips the fixture through a valid ProseMirror document", () => {
    for (const doc of [fixtureBase(), fixtureAmended()]) {
      const pm = toProseMirror(doc);
      pm.check();
      expect(toModel(pm)).toEqual(doc);
    }
  });

  it("round-trips generated chapters, title headings included", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const doc = { ...generateDocument(seed, 4000), title: { number: "2", name: "CITY GOVERNMENT AND ADMINISTRATION" } };
      expect(toModel(toProseMirror(doc))).toEqual(doc);
    }
  });

  it("mirrors the model in node types and attributes", () => {
    const pm = toProseMirror(fixtureBase());
    const chapter = pm.firstChild!;
    expect(chapter.type).toBe(codeSchema.nodes.chapter);
    expect(chapter.firstChild!.attrs.number).toBe("2-173");
    // The sections stand in an invisible group (editor/sectionGroups.ts), which the model does not show.
    expect(chapter.child(2).type.name).toBe("section_group");
    const section = chapter.child(2).child(0);
    expect(section.type.name).toBe("section");
    expect(section.firstChild!.attrs.number).toBe("2-173-005");
    expect(section.child(1).attrs).toMatchObject({ enumerator: "(a)", level: 1 });
    expect(section.lastChild!.type.name).toBe("history_note");
  });

  it("holds a long chapter's sections in groups of SECTIONS_PER_GROUP, and reads them back in order", () => {
    const doc = generateDocument(7, 300_000);
    const count = doc.chapters[0]!.sections.length;
    expect(count).toBeGreaterThan(3 * SECTIONS_PER_GROUP);
    const pm = toProseMirror(doc);
    pm.check();
    const groups: number[] = [];
    pm.firstChild!.forEach((child) => { if (child.type === codeSchema.nodes.section_group) groups.push(child.childCount); });
    expect(groups.reduce((sum, size) => sum + size, 0)).toBe(count);
    expect(groups.slice(0, -1).every((size) => size === SECTIONS_PER_GROUP)).toBe(true);
    // The last group takes the remainder: at least half a group, at most one and a half.
    expect(groups.at(-1)!).toBeGreaterThanOrEqual(SECTIONS_PER_GROUP / 2);
    expect(groups.at(-1)!).toBeLessThan(2 * SECTIONS_PER_GROUP);
    expect(toModel(pm)).toEqual(doc);
  });
});
