/**
 * The form rules of the amending ordinance, checked on a small chapter written for these tests.
 * Each expected result is what a clerk would expect to read, written out as the text export
 * ([-struck-] and {+underscored+}), between the enacting clause and the effective-date SECTION.
 */
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, writeText, type ExportSettings } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import type { SponsorRegistry } from "../../src/core/sponsors/sponsors";

const PENALTY = "This section applies to every agent. Any agent who violates this chapter shall be subject to discipline, up to and including discharge from employment with the City. The agency shall report each case.";

const BASE = `CHAPTER 2-180 TEST PROVISIONS

2-180-010 Purpose.
2-180-020 Notice required.
2-180-030 Records.
2-180-040 Penalty.

2-180-010 Purpose.

The purpose of this chapter is to keep residents informed.

(Added Coun. J. 1-1-20, p. 100, § 1)

2-180-020 Notice required.

    (a) Every agency shall give written notice within ten days.

    (b) The notice shall state the reason for the action.

    (c) A copy of the notice shall be kept on file.

(Added Coun. J. 1-1-20, p. 100, § 1)

2-180-030 Records.

Each agency shall keep records of every notice for three years.

(Added Coun. J. 1-1-20, p. 100, § 1)

2-180-040 Penalty.

${PENALTY}

(Added Coun. J. 1-1-20, p. 100, § 1)
`;

function parse(text: string) {
  return parseCodeText(text).document;
}

/** The base with each [from, to] replacement applied (each `from` must occur). */
function edited(...replacements: Array<[string, string]>): string {
  return replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`test setup: "${from}" not in the text`);
    return text.replace(from, to);
  }, BASE);
}

function ordinance(draftText: string, settings: Partial<ExportSettings> = {}, sponsors?: SponsorRegistry): string {
  return writeText(buildOrdinance({ base: parse(BASE), draft: parse(draftText), settings: { ...DEFAULT_EXPORT_SETTINGS, ...settings }, ...(sponsors ? { sponsors } : {}) }));
}

/** The amending SECTIONs: everything after the enacting clause, up to the effective-date SECTION. */
function amendingPart(text: string): string {
  const start = text.indexOf("BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:\n\n");
  const end = text.search(/\n\nSECTION \d+\. This ordinance shall take effect/);
  return text.slice(start, end).split("\n\n").slice(1).join("\n\n");
}

const lines = (...parts: string[]) => parts.join("\n\n");
const OMITTED = "(Omitted text is unaffected by this ordinance)";
const AMEND_BOTH = "Chapter 2-180 of the Municipal Code of Chicago is hereby amended by deleting the language struck through and by inserting the language underscored, as follows:";

