/**
 * Hand-written WordprocessingML for what LibreOffice's files do not show: list numbering in
 * every format with start values, overrides, shared abstract lists, bullets and restarts;
 * strike and underline through w:basedOn chains of character and paragraph styles; and tracked
 * revisions of a plain strike/underline redline that withdraw a proposal. Expected labels and
 * texts are written out by hand as Word shows them.
 */
import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { importWordDraft, readDocxParagraphs, sideText } from "../../src/core/wordImport";
import { fixtureBase } from "../support/fixtures";
import { docxFromBody, handMadeDocx, parseXml, plain } from "../support/wordFiles";

const paragraph = (numId: number | null, level: number, text: string, properties = "") =>
  `<w:p><w:pPr>${numId === null ? "" : `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`}${properties}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

const lvl = (level: number, format: string, text: string, extra = "") =>
  `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}<w:pPr><w:ind w:left="${720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;

const NUMBERING = `
  <w:abstractNum w:abstractNumId="10">${lvl(0, "lowerLetter", "(%1)")}${lvl(1, "decimal", "(%2)")}${lvl(2, "upperLetter", "(%3)")}${lvl(3, "lowerRoman", "(%4)")}${lvl(4, "upperRoman", "%1.%2.%5", '<w:suff w:val="nothing"/>')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:lvlRestart w:val="0"/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="30"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="30"/></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="24"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="[%1]"/></w:lvl></w:lvlOverride></w:num>`;

async function texts(body: string, parts: { styles?: string; numbering?: string }): Promise<Array<[string, number | null]>> {
  const paragraphs = await readDocxParagraphs(await docxFromBody(body, parts), parseXml);
  return paragraphs.map((each) => [each.runs.map((run) => run.text).join(""), each.indent]);
}

describe("automatic list numbering", () => {
  it("shows each level's label as Word counts it: formats, nesting, restarts of lower levels and overrides", async () => {
    const body = [
      paragraph(1, 0, "First."), paragraph(1, 1, "One."), paragraph(1, 1, "Two."), paragraph(1, 2, "Capital."), paragraph(1, 3, "Roman one."),
      paragraph(1, 3, "Roman two."), paragraph(1, 3, "Roman three."), paragraph(1, 3, "Roman four."), paragraph(1, 4, "Deep."),
      paragraph(1, 0, "Second."), paragraph(1, 1, "One again."),
      paragraph(null, 0, "Not numbered."),
      paragraph(3, 0, "Third, continuing the shared list."),
      paragraph(2, 0, "Restarted by an override."), paragraph(2, 0, "Then counting on."),
      paragraph(0, 0, "numId 0 ends numbering."),
      paragraph(4, 0, "Starts at three."), paragraph(4, 1, "Sub a."), paragraph(4, 0, "Four."), paragraph(4, 1, "Sub b, never restarted."),
      paragraph(5, 0, "A bullet shows no enumerator."),
      paragraph(6, 0, "An overriding level definition."), paragraph(6, 0, "After X."), paragraph(6, 0, "After Y."), paragraph(6, 0, "After Z."),
      // Level 1 of the shared abstract list restarts after the level-0 paragraphs of numId 6.
      paragraph(1, 1, "Own indentation.", '<w:ind w:left="300"/>'),
    ].join("");
    expect(await texts(body, { numbering: NUMBERING })).toEqual([
      ["(a) First.", 720], ["(1) One.", 1440], ["(2) Two.", 1440], ["(A) Capital.", 2160], ["(i) Roman one.", 2880],
      ["(ii) Roman two.", 2880], ["(iii) Roman three.", 2880], ["(iv) Roman four.", 2880], ["a.2.IDeep.", 3600],
      ["(b) Second.", 720], ["(1) One again.", 1440],
      ["Not numbered.", null],
      ["(c) Third, continuing the shared list.", 720],
      ["(a) Restarted by an override.", 720], ["(b) Then counting on.", 720],
      ["numId 0 ends numbering.", null],
      ["3. Starts at three.", null], ["(a) Sub a.", null], ["4. Four.", null], ["(b) Sub b, never restarted.", null],
      ["A bullet shows no enumerator.", null],
      ["[X] An overriding level definition.", null], ["[Y] After X.", null], ["[Z] After Y.", null], ["[AA] After Z.", null],
      ["(1) Own indentation.", 300],
    ]);
  });

  it("takes numbering from the paragraph style (through its chain) and gives the label the paragraph mark's side", async () => {
    const styles = `
      <w:style w:type="paragraph" w:styleId="ListBase"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Subsection"><w:basedOn w:val="ListBase"/></w:style>
      <w:style w:type="paragraph" w:styleId="Item"><w:basedOn w:val="ListBase"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>`;
    const body = `
      <w:p><w:pPr><w:pStyle w:val="Subsection"/></w:pPr><w:r><w:t>Kept.</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="Item"/></w:pPr><w:r><w:t>An item.</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="Subsection"/><w:rPr><w:ins w:id="1" w:author="A"/></w:rPr></w:pPr><w:ins w:id="2" w:author="A"><w:r><w:t>Inserted.</w:t></w:r></w:ins></w:p>
      <w:p><w:pPr><w:pStyle w:val="Subsection"/></w:pPr><w:r><w:rPr><w:strike/></w:rPr><w:t>Struck.</w:t></w:r></w:p>`;
    const paragraphs = await readDocxParagraphs(await docxFromBody(body, { styles, numbering: NUMBERING }), parseXml);
    expect(paragraphs.map((each) => each.runs)).toEqual([
      [{ text: "(a) Kept.", side: "both" }],
      [{ text: "(1) An item.", side: "both" }],
      [{ text: "(b) Inserted.", side: "draft" }],
      [{ text: "(c) Struck.", side: "base" }],
    ]);
  });
});

