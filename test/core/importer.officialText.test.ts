/**
 * The official text as people copy it from the online Code: site furniture before the first
 * heading, headings split after their number, lists whose items end "; and". Every input here
 * is written for this project in the shapes those pages have; none is copied from them.
 */
import { describe, expect, it } from "vitest";
import { ImportError, parseCodeText } from "../../src/core/importer/parseCodeText";
import { findSection, type Section } from "../../src/core/model/document";

function outline(section: Section | undefined): string[] {
  return (section?.blocks ?? []).map((block) =>
    block.kind === "paragraph" ? `${block.level} ${block.enumerator ?? "-"} ${block.text}` : `${block.kind} ${block.text}`,
  );
}

const CHAPTER = [
  "CHAPTER 2-173 WELCOMING CITY ORDINANCE",
  "",
  "2-173-005 Purpose and intent.",
  "2-173-020 Requesting information prohibited.",
  "",
  "2-173-005 Purpose and intent.",
  "",
  "The City Council finds:",
  "",
  "    (a) That every resident counts; and",
  "",
  "    (b) That trust keeps the public safe.",
  "",
  "(Added Coun. J. 3-29-06, p. 74325, § 1)",
  "",
  "2-173-020 Requesting information prohibited.",
  "",
  "No agent shall ask about a person's status.",
  "",
  "(Added Coun. J. 3-29-06, p. 74325, § 1)",
  "",
].join("\n");