describe("amending ordinance form (chapter grouping)", () => {
  it("reprints only the changed paragraph of one section, with omitted-text lines around it", () => {
    const text = ordinance(edited(["within ten days", "within five business days"]));
    expect(amendingPart(text)).toBe(lines(
      `SECTION 1. ${AMEND_BOTH}`,
      "CHAPTER 2-180 TEST PROVISIONS",
      OMITTED,
      "2-180-020 Notice required.",
      "    (a) Every agency shall give written notice within [-ten-] {+five business+} days.",
      OMITTED,
    ));
  });

  it("puts one omitted-text line for the untouched section between two amended ones", () => {
    const text = ordinance(edited(["to keep residents", "to keep all residents"], ["for three years", "for five years"]));
    expect(amendingPart(text)).toBe(lines(
      `SECTION 1. ${AMEND_BOTH}`,
      "CHAPTER 2-180 TEST PROVISIONS",
      OMITTED,
      "2-180-010 Purpose.",
      "The purpose of this chapter is to keep {+all+} residents informed.",
      OMITTED,
      "2-180-030 Records.",
      "Each agency shall keep records of every notice for [-three-] {+five+} years.",
      OMITTED,
    ));
  });

  it("underscores a new section throughout, number and catchline included, and redlines the table of contents", () => {
    const text = ordinance(edited(
      ["2-180-020 Notice required.\n2-180-030", "2-180-020 Notice required.\n2-180-025 Appeals.\n2-180-030"],
      ["2-180-030 Records.\n\nEach", "2-180-025 Appeals.\n\nAny person who receives a notice may appeal to the department head.\n\n(Added Coun. J. 5-5-27, p. 9, § 1)\n\n2-180-030 Records.\n\nEach"],
    ));
    expect(amendingPart(text)).toBe(lines(
      "SECTION 1. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by inserting the language underscored, as follows:",
      "CHAPTER 2-180 TEST PROVISIONS",
      "2-180-010 Purpose.",
      "2-180-020 Notice required.",
      "{+2-180-025 Appeals.+}",
      "2-180-030 Records.",
      "2-180-040 Penalty.",
      OMITTED,
      "{+2-180-025 Appeals.+}",
      "{+Any person who receives a notice may appeal to the department head.+}",
      OMITTED,
    ));
  });

  it("strikes a repealed section throughout when the whole chapter is reprinted", () => {
    const text = ordinance(edited(
      ["2-180-030 Records.\n2-180-040", "2-180-040"],
      ["2-180-030 Records.\n\nEach agency shall keep records of every notice for three years.\n\n(Added Coun. J. 1-1-20, p. 100, § 1)\n\n", ""],
    ));
    expect(amendingPart(text)).toBe(lines(
      "SECTION 1. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by deleting the language struck through, as follows:",
      "CHAPTER 2-180 TEST PROVISIONS",
      "2-180-010 Purpose.",
      "2-180-020 Notice required.",
      "[-2-180-030 Records.-]",
      "2-180-040 Penalty.",
      OMITTED,
      "[-2-180-030 Records.-]",
      "[-Each agency shall keep records of every notice for three years.-]",
      OMITTED,
    ));
  });

  it("redlines a renamed catchline in place on the heading line and in the contents", () => {
    const text = ordinance(BASE.replaceAll("2-180-030 Records.", "2-180-030 Records of notices."));
    expect(amendingPart(text)).toBe(lines(
      `SECTION 1. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by inserting the language underscored, as follows:`,
      "CHAPTER 2-180 TEST PROVISIONS",
      "2-180-010 Purpose.",
      "2-180-020 Notice required.",
      "2-180-030 Records {+of notices+}.",
      "2-180-040 Penalty.",
      OMITTED,
      "2-180-030 Records {+of notices+}.",
      OMITTED,
    ));
  });

  it("shows a renumbered section's old number struck and its new number underscored", () => {
    const text = ordinance(BASE.replaceAll("2-180-040 Penalty.", "2-180-045 Penalty."));
    expect(amendingPart(text)).toBe(lines(
      `SECTION 1. ${AMEND_BOTH}`,
      "CHAPTER 2-180 TEST PROVISIONS",
      "2-180-010 Purpose.",
      "2-180-020 Notice required.",
      "2-180-030 Records.",
      "[-2-180-040-] {+2-180-045+} Penalty.",
      OMITTED,
      "[-2-180-040-] {+2-180-045+} Penalty.",
      OMITTED,
    ));
  });

  it("handles text deleted at the very start and the very end of a section", () => {
    const text = ordinance(edited([PENALTY, "Any agent who violates this chapter shall be subject to discipline, up to and including discharge from employment with the City."]));
    expect(amendingPart(text)).toBe(lines(
      "SECTION 1. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by deleting the language struck through, as follows:",
      "CHAPTER 2-180 TEST PROVISIONS",
      OMITTED,
      "2-180-040 Penalty.",
      // The struck last sentence starts after the period of the sentence before it and takes
      // its own period with it: "City. [-The … case.-]" (not "City[-. The … case-].").
      "[-This section applies to every agent.-] Any agent who violates this chapter shall be subject to discipline, up to and including discharge from employment with the City. [-The agency shall report each case.-]",
    ));
  });

  it("strikes whole first and last paragraphs, enumerators included, with the kept paragraph omitted between", () => {
    const text = ordinance(edited(
      ["    (a) Every agency shall give written notice within ten days.\n\n", ""],
      ["\n\n    (c) A copy of the notice shall be kept on file.", ""],
    ));
    expect(amendingPart(text)).toBe(lines(
      "SECTION 1. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by deleting the language struck through, as follows:",
      "CHAPTER 2-180 TEST PROVISIONS",
      OMITTED,
      "2-180-020 Notice required.",
      "    [-(a) Every agency shall give written notice within ten days.-]",
      OMITTED,
      "    [-(c) A copy of the notice shall be kept on file.-]",
      OMITTED,
    ));
  });

  it("re-letters enumerators as ( struck-old underscored-new ) after an inserted subsection", () => {
    const text = ordinance(edited(
      ["    (a) Every agency", "    (a) Notices shall be written in plain language.\n\n    (b) Every agency"],
      ["    (b) The notice", "    (c) The notice"],
      ["    (c) A copy", "    (d) A copy"],
    ));
    expect(amendingPart(text)).toBe(lines(
      `SECTION 1. ${AMEND_BOTH}`,
      "CHAPTER 2-180 TEST PROVISIONS",
      OMITTED,
      "2-180-020 Notice required.",
      "    {+(a) Notices shall be written in plain language.+}",
      "    ([-a-] {+b+}) Every agency shall give written notice within ten days.",
      "    ([-b-] {+c+}) The notice shall state the reason for the action.",
      "    ([-c-] {+d+}) A copy of the notice shall be kept on file.",
      OMITTED,
    ));
  });

  it("never reprints history notes, and a change only to a history note amends nothing", () => {
    const text = ordinance(edited(["(Added Coun. J. 1-1-20, p. 100, § 1)\n\n2-180-020", "(Added Coun. J. 1-1-20, p. 100, § 1; Amend Coun. J. 2-2-22, p. 5, § 2)\n\n2-180-020"]));
    expect(text).not.toContain("Coun. J.");
    expect(amendingPart(text)).toBe("");
    expect(text).toContain("SECTION 1. This ordinance shall take effect upon its passage and publication.");
  });

  it("reprints a section moved to a new number once, at its new place, renumbered", () => {
    const moved = edited(
      [`2-180-040 Penalty.\n\n${PENALTY}\n\n(Added Coun. J. 1-1-20, p. 100, § 1)\n`, ""],
      ["2-180-010 Purpose.\n\nThe", `2-180-005 Penalty.\n\n${PENALTY}\n\n(Added Coun. J. 1-1-20, p. 100, § 1)\n\n2-180-010 Purpose.\n\nThe`],
    ).trimEnd() + "\n";
    // The contents line and the heading show the old number struck and the new one underscored;
    // nothing is struck where the section stood, and its unchanged text is omitted.
    expect(amendingPart(ordinance(moved))).toBe(lines(
      `SECTION 1. ${AMEND_BOTH}`,
      "CHAPTER 2-180 TEST PROVISIONS",
      "[-2-180-040-] {+2-180-005+} Penalty.",
      "2-180-010 Purpose.",
      "2-180-020 Notice required.",
      "2-180-030 Records.",
      "[-2-180-040-] {+2-180-005+} Penalty.",
      OMITTED,
    ));
  });

});

