/**
 * The writers over the Welcoming City fixture: the .docx (fonts, page, footer, real strike and
 * single underline), the HTML print view, the clean chapter (text and .docx), Word tracked
 * changes with their authors, and file names.
 */
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import {
  buildCleanChapter, buildOrdinance, cleanText, exportFileName, renderClean, renderOrdinance, writeDocx, writeHtml, writeText,
  type ExportDocument,
} from "../../src/core/export";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { compare } from "../../src/core/redline";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { markedText, readDocx } from "../support/docxReadBack";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { generateDocument } from "../../src/core/samples/generateChapter";
import { randomlyEdited } from "../../src/core/samples/editScripts";

const sponsors = parseSponsors(JSON.parse(fixtureText("sponsors.json")));
const base = fixtureBase();
const draft = fixtureAmended();
const ordinance = buildOrdinance({ base, draft, sponsors });

describe("docx writer", () => {
  it("writes Times New Roman 12 pt on US letter with 1-inch margins, a page number in the footer and no colour", async () => {
    const doc = await readDocx(await writeDocx(ordinance));
    expect(doc.stylesXml).toContain('w:ascii="Times New Roman"');
    expect(doc.stylesXml).toMatch(/<w:sz w:val="24"\/>/);
    expect(doc.documentXml).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(doc.documentXml).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/);
    expect(doc.footerXml).toContain("PAGE");
    expect(doc.documentXml).not.toMatch(/<w:color w:val="(?!000000|auto)/);
    expect(doc.documentXml).not.toContain("<w:highlight");
  });

  it("gives each block its own paragraph with the same words and marks as the text export", async () => {
    const doc = await readDocx(await writeDocx(ordinance));
    const fromDocx = doc.paragraphs.map((paragraph) => markedText(paragraph));
    const fromText = writeText(ordinance).trimEnd().split("\n\n").map((line) => line.trimStart());
    expect(fromDocx).toEqual(fromText);
  });

  it("marks with real single strikethrough and single underline, and the section headings bold", async () => {
    const doc = await readDocx(await writeDocx(ordinance));
    const [tocLine, heading] = doc.paragraphs.filter((paragraph) => paragraph.text.startsWith("2-173-060 Exchanging"));
    expect(tocLine!.runs.some((run) => run.bold)).toBe(false);
    expect(heading!.runs.map((run) => [run.text, run.struck, run.underlined, run.bold])).toEqual([
      ["2-173-060 Exchanging ", false, false, true],
      ["file", true, false, true],
      [" information ", false, false, true],
      ["with federal authorities", false, true, true],
      [".", false, false, true],
    ]);
    expect(doc.documentXml).not.toContain("w:dstrike");
    expect(doc.documentXml).not.toMatch(/w:u w:val="(?!single)/);
  });
});

describe("HTML writer (also the print view)", () => {
  const html = writeHtml(ordinance);

  it("is a complete document with <del> and <ins> and a print stylesheet for letter, 1 in, Times 12 pt, black", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("</html>");
    expect(html).toContain("<del>file</del>");
    expect(html).toContain("<ins>with federal authorities</ins>");
    expect(html).toMatch(/@page \{ size: letter; margin: 1in;/);
    expect(html).toMatch(/@media print \{[^}]*\}[^}]*color: #000 !important/);
    expect(html).toMatch(/font-family: "Times New Roman"/);
    expect(html).toContain("font-size: 12pt");
  });

  it("reads back, through a DOM parser, the same words and marks as the text export", async () => {
    const window = new Window();
    const page = new window.DOMParser().parseFromString(html, "text/html");
    const paragraphs = [...page.querySelectorAll("main > h1, main > p")].map((p) => [...p.childNodes].map((node) => {
      const text = node.textContent ?? "";
      return node.nodeName === "DEL" ? `[-${text}-]` : node.nodeName === "INS" ? `{+${text}+}` : text;
    }).join(""));
    await window.happyDOM.close();
    expect(paragraphs).toEqual(writeText(ordinance).trimEnd().split("\n\n").map((line) => line.trimStart()));
  });

  it("escapes all text", () => {
    const hostile: ExportDocument = { blocks: [{ kind: "code-paragraph", level: 0, runs: [{ text: `<script>alert("x")</script> & 'y'`, style: "underscored" }] }] };
    const out = writeHtml(hostile);
    expect(out).not.toContain("<script>");
    expect(out).toContain("<ins>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</ins>");
  });
});

