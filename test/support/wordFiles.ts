/**
 * Word files for the Word-import tests: the XML parser (happy-dom), .docx files made by the
 * project's exporter, by hand with the `docx` package or from raw body XML, and (when
 * LibreOffice is installed) from HTML with <s>/<u> the way an office's word processor saves it.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun, UnderlineType } from "docx";
import { Window } from "happy-dom";
import JSZip from "jszip";
import type { ExportDocument } from "../../src/core/export";
import type { XmlElementLike } from "../../src/core/wordImport";

const parser = new (new Window().DOMParser)();

/** happy-dom's DOMParser, returning the root element. */
export function parseXml(xml: string): XmlElementLike {
  return parser.parseFromString(xml, "application/xml").documentElement as unknown as XmlElementLike;
}

/** How a hand-made run is marked. */
export type HandMark = "plain" | "struck" | "underlined" | "ins" | "del";
export type HandRun = readonly [HandMark, string];
/** A paragraph: its runs, and its nesting level (indented half an inch per level). */
export interface HandParagraph {
  readonly runs: readonly HandRun[];
  readonly level?: number;
}

/** Plain paragraph helper. */
export function plain(text: string, level = 0): HandParagraph {
  return { runs: [["plain", text]], level };
}

/** A .docx written by the `docx` package from hand-made paragraphs (strike/underline or real revisions). */
export async function handMadeDocx(paragraphs: readonly HandParagraph[]): Promise<Uint8Array> {
  let revision = 1;
  const date = "2026-03-01T00:00:00Z";
  const children = paragraphs.map((paragraph) => new Paragraph({
    ...(paragraph.level ? { indent: { left: paragraph.level * 720 } } : {}),
    children: paragraph.runs.map(([mark, text]) => {
      switch (mark) {
        case "ins": return new InsertedTextRun({ id: revision++, author: "32nd Ward", date, text });
        case "del": return new DeletedTextRun({ id: revision++, author: "32nd Ward", date, text });
        case "struck": return new TextRun({ text, strike: true });
        case "underlined": return new TextRun({ text, underline: { type: UnderlineType.SINGLE } });
        default: return new TextRun({ text });
      }
    }),
  }));
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })));
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A zip with the given files (a .docx when it has word/document.xml). */
export async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, text] of Object.entries(files)) zip.file(path, text);
  return zip.generateAsync({ type: "uint8array" });
}

/** A minimal .docx whose body is the given WordprocessingML (w: prefix bound), with optional styles and numbering (their inner XML). */
export async function docxFromBody(bodyXml: string, parts: { readonly styles?: string; readonly numbering?: string } = {}): Promise<Uint8Array> {
  const xml = (root: string, inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}">${inner}</w:${root}>`;
  return zipOf({
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "word/document.xml": xml("document", `<w:body>${bodyXml}</w:body>`),
    ...(parts.styles === undefined ? {} : { "word/styles.xml": xml("styles", parts.styles) }),
    ...(parts.numbering === undefined ? {} : { "word/numbering.xml": xml("numbering", parts.numbering) }),
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The export document as HTML an office might write: one <p> per block, struck runs in <s>,
 * underscored runs in <u>, nesting as a left margin (or none when `indent` is false).
 */
export function ordinanceHtml(document: ExportDocument, indent = true): string {
  const body = document.blocks.map((block) => {
    const style = indent && block.level > 0 ? ` style="margin-left: ${block.level * 0.5}in"` : "";
    const runs = block.runs.map((run) => {
      const text = escapeHtml(run.text);
      return run.style === "struck" ? `<s>${text}</s>` : run.style === "underscored" ? `<u>${text}</u>` : text;
    });
    return `<p${style}>${runs.join("")}</p>`;
  });
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Ordinance</title></head><body>\n${body.join("\n")}\n</body></html>\n`;
}

/** Whether a command is on PATH. */
export function onPath(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const run = promisify(execFile);

/** Converts HTML files to .docx with LibreOffice (`soffice --convert-to docx`), in one run. */
export async function libreOfficeDocx(htmls: readonly string[]): Promise<Uint8Array[]> {
  const work = mkdtempSync(join(tmpdir(), "word-import-lo-"));
  try {
    const inputs = htmls.map((html, index) => {
      const path = join(work, `file${index}.html`);
      writeFileSync(path, html);
      return path;
    });
    const profile = pathToFileURL(join(work, "profile")).href;
    await run("soffice", ["--headless", "--norestore", `-env:UserInstallation=${profile}`, "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, ...inputs], { timeout: 85_000 });
    return htmls.map((_, index) => new Uint8Array(readFileSync(join(work, `file${index}.docx`))));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
