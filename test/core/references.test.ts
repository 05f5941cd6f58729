import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import type { Chapter, OrdinanceDocument, Section } from "../../src/core/model/document";
import { checkReferences, citations, type ReferenceProblem } from "../../src/core/references";
import { fixtureText } from "../support/fixtures";

const BASE = fixtureText("base.txt");
const withChapter = (doc: OrdinanceDocument, change: (chapter: Chapter) => Chapter): OrdinanceDocument => ({ ...doc, chapters: doc.chapters.map(change) });
const read = (text: string) => parseCodeText(text).document;
/** The base text with each [from, to] replaced, every replacement required to apply once. */
function edited(text: string, ...pairs: ReadonlyArray<readonly [string, string]>): string {
  let result = text;
  for (const [from, to] of pairs) {
    expect(result.split(from).length - 1, from).toBeGreaterThanOrEqual(1);
    result = result.split(from).join(to);
  }
  return result;
}
const summary = (problems: readonly ReferenceProblem[]) => problems.map((p) => `${p.citingSection} ${p.cited} ${p.kind} ${p.newTarget ?? "-"}`);
/** The draft text with a problem's fix applied. */
function applyFix(draftText: string, problem: ReferenceProblem): string {
  const fix = problem.fix!;
  return draftText.slice(0, fix.fromB) + fix.text + draftText.slice(fix.toB);
}

const FORMS = `CHAPTER 2-173 WELCOMING CITY ORDINANCE

2-173-010 Definitions.

2-173-020 Forms.

2-173-010 Definitions.

    (a) First.

        (1) One.

    (b) Second.

(Added Coun. J. 3-29-06, p. 74325, § 1; see Section 2-173-010(a))

2-173-020 Forms.

As provided in Section 2-173-010, Sections 2-173-010 and 2-173-020, and 2-173-010(a)(1), this chapter and Chapter 2-173 apply, and so does Article II of this chapter.

    (a) Except as provided in subsection (b) of this section and paragraph (1) of subsection (b), and subsection (a) of Section 2-173-010, see paragraph (2) and subsections (a)(1) and (b).

    (b) Before subsection (b) of section 2-173-010.

        (1) Inside.

        (2) Under paragraph (1) of this subsection.

No fine of $2,000.00 applies to acts of 3-29-2006 recorded in Coun. J. 3-29-06, p. 74325, or 8 U.S.C. 1373 or 5 ILCS 140/7.
`;

describe("citations", () => {
  const doc = read(FORMS);
  const found = citations(doc);
  const text = serializeDocument(doc);
  const listed = found.map((c) => `${c.form} ${c.target.kind === "section" ? `${c.target.section}${c.target.path.map((l) => `(${l})`).join("")}` : c.target.kind === "chapter" ? c.target.chapter : `Article ${c.target.article} of ${c.target.chapter}`} «${c.text}»`);

  it("finds every citation form, with its target", () => {
    expect(listed).toEqual([
      "section 2-173-010 «2-173-010»",
      "section 2-173-010 «2-173-010»",
      "section 2-173-020 «2-173-020»",
      "section 2-173-010(a)(1) «2-173-010(a)(1)»",
      "this-chapter 2-173 «this chapter»",
      "chapter 2-173 «Chapter 2-173»",
      "article Article II of 2-173 «Article II of this chapter»",
      "relative 2-173-020(b) «subsection (b) of this section»",
      "relative 2-173-020(b)(1) «paragraph (1) of subsection (b)»",
      "section 2-173-010(a) «subsection (a) of Section 2-173-010»",
      "relative 2-173-020(a)(2) «paragraph (2)»",
      "relative 2-173-020(a)(1) «subsections (a)(1) and (b)»",
      "relative 2-173-020(b) «subsections (a)(1) and (b)»",
      "section 2-173-010(b) «subsection (b) of section 2-173-010»",
      "relative 2-173-020(b)(1) «paragraph (1) of this subsection»",
    ]);
  });
  it("gives offsets in the canonical text, with the number's and each written label's place", () => {
    for (const citation of found) {
      expect(text.slice(citation.span.from, citation.span.to)).toBe(citation.text);
      if (citation.numberSpan && citation.target.kind === "section") expect(text.slice(citation.numberSpan.from, citation.numberSpan.to)).toBe(citation.target.section);
      if (citation.target.kind !== "section") continue;
      citation.labelSpans.forEach((span, i) => {
        if (span) expect(text.slice(span.from, span.to)).toBe(`(${(citation.target as { path: readonly string[] }).path[i]})`);
      });
    }
  });
  it("reads no citation in dates, money, Journal citations, other codes or history notes", () => {
    const lastParagraph = found.filter((c) => c.text.includes("3-29") || c.text.includes("1373") || c.text.includes("$"));
    expect(lastParagraph).toEqual([]);
    expect(found.some((c) => c.blockId.endsWith("b3") && c.citingSection === "2-173-010")).toBe(false);
  });
});

