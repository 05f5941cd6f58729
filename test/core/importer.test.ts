import { describe, expect, it } from "vitest";
import { ImportError, parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { findSection, type Paragraph, type Section } from "../../src/core/model/document";
import { fixtureBase, fixtureText, messyCopy } from "../support/fixtures";

/** A compact picture of a section's blocks: "level enumerator first-words". */
function outline(section: Section | undefined): string[] {
  return (section?.blocks ?? []).map((block) =>
    block.kind !== "paragraph" ? block.kind : `${block.level} ${block.enumerator ?? "-"} ${block.text.split(" ").slice(0, 3).join(" ")}`,
  );
}

function parse(text: string) {
  return parseCodeText(text);
}

function paragraphs(section: Section | undefined): Paragraph[] {
  return (section?.blocks ?? []).filter((block): block is Paragraph => block.kind === "paragraph");
}

const SMALL = [
  "CHAPTER 2-173 WELCOMING CITY ORDINANCE",
  "",
  "2-173-020 Requesting information prohibited.",
  "",
  "No agent shall ask about a person's status.",
  "",
  "(Added Coun. J. 3-29-06, p. 74325, § 1)",
  "",
  "2-173-042 Civil immigration enforcement actions – Federal responsibility.",
  "",
  "    (a) No agent shall:",
  "",
  "        (1) arrest a person;",
  "",
  "        (2) detain a person.",
  "",
  "    (b) The rule in subsection (a) applies everywhere.",
  "",
  "(Added Coun. J. 9-12-12, p. 33041, § 1)",
  "",
].join("\n");

describe("the Municipal Code importer", () => {
  it("reads every section of the fixture with its number, catchline and history note", () => {
    const doc = fixtureBase();
    const chapter = doc.chapters[0]!;
    expect(chapter.number).toBe("2-173");
    expect(chapter.title).toBe("WELCOMING CITY ORDINANCE");
    expect(chapter.sections.map((section) => section.number)).toEqual([
      "2-173-005", "2-173-010", "2-173-020", "2-173-030", "2-173-040", "2-173-042", "2-173-050", "2-173-060", "2-173-070",
    ]);
    expect(chapter.toc.map((entry) => entry.number)).toEqual(chapter.sections.map((section) => section.number));
    expect(findSection(doc, "2-173-042")?.catchline).toBe("Civil immigration enforcement actions – Federal responsibility.");
    for (const section of chapter.sections) {
      expect(section.blocks.at(-1)?.kind, section.number).toBe("history");
    }
  });

  it("nests (a), (1) and (A) as levels 1, 2 and 3", () => {
    const section = findSection(fixtureBase(), "2-173-042");
    const levels = new Map(paragraphs(section).map((p) => [p.enumerator, p.level]));
    expect(levels.get("(a)")).toBe(1);
    expect(levels.get("(1)")).toBe(2);
    expect(levels.get("(A)")).toBe(3);
  });

  it("keeps the definitions' lead-in as unnumbered body text", () => {
    const [first, second] = paragraphs(findSection(fixtureBase(), "2-173-010"));
    expect(first).toMatchObject({ enumerator: null, level: 0 });
    expect(first!.text).toMatch(/^As used in this chapter/);
    expect(second).toMatchObject({ enumerator: "(a)", level: 1 });
  });

  it("gives stable ids derived from numbers and order", () => {
    const a = fixtureBase();
    const b = fixtureBase();
    expect(findSection(a, "2-173-042")!.id).toBe("s-2-173-042");
    expect(findSection(a, "2-173-042")!.blocks.map((block) => block.id)).toEqual(findSection(b, "2-173-042")!.blocks.map((block) => block.id));
    const ids = a.chapters[0]!.sections.flatMap((section) => [section.id, ...section.blocks.map((block) => block.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("accepts Windows line endings", () => {
    expect(parse(SMALL.replace(/\n/g, "\r\n")).document).toEqual(parse(SMALL).document);
  });

  it("makes curly quotes straight and keeps the words", () => {
    const curly = SMALL.replace("person's status", "person\u2019s \u201cstatus\u201d");
    const paragraph = paragraphs(findSection(parse(curly).document, "2-173-020"))[0]!;
    expect(paragraph.text).toBe("No agent shall ask about a person's \"status\".");
  });

  it("turns non-breaking and zero-width spaces into plain spacing", () => {
    const spaced = SMALL.replace("    (a) No agent", "\u00a0\u00a0\u00a0\u00a0(a)\u00a0\u00a0No\u200b agent");
    const first = paragraphs(findSection(parse(spaced).document, "2-173-042"))[0]!;
    expect(first).toMatchObject({ enumerator: "(a)", level: 1, text: "No agent shall:" });
  });

  it("keeps en and em dashes in catchlines and the section sign in history notes", () => {
    const dashed = SMALL.replace("Requesting information prohibited.", "Requesting information — prohibited.");
    const doc = parse(dashed).document;
    expect(findSection(doc, "2-173-020")!.catchline).toBe("Requesting information — prohibited.");
    expect(findSection(doc, "2-173-042")!.catchline).toContain("–");
    expect(findSection(doc, "2-173-020")!.blocks.at(-1)).toMatchObject({ kind: "history", text: "(Added Coun. J. 3-29-06, p. 74325, § 1)" });
  });

  it("reads headings led by the section sign or Sec.", () => {
    const signed = SMALL.replace("2-173-020 Requesting", "§ 2-173-020 Requesting").replace("2-173-042 Civil", "Sec. 2-173-042. Civil");
    expect(parse(signed).document).toEqual(parse(SMALL).document);
  });

  it("infers the same nesting from tabs, from spaces and from no indentation at all", () => {
    const tabs = SMALL.replace(/^ {8}/gm, "\t\t").replace(/^ {4}/gm, "\t");
    const flat = SMALL.replace(/^ +/gm, "");
    expect(outline(findSection(parse(tabs).document, "2-173-042"))).toEqual(outline(findSection(parse(SMALL).document, "2-173-042")));
    expect(outline(findSection(parse(flat).document, "2-173-042"))).toEqual([
      "1 (a) No agent shall:", "2 (1) arrest a person;", "2 (2) detain a person.", "1 (b) The rule in", "history",
    ]);
  });

  it("ignores extra blank lines inside and between sections", () => {
    const airy = SMALL.replace(/\n\n/g, "\n\n\n\n");
    const dense = SMALL.replace(/\n\n/g, "\n");
    expect(parse(airy).document).toEqual(parse(SMALL).document);
    expect(parse(dense).document).toEqual(parse(SMALL).document);
  });

  it("reads a section with no enumerators as body paragraphs", () => {
    expect(outline(findSection(parse(SMALL).document, "2-173-020"))).toEqual(["0 - No agent shall", "history"]);
  });

  it("reads a chapter heading split over two lines and a table of contents", () => {
    const text = [
      "CHAPTER 2-173", "WELCOMING CITY ORDINANCE", "",
      "2-173-020 Requesting information prohibited.",
      "2-173-042 Civil immigration enforcement actions – Federal responsibility.",
      "", SMALL.split("\n").slice(2).join("\n"),
    ].join("\n");
    const chapter = parse(text).document.chapters[0]!;
    expect(chapter.title).toBe("WELCOMING CITY ORDINANCE");
    expect(chapter.toc).toEqual([
      { number: "2-173-020", catchline: "Requesting information prohibited." },
      { number: "2-173-042", catchline: "Civil immigration enforcement actions – Federal responsibility." },
    ]);
    expect(chapter.sections).toHaveLength(2);
  });

  it("skips page furniture and reports each skipped line", () => {
    const text = ["Municipal Code of Chicago > Title 2 > Chapter 2-173", "Print", SMALL.replace("\n2-173-042", "\nClick here for full text\nCompare to:\n\n2-173-042"), "Back to top"].join("\n");
    const result = parse(text);
    expect(result.document).toEqual(parse(SMALL).document);
    expect(result.warnings.map((warning) => warning.text)).toEqual([
      "Municipal Code of Chicago > Title 2 > Chapter 2-173", "Print", "Click here for full text", "Compare to:", "Back to top",
    ]);
    expect(result.warnings.every((warning) => warning.reason.startsWith("skipped"))).toBe(true);
  });

  it("does not start a paragraph at enumerator-like text inside a sentence", () => {
    const text = SMALL.replace(
      "No agent shall ask about a person's status.",
      "No agent shall act under Section 2-173-030(a) of this chapter or under an agreement made under 8 U.S.C.\n(1357(g)) except as (b) of this section allows.",
    );
    const body = paragraphs(findSection(parse(text).document, "2-173-020"));
    expect(body).toHaveLength(1);
    expect(body[0]!.text).toBe("No agent shall act under Section 2-173-030(a) of this chapter or under an agreement made under 8 U.S.C. (1357(g)) except as (b) of this section allows.");
  });

  it("joins hard-wrapped lines of one paragraph", () => {
    const wrapped = SMALL.replace("    (b) The rule in subsection (a) applies everywhere.", "    (b) The rule in subsection (a)\n    applies everywhere.");
    expect(parse(wrapped).document).toEqual(parse(SMALL).document);
  });

  it("tells a roman (i) from the letter after (h)", () => {
    const letters = "abcdefghij".split("").map((letter) => `    (${letter}) Item ${letter}.`);
    const text = ["2-173-010 Definitions.", "", ...letters.slice(0, 3), "        (1) Sub one:", "            (A) Deep:", "                (i) Roman one.", "                (ii) Roman two.", ...letters.slice(3)].join("\n");
    const body = paragraphs(parse(text).document.chapters[0]!.sections[0]);
    const levelOf = (enumerator: string) => body.filter((p) => p.enumerator === enumerator).map((p) => p.level);
    expect(levelOf("(i)")).toEqual([4, 1]);
    expect(levelOf("(ii)")).toEqual([4]);
    expect(levelOf("(j)")).toEqual([1]);
  });

  it("reads a whole title with several chapters", () => {
    const text = [
      "TITLE 2", "CITY GOVERNMENT AND ADMINISTRATION", "",
      SMALL, "",
      "CHAPTER 2-174 ANOTHER CHAPTER", "", "2-174-010 Scope.", "", "This chapter applies to all.", "",
    ].join("\n");
    const doc = parse(text).document;
    expect(doc.title).toEqual({ number: "2", name: "CITY GOVERNMENT AND ADMINISTRATION" });
    expect(doc.chapters.map((chapter) => chapter.number)).toEqual(["2-173", "2-174"]);
    expect(doc.chapters[1]!.sections[0]!.number).toBe("2-174-010");
    expect(parse(serializeDocument(doc)).document).toEqual(doc);
  });

  it("assumes the chapter from the section numbers when the heading is missing, and says so", () => {
    const result = parse(SMALL.split("\n").slice(2).join("\n"));
    expect(result.document.chapters[0]!.number).toBe("2-173");
    expect(result.warnings[0]!.reason).toMatch(/no chapter heading.*2-173 assumed/);
  });

  it("parses a messy copy of the fixture to the same model as the clean text", () => {
    const clean = fixtureText("base.txt");
    for (const indentation of ["tabs", "none"] as const) {
      const messy = parseCodeText(messyCopy(clean, indentation));
      expect(messy.document).toEqual(fixtureBase());
      expect(messy.warnings.length).toBeGreaterThanOrEqual(5);
    }
  });

  describe("refuses what it cannot read, naming the line", () => {
    const cases: Array<[string, string, RegExp]> = [
      ["empty input", "", /no section found/],
      ["only blank lines and furniture", "\n\nPrint\n\n", /no section found/],
      ["section text before any heading", "Welcome to the Code!\n    (a) No agent shall:\n" + SMALL, /^line 2: a numbered paragraph before the first section heading: "\(a\) No agent shall:" — the section's heading line .* is missing/],
      ["a history note before any heading", "No agent shall ask.\n(Added Coun. J. 3-29-06, p. 74325, § 1)\n" + SMALL, /^line 2: a history note before the first section heading.*is missing/],
      ["text between the chapter heading and its first section", "CHAPTER 2-173 WELCOMING CITY ORDINANCE\n\nStray words here.\n", /^line 3: text between the chapter heading/],
      ["a section twice", SMALL + "\n2-173-020 Requesting information prohibited.\n\nAgain.\n", /^line 21: section 2-173-020 appears twice/],
      ["a section of another chapter", SMALL + "\n2-174-010 Scope.\n\nText.\n", /^line 21: section 2-174-010 is not in chapter 2-173/],
      ["a table of contents with no sections", "CHAPTER 2-173 WELCOMING CITY ORDINANCE\n\n2-173-005 Purpose.\n2-173-010 Definitions.\n", /^line 3: chapter 2-173 has no section text/],
      ["binary data", "PK\u0003\u0004\u0000\u0000binary", /not plain text/],
    ];
    for (const [name, input, message] of cases) {
      it(name, () => {
        expect(() => parseCodeText(input)).toThrowError(ImportError);
        expect(() => parseCodeText(input)).toThrowError(message);
      });
    }

    it("an input over the size limit", () => {
      expect(() => parseCodeText(SMALL, { maxLength: 100 })).toThrowError(/too long/);
    });
  });
});
