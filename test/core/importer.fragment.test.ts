import { describe, expect, it } from "vitest";
import { describeMerge, FragmentError, readProposedText } from "../../src/core/importer/proposedText";
import { ImportError, parseCodeText } from "../../src/core/importer/parseCodeText";
import { sectionPiece } from "../../src/core/model/canonicalText";
import { allSections, type OrdinanceDocument, type Section } from "../../src/core/model/document";
import { chapterOfSection, formatSectionNumber, parseSectionNumber } from "../../src/core/numbers";
import { compare } from "../../src/core/redline";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { newSection } from "../../src/core/samples/structuralEdits";
import { fixtureBase, fixtureText } from "../support/fixtures";

/** The fragment's text as a person would paste it: the sections' canonical lines, optionally under the chapter heading. */
function fragmentText(sections: readonly Section[], heading: string | null): string {
  const body = sections.map((section) => sectionPiece(section).text).join("").replace(/^\n+/, "");
  return heading ? `${heading}\n\n${body}\n` : `${body}\n`;
}

const pieceText = (section: Section) => sectionPiece(section).text;

/** Changes outside `numbers`, by what they say (offsets shift with the merged text's length). */
function changesOutside(base: OrdinanceDocument, draft: OrdinanceDocument, numbers: ReadonlySet<string>): string[] {
  return compare(base, draft).changes
    .filter((change) => !numbers.has(change.section))
    .map((change) => `${change.section}|${change.kind}|${change.part}|${change.deleted}|${change.inserted}`);
}

