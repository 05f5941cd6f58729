/**
 * A chapter's own editor's notes (issue 11, item 2): the footnote of a starred chapter title
 * ("CODE ADOPTION – ORGANIZATION*"), printed under the heading and its contents. Kept as notes
 * of the chapter — not refused, not left in the title, not filed under the first section —,
 * written back where they stood, never reprinted by the amending ordinance. The texts are
 * written for this project in the shape of the online Code's pages; none is copied from them.
 */
import { describe, expect, it } from "vitest";
import { buildCleanChapter, buildOrdinance, DEFAULT_EXPORT_SETTINGS, writeText } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { chapterNoteId, type OrdinanceDocument } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { generateChapter, sentence } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { CHAPTER_NOTE as NOTE, NOTED_PAGE as PAGE } from "../support/chapterNotesText";
import { applyChanges, revertChanges } from "../support/redlineChecks";


describe("a chapter's editor's notes in the importer", () => {
  it("keeps the footnote of a starred title as a note of the chapter, wrapped lines joined, the star gone from the title", () => {
    const { document, warnings } = parseCodeText(PAGE);
    const chapter = document.chapters[0]!;
    expect(chapter.title).toBe("CODE ADOPTION – ORGANIZATION");
    expect(chapter.notes).toEqual([{ kind: "note", id: chapterNoteId(chapter.id, 0), text: NOTE }]);
    expect(chapter.toc.map((entry) => entry.number)).toEqual(["2-4-010", "2-4-020", "2-4-030"]);
    // Not filed under the first section, whose first block is its own sentence.
    expect(chapter.sections[0]!.blocks[0]).toMatchObject({ kind: "paragraph", text: "This Code shall be known and cited as the Municipal Code of the City." });
    // A note after a section's history note stays the section's.
    expect(chapter.sections[2]!.blocks.at(-1)).toMatchObject({ kind: "note", text: expect.stringMatching(/^Editor's note – Coun\. J\. 5-4-15/) });
    // The policy list keeps its items apart; only the site lines were skipped.
    expect(chapter.sections[1]!.blocks.filter((block) => block.kind === "paragraph").map((block) => block.text)).toEqual([
      "The City Council declares:", "That the Code is to be read as one body of law; and", "That each part of it has the force of an ordinance of the City.",
    ]);
    expect(warnings.map((warning) => warning.line)).toEqual([1, 2, 3, 4]);
    expect(warnings.every((warning) => warning.reason.startsWith("skipped"))).toBe(true);
  });

  it("takes notes standing right under the heading, before the contents, and several notes in order", () => {
    const second = "Editor's note – Coun. J. 2-2-12, p. 20100, § 4, amended the contents of this chapter.";
    const moved = PAGE
      .replace("* Editor's note – Coun. J. 11-16-11, p. 14396, Art. III, § 1, renumbered former chapter 1-4\nof this Code as chapter 2-4.\n\n", "")
      .replace("ORGANIZATION*\n\n", `ORGANIZATION*\n\n* ${NOTE}\n\n${second}\n\n`);
    expect(moved).not.toBe(PAGE);
    const chapter = parseCodeText(moved).document.chapters[0]!;
    expect(chapter.notes?.map((note) => note.text)).toEqual([NOTE, second]);
    expect(chapter.notes?.map((note) => note.id)).toEqual([chapterNoteId(chapter.id, 0), chapterNoteId(chapter.id, 1)]);
    expect(chapter.toc).toHaveLength(3);
    expect(chapter.sections[0]!.blocks[0]!.kind).toBe("paragraph");
  });

  it("keeps a note before a fragment's first section (no chapter heading) as a note of the chapter assumed", () => {
    const fragment = `* ${NOTE}\n\n2-4-010 Title of Code.\n\nThis Code shall be known as the Code.\n`;
    const chapter = parseCodeText(fragment).document.chapters[0]!;
    expect(chapter.notes?.map((note) => note.text)).toEqual([NOTE]);
    expect(chapter.sections[0]!.blocks.map((block) => block.kind)).toEqual(["paragraph"]);
  });

  it("writes the notes after the contents and reads them back: parse(serialize(m)) = m", () => {
    const model = parseCodeText(PAGE).document;
    const text = serializeDocument(model);
    expect(text).toContain(`2-4-030 Parts of the Code.\n\n${NOTE}\n\n2-4-010 Title of Code.`);
    expect(text).not.toContain("*");
    expect(parseCodeText(text).document).toEqual(model);
    expect(parseCodeText(text).warnings).toEqual([]);
  });

  it("round-trips random chapters with random notes, edited at random (seeded)", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = new Random(seed);
      const chapter = generateChapter(seed, random.int(300, 4000), "2-4", "CODE ADOPTION – ORGANIZATION");
      const planted = Array.from({ length: random.int(1, 3) }, () => `Editor's note – ${sentence(random, random.int(4, 30))}`);
      const withContents = random.chance(0.7);
      const generated: OrdinanceDocument = {
        title: null,
        chapters: [{ ...chapter, toc: withContents ? chapter.toc : [], notes: planted.map((text, index) => ({ kind: "note", id: `x${index}`, text })) }],
      };
      const model = parseCodeText(serializeDocument(randomlyEdited(generated, seed, 3))).document;
      expect(model.chapters[0]!.notes?.map((note) => note.text), `seed ${seed}`).toEqual(planted);
      expect(parseCodeText(serializeDocument(model)).document, `seed ${seed}`).toEqual(model);
    }
  });
});

describe("a chapter's editor's notes in the redline and the ordinance", () => {
  const base = parseCodeText(PAGE).document;
  const edited = (replace: (text: string) => string) => parseCodeText(replace(serializeDocument(base))).document;

  it("redlines an edited, added or removed note with offsets that rebuild both texts", () => {
    const drafts = [
      edited((text) => text.replace("renumbered former", "renumbered the former")),
      edited((text) => text.replace(`${NOTE}\n\n`, `${NOTE}\n\nEditor's note – Coun. J. 1-1-20, p. 5, § 1, added a second note.\n\n`)),
      edited((text) => text.replace(`${NOTE}\n\n`, "")),
      edited((text) => text.replace(`2-4-030 Parts of the Code.\n\n${NOTE}`, `2-4-030 Parts of the Code.\n2-4-040 Citations.\n\n${NOTE}`).replace("(b) Each section is cited by its number alone.\n\n(Added Coun. J. 11-16-11, p. 14396, Art. III, § 1)", "(b) Each section is cited by its number alone.\n\n(Added Coun. J. 11-16-11, p. 14396, Art. III, § 1)\n\n2-4-040 Citations.\n\nA citation names the section.")),
    ];
    for (const draft of drafts) {
      const redline = compare(base, draft);
      expect(redline.changes.length).toBeGreaterThan(0);
      expect(applyChanges(redline)).toBe(redline.draftText);
      expect(revertChanges(redline)).toBe(redline.baseText);
    }
    const noteChange = compare(base, drafts[0]!).changes;
    expect(noteChange.map((change) => [change.part, change.inserted.trim()])).toEqual([["history", "the"]]);
  });

  it("never reprints a chapter's note, changed or not; the clean chapter prints it under the contents", () => {
    const draft = edited((text) => text.replace("renumbered former", "renumbered the former").replace("by its number alone", "by its number"));
    const ordinance = writeText(buildOrdinance({ base, draft, settings: DEFAULT_EXPORT_SETTINGS }));
    expect(ordinance).toContain("[-alone-]");
    expect(ordinance).not.toContain("Editor's note");
    expect(ordinance).not.toContain("the former");
    const onlyTheNote = edited((text) => text.replace("renumbered former", "renumbered the former"));
    const untouched = writeText(buildOrdinance({ base, draft: base, settings: DEFAULT_EXPORT_SETTINGS }));
    expect(writeText(buildOrdinance({ base, draft: onlyTheNote, settings: DEFAULT_EXPORT_SETTINGS }))).toBe(untouched);
    const clean = writeText(buildCleanChapter(draft)).split("\n").filter(Boolean);
    const at = clean.findIndex((line) => line.includes("Editor's note – Coun. J. 11-16-11"));
    expect(clean[at - 1]).toContain("2-4-030 Parts of the Code.");
    expect(clean[at]).toContain("renumbered the former");
  });
});
