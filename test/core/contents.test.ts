/**
 * The contents a chapter's sections call for (core/model/contents), and the amending ordinance
 * reprinting contents lines that agree with the headings.
 */
import { describe, expect, it } from "vitest";
import { buildOrdinance, writeText } from "../../src/core/export";
import { compareSectionNumbers } from "../../src/core/numbers";
import { contentsFor, describeContentsFix, syncContents, syncDocumentContents } from "../../src/core/model/contents";
import type { Chapter, OrdinanceDocument, Section, TocEntry } from "../../src/core/model/document";
import { Random } from "../../src/core/samples/random";
import { fixtureBase } from "../support/fixtures";

const head = (number: string, catchline = `Catchline ${number}.`) => ({ number, catchline });

function withSections(doc: OrdinanceDocument, change: (sections: readonly Section[]) => Section[]): OrdinanceDocument {
  const chapter = doc.chapters[0]!;
  return { ...doc, chapters: [{ ...chapter, sections: change(chapter.sections) }, ...doc.chapters.slice(1)] };
}

describe("section number order", () => {
  it("agrees with ordering by the number parts as integers over random numbers", () => {
    const random = new Random(7);
    const numbers = Array.from({ length: 400 }, () => `${random.int(1, 20)}-${random.int(1, 300)}-${String(random.int(0, 999)).padStart(3, "0")}`);
    const byParts = (x: string, y: string) => {
      const a = x.split("-").map(Number);
      const b = y.split("-").map(Number);
      return a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    };
    const sorted = [...numbers].sort(compareSectionNumbers);
    expect(sorted).toEqual([...numbers].sort(byParts));
  });

  it("puts a decimal number after its whole number and before the next", () => {
    expect(["2-173-043", "2-173-042.5", "2-173-042"].sort(compareSectionNumbers)).toEqual(["2-173-042", "2-173-042.5", "2-173-043"]);
  });
});

describe("contentsFor", () => {
  it("gives one line per section in order, with the section's number and catchline", () => {
    const sections = [head("1-1-010", "First."), head("1-1-030", "Third."), head("1-1-020", "Second.")];
    const toc = [head("1-1-010", "Old first."), head("1-1-020", "Second.")];
    expect(contentsFor(sections, toc)).toEqual(sections);
  });

  it("returns the very same contents when they are in step", () => {
    const toc: TocEntry[] = [head("1-1-010"), head("1-1-020")];
    expect(contentsFor([head("1-1-010"), head("1-1-020")], toc)).toBe(toc);
  });

  it("keeps lines with no section body in number order, the first of a repeated number only", () => {
    const sections = [head("1-1-010"), head("1-1-040"), head("1-1-050")];
    const toc = [head("1-1-030", "Reserved."), head("1-1-010"), head("1-1-020", "Repealed."), head("1-1-060", "Reserved."), head("1-1-020", "Again.")];
    expect(contentsFor(sections, toc)).toEqual([
      head("1-1-010"), head("1-1-020", "Repealed."), head("1-1-030", "Reserved."), head("1-1-040"), head("1-1-050"), head("1-1-060", "Reserved."),
    ]);
  });

  it("drops the line of a section that was deleted or renumbered, but not a different line with its number", () => {
    const former = [head("1-1-010"), head("1-1-020", "Gone."), head("1-1-030", "Moved.")];
    const toc = [head("1-1-010"), head("1-1-020", "Gone."), head("1-1-030", "Repealed.")];
    expect(contentsFor([head("1-1-010"), head("1-1-040", "Moved.")], toc, former)).toEqual([head("1-1-010"), head("1-1-030", "Repealed."), head("1-1-040", "Moved.")]);
  });

  it("lets a section's own line replace a body-less line with its number", () => {
    const toc = [head("1-1-010"), head("1-1-020", "Reserved.")];
    expect(contentsFor([head("1-1-010"), head("1-1-020", "New duties.")], toc)).toEqual([head("1-1-010"), head("1-1-020", "New duties.")]);
  });

  it("prints no contents for a chapter that printed none", () => {
    expect(contentsFor([head("1-1-010")], [])).toEqual([]);
  });

  it("over random chapters: section lines in order, kept lines sorted, nothing else", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const random = new Random(seed);
      const numbers = Array.from({ length: random.int(1, 12) }, () => `3-4-${String(random.int(1, 60)).padStart(3, "0")}`);
      const sections = numbers.map((number) => head(number, random.chance(0.5) ? "Same." : `Other ${seed}.`));
      const toc = Array.from({ length: random.int(1, 12) }, () => head(`3-4-${String(random.int(1, 60)).padStart(3, "0")}`, random.chance(0.5) ? "Same." : "Reserved."));
      const former = sections.filter(() => random.chance(0.3)).map((section) => ({ ...section, number: `3-4-${String(random.int(1, 60)).padStart(3, "0")}` }));
      const result = contentsFor(sections, toc, former);
      const sectionNumbers = new Set(numbers);
      const formerLines = new Set(former.map((each) => `${each.number} ${each.catchline}`));
      expect(result.filter((entry) => sectionNumbers.has(entry.number))).toEqual(sections);
      const kept = result.filter((entry) => !sectionNumbers.has(entry.number));
      const keptNumbers = kept.map((entry) => entry.number);
      expect(keptNumbers).toEqual([...new Set(keptNumbers)].sort());
      for (const entry of kept) {
        expect(toc.find((each) => each.number === entry.number)).toEqual(entry);
        expect(formerLines.has(`${entry.number} ${entry.catchline}`)).toBe(false);
      }
      for (const entry of toc) {
        if (!sectionNumbers.has(entry.number) && !formerLines.has(`${entry.number} ${entry.catchline}`) && toc.find((each) => each.number === entry.number) === entry) {
          expect(keptNumbers).toContain(entry.number);
        }
      }
      const sorted = numbers.slice().sort();
      if (numbers.every((number, index) => number === sorted[index])) {
        const all = result.map((entry) => entry.number);
        expect(all).toEqual(all.slice().sort());
      }
    }
  });
});