describe("clean chapter", () => {
  it("as text equals the draft's canonical text exactly, on the fixture and on edited generated chapters", () => {
    expect(cleanText(draft)).toBe(fixtureText("amended.txt"));
    for (let seed = 1; seed <= 10; seed++) {
      const edited = randomlyEdited(generateDocument(seed, 6000), seed, 5);
      expect(cleanText(edited)).toBe(serializeDocument(edited));
    }
  });

  it("as .docx holds every line of the chapter once, unmarked, history notes included", async () => {
    const doc = await readDocx((await renderClean(draft, "docx")) as Uint8Array);
    const canonicalLines = serializeDocument(draft).split("\n").map((line) => line.trim()).filter((line) => line !== "");
    expect(doc.paragraphs.map((paragraph) => paragraph.text)).toEqual(canonicalLines);
    expect(doc.paragraphs.flatMap((paragraph) => paragraph.runs).some((run) => run.struck || run.underlined)).toBe(false);
    const historyNotes = draft.chapters.flatMap((chapter) => chapter.sections).flatMap((section) => section.blocks).filter((block) => block.kind === "history");
    expect(buildCleanChapter(draft).blocks.filter((block) => block.kind === "history").map((block) => block.runs[0]!.text)).toEqual(historyNotes.map((note) => note.text));
  });
});

describe("Word tracked changes", () => {
  it("writes every change as w:ins / w:del by the lead sponsor, or the sponsor annotated on the change", async () => {
    const redline = compare(base, draft);
    const annotated = redline.changes.find((change) => change.inserted.includes("with federal authorities"))!;
    const bytes = (await renderOrdinance({
      base, draft, sponsors, redline, format: "tracked-docx",
      authorsByChangeId: new Map([[annotated.id, "Scott Waguespack"]]), revisionDate: "2026-11-26T12:00:00Z",
    })) as Uint8Array;
    const doc = await readDocx(bytes);
    const revised = doc.paragraphs.flatMap((paragraph) => paragraph.runs).filter((run) => run.revision);
    expect(revised.length).toBeGreaterThan(20);
    expect(revised.every((run) => !run.struck && !run.underlined)).toBe(true);
    expect(revised.filter((run) => run.revision!.author === "Scott Waguespack").map((run) => run.text)).toEqual([annotated.inserted]);
    expect(new Set(revised.map((run) => run.revision!.author))).toEqual(new Set(["Carlos Ramirez-Rosa", "Scott Waguespack"]));
    expect(revised.every((run) => run.revision!.date === "2026-11-26T12:00:00Z")).toBe(true);
    expect(doc.documentXml).toContain("<w:del ");
    expect(doc.documentXml).toContain("<w:delText");
    expect(doc.documentXml).toContain("<w:ins ");
    // Accepting every revision gives the draft's words; rejecting every one gives the base's.
    const heading = doc.paragraphs.find((paragraph) => paragraph.text.includes("2-173-060 Exchanging") && paragraph.runs.some((run) => run.bold))!;
    const accepted = heading.runs.filter((run) => run.revision?.kind !== "delete").map((run) => run.text).join("");
    const rejected = heading.runs.filter((run) => run.revision?.kind !== "insert").map((run) => run.text).join("");
    expect(accepted).toBe("2-173-060 Exchanging information with federal authorities.");
    expect(rejected).toBe("2-173-060 Exchanging file information.");
  });
});

describe("file names", () => {
  it("are made of the chapter number and the date", () => {
    const day = new Date(2026, 10, 26, 15, 30);
    expect(exportFileName("ordinance", draft, day, "docx")).toBe("ordinance-2-173-2026-11-26.docx");
    expect(exportFileName("tracked", draft, day, "docx")).toBe("ordinance-2-173-tracked-2026-11-26.docx");
    expect(exportFileName("clean", draft, day, "txt")).toBe("chapter-2-173-clean-2026-11-26.txt");
    expect(exportFileName("ordinance", draft, new Date(2027, 0, 5), "html")).toBe("ordinance-2-173-2027-01-05.html");
  });
});
