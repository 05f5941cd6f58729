import { describe, expect, it } from "vitest";
import { DEFAULT_EXPORT_SETTINGS, renderClean, renderOrdinance, type OrdinanceFormat } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import type { OrdinanceDocument, Section } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import { draftFromWordParagraphs, importWordDraft, readDocxParagraphs, sideText, WordImportError } from "../../src/core/wordImport";
import { mergeSequence, type ReprintEntry } from "../../src/core/wordImport/mergeSequence";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { docxFromBody, handMadeDocx, parseXml, plain, zipOf, type HandMark, type HandParagraph } from "../support/wordFiles";

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readDocxParagraphs(bytes, parseXml);
  } catch (error) {
    expect(error).toBeInstanceOf(WordImportError);
    return (error as Error).message;
  }
  throw new Error("the file was accepted");
}

function changesOf(base: OrdinanceDocument, draft: OrdinanceDocument) {
  return compare(base, draft).changes.map(({ id, kind, part, section, fromA, toA, fromB, toB, deleted, inserted }) => ({ id, kind, part, section, fromA, toA, fromB, toB, deleted, inserted }));
}

describe("reading a .docx", () => {
  it("sorts runs into base-only, draft-only and shared text by revision and formatting", async () => {
    const bytes = await docxFromBody(`
      <w:p><w:pPr><w:ind w:left="1440"/></w:pPr>
        <w:r><w:t xml:space="preserve">(a) The </w:t></w:r>
        <w:r><w:rPr><w:strike/></w:rPr><w:t>old</w:t></w:r>
        <w:r><w:rPr><w:dstrike w:val="true"/></w:rPr><w:t>older</w:t></w:r>
        <w:r><w:rPr><w:strike w:val="0"/></w:rPr><w:t xml:space="preserve"> kept</w:t></w:r>
        <w:r><w:rPr><w:u w:val="double"/></w:rPr><w:t xml:space="preserve"> new</w:t></w:r>
        <w:r><w:rPr><w:u w:val="none"/></w:rPr><w:t xml:space="preserve"> plain</w:t></w:r>
        <w:r><w:tab/><w:t>after tab</w:t><w:br/><w:t>after break</w:t></w:r>
        <w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> inserted</w:t></w:r></w:ins>
        <w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve"> deleted</w:delText></w:r></w:del>
        <w:hyperlink><w:r><w:t xml:space="preserve"> link</w:t></w:r></w:hyperlink>
        <w:ins w:id="3" w:author="A"><w:del w:id="4" w:author="B"><w:r><w:delText>ghost</w:delText></w:r></w:del></w:ins>
      </w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>in a table</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`);
    const paragraphs = await readDocxParagraphs(bytes, parseXml);
    expect(paragraphs).toEqual([
      {
        indent: 1440,
        runs: [
          { text: "(a) The ", side: "both" }, { text: "oldolder", side: "base" }, { text: " kept", side: "both" }, { text: " new", side: "draft" },
          { text: " plain after tab after break", side: "both" }, { text: " inserted", side: "draft" }, { text: " deleted", side: "base" }, { text: " link", side: "both" },
        ],
      },
      { indent: null, runs: [{ text: "in a table", side: "both" }] },
    ]);
    expect(sideText(paragraphs[0]!, "base")).toBe("(a) The oldolder kept plain after tab after break deleted link");
    expect(sideText(paragraphs[0]!, "draft")).toBe("(a) The kept new plain after tab after break inserted link");
  });

  it("does not leave a space before punctuation where a mark was moved off the spaces", async () => {
    const [paragraph] = await readDocxParagraphs(await handMadeDocx([{ runs: [["plain", "Exchanging "], ["struck", "file"], ["plain", " information "], ["underlined", "with federal authorities"], ["plain", "."]] }]), parseXml);
    expect(sideText(paragraph!, "base")).toBe("Exchanging file information.");
    expect(sideText(paragraph!, "draft")).toBe("Exchanging information with federal authorities.");
  });

  it("refuses an empty file, a file that is not a zip, a zip without word/document.xml and a damaged body", async () => {
    expect(await refusal(new Uint8Array())).toBe("The file is empty.");
    expect(await refusal(new TextEncoder().encode("PK\u0003\u0004 this is not really a zip"))).toMatch(/^This is not a Word \(\.docx\) file: it could not be opened/);
    expect(await refusal(await zipOf({ "notes.txt": "hello" }))).toMatch(/has no document body \(word\/document\.xml\)/);
    expect(await refusal(await zipOf({ "word/document.xml": "<w:document><w:body><w:p>" }))).toMatch(/^The Word file is damaged: its document body is not well-formed XML/);
    expect(await refusal(await zipOf({ "word/document.xml": "<html><body/></html>" }))).toMatch(/is not a WordprocessingML document/);
  });

  it("reads an empty .docx as paragraphs without text, which make no draft", async () => {
    const paragraphs = await readDocxParagraphs(await handMadeDocx([]), parseXml);
    expect(paragraphs.every((paragraph) => paragraph.runs.length === 0)).toBe(true);
    expect(() => draftFromWordParagraphs(fixtureBase(), paragraphs)).toThrow(new WordImportError("The Word file has no text."));
  });
});

