import { describe, expect, it } from "vitest";
import { toModel, toProseMirror } from "../../src/editor/convert";
import { codeSchema } from "../../src/editor/schema";
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
    const section = chapter.child(2);
    expect(section.type.name).toBe("section");
    expect(section.firstChild!.attrs.number).toBe("2-173-005");
    expect(section.child(1).attrs).toMatchObject({ enumerator: "(a)", level: 1 });
    expect(section.lastChild!.type.name).toBe("history_note");
  });
});
