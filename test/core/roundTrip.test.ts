import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { layoutCanonical, sectionLines, sectionPiece, serializeDocument } from "../../src/core/model/canonicalText";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { generateDocument } from "../../src/core/samples/generateChapter";

describe("the canonical text", () => {
  it("writes the fixture back byte for byte", () => {
    expect(serializeDocument(fixtureBase())).toBe(fixtureText("base.txt"));
    expect(serializeDocument(fixtureAmended())).toBe(fixtureText("amended.txt"));
  });

  it("parses back to the same model for 300 generated chapters", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const doc = generateDocument(seed, 1500 + (seed % 7) * 700);
      const parsed = parseCodeText(serializeDocument(doc));
      expect(serializeDocument(doc), `seed ${seed}`).toBe(layoutCanonical(doc).text);
      expect(parsed.warnings, `seed ${seed}`).toEqual([]);
      expect(parsed.document, `seed ${seed}`).toEqual(doc);
    }
  });

  it("lays out a section's lines without its text exactly where the built text puts them", () => {
    for (const section of generateDocument(8, 20_000).chapters[0]!.sections) {
      const computed = sectionLines(section);
      const copy = structuredClone(section);
      expect(computed).toEqual(sectionPiece(copy).lines);
      for (const line of sectionPiece(copy).lines) expect(sectionPiece(copy).text.slice(line.textFrom, line.to)).toBe(line.words);
    }
  });

  it("records spans whose slices are each block's words", () => {
    const doc = fixtureBase();
    const { text, spans } = layoutCanonical(doc);
    const blocks = new Map(doc.chapters[0]!.sections.flatMap((section) => section.blocks).map((block) => [block.id, block]));
    const blockSpans = spans.filter((span) => span.kind === "block");
    expect(blockSpans).toHaveLength(blocks.size);
    for (const span of blockSpans) {
      expect(text.slice(span.textFrom, span.to)).toBe(blocks.get(span.key)!.text);
    }
    const headings = spans.filter((span) => span.kind === "heading").map((span) => text.slice(span.lineFrom, span.to));
    expect(headings[5]).toBe("2-173-042 Civil immigration enforcement actions – Federal responsibility.");
  });
});
