/**
 * Word files from another office: LibreOffice saves flat ODT texts written in the project's
 * own shapes as .docx, with enumerators as automatic list numbering ("(%1)" levels, a new list
 * per section, start values where a reprint resumes after omitted text) and marks as named
 * character and paragraph styles. The import must give back the chapter or the amended text;
 * and LibreOffice's own plain-text rendering of the same .docx (which prints the list labels it
 * computes) must read, paragraph for paragraph, as the runs the importer read.
 * Without `soffice` the tests are skipped locally and fail in CI (CI installs LibreOffice).
 */
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { buildCleanChapter, buildOrdinance, DEFAULT_EXPORT_SETTINGS } from "../../src/core/export";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { compare } from "../../src/core/redline";
import { importWordDraft, readDocxParagraphs } from "../../src/core/wordImport";
import { cleanLine } from "../../src/core/wordImport/sides";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { libreOfficeConvert, ordinanceFodt } from "../support/odtFiles";
import { onPath, parseXml } from "../support/wordFiles";

const available = onPath("soffice");
const inCi = Boolean(process.env.CI);

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

/** LibreOffice's text of each paragraph against the importer's (all runs, both sides), cleaned alike. */
async function renderedAndRead(docx: Uint8Array): Promise<{ rendered: string[]; read: string[] }> {
  const [txt] = await libreOfficeConvert([{ extension: "docx", text: docx }], "txt");
  const rendered = new TextDecoder().decode(txt).replace(/^\ufeff/, "").split(/\r?\n/).map(cleanLine).filter((line) => line !== "");
  const read = (await readDocxParagraphs(docx, parseXml)).map((paragraph) => cleanLine(paragraph.runs.map((run) => run.text).join(""))).filter((line) => line !== "");
  return { rendered, read };
}

describe("a .docx saved by LibreOffice with list numbering and named styles", () => {
  if (!available && inCi) {
    it("needs LibreOffice in CI", () => { expect.fail("soffice not on PATH: CI must install libreoffice-writer"); });
    return;
  }

  it.skipIf(!available)(`imports the clean chapter with its enumerators and levels from numbering.xml${available ? "" : " (skipped: soffice not on PATH)"}`, async () => {
    const base = fixtureBase();
    const amended = fixtureAmended();
    const [docx] = await libreOfficeConvert([{ extension: "fodt", text: ordinanceFodt(buildCleanChapter(amended), { lists: true, marks: "direct" }) }], "docx");
    // The file's shape: enumerators are list labels, not text.
    const body = await part(docx!, "word/document.xml");
    expect(body.match(/<w:numPr>/g)!.length).toBeGreaterThanOrEqual(40);
    expect(body).not.toContain("(a) The City of Chicago");
    expect(await part(docx!, "word/numbering.xml")).toContain('<w:lvlText w:val="(%1)"/>');

    const { draft, form, warnings } = await importWordDraft(docx!, base, parseXml);
    expect(form).toBe("chapter");
    expect(warnings).toEqual([]);
    expect(serializeDocument(draft)).toBe(serializeDocument(amended));
    expect(compare(base, draft).changes.length).toBe(compare(base, amended).changes.length);

    const { rendered, read } = await renderedAndRead(docx!);
    expect(read).toEqual(rendered);
  }, 120_000);

  it.skipIf(!available)(`imports an amending ordinance whose marks are named styles and whose reprints resume numbering after omitted text${available ? "" : " (skipped: soffice not on PATH)"}`, async () => {
    const base = fixtureBase();
    const amended = fixtureAmended();
    const ordinance = buildOrdinance({ base, draft: amended, settings: { ...DEFAULT_EXPORT_SETTINGS, recitals: ["the Council wishes to protect residents"] } });
    const [docx] = await libreOfficeConvert([{ extension: "fodt", text: ordinanceFodt(ordinance, { lists: true, marks: "styles" }) }], "docx");
    const body = await part(docx!, "word/document.xml");
    expect(body).toContain('<w:rStyle w:val="Deletedwords"/>');
    expect(body).toContain('<w:rStyle w:val="Insertedwords"/>');
    expect(body).toContain('<w:pStyle w:val="Newparagraph"/>');
    expect(body).not.toMatch(/<w:(strike|dstrike|u)\b/);
    expect(await part(docx!, "word/numbering.xml")).toContain("<w:startOverride");

    const { draft, form, warnings } = await importWordDraft(docx!, base, parseXml);
    expect(form).toBe("ordinance");
    expect(warnings).toEqual([]);
    expect(serializeDocument(draft)).toBe(serializeDocument(amended));

    const { rendered, read } = await renderedAndRead(docx!);
    expect(read.filter((line) => !line.includes("\u00b6"))).toEqual(rendered.filter((line) => !line.includes("\u00b6")));
  }, 120_000);
});