describe("amending ordinance form (section grouping)", () => {
  it("amends one Code section per SECTION, naming it in the formula", () => {
    const text = ordinance(edited(["to keep residents", "to keep all residents"], ["for three years", "for five years"]), { grouping: "section" });
    expect(amendingPart(text)).toBe(lines(
      "SECTION 1. Section 2-180-010 of the Municipal Code of Chicago is hereby amended by inserting the language underscored, as follows:",
      "2-180-010 Purpose.",
      "The purpose of this chapter is to keep {+all+} residents informed.",
      "SECTION 2. Section 2-180-030 of the Municipal Code of Chicago is hereby amended by deleting the language struck through and by inserting the language underscored, as follows:",
      "2-180-030 Records.",
      "Each agency shall keep records of every notice for [-three-] {+five+} years.",
    ));
    expect(text).toContain("SECTION 3. This ordinance shall take effect upon its passage and publication.");
  });

  it("inserts a new section with the inserting formula and repeals a deleted one with the repeal formula", () => {
    const text = ordinance(edited(
      ["2-180-030 Records.\n\nEach agency shall keep records of every notice for three years.\n\n(Added Coun. J. 1-1-20, p. 100, § 1)\n\n", "2-180-035 Appeals.\n\nAny person who receives a notice may appeal to the department head.\n\n"],
    ), { grouping: "section" });
    // The contents follow the sections: the repealed section's line goes, the new one's comes.
    expect(amendingPart(text)).toBe(lines(
      "SECTION 1. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by deleting the language struck through and by inserting the language underscored, as follows:",
      "CHAPTER 2-180 TEST PROVISIONS",
      "2-180-010 Purpose.",
      "2-180-020 Notice required.",
      "[-2-180-030 Records.-]",
      "{+2-180-035 Appeals.+}",
      "2-180-040 Penalty.",
      OMITTED,
      "SECTION 2. Section 2-180-030 of the Municipal Code of Chicago is hereby repealed in its entirety.",
      "SECTION 3. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by inserting a new Section 2-180-035, as follows:",
      "{+2-180-035 Appeals.+}",
      "{+Any person who receives a notice may appeal to the department head.+}",
    ));
  });

  it("gives the table of contents its own SECTION when it changed", () => {
    const text = ordinance(BASE.replaceAll("2-180-030 Records.", "2-180-030 Records of notices."), { grouping: "section" });
    expect(amendingPart(text)).toBe(lines(
      "SECTION 1. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by inserting the language underscored, as follows:",
      "CHAPTER 2-180 TEST PROVISIONS",
      "2-180-010 Purpose.",
      "2-180-020 Notice required.",
      "2-180-030 Records {+of notices+}.",
      "2-180-040 Penalty.",
      OMITTED,
      "SECTION 2. Section 2-180-030 of the Municipal Code of Chicago is hereby amended by inserting the language underscored, as follows:",
      "2-180-030 Records {+of notices+}.",
      OMITTED,
    ));
  });

  it("names a renumbered section by its present number", () => {
    const text = ordinance(BASE.replace("2-180-040 Penalty.\n\nThis", "2-180-045 Penalty.\n\nThis"), { grouping: "section" });
    // The contents line is renumbered with the heading, in the chapter's own SECTION.
    expect(amendingPart(text)).toBe(lines(
      "SECTION 1. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by deleting the language struck through and by inserting the language underscored, as follows:",
      "CHAPTER 2-180 TEST PROVISIONS",
      "2-180-010 Purpose.",
      "2-180-020 Notice required.",
      "2-180-030 Records.",
      "[-2-180-040-] {+2-180-045+} Penalty.",
      OMITTED,
      `SECTION 2. Section 2-180-040 of the Municipal Code of Chicago is hereby amended by deleting the language struck through and by inserting the language underscored, as follows:`,
      "[-2-180-040-] {+2-180-045+} Penalty.",
      OMITTED,
    ));
  });
});