describe("a Word redline made by the project's exporter", () => {
  const forms: Array<[OrdinanceFormat, "chapter" | "section"]> = [["docx", "chapter"], ["docx", "section"], ["tracked-docx", "chapter"], ["tracked-docx", "section"]];
  it.each(forms)("imports the fixture's %s ordinance (%s grouping) as the amended chapter", async (format, grouping) => {
    const base = fixtureBase();
    const amended = fixtureAmended();
    const bytes = await renderOrdinance({ base, draft: amended, format, settings: { ...DEFAULT_EXPORT_SETTINGS, grouping, recitals: ["the Council wishes to protect residents"] } }) as Uint8Array;
    const { draft, warnings, form } = await importWordDraft(bytes, base, parseXml);
    expect(form).toBe("ordinance");
    expect(warnings).toEqual([]);
    expect(serializeDocument(draft)).toBe(serializeDocument(amended));
    expect(changesOf(base, draft)).toEqual(changesOf(base, amended));
  });

  it("imports the clean chapter .docx as the chapter itself", async () => {
    const { draft, form, warnings } = await importWordDraft(await renderClean(fixtureAmended(), "docx") as Uint8Array, fixtureBase(), parseXml);
    expect(form).toBe("chapter");
    expect(warnings).toEqual([]);
    expect(draft).toEqual(fixtureAmended());
  });
});

/** The fixture's section by number. */
function section(doc: OrdinanceDocument, number: string): Section {
  return doc.chapters[0]!.sections.find((candidate) => candidate.number === number)!;
}

/** A hand-made amending ordinance, marked with strike/underline or with real revisions. */
function handOrdinance(deleted: HandMark, inserted: HandMark): HandParagraph[] {
  const struck = (text: string, level = 0): HandParagraph => ({ runs: [[deleted, text]], level });
  const underlined = (text: string, level = 0): HandParagraph => ({ runs: [[inserted, text]], level });
  return [
    plain("ORDINANCE"),
    plain("WHEREAS, the City of Chicago is a home rule unit of government; now, therefore,"),
    plain("BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:"),
    plain("SECTION 1. Chapter 2-173 of the Municipal Code of Chicago is hereby amended by deleting the language struck through and by inserting the language underscored, as follows:"),
    plain("CHAPTER 2-173 WELCOMING CITY ORDINANCE"),
    plain("(Omitted text is unaffected by this ordinance)"),
    plain("2-173-020 Requesting information prohibited."),
    { runs: [["plain", "No agent or agency shall ask any person about"], [deleted, ", or investigate,"], ["plain", " the citizenship or immigration status of that person or of any other person, unless a statute of this State, a federal regulation or a decision of a court of competent jurisdiction requires the inquiry or investigation."]] },
    struck("2-173-030 Disclosing information prohibited."),
    struck(section(fixtureBase(), "2-173-030").blocks[0]!.text),
    underlined("2-173-035 Training."),
    underlined("(a) Every agent shall be trained in the requirements of this chapter.", 1),
    underlined("(b) The training shall be repeated each year.", 1),
    plain("(Omitted text is unaffected by this ordinance)"),
    plain("2-173-050 No private cause of action."),
    { runs: [["plain", "This chapter shall never be construed "], [deleted, "to create"], ["plain", " anything."]] },
    plain("SECTION 2. Section 2-173-070 of the Municipal Code of Chicago is hereby repealed in its entirety."),
    plain("SECTION 3. This ordinance shall take effect upon its passage and publication."),
    plain("______________________________"),
    plain("Carlos Ramirez-Rosa"),
    plain("Alderman, 35th Ward"),
    plain("Co-sponsors:"),
    plain("2-173-999 Not a section but a co-sponsor line that looks like one."),
  ];
}

