/**
 * Fault 8 of issue 9: a replacement is printed "struck underscored" with exactly one space
 * between the struck and the underscored words, in every output — the redline's text and HTML,
 * and the ordinance's text, HTML and .docx — while the changes' texts stay exact slices, the
 * clean chapter is untouched and our own redline .docx reads back to the same draft.
 */
import { describe, expect, it, beforeEach } from "vitest";
import { buildOrdinance, cleanText, renderOrdinance, writeDocx, writeHtml, writeText, DEFAULT_EXPORT_SETTINGS } from "../../src/core/export";
import { withMarksOnWords, type Run } from "../../src/core/export/exportDocument";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { serializeDocument } from "../../src/core/model/canonicalText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare, formatHtml, formatText } from "../../src/core/redline";
import { importWordDraft } from "../../src/core/wordImport";
import { markedText, readDocx } from "../support/docxReadBack";
import { parseXml } from "../support/wordFiles";

function chapter(...paragraphs: string[]): OrdinanceDocument {
  return parseCodeText(`CHAPTER 2-173 TEST\n\n2-173-020 Test.\n\n${paragraphs.join("\n\n")}\n`).document;
}

const base = chapter(
  "(a) The safety of all residents depends on trust.",
  "(b) No agent shall rely on a warrant issued by ICE.",
  "(c) A person may seek relief.",
);
const draft = chapter(
  "(a) The safety of all people depends on trust.",
  "(b) A new rule about records.",
  "(c) No agent shall rely upon a warrant issued by ICE.",
  "(d) A person may seek relief;",
);

describe("a replacement keeps one space between struck and underscored words", () => {
  // Per test, so that mutation testing sees which tests cover the engine's code.
  let redline!: ReturnType<typeof compare>;
  beforeEach(() => {
    redline = compare(base, draft);
  });

  it("in the redline's text output", () => {
    const text = formatText(redline);
    expect(text).toContain("all [-residents-] {+people+} depends");
    expect(text).toContain("rely [-on-] {+upon+} a warrant");
    expect(text).toContain("([-b-] {+c+}) No agent");
    expect(text).toContain("([-c-] {+d+}) A person may seek relief[-.-] {+;+}");
    expect(text).not.toMatch(/-\]\{\+/);
  });

  it("in the redline's HTML", () => {
    const html = formatHtml(redline);
    expect(html).toMatch(/all <del[^>]*>residents<\/del> <ins[^>]*>people<\/ins> depends/);
    expect(html).not.toMatch(/<\/del><ins/);
  });

  it("while each change's texts stay exact slices", () => {
    const residents = redline.changes.find((change) => change.deleted === "residents")!;
    expect(residents.inserted).toBe("people");
    expect(redline.baseText.slice(residents.fromA, residents.toA)).toBe("residents");
    expect(redline.draftText.slice(residents.fromB, residents.toB)).toBe("people");
  });

  // Per test, so that mutation testing sees which tests cover the engine's code.
  let ordinance!: ReturnType<typeof buildOrdinance>;
  beforeEach(() => {
    ordinance = buildOrdinance({ base, draft });
  });

  it("in the ordinance's text and HTML", () => {
    const text = writeText(ordinance);
    expect(text).toContain("all [-residents-] {+people+} depends");
    expect(text).toContain("rely [-on-] {+upon+} a warrant");
    expect(text).toContain("([-b-] {+c+}) No agent");
    expect(text).not.toMatch(/-\]\{\+/);
    const html = writeHtml(ordinance);
    expect(html).toContain("all <del>residents</del> <ins>people</ins> depends");
    expect(html).not.toContain("</del><ins>");
  });

  it("in the ordinance's .docx", async () => {
    const doc = await readDocx(await writeDocx(ordinance));
    const lines = doc.paragraphs.map(markedText);
    expect(lines).toContain("(a) The safety of all [-residents-] {+people+} depends on trust.");
    expect(lines.some((line) => line.includes("rely [-on-] {+upon+} a warrant"))).toBe(true);
    expect(lines.every((line) => !/-\]\{\+/.test(line))).toBe(true);
  });

  it("but not between the revisions of the tracked-changes .docx, so accepting them gives the exact text", () => {
    const runs: Run[] = [
      { text: "all ", style: "plain" },
      { text: "residents", style: "struck", revision: { author: "A", kind: "delete" } },
      { text: "people", style: "underscored", revision: { author: "A", kind: "insert" } },
      { text: " depends", style: "plain" },
    ];
    expect(withMarksOnWords(runs).map((run) => run.text)).toEqual(["all ", "residents", "people", " depends"]);
  });

  it("and the clean chapter is the draft's canonical text", () => {
    expect(cleanText(draft)).toBe(serializeDocument(draft));
    expect(cleanText(draft)).toContain("all people depends");
  });

  it("and our own redline .docx reads back to the same draft", async () => {
    for (const grouping of ["chapter", "section"] as const) {
      const bytes = await renderOrdinance({ base, draft, format: "docx", settings: { ...DEFAULT_EXPORT_SETTINGS, grouping } }) as Uint8Array;
      const imported = await importWordDraft(bytes, base, parseXml);
      expect(imported.warnings).toEqual([]);
      expect(serializeDocument(imported.draft)).toBe(serializeDocument(draft));
    }
  });
});

describe("the space between struck and underscored runs", () => {
  const plain = (text: string): Run => ({ text, style: "plain" });
  const struck = (text: string): Run => ({ text, style: "struck" });
  const under = (text: string): Run => ({ text, style: "underscored" });
  const texts = (runs: Run[]) => withMarksOnWords(runs).map((run) => `${run.style[0]}:${run.text}`);

  it("is added when the two touch", () => {
    expect(texts([plain("a "), struck("b"), under("c"), plain(" d")])).toEqual(["p:a ", "s:b", "p: ", "u:c", "p: d"]);
  });
  it("is exactly one when spaces were already there", () => {
    expect(texts([plain("a "), struck("b "), under(" c"), plain(" d")])).toEqual(["p:a ", "s:b", "p: ", "u:c", "p: d"]);
    expect(texts([struck("b"), plain("  "), under("c")])).toEqual(["s:b", "p: ", "u:c"]);
  });
  it("is not added between an underscored run and a struck one, nor around plain text", () => {
    expect(texts([under("c"), struck("b")])).toEqual(["u:c", "s:b"]);
    expect(texts([struck("b"), plain("x"), under("c")])).toEqual(["s:b", "p:x", "u:c"]);
  });
  it("keeps a bold heading's separator bold", () => {
    const runs = withMarksOnWords([{ text: "file", style: "struck", bold: true }, { text: "record", style: "underscored", bold: true }]);
    expect(runs).toEqual([{ text: "file", style: "struck", bold: true }, { text: " ", style: "plain", bold: true }, { text: "record", style: "underscored", bold: true }]);
  });
});