describe("opening, wording variants and closing", () => {
  const sponsors: SponsorRegistry = {
    people: [
      { id: "lead", name: "Carlos Ramirez-Rosa", ward: 35, role: "sponsoring-alderman", color: "#991111" },
      { id: "one", name: "Ameya Pawar", ward: 47, role: "sponsoring-alderman", color: "#0000ff" },
      { id: "two", name: "Michele Smith", ward: 43, role: "sponsoring-alderman", color: "#007700" },
      { id: "three", name: "Proco Joe Moreno", ward: 1, role: "sponsoring-alderman", color: "#6655ff" },
    ],
    leadSponsorId: "lead",
    coSponsorIds: ["one", "two", "three"],
  };
  const draft = edited(["for three years", "for five years"]);

  it("opens with the title, the recitals and the enacting clause", () => {
    const text = ordinance(draft, { title: "SUBSTITUTE ORDINANCE", recitals: ["the City values clear notices", "notices should be kept longer"] });
    expect(text.slice(0, text.indexOf("SECTION 1."))).toBe(lines(
      "SUBSTITUTE ORDINANCE",
      "WHEREAS, the City values clear notices; and",
      "WHEREAS, notices should be kept longer; now, therefore,",
      "BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:",
      "",
    ));
  });

  it("closes with the effective date, the lead sponsor's signature block and the co-sponsors", () => {
    const text = ordinance(draft, {}, sponsors);
    expect(text.slice(text.indexOf("SECTION 2."))).toBe(lines(
      "SECTION 2. This ordinance shall take effect upon its passage and publication.",
      "______________________________",
      "Carlos Ramirez-Rosa",
      "Alderman, 35th Ward",
      "Co-sponsors:",
      "Ameya Pawar (47th Ward)",
      "Michele Smith (43rd Ward)",
      "Proco Joe Moreno (1st Ward)",
    ) + "\n");
  });

  it("leaves the name blank and lists no co-sponsors when no sponsor is chosen", () => {
    const text = ordinance(draft);
    expect(text.endsWith(lines("______________________________", "Alderman") + "\n")).toBe(true);
    expect(text).not.toContain("Co-sponsors:");
  });

  it("uses the chosen formula, omitted-text and effective-date wording", () => {
    const text = ordinance(edited(["within ten days", "within five days"]), {
      strikeWording: "stricken through", formulaOrder: "insert-first", omittedWording: "not affected", effectiveDate: { kind: "days-after-passage", days: 10 },
    });
    expect(text).toContain("SECTION 1. Chapter 2-180 of the Municipal Code of Chicago is hereby amended by inserting the language underscored and by deleting the language stricken through, as follows:");
    expect(text).toContain("\n\n(Omitted text is not affected by this ordinance)\n\n");
    expect(text).not.toContain("unaffected");
    expect(text).toContain("SECTION 2. This ordinance shall take effect 10 days after its passage and publication.");
  });

  it("words each effective-date choice", () => {
    const sentence = (effectiveDate: ExportSettings["effectiveDate"]) => /SECTION 2\. (.*)\n/.exec(ordinance(draft, { effectiveDate }))![1];
    expect(sentence({ kind: "passage-and-approval" })).toBe("This ordinance shall take effect upon its passage and approval.");
    expect(sentence({ kind: "fixed-date", date: "2027-01-01" })).toBe("This ordinance shall take effect on January 1, 2027.");
    expect(sentence({ kind: "days-after-passage", days: 1 })).toBe("This ordinance shall take effect 1 day after its passage and publication.");
  });
});