describe("checkReferences against the fixture", () => {
  const base = read(BASE);

  it("finds nothing in the fixture's own amendment", () => {
    expect(checkReferences(base, read(fixtureText("amended.txt")))).toEqual([]);
  });
  it("reports a citation to a repealed section, and only that", () => {
    const draft = withChapter(base, (chapter) => ({ ...chapter, sections: chapter.sections.filter((s) => s.number !== "2-173-042"), toc: chapter.toc.filter((e) => e.number !== "2-173-042") }));
    expect(summary(checkReferences(base, draft))).toEqual(["2-173-050 2-173-042(a) repealed-section -"]);
  });
  it("gives the new number and a certain fix for a renumbered section", () => {
    const draft = read(BASE.split("2-173-042 Civil").join("2-173-044 Civil"));
    const draftText = serializeDocument(draft);
    const problems = checkReferences(base, draft);
    expect(summary(problems)).toEqual(["2-173-050 2-173-042(a) renumbered-section 2-173-044(a)"]);
    const fixed = applyFix(draftText, problems[0]!);
    expect(fixed).toContain("set out in Section 2-173-044(a), shall");
    expect(checkReferences(base, read(fixed))).toEqual([]);
  });
  it("gives the new target and a fix for a moved section", () => {
    const moved = BASE.split("2-173-042 Civil").join("2-173-075 Civil");
    const start = moved.indexOf("\n2-173-075 Civil immigration enforcement actions – Federal responsibility.\n\n    (a)");
    const stop = moved.indexOf("\n2-173-050 No private cause of action.\n\nThis");
    const body = moved.slice(start, stop);
    const toc = "2-173-075 Civil immigration enforcement actions – Federal responsibility.\n";
    const reordered = (moved.slice(0, start) + moved.slice(stop)).replace(toc, "").replace("2-173-070 Severability.\n", `2-173-070 Severability.\n${toc}`) + body;
    const draft = read(reordered);
    const problems = checkReferences(base, draft);
    expect(summary(problems)).toEqual(["2-173-050 2-173-042(a) renumbered-section 2-173-075(a)"]);
    expect(applyFix(serializeDocument(draft), problems[0]!)).toContain("Section 2-173-075(a),");
  });
  it("reports re-lettered subsections with fixes, also inside a renumbered section's citations", () => {
    const draftText = edited(BASE,
      ["    (c) Subsections (a) and (b) of this section shall not", "    (d) Subsections (a) and (b) of this section shall not"],
      ["    (b) Except as provided in subsection (c)", "    (c) Except as provided in subsection (c)"],
      ["    (a) Except as provided in subsection (c) of this section, no agent", "    (a) Nothing in this section applies to a judicial warrant.\n\n    (b) Except as provided in subsection (c) of this section, no agent"],
    );
    const draft = read(draftText);
    const problems = checkReferences(base, draft);
    expect(summary(problems)).toEqual([
      "2-173-042 2-173-042(c) relettered-subsection 2-173-042(d)",
      "2-173-042 2-173-042(c) relettered-subsection 2-173-042(d)",
      "2-173-042 2-173-042(a) relettered-subsection 2-173-042(b)",
      "2-173-042 2-173-042(b) relettered-subsection 2-173-042(c)",
      "2-173-050 2-173-042(a) relettered-subsection 2-173-042(b)",
    ]);
    const canonical = serializeDocument(draft);
    let fixed = canonical;
    for (const problem of [...problems].sort((x, y) => y.fix!.fromB - x.fix!.fromB)) fixed = applyFix(fixed, problem);
    expect(fixed).toContain("(b) Except as provided in subsection (d) of this section, no agent");
    expect(fixed).toContain("(d) Subsections (b) and (c) of this section shall not");
    expect(fixed).toContain("Section 2-173-042(b), shall");
  });
  it("reports a citation to a deleted subsection", () => {
    const from = BASE.indexOf("    (c) Subsections (a) and (b)");
    const to = BASE.indexOf("(Added Coun. J. 9-12-12, p. 33041, § 1)\n\n2-173-050");
    const draft = read(BASE.slice(0, from) + BASE.slice(to));
    expect(summary(checkReferences(base, draft))).toEqual([
      "2-173-042 2-173-042(c) deleted-subsection -",
      "2-173-042 2-173-042(c) deleted-subsection -",
    ]);
  });
  it("reports typos in the draft's new words but not citations of chapters the texts do not hold", () => {
    const draft = read(edited(BASE, ["shall not be construed to create", "shall, like Section 2-173-099, Section 2-173-042(z), Section 5-12-010 and Chapter 2-78, not be construed to create"]));
    expect(summary(checkReferences(base, draft))).toEqual([
      "2-173-050 2-173-099 missing-section -",
      "2-173-050 2-173-042(z) missing-subsection -",
    ]);
  });
  it("reports a new citation to a section the draft repeals, and a section the contents do not list", () => {
    const reports: Section = { id: "s-new", number: "2-173-080", catchline: "Reports.", blocks: [{ kind: "paragraph", id: "s-new-b0", enumerator: null, level: 0, text: "Reports under Section 2-173-042 are public." }] };
    const draft = withChapter(base, (chapter) => ({
      ...chapter, sections: [...chapter.sections.filter((s) => s.number !== "2-173-042"), reports], toc: chapter.toc.filter((e) => e.number !== "2-173-042"),
    }));
    expect(summary(checkReferences(base, draft))).toEqual([
      "2-173-050 2-173-042(a) repealed-section -",
      "2-173-080 2-173-042 repealed-section -",
      "2-173-080 2-173-080 unlisted-section -",
    ]);
  });
  it("reports a contents line with no section that the base did not have, but not one the base had", () => {
    const draft = withChapter(base, (chapter) => ({ ...chapter, toc: [...chapter.toc, { number: "2-173-080", catchline: "Reports." }] }));
    expect(summary(checkReferences(base, draft))).toEqual(["2-173-080 2-173-080 contents-without-section -"]);
    expect(checkReferences(draft, draft)).toEqual([]);
  });
  it("reports a citation to a repealed chapter", () => {
    const second = "\n\nCHAPTER 2-174 OTHER\n\n2-174-010 Scope.\n\n2-174-010 Scope.\n\nThis chapter applies.\n";
    const twoChapters = BASE.replace("shall not be construed", "under Chapter 2-174 shall not be construed") + second;
    expect(summary(checkReferences(read(twoChapters), read(BASE.replace("shall not be construed", "under Chapter 2-174 shall not be construed"))))).toEqual([
      "2-173-050 Chapter 2-174 repealed-chapter -",
    ]);
  });
});