describe("syncing a document's contents", () => {
  const base = fixtureBase();

  it("leaves a document in step as the same object, with no fixes", () => {
    const synced = syncDocumentContents(base, base);
    expect(synced.document).toBe(base);
    expect(synced.fixes).toEqual([]);
  });

  it("follows a renumbered and a re-worded section, and says what it changed", () => {
    const draft = withSections(base, (sections) => sections.map((section) => {
      if (section.number === "2-173-070") return { ...section, catchline: "Severability of provisions." };
      if (section.number === "2-173-050") return { ...section, number: "2-173-055" };
      return section;
    }));
    const { document, fixes } = syncDocumentContents(draft, base);
    const chapter: Chapter = document.chapters[0]!;
    expect(chapter.toc).toEqual(chapter.sections.map((section) => head(section.number, section.catchline)));
    expect(syncContents(chapter)).toBe(chapter);
    expect(fixes).toEqual([
      { chapter: "2-173", before: "2-173-050 No private cause of action.", after: null },
      { chapter: "2-173", before: "2-173-070 Severability.", after: "2-173-070 Severability of provisions." },
      { chapter: "2-173", before: null, after: "2-173-055 No private cause of action." },
    ]);
    expect(fixes.map(describeContentsFix).join("\n")).toContain("Severability of provisions.");
  });
});

describe("contents lines the official text prints differently from the heading", () => {
  const fixture = fixtureBase();
  const chapter = fixture.chapters[0]!;
  const shortLine = "Conditioning benefits on immigrant status prohibited.";
  const official: OrdinanceDocument = {
    ...fixture,
    chapters: [{ ...chapter, toc: chapter.toc.map((entry) => (entry.number === "2-173-040" ? { ...entry, catchline: shortLine } : entry)) }],
  };

  it("keep the official wording while the section's heading is as the official text has it", () => {
    const draft = withSections(official, (sections) => sections.map((section) => (section.number === "2-173-070" ? { ...section, catchline: "Severability of provisions." } : section)));
    const { document, fixes } = syncDocumentContents(draft, official);
    const toc = document.chapters[0]!.toc;
    expect(toc.find((entry) => entry.number === "2-173-040")!.catchline).toBe(shortLine);
    expect(toc.find((entry) => entry.number === "2-173-070")!.catchline).toBe("Severability of provisions.");
    expect(fixes).toHaveLength(1);
    expect(syncDocumentContents(official, official).document).toBe(official);
  });

  it("follow the heading once it is edited or renumbered, and leave no line behind", () => {
    const draft = withSections(official, (sections) => sections.map((section) => (section.number === "2-173-040" ? { ...section, number: "2-173-041" } : section)));
    const toc = syncDocumentContents(draft, official).document.chapters[0]!.toc;
    expect(toc.filter((entry) => entry.number.startsWith("2-173-04")).map((entry) => `${entry.number} ${entry.catchline}`)).toEqual([
      `2-173-041 ${chapter.sections.find((section) => section.number === "2-173-040")!.catchline}`,
      "2-173-042 Civil immigration enforcement actions – Federal responsibility.",
    ]);
  });
});

describe("the amending ordinance's contents lines", () => {
  const base = fixtureBase();

  /** The ordinance's text lines that name this section (contents line and heading, marks kept). */
  function linesNaming(text: string, number: string): string[] {
    return text.split("\n").map((line) => line.trim()).filter((line) => line.replace(/\[-[^]*?-\]|\{\+|\+\}/g, "").startsWith(`${number} `));
  }

  it("reprints a re-worded section's contents line as its heading reads, even when the draft's contents lag", () => {
    const draft = withSections(base, (sections) => sections.map((section) => (section.number === "2-173-070" ? { ...section, catchline: "Severability of provisions." } : section)));
    const text = writeText(buildOrdinance({ base, draft }));
    const lines = linesNaming(text, "2-173-070");
    expect(lines.length).toBe(2);
    expect(lines[0]).toBe(lines[1]);
    expect(lines[0]).toContain("{+of provisions+}");
  });

  it("reprints a renumbered section's contents line with the same number struck and underscored as its heading", () => {
    const draft = withSections(base, (sections) => sections.map((section) => (section.number === "2-173-070" ? { ...section, number: "2-173-080" } : section)));
    const text = writeText(buildOrdinance({ base, draft }));
    const lines = text.split("\n").map((line) => line.trim()).filter((line) => line.includes("2-173-080"));
    expect(lines.length).toBe(2);
    expect(lines[0]).toBe(lines[1]);
    expect(lines[0]).toMatch(/\[-2-173-070-\] ?\{\+2-173-080\+\}/);
    expect(text).not.toMatch(/^\s*2-173-070 Severability/m);
  });
});