/** The draft the hand-made ordinance describes, built on the model by hand. */
function expectedHandDraft(): OrdinanceDocument {
  const base = fixtureBase();
  const chapter = base.chapters[0]!;
  const s020 = section(base, "2-173-020");
  const first = s020.blocks[0]!;
  const edited020: Section = { ...s020, blocks: [{ ...first, text: first.text.replace("about, or investigate, the", "about the") }, ...s020.blocks.slice(1)] };
  const training = parseCodeText("CHAPTER 2-173\n\n2-173-035 Training.\n\n    (a) Every agent shall be trained in the requirements of this chapter.\n\n    (b) The training shall be repeated each year.\n").document.chapters[0]!.sections[0]!;
  const sections = chapter.sections.flatMap((existing) => {
    if (existing.number === "2-173-020") return [edited020];
    if (existing.number === "2-173-030") return [training];
    return existing.number === "2-173-070" ? [] : [existing];
  });
  return { ...base, chapters: [{ ...chapter, sections }] };
}

describe("an amending ordinance made elsewhere", () => {
  it.each([["struck", "underlined"], ["del", "ins"]] as const)("is merged into the base (%s / %s): edits, a deleted, a new and a repealed section", async (deleted, inserted) => {
    const base = fixtureBase();
    const { draft, warnings } = await importWordDraft(await handMadeDocx(handOrdinance(deleted, inserted)), base, parseXml);
    expect(serializeDocument(draft)).toBe(serializeDocument(expectedHandDraft()));
    // The reprinted 2-173-050 paragraph quotes words the base does not have: reported, base kept.
    expect(warnings).toEqual([{ paragraph: 16, text: "This chapter shall never be construed anything.", reason: expect.stringContaining("matches no paragraph of section 2-173-050 in the base") }]);
    expect(section(draft, "2-173-050")).toBe(section(base, "2-173-050"));
  });

  it("reads the same ordinance without indentation, nesting new paragraphs by their enumerators", async () => {
    const flat = handOrdinance("struck", "underlined").map((paragraph) => ({ runs: paragraph.runs }));
    const { draft } = await importWordDraft(await handMadeDocx(flat), fixtureBase(), parseXml);
    expect(section(draft, "2-173-035").blocks.map((block) => block.kind === "paragraph" && block.level)).toEqual([1, 1]);
  });

  it("reports a repeal or a reprint of a section the base does not have", async () => {
    const paragraphs = await readDocxParagraphs(await handMadeDocx([
      plain("BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:"),
      plain("SECTION 1. Section 2-173-031 of the Municipal Code of Chicago is hereby repealed in its entirety."),
      plain("SECTION 2. Section 2-173-032 of the Municipal Code of Chicago is hereby amended by deleting the language struck through, as follows:"),
      plain("2-173-032 Nothing."),
      { runs: [["struck", "Some words."]] },
    ]), parseXml);
    const { draft, warnings } = draftFromWordParagraphs(fixtureBase(), paragraphs);
    expect(draft).toEqual(fixtureBase());
    expect(warnings.map((warning) => warning.reason)).toEqual(["section 2-173-032 is reprinted but is not in the base; its changes were not applied", "section 2-173-031 is repealed but is not in the base"]);
  });
});

describe("SECTION labels standing alone", () => {
  it("reads the formula from the next paragraph", async () => {
    const base = fixtureBase();
    const bytes = await handMadeDocx([
      plain("ORDINANCE"),
      plain("SECTION 1."),
      plain("Section 2-173-070 of the Municipal Code of Chicago is hereby repealed in its entirety."),
      plain("SECTION 2."),
      plain("This ordinance shall take effect upon its passage and publication."),
      plain("Scott Waguespack (32nd Ward)"),
    ]);
    const { draft, warnings } = await importWordDraft(bytes, base, parseXml);
    expect(warnings).toEqual([]);
    expect(draft.chapters[0]!.sections.map((each) => each.number)).toEqual(base.chapters[0]!.sections.map((each) => each.number).filter((number) => number !== "2-173-070"));
  });
});