describe("checkReferences: lists, ranges and articles", () => {
  const base = read(BASE);
  const citing = (text: string) => read(edited(BASE, ["shall not be construed to create", `shall, like ${text}, not be construed to create`]));
  const repealing = (draft: OrdinanceDocument, number: string) => withChapter(draft, (chapter) => ({ ...chapter, sections: chapter.sections.filter((s) => s.number !== number), toc: chapter.toc.filter((e) => e.number !== number) }));

  it("reports a repealed section cited with two subsections once, naming the section", () => {
    const withList = read(edited(BASE, ["shall not be construed to create", "shall, like subsections (a) and (b) of Section 2-173-030, not be construed to create"]));
    const problems = checkReferences(withList, repealing(withList, "2-173-030"));
    expect(summary(problems)).toEqual(["2-173-050 2-173-030 repealed-section -"]);
    expect(problems[0]!.message).toBe("2-173-050 cites 2-173-030: the draft repeals that section.");
  });

  it("reports a renumbered section cited with two subsections once, with one fix", () => {
    const withList = read(edited(BASE, ["shall not be construed to create", "shall, like subsections (a) and (b) of Section 2-173-042, not be construed to create"]));
    const draft = read(serializeDocument(withList).split("2-173-042 Civil").join("2-173-044 Civil"));
    const problems = checkReferences(withList, draft).filter((problem) => problem.citation?.text.startsWith("subsections (a) and (b)"));
    expect(summary(problems)).toEqual(["2-173-050 2-173-042 renumbered-section 2-173-044"]);
    expect(applyFix(serializeDocument(draft), problems[0]!)).toContain("subsections (a) and (b) of Section 2-173-044, not be construed");
  });

  it("reports a section repealed inside a cited range, and nothing for a range the draft leaves whole", () => {
    const withRange = citing("Sections 2-173-020 through 2-173-042");
    expect(checkReferences(withRange, withRange)).toEqual([]);
    const problems = checkReferences(withRange, repealing(withRange, "2-173-030"));
    expect(summary(problems)).toEqual(["2-173-050 2-173-030 repealed-section -"]);
    expect(problems[0]!.message).toBe("2-173-050 cites 2-173-020 through 2-173-042, which includes 2-173-030: the draft repeals that section.");
  });

  it("checks an article of this chapter: the chapter has none", () => {
    const problems = checkReferences(base, citing("Article II of this chapter"));
    expect(summary(problems)).toEqual(["2-173-050 Article II of Chapter 2-173 missing-article -"]);
  });
});
