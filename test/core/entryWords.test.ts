/**
 * The words an audit row gives for a shared draft's entry: a suggestion's old and new wording
 * (or the words it strikes) with its section, the words a comment is on (struck ones said so),
 * long quotes cut at a word, and nothing for a value of another shape.
 */
import { describe, expect, it } from "vitest";
import { entryWords } from "../../src/core/sharedDraft";

const anchor = (exact: string, side?: "inserted" | "deleted") => ({ section: "2-173-020", blockId: null, quote: { exact, prefix: "", suffix: "" }, ...(side ? { side } : {}) });

describe("entryWords", () => {
  it("gives a suggestion's section, old and new wording, or what it strikes", () => {
    expect(entryWords("suggestions", { anchor: anchor("investigate"), replacement: "inquire into" })).toBe("in 2-173-020: “investigate” → “inquire into”");
    expect(entryWords("suggestions", { anchor: anchor("while on duty"), replacement: "" })).toBe("in 2-173-020: strike “while on duty”");
  });

  it("gives the words a comment thread or a change's comments are on", () => {
    expect(entryWords("threads", { anchor: anchor("witnesses to\ncrime") })).toBe("on “witnesses to crime” in 2-173-020");
    expect(entryWords("annotations", { anchor: anchor("residents", "deleted") })).toBe("on the struck “residents” in 2-173-020");
    expect(entryWords("annotations", { anchor: anchor("people", "inserted") })).toBe("on “people” in 2-173-020");
  });

  it("cuts a long quote at a word, and says nothing of a value it cannot read", () => {
    const long = "any agent of the City, police officers included, shall not threaten any person with deportation";
    const words = entryWords("threads", { anchor: anchor(long) });
    expect(words).toBe("on “any agent of the City, police officers included, shall not…” in 2-173-020");
    for (const value of [null, 7, "x", {}, { anchor: { section: 3 } }, { anchor: anchor("x") }]) {
      expect(entryWords("suggestions", value)).toBe("");
    }
    expect(entryWords("threads", { anchor: { section: "2-173-020" } })).toBe("");
  });
});