describe("a whole chapter in Word", () => {
  it("reads a redlined chapter's draft side through the Code importer", async () => {
    const baseText = serializeDocument(fixtureBase());
    const lines = baseText.split("\n").filter((line) => line !== "");
    const paragraphs: HandParagraph[] = lines.map((line) => {
      const level = (/^ */.exec(line)![0].length) / 4;
      const text = line.trim();
      if (text.startsWith("No agent or agency shall disclose, in any form,")) {
        return { runs: [["plain", "No agent or agency shall disclose"], ["struck", ", in any form,"], ["plain", text.slice("No agent or agency shall disclose, in any form,".length)]] };
      }
      if (text.includes("of the person seeking it")) {
        const [before, after] = text.split("seeking");
        return { runs: [["plain", before!], ["struck", "seeking"], ["underlined", "requesting"], ["plain", after!]] };
      }
      return plain(text, level);
    });
    const { draft, form } = await importWordDraft(await handMadeDocx(paragraphs), fixtureBase(), parseXml);
    expect(form).toBe("chapter");
    const expected = parseCodeText(baseText.replace("disclose, in any form, information", "disclose information").replace("person seeking it", "person requesting it")).document;
    expect(draft).toEqual(expected);
  });

  it("refuses a Word file that is neither an ordinance nor the chapter", async () => {
    const bytes = await handMadeDocx([plain("Dear Alderman,"), plain("Please find our comments attached."), plain("2-173-010 Definitions.")]);
    await expect(importWordDraft(bytes, fixtureBase(), parseXml)).rejects.toThrow(/neither an amending ordinance .* nor a copy of Chapter 2-173/);
  });
});

describe("merging reprinted lines into base lines", () => {
  type Line = { base: string; draft: string };
  const line = (base: string, draft: string): ReprintEntry<Line> => ({ kind: "line", line: { base, draft } });
  const omitted: ReprintEntry<Line> = { kind: "omitted" };
  function merged(base: string[], entries: ReprintEntry<Line>[]): { lines: string[]; uncertain: string[]; unmatched: string[] } {
    const { steps, unmatched } = mergeSequence({ base, baseKey: (item) => item, lineKey: (text) => text, entries });
    return {
      lines: steps.flatMap((step) => (step.kind === "keep" ? [step.base] : step.kind === "delete" ? [] : [step.line.draft])),
      uncertain: steps.flatMap((step) => (step.kind === "insert" && step.uncertain ? [step.line.draft] : [])),
      unmatched: unmatched.map((item) => item.base),
    };
  }

  it("replaces and deletes matched lines and keeps omitted ones", () => {
    expect(merged(["a", "b", "c", "d"], [omitted, line("b", "B"), omitted, line("d", "")]).lines).toEqual(["a", "B", "c"]);
  });

  it("puts a new line next to the reprinted line it is not separated from by omitted text", () => {
    // After omitted text and right before "d": it goes before "d", not after "b".
    expect(merged(["a", "b", "c", "d"], [omitted, line("b", "B"), omitted, line("", "X"), line("d", "D")]).lines).toEqual(["a", "B", "c", "X", "D"]);
    // Right after "a", omitted text after it: it goes after "a".
    expect(merged(["a", "b", "c"], [line("a", "a"), line("", "Y"), omitted]).lines).toEqual(["a", "Y", "b", "c"]);
    // After omitted text at the end: it goes at the end.
    expect(merged(["a", "b", "c"], [omitted, line("", "Z")]).lines).toEqual(["a", "b", "c", "Z"]);
  });

  it("flags a new line with omitted text on both sides as uncertain, and reports lines that match nothing", () => {
    const result = merged(["a", "b", "c"], [line("a", "A"), omitted, line("", "W"), omitted, line("q", "Q")]);
    expect(result).toEqual({ lines: ["A", "W", "b", "c"], uncertain: ["W"], unmatched: ["q"] });
  });

  it("matches repeated lines in order", () => {
    expect(merged(["x", "y", "x"], [omitted, line("y", "y"), line("x", "X2")]).lines).toEqual(["x", "y", "X2"]);
  });
});