describe("item 1: site lines before the first heading", () => {
  const furniture = [
    "Skip to code content (skip section selection)",
    "Codes Library > Illinois > City of Chicago",
    "Search this code",
    "Go",
    "Share",
    "Print",
    "Chicago Municipal Code Online Edition",
  ];

  it("skips each line before the first heading and names it in a warning", () => {
    const result = parseCodeText([...furniture, "", CHAPTER].join("\n"));
    expect(result.document).toEqual(parseCodeText(CHAPTER).document);
    expect(result.warnings.map((warning) => warning.text)).toEqual(furniture);
    expect(result.warnings.map((warning) => warning.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("skips them before a section heading too, when no chapter heading was copied", () => {
    const body = CHAPTER.split("\n").slice(5).join("\n");
    const result = parseCodeText(["Welcome to the Code!", "Table of contents", body].join("\n"));
    expect(result.document.chapters[0]!.sections.map((section) => section.number)).toEqual(["2-173-005", "2-173-020"]);
    expect(result.warnings.slice(0, 2).map((warning) => warning.text)).toEqual(["Welcome to the Code!", "Table of contents"]);
  });
});

describe("item 3: number and catchline on separate lines", () => {
  it("reads \"§ 2-173-020\" with its catchline on the next line as one heading", () => {
    const split = CHAPTER.replace("\n2-173-020 Requesting information prohibited.\n\nNo agent", "\n§ 2-173-020\nRequesting information prohibited.\n\nNo agent");
    expect(split).not.toBe(CHAPTER);
    expect(parseCodeText(split).document).toEqual(parseCodeText(CHAPTER).document);
  });

  it("also with a blank line between the number and the catchline, and in the contents", () => {
    const split = CHAPTER
      .replace("2-173-020 Requesting information prohibited.\n\n2-173-005", "§ 2-173-020\nRequesting information prohibited.\n\n2-173-005")
      .replace("\n2-173-020 Requesting information prohibited.\n\nNo agent", "\n§ 2-173-020\n\nRequesting information prohibited.\n\nNo agent");
    expect(parseCodeText(split).document).toEqual(parseCodeText(CHAPTER).document);
  });

  it("reads a plain number alone on its line followed at once by the catchline as one heading", () => {
    const split = CHAPTER.replace("\n2-173-020 Requesting information prohibited.\n\nNo agent", "\n2-173-020\nRequesting information prohibited.\n\nNo agent");
    expect(parseCodeText(split).document).toEqual(parseCodeText(CHAPTER).document);
  });

  it("does so with no contents to say which numbers are headings", () => {
    const body = CHAPTER.split("\n").slice(5).join("\n");
    const split = body.replace("\n2-173-020 Requesting information prohibited.\n\nNo agent", "\n2-173-020\nRequesting information prohibited.\n\nNo agent");
    const doc = parseCodeText(split).document;
    expect(doc.chapters[0]!.sections.map((section) => [section.number, section.catchline])).toEqual([
      ["2-173-005", "Purpose and intent."], ["2-173-020", "Requesting information prohibited."],
    ]);
  });
});

describe("item 5: list items ending \"; and\" or \"; or\"", () => {
  it("keeps a policy-declaration list of unnumbered lines as separate paragraphs", () => {
    const text = CHAPTER.replace("    (a) That every resident counts; and\n\n    (b) That trust keeps the public safe.", "That every resident counts; and\nThat trust keeps the public safe; or\nThat both are true.");
    expect(outline(findSection(parseCodeText(text).document, "2-173-005"))).toEqual([
      "0 - The City Council finds:",
      "0 - That every resident counts; and",
      "0 - That trust keeps the public safe; or",
      "0 - That both are true.",
      "history (Added Coun. J. 3-29-06, p. 74325, § 1)",
    ]);
  });

  it("still joins a line wrapped after \"; and\" when the next line goes on in lower case", () => {
    const text = CHAPTER.replace("No agent shall ask about a person's status.", "No agent shall ask about status; and\nno agency shall keep it.");
    expect(outline(findSection(parseCodeText(text).document, "2-173-020"))[0]).toBe("0 - No agent shall ask about status; and no agency shall keep it.");
  });
});

export { ImportError };

describe("item 2: editor's notes and footnote stars", () => {
  const NOTE = "* Editor's note – Coun. J. 11-16-11, p. 14002, § 3, renumbered former Section 2-173-015 as Section 2-173-020.";
  const noted = CHAPTER
    .replace("CHAPTER 2-173 WELCOMING CITY ORDINANCE", "CHAPTER 2-173 WELCOMING CITY ORDINANCE*")
    .replace("No agent shall ask about a person's status.\n\n(Added Coun. J. 3-29-06, p. 74325, § 1)", `No agent shall ask about a person's status.\n\n(Added Coun. J. 3-29-06, p. 74325, § 1)\n\n${NOTE}`);

  it("keeps an editor's note after a history note as a note block of the section", () => {
    const result = parseCodeText(noted);
    const chapter = result.document.chapters[0]!;
    expect(chapter.title).toBe("WELCOMING CITY ORDINANCE");
    expect(outline(findSection(result.document, "2-173-020"))).toEqual([
      "0 - No agent shall ask about a person's status.",
      "history (Added Coun. J. 3-29-06, p. 74325, § 1)",
      `note ${NOTE.slice(2)}`,
    ]);
  });

  it("keeps a note wrapped over two lines whole, and reads it back from the canonical text", async () => {
    const wrapped = noted.replace("§ 3, renumbered", "§ 3,\nrenumbered");
    const doc = parseCodeText(wrapped).document;
    expect(doc).toEqual(parseCodeText(noted).document);
    const { serializeDocument } = await import("../../src/core/model/canonicalText");
    expect(parseCodeText(serializeDocument(doc)).document).toEqual(doc);
  });

  it("keeps a chapter's note (after its contents) as a note of the chapter, never in the title or the first section", () => {
    const text = CHAPTER.replace("CHAPTER 2-173 WELCOMING CITY ORDINANCE", "CHAPTER 2-173 WELCOMING CITY ORDINANCE*")
      .replace("2-173-020 Requesting information prohibited.\n\n2-173-005", `2-173-020 Requesting information prohibited.\n\n${NOTE}\n\n2-173-005`);
    const result = parseCodeText(text);
    const chapter = result.document.chapters[0]!;
    expect(chapter.title).toBe("WELCOMING CITY ORDINANCE");
    expect(chapter.notes).toEqual([{ kind: "note", id: "ch-2-173-n0", text: NOTE.slice(2) }]);
    expect(chapter.sections[0]!.blocks.some((block) => block.kind === "note")).toBe(false);
    expect(result.warnings).toEqual([]);
  });
});

describe("items 4 and 6: section text with no heading line", () => {
  const headless = CHAPTER.replace("\n\n2-173-005 Purpose and intent.\n\nThe City Council finds:", "\n\nThe City Council finds:");

  it("after the contents: files the text under the first section the contents list, says so, and keeps the contents whole", () => {
    expect(headless).not.toBe(CHAPTER);
    const result = parseCodeText(headless);
    const chapter = result.document.chapters[0]!;
    expect(chapter.toc.map((entry) => entry.number)).toEqual(["2-173-005", "2-173-020"]);
    expect(chapter.sections.map((section) => [section.number, section.catchline])).toEqual([["2-173-005", "Purpose and intent."], ["2-173-020", "Requesting information prohibited."]]);
    expect(chapter.sections[0]!.blocks[0]).toMatchObject({ text: "The City Council finds:" });
    expect(result.warnings).toContainEqual(expect.objectContaining({ line: 6, reason: expect.stringMatching(/no section heading before this text.*2-173-005.*from the contents/) }));
  });

  it("a chapter without contents still takes its first heading as a heading, silently", () => {
    const bare = CHAPTER.replace("2-173-005 Purpose and intent.\n2-173-020 Requesting information prohibited.\n\n", "");
    const result = parseCodeText(bare);
    expect(result.document.chapters[0]!.sections.map((section) => section.number)).toEqual(["2-173-005", "2-173-020"]);
    expect(result.warnings).toEqual([]);
  });

  it("with no chapter heading or contents: an error naming the line and the missing heading", () => {
    const text = "(a) That every resident counts; and\n\n2-173-020 Requesting information prohibited.\n\nNo agent shall ask.\n";
    expect(() => parseCodeText(text)).toThrowError(/^line 1: a numbered paragraph before the first section heading.*heading line.*is missing/);
  });
});

describe("item 7: what a site may have dropped", () => {
  const flat = [
    "2-173-042 Civil immigration enforcement actions – Federal responsibility.",
    "",
    "No agent shall:",
    "",
    "arrest a person on a civil warrant alone;",
    "",
    "detain a person on a detainer alone; or",
    "",
    "keep a person past release.",
    "",
    "Unless subsection (a) applies, no agent shall:",
    "",
    "give federal agents access to a person in custody;",
    "",
    "let them use City facilities; or",
    "",
    "spend on-duty time answering them.",
    "",
    "(Added Coun. J. 9-12-12, p. 33041, § 1)",
    "",
  ].join("\n");

  it("warns when a section reads as a list but has no enumerators at all", () => {
    const result = parseCodeText(flat);
    expect(result.document.chapters[0]!.sections[0]!.blocks).toHaveLength(9);
    expect(result.warnings).toContainEqual(expect.objectContaining({ line: 1, reason: expect.stringMatching(/2-173-042.*8 paragraphs.*no enumerators.*dropped/) }));
  });

  it("does not warn for plain prose or for a list that keeps its enumerators", () => {
    expect(parseCodeText(CHAPTER).warnings).toEqual([]);
    const prose = flat.replace(/;( or)?\n/g, ".\n").replace(/:\n/g, ".\n").replace("subsection (a)", "that rule");
    expect(parseCodeText(prose).warnings.filter((warning) => /enumerators/.test(warning.reason))).toEqual([]);
  });

  it("warns when a section's heading is missing: text after a history note, and a contents line with no section", () => {
    // 2-173-020's heading line left out in copying: its text lands in 2-173-005, after that section's history note.
    const missing = CHAPTER.replace("2-173-020 Requesting information prohibited.\n\nNo agent", "No agent");
    expect(missing).not.toBe(CHAPTER);
    const result = parseCodeText(missing);
    expect(result.document.chapters[0]!.sections.map((section) => section.number)).toEqual(["2-173-005"]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 14, reason: expect.stringMatching(/section 2-173-005 goes on after its history note.*heading missing/) }),
      expect.objectContaining({ line: 4, text: "2-173-020 Requesting information prohibited.", reason: expect.stringMatching(/contents list section 2-173-020 but no section 2-173-020 follows/) }),
    ]);
    // The whole chapter warns of neither.
    expect(parseCodeText(CHAPTER).warnings).toEqual([]);
  });

  it("warns when a history note lacks its closing parenthesis", () => {
    const open = CHAPTER.replace("(Added Coun. J. 3-29-06, p. 74325, § 1)\n\n2-173-020", "(Added Coun. J. 3-29-06, p. 74325, § 1\n\n2-173-020");
    const result = parseCodeText(open);
    expect(result.warnings).toEqual([expect.objectContaining({ line: 14, reason: expect.stringMatching(/history note.*no closing parenthesis/) })]);
  });
});

describe("item 8: a title page and chapters pasted one after another", () => {
  const second = [
    "CHAPTER 2-174 RECORDS OF THE COUNCIL*",
    "",
    "2-174-010 Scope.",
    "2-174-020 Keeping.",
    "",
    "* Editor's note – Coun. J. 4-4-04, p. 500, § 2, added this chapter.",
    "",
    "2-174-010 Scope.",
    "",
    "This chapter applies to the Council's records.",
    "",
    "(Added Coun. J. 4-4-04, p. 500, § 2)",
    "",
    "§ 2-174-020",
    "Keeping.",
    "",
    "The Clerk keeps them.",
    "",
    "(Added Coun. J. 4-4-04, p. 500, § 2)",
  ].join("\n");
  const titlePage = [
    "Skip to code content (skip section selection)",
    "Codes Library > Illinois > Chicago",
    "TITLE 2",
    "CITY GOVERNMENT AND ADMINISTRATION",
    "",
    "Chapters:",
    "Ch. 2-173 Welcoming City Ordinance",
    "Ch. 2-174 Records of the Council",
    "",
  ].join("\n");

  it("imports a title page with its chapter list, then each chapter with its own page's site lines", () => {
    const pageTop = "Skip to code content (skip section selection)\nSearch this code\nShare\nPrint\n";
    const text = [titlePage, CHAPTER, pageTop, second, ""].join("\n");
    const result = parseCodeText(text);
    const doc = result.document;
    expect(doc.title).toEqual({ number: "2", name: "CITY GOVERNMENT AND ADMINISTRATION" });
    expect(doc.chapters.map((chapter) => [chapter.number, chapter.title])).toEqual([["2-173", "WELCOMING CITY ORDINANCE"], ["2-174", "RECORDS OF THE COUNCIL"]]);
    expect(doc.chapters[0]).toEqual(parseCodeText(CHAPTER).document.chapters[0]);
    expect(doc.chapters[1]!.sections.map((section) => section.catchline)).toEqual(["Scope.", "Keeping."]);
    const skipped = result.warnings.map((warning) => warning.text);
    expect(skipped).toEqual(expect.arrayContaining(["Chapters:", "Ch. 2-173 Welcoming City Ordinance", "Search this code"]));
    expect(outline(doc.chapters[0]!.sections[1]).at(-1)).toBe("history (Added Coun. J. 3-29-06, p. 74325, § 1)");
  });

  it("imports chapters pasted in a row with no title heading as one document", () => {
    const doc = parseCodeText([CHAPTER, "Share", "Print", second].join("\n")).document;
    expect(doc.title).toBeNull();
    expect(doc.chapters.map((chapter) => chapter.number)).toEqual(["2-173", "2-174"]);
  });
});
