/**
 * Word files built to exhaust the importer: a package that unpacks to a gigabyte (honestly
 * declared, or declared as a few kilobytes), XML parts with document type and entity
 * declarations, and bodies nested thousands deep. Each is refused with a plain message, or
 * read, quickly and without a RangeError; nothing is returned on refusal.
 */
import { describe, expect, it } from "vitest";
import { importWordDraft, readDocxParagraphs, WordImportError } from "../../src/core/wordImport";
import { checkDeclaredSizes, zipEntrySizes } from "../../src/core/wordImport/docxPackage";
import { fixtureBase } from "../support/fixtures";
import { honestEntry, rawZip, repeatedDeflate } from "../support/rawZip";
import { docxFromBody, parseXml, zipOf } from "../support/wordFiles";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`;
const CLOSE = "</w:t></w:r></w:p></w:body></w:document>";
const MEGABYTE = "The words of a section repeated. ".repeat(32 * 1024).slice(0, 1024 * 1024);

async function refusal(bytes: Uint8Array): Promise<{ message: string; ms: number }> {
  const started = performance.now();
  try {
    await readDocxParagraphs(bytes, parseXml);
  } catch (error) {
    expect(error).toBeInstanceOf(WordImportError);
    return { message: (error as Error).message, ms: performance.now() - started };
  }
  throw new Error("the file was accepted");
}

describe("a .docx that unpacks far beyond its size", () => {
  it("is refused from its central directory when it declares a gigabyte of text in a megabyte", async () => {
    const body = repeatedDeflate(OPEN, MEGABYTE, 1024, CLOSE);
    const bytes = rawZip([{ name: "word/document.xml", deflated: body.deflated, declaredSize: body.size, crc: body.crc }]);
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    const { message, ms } = await refusal(bytes);
    expect(message).toMatch(/^The Word file was refused: its document body \(word\/document\.xml\) would unpack from [\d.]+ [KM]B to 1\.0 GB, \d+ times its packed size/);
    expect(ms).toBeLessThan(1000);
  }, 30_000);

  it("stops inflating as soon as a part yields more than its declared size", async () => {
    const body = repeatedDeflate(OPEN, MEGABYTE, 1024, CLOSE);
    const bytes = rawZip([{ name: "word/document.xml", deflated: body.deflated, declaredSize: 10_000, crc: body.crc }]);
    const before = process.memoryUsage().heapUsed;
    const { message, ms } = await refusal(bytes);
    expect(message).toBe("The Word file is damaged: its document body (word/document.xml) unpacks to more than the 10 KB its package declares.");
    expect(ms).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  }, 30_000);

  it("reads sizes from the central directory and refuses parts over the total limit or out of proportion", async () => {
    const bytes = rawZip([honestEntry("word/document.xml", `${OPEN}Text${CLOSE}`), honestEntry("word/styles.xml", "<w:styles/>")]);
    expect(zipEntrySizes(bytes)).toEqual([
      { name: "word/document.xml", packed: expect.any(Number), unpacked: OPEN.length + 4 + CLOSE.length },
      { name: "word/styles.xml", packed: expect.any(Number), unpacked: 11 },
    ]);
    const parts = ["word/document.xml", "word/styles.xml"];
    const mb = 1024 * 1024;
    expect(() => checkDeclaredSizes([{ name: "word/document.xml", packed: 15 * mb, unpacked: 90 * mb }, { name: "word/styles.xml", packed: 2 * mb, unpacked: 20 * mb }], parts)).toThrow(/^The Word file is too large to import: its text unpacks to 110\.0 MB; the limit is 100\.0 MB\.$/);
    expect(() => checkDeclaredSizes([{ name: "word/styles.xml", packed: 10_000, unpacked: 2 * mb }], parts)).toThrow(/its styles \(word\/styles\.xml\) would unpack from 10 KB to 2\.0 MB, 210 times/);
    // Parts the reader does not use are not inflated, so their sizes do not count.
    expect(() => checkDeclaredSizes([{ name: "word/media/image1.png", packed: 10, unpacked: 500 * mb }], parts)).not.toThrow();
    expect(() => checkDeclaredSizes([{ name: "word/document.xml", packed: 5 * mb, unpacked: 60 * mb }], parts)).not.toThrow();
  });
});

describe("document type and entity declarations", () => {
  const laughs = `<!DOCTYPE w:document [<!ENTITY a "ha ha ha ha ha ha ha ha ha ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;

  it("are refused in the document body before it is parsed", async () => {
    const bytes = await zipOf({ "word/document.xml": `<?xml version="1.0"?>${laughs}<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>` });
    expect((await refusal(bytes)).message).toBe("The Word file was refused: its document body (word/document.xml) declares a document type or entities (<!DOCTYPE or <!ENTITY), which Word never writes and which can make a small file expand without limit.");
    await expect(importWordDraft(bytes, fixtureBase(), parseXml)).rejects.toThrow(WordImportError);
  });

  it("are refused in the styles and numbering parts too, and an external entity alone is refused", async () => {
    const body = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Text</w:t></w:r></w:p></w:body></w:document>`;
    const styles = await zipOf({ "word/document.xml": body, "word/styles.xml": `<?xml version="1.0"?>${laughs}<w:styles xmlns:w="${W}"/>` });
    expect((await refusal(styles)).message).toMatch(/^The Word file was refused: its styles \(word\/styles\.xml\) declares a document type/);
    const numbering = await zipOf({ "word/document.xml": body, "word/numbering.xml": `<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><w:numbering xmlns:w="${W}"/>` });
    expect((await refusal(numbering)).message).toMatch(/^The Word file was refused: its list numbering \(word\/numbering\.xml\) declares a document type/);
  });
});

describe("deeply nested bodies", () => {
  it("reads a paragraph inside 3,000 nested tables", async () => {
    const depth = 3000;
    const bytes = await docxFromBody(`${"<w:tbl><w:tr><w:tc>".repeat(depth)}<w:p><w:r><w:t>Deep text.</w:t></w:r></w:p>${"</w:tc></w:tr></w:tbl>".repeat(depth)}<w:p><w:r><w:t>After.</w:t></w:r></w:p>`);
    expect(await readDocxParagraphs(bytes, parseXml)).toEqual([{ indent: null, runs: [{ text: "Deep text.", side: "both" }] }, { indent: null, runs: [{ text: "After.", side: "both" }] }]);
  }, 30_000);

  it("reads runs inside 10,000 nested insertions, and nothing of text inserted and deleted again", async () => {
    const depth = 10_000;
    const inserted = `<w:p>${"<w:ins>".repeat(depth)}<w:r><w:t>Inserted words.</w:t></w:r>${"</w:ins>".repeat(depth)}</w:p>`;
    const ghost = `<w:p>${"<w:ins><w:del>".repeat(depth / 2)}<w:r><w:delText>Gone.</w:delText></w:r>${"</w:del></w:ins>".repeat(depth / 2)}<w:r><w:t>Kept.</w:t></w:r></w:p>`;
    const paragraphs = await readDocxParagraphs(await docxFromBody(inserted + ghost), parseXml);
    expect(paragraphs).toEqual([{ indent: null, runs: [{ text: "Inserted words.", side: "draft" }] }, { indent: null, runs: [{ text: "Kept.", side: "both" }] }]);
  }, 30_000);
});