describe("a fragment merged into the draft (oracle over random drafts and fragments)", () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}`, () => {
      const random = new Random(seed);
      const base = generateTitle(seed, 6000, random.int(1, 2));
      const draft = randomlyEdited(base, seed * 7, random.int(2, 12));
      const draftSections = allSections(draft);
      // Replace a few existing sections (fewer than half, or it would be a whole text) and add a few new numbers.
      const replaceCount = random.int(0, Math.max(0, Math.floor((draftSections.length - 1) / 2) - 1));
      const chosen = new Set<string>();
      while (chosen.size < replaceCount) chosen.add(random.pick(draftSections).number);
      const used = new Set(draftSections.map((section) => section.number));
      const fragment: Section[] = [...chosen].map((number) => newSection(random, number));
      const addCount = random.int(chosen.size === 0 ? 1 : 0, 3);
      for (let i = 0; i < addCount; i++) {
        const chapter = random.pick(draft.chapters).number;
        let number = formatSectionNumber(chapter, random.int(1, 400));
        while (used.has(number)) number = formatSectionNumber(chapter, random.int(1, 400));
        used.add(number);
        fragment.push(newSection(random, number));
      }
      // A fragment of one chapter may come with its heading; of several, as bare sections.
      const chapters = new Set(fragment.map((section) => chapterOfSection(section.number)));
      const ordered = [...fragment].sort((a, b) => draft.chapters.findIndex((c) => c.number === chapterOfSection(a.number)) - draft.chapters.findIndex((c) => c.number === chapterOfSection(b.number)));
      const heading = chapters.size === 1 && random.chance(0.5) ? `CHAPTER ${[...chapters][0]} ${draft.chapters.find((c) => chapters.has(c.number))!.title}` : null;
      const text = heading ? fragmentText(ordered, heading) : fragmentText(ordered, null);
      if (!heading && chapters.size > 1) {
        // Sections of two chapters without headings: the importer refuses the second chapter's section; a person pastes each chapter with its heading.
        const perChapter = [...chapters].map((number) => fragmentText(ordered.filter((s) => chapterOfSection(s.number) === number), `CHAPTER ${number} ${draft.chapters.find((c) => c.number === number)!.title}`));
        return checkMerge(base, draft, ordered, perChapter.join("\n"));
      }
      checkMerge(base, draft, ordered, text);
    });
  }

  function checkMerge(base: OrdinanceDocument, draft: OrdinanceDocument, fragment: readonly Section[], text: string) {
    const reading = readProposedText(text, draft);
    expect(reading.kind).toBe("fragment");
    if (reading.kind !== "fragment") return;
    const merged = reading.merge.document;
    const named = new Set(fragment.map((section) => section.number));
    const oldNumbers = new Set(allSections(draft).map((section) => section.number));
    expect(new Set(reading.merge.replaced)).toEqual(new Set(fragment.filter((s) => oldNumbers.has(s.number)).map((s) => s.number)));
    expect(new Set(reading.merge.added)).toEqual(new Set(fragment.filter((s) => !oldNumbers.has(s.number)).map((s) => s.number)));
    expect(merged.title).toBe(draft.title);
    expect(merged.chapters.map((c) => c.number)).toEqual(draft.chapters.map((c) => c.number));
    draft.chapters.forEach((chapter, index) => {
      const after = merged.chapters[index]!;
      // Everything outside the fragment is the very same value, in the same order.
      expect(after.sections.filter((s) => !named.has(s.number))).toEqual(chapter.sections.filter((s) => !named.has(s.number)));
      after.sections.filter((s) => !named.has(s.number)).forEach((section, i) => expect(section).toBe(chapter.sections.filter((s) => !named.has(s.number))[i]));
      expect(after.toc).toBe(chapter.toc);
      // Replaced sections stay at their place; every section of the fragment reads as pasted.
      expect(after.sections.map((s) => s.number).filter((n) => oldNumbers.has(n))).toEqual(chapter.sections.map((s) => s.number));
      for (const section of after.sections.filter((s) => named.has(s.number))) {
        expect(pieceText(section)).toBe(pieceText(fragment.find((s) => s.number === section.number)!));
      }
      // An added section stands after every earlier-numbered section before it... and before the next greater one.
      after.sections.forEach((section, i) => {
        if (oldNumbers.has(section.number)) return;
        const serial = parseSectionNumber(section.number)!.serial;
        const next = after.sections.slice(i + 1).find((s) => oldNumbers.has(s.number));
        const previous = after.sections.slice(0, i).reverse().find((s) => oldNumbers.has(s.number));
        if (next) expect(parseSectionNumber(next.number)!.serial).toBeGreaterThan(serial);
        if (previous && !chapter.sections.slice(chapter.sections.findIndex((s) => s.number === previous.number) + 1).some((s) => parseSectionNumber(s.number)!.serial < serial)) {
          // Where the chapter is in number order, the previous old section is smaller.
          const sorted = chapter.sections.every((s, k) => k === 0 || parseSectionNumber(chapter.sections[k - 1]!.number)!.serial < parseSectionNumber(s.number)!.serial);
          if (sorted) expect(parseSectionNumber(previous.number)!.serial).toBeLessThan(serial);
        }
      });
    });
    // Section ids stay unique.
    const ids = allSections(merged).flatMap((s) => [s.id, ...s.blocks.map((b) => b.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    // The redline keeps every earlier change outside the fragment's sections.
    expect(changesOutside(base, merged, named)).toEqual(changesOutside(base, draft, named));
  }
});

describe("the fixture draft and a one-section fragment", () => {
  const base = fixtureBase();
  const draft = parseCodeText(fixtureText("amended.txt")).document;

  it("replaces 2-173-020 and adds 2-173-043, keeping the other changes", () => {
    const text = [
      "Skip to code content (skip section selection)",
      "",
      "2-173-020 Requesting information prohibited.",
      "",
      "No agent or agency shall request a person's immigration status in this fragment.",
      "",
      "2-173-043 Reports to the Council.",
      "",
      "Each agency shall report once a year on the requests it refused.",
      "",
    ].join("\n");
    const reading = readProposedText(text, draft);
    expect(reading.kind).toBe("fragment");
    if (reading.kind !== "fragment") return;
    expect(describeMerge(reading.merge)).toBe("Replace 2-173-020, add 2-173-043");
    expect(reading.warnings.map((w) => w.reason)).toEqual(["skipped a line before the first heading"]);
    const named = new Set(["2-173-020", "2-173-043"]);
    const before = changesOutside(base, draft, named);
    expect(before.length).toBeGreaterThan(5);
    expect(changesOutside(base, reading.merge.document, named)).toEqual(before);
    const numbers = allSections(reading.merge.document).map((s) => s.number);
    expect(numbers.indexOf("2-173-043")).toBe(numbers.indexOf("2-173-042") + 1);
  });

  it("says so when a pasted fragment carries the chapter's editor's note, which only sections do not merge", () => {
    const text = [
      "CHAPTER 2-173 WELCOMING CITY ORDINANCE*",
      "",
      "* Editor's note – Coun. J. 11-16-11, p. 14396, renumbered former chapter 2-172 as this chapter.",
      "",
      "2-173-020 Requesting information prohibited.",
      "",
      "No agent or agency shall ask any person about the immigration status of that person, in this pasted copy.",
      "",
    ].join("\n");
    const reading = readProposedText(text, draft);
    expect(reading.kind).toBe("fragment");
    if (reading.kind !== "fragment") return;
    expect(describeMerge(reading.merge)).toBe("Replace 2-173-020");
    const noted = reading.warnings.filter((warning) => warning.reason.includes("editor's note"));
    expect(noted.map((warning) => warning.text)).toEqual(["Editor's note – Coun. J. 11-16-11, p. 14396, renumbered former chapter 2-172 as this chapter."]);
  });

  it("reads the whole amended chapter as a whole text", () => {
    expect(readProposedText(fixtureText("amended.txt"), draft).kind).toBe("chapter");
  });

  it("refuses a section of another chapter, duplicates, an empty paste and furniture only", () => {
    expect(() => readProposedText("4-60-010 Definitions.\n\nThe words of this chapter.\n", draft)).toThrow(FragmentError);
    expect(() => readProposedText("4-60-010 Definitions.\n\nThe words of this chapter.\n", draft)).toThrow(/chapter 4-60, which the draft does not have/);
    expect(() => readProposedText("2-173-020 A.\n\nOne.\n\n2-173-020 A.\n\nTwo.\n", draft)).toThrow(/2-173-020 appears twice/);
    expect(() => readProposedText("2-173-020 A.\n\nOne.\n\n4-60-010 B.\n\nTwo.\n", draft)).toThrow(ImportError);
    expect(() => readProposedText("", draft)).toThrow(ImportError);
    expect(() => readProposedText("  \n\n ", draft)).toThrow(ImportError);
    expect(() => readProposedText("Skip to code content (skip section selection)\nShare\nPrint\n", draft)).toThrow(/no section found/);
  });
});