describe("strike and underline from styles", () => {
  const styles = `
    <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
    <w:style w:type="character" w:styleId="Marked"><w:rPr><w:strike/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="Removed"><w:basedOn w:val="Marked"/><w:rPr><w:b/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="RemovedLanguage"><w:basedOn w:val="Removed"/></w:style>
    <w:style w:type="character" w:styleId="Doubled"><w:rPr><w:dstrike w:val="1"/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="Added"><w:rPr><w:u w:val="wave"/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="NotAdded"><w:basedOn w:val="Added"/><w:rPr><w:u w:val="none"/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>
    <w:style w:type="character" w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
    <w:style w:type="paragraph" w:styleId="Underlined"><w:rPr><w:u w:val="thick"/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="NewText"><w:basedOn w:val="Underlined"/></w:style>`;
  const run = (style: string | null, text: string, direct = "") => `<w:r><w:rPr>${style ? `<w:rStyle w:val="${style}"/>` : ""}${direct}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

  it("reads character styles through basedOn, w:dstrike, any underline but none, and paragraph styles' run properties", async () => {
    const body = `
      <w:p>${run(null, "Plain ")}${run("RemovedLanguage", "struck by a chain ")}${run("Doubled", "double struck ")}${run("Added", "wavy underline ")}${run("NotAdded", "underline undone ")}${run("LoopA", "loop ")}${run("Added", "direct none", '<w:u w:val="none"/>')}</w:p>
      <w:p><w:pPr><w:pStyle w:val="NewText"/></w:pPr>${run(null, "A new paragraph, ")}${run(null, "except these words", '<w:u w:val="none"/>')}</w:p>`;
    const paragraphs = await readDocxParagraphs(await docxFromBody(body, { styles }), parseXml);
    expect(paragraphs.map((each) => each.runs)).toEqual([
      [{ text: "Plain ", side: "both" }, { text: "struck by a chain double struck ", side: "base" }, { text: "wavy underline ", side: "draft" }, { text: "underline undone loop direct none", side: "both" }],
      [{ text: "A new paragraph, ", side: "draft" }, { text: "except these words", side: "both" }],
    ]);
  });
});

describe("tracked revisions of a strike/underline redline", () => {
  it("read a tracked deletion of underscored words, or insertion of struck words, as a withdrawn proposal on neither side", async () => {
    const body = `<w:p>
      <w:r><w:t xml:space="preserve">The agency </w:t></w:r>
      <w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">shall </w:t></w:r>
      <w:del w:id="1" w:author="Reviewer"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:delText xml:space="preserve">promptly </w:delText></w:r></w:del>
      <w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">may </w:t></w:r>
      <w:ins w:id="2" w:author="Reviewer"><w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">never </w:t></w:r></w:ins>
      <w:r><w:t>report.</w:t></w:r></w:p>`;
    const [read] = await readDocxParagraphs(await docxFromBody(body), parseXml);
    expect(sideText(read!, "base")).toBe("The agency may report.");
    expect(sideText(read!, "draft")).toBe("The agency shall report.");
  });

  it("keep a new paragraph of which a reviewer deleted some words, and the rest of the ordinance", async () => {
    const base = fixtureBase();
    const bytes = await handMadeDocx([
      plain("ORDINANCE"),
      plain("BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:"),
      plain("SECTION 1. Section 2-173-070 of the Municipal Code of Chicago is hereby amended by inserting the language underscored, as follows:"),
      plain("2-173-070 Severability."),
      plain("(Omitted text is unaffected by this ordinance)"),
      { runs: [["underlined", "Each part of this chapter stands "], ["del", "entirely and forever "], ["underlined", "on its own."]] },
      plain("SECTION 2. This ordinance shall take effect upon its passage and publication."),
    ]);
    // The deleted run is a tracked deletion inside underscored text: rewrite it so the deleted words are underscored too.
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    const withUnderline = xml.replace(/(<w:del\b[^>]*>\s*<w:r>\s*<w:rPr>)/, '$1<w:u w:val="single"/>').replace(/(<w:del\b[^>]*>\s*<w:r>)(\s*<w:delText)/, '$1<w:rPr><w:u w:val="single"/></w:rPr>$2');
    expect(withUnderline).not.toBe(xml);
    zip.file("word/document.xml", withUnderline);
    const { draft, warnings } = await importWordDraft(new Uint8Array(await zip.generateAsync({ type: "uint8array" })), base, parseXml);
    expect(warnings.filter((warning) => !/place in section .* is uncertain/.test(warning.reason))).toEqual([]);
    const section = draft.chapters[0]!.sections.find((each) => each.number === "2-173-070")!;
    const baseSection = base.chapters[0]!.sections.find((each) => each.number === "2-173-070")!;
    expect(section.blocks.map((block) => block.text)).toEqual([...baseSection.blocks.filter((block) => block.kind === "paragraph").map((block) => block.text), "Each part of this chapter stands on its own.", ...baseSection.blocks.filter((block) => block.kind !== "paragraph").map((block) => block.text)]);
    expect(serializeDocument(draft)).toContain("Each part of this chapter stands on its own.");
  });
});
