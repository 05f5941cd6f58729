/**
 * Flat OpenDocument (.fodt) texts of an export document, for LibreOffice to save as .docx the
 * way another office's word processor would: enumerators as automatic list numbering (a list
 * style with "(" and ")" around lower-alpha, decimal, upper-alpha and lower-roman levels; a
 * new list per run of enumerated paragraphs; a start value where a list resumes after omitted
 * text), and struck or underscored words as direct formatting or as named character and
 * paragraph styles ("Deleted words" with a double strike, "Inserted words" with a dotted
 * underline, "New paragraph" with a double underline). LibreOffice drops the parent links of
 * styles read from a flat ODT, so w:basedOn chains are tested on hand-written styles.xml.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { ExportBlock, ExportDocument, Run } from "../../src/core/export";

export interface FodtOptions {
  /** Enumerators of code paragraphs as list numbering rather than text. */
  readonly lists: boolean;
  /** Marks as direct formatting, or as named styles (with a paragraph style for a wholly underscored paragraph). */
  readonly marks: "direct" | "styles";
}

const FORMATS = ["a", "1", "A", "i"] as const;
const LABEL = [/^[a-z]+$/, /^\d+$/, /^[A-Z]+$/, /^[ivxlc]+$/] as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The ordinal of a label in the level's format ("c" → 3, "iv" → 4). */
function ordinalOf(label: string, level: number): number {
  if (level === 2) return Number(label);
  if (level === 4) {
    const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
    let total = 0;
    for (let index = 0; index < label.length; index++) {
      const value = values[label[index]!]!;
      total += value < (values[label[index + 1]!] ?? 0) ? -value : value;
    }
    return total;
  }
  const letter = label.toLowerCase();
  return (letter.length - 1) * 26 + letter.charCodeAt(0) - 96;
}

/** The enumerator a code paragraph's first plain run starts with, when list numbering can show it at the block's level. */
function listLabel(block: ExportBlock, options: FodtOptions): string | null {
  if (block.kind !== "code-paragraph" || block.level < 1 || block.level > 4) return null;
  const first = block.runs[0];
  // A wholly underscored paragraph is numbered when its paragraph style underscores it (and so its label).
  const newParagraph = options.marks === "styles" && block.runs.every((run) => run.style === "underscored");
  if (!first || (first.style !== "plain" && !newParagraph)) return null;
  const match = /^\(([A-Za-z0-9]+)\) /.exec(first.text);
  return match && LABEL[block.level - 1]!.test(match[1]!) ? match[1]! : null;
}

function spanOf(run: Run, marks: FodtOptions["marks"], paragraphUnderscored: boolean): string {
  const text = escapeXml(run.text).replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`);
  if (run.style === "plain" || (paragraphUnderscored && run.style === "underscored")) return text;
  const style = marks === "direct" ? (run.style === "struck" ? "S" : "U") : run.style === "struck" ? "Deleted_20_words" : "Inserted_20_words";
  return `<text:span text:style-name="${style}">${text}</text:span>`;
}

function paragraphOf(block: ExportBlock, options: FodtOptions, skipLabel: boolean): string {
  const runs = skipLabel ? [{ ...block.runs[0]!, text: block.runs[0]!.text.replace(/^\([A-Za-z0-9]+\) /, "") }, ...block.runs.slice(1)] : block.runs;
  const underscored = options.marks === "styles" && runs.length > 0 && runs.every((run) => run.style === "underscored");
  const style = underscored ? "New_20_paragraph" : block.level > 0 && !skipLabel ? `Level${Math.min(block.level, 4)}` : "Body";
  return `<text:p text:style-name="${style}">${runs.map((run) => spanOf(run, options.marks, underscored)).join("")}</text:p>`;
}

const LIST_STYLE = `<text:list-style style:name="Code">${FORMATS.map((format, index) => `
  <text:list-level-style-number text:level="${index + 1}" style:num-prefix="(" style:num-suffix=")" style:num-format="${format}">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:margin-left="${(index + 1) * 0.5}in" fo:text-indent="0in"/></style:list-level-properties>
  </text:list-level-style-number>`).join("")}
</text:list-style>`;

/** The document as a flat ODT text. */
export function ordinanceFodt(document: ExportDocument, options: FodtOptions): string {
  const body: string[] = [];
  // Open lists: the level of each, and the ordinal last shown at it.
  const open: Array<{ level: number; last: number }> = [];
  const close = (toDepth: number) => {
    while (open.length > toDepth) { open.pop(); body.push("</text:list-item></text:list>"); }
  };
  for (const block of document.blocks) {
    const label = options.lists ? listLabel(block, options) : null;
    if (label === null || block.level > open.length + 1) {
      close(0);
      body.push(paragraphOf(block, options, false));
      continue;
    }
    const ordinal = ordinalOf(label, block.level);
    close(block.level);
    const current = open[block.level - 1];
    const start = (current ? current.last + 1 : 1) === ordinal ? "" : ` text:start-value="${ordinal}"`;
    if (current) {
      body.push(`</text:list-item><text:list-item${start}>`);
      current.last = ordinal;
    } else {
      body.push(`<text:list${open.length === 0 ? ' text:style-name="Code"' : ""}><text:list-item${start}>`);
      open.push({ level: block.level, last: ordinal });
    }
    body.push(paragraphOf(block, options, true));
  }
  close(0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
  <style:style style:name="Body" style:family="paragraph"/>
  ${[1, 2, 3, 4].map((level) => `<style:style style:name="Level${level}" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="${level * 0.5}in"/></style:style>`).join("\n  ")}
  <style:style style:name="New_20_paragraph" style:display-name="New paragraph" style:family="paragraph"><style:text-properties style:text-underline-style="solid" style:text-underline-type="double" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
  <style:style style:name="Deleted_20_words" style:display-name="Deleted words" style:family="text"><style:text-properties style:text-line-through-style="solid" style:text-line-through-type="double"/></style:style>
  <style:style style:name="Inserted_20_words" style:display-name="Inserted words" style:family="text"><style:text-properties style:text-underline-style="dotted" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
</office:styles>
<office:automatic-styles>
  <style:style style:name="S" style:family="text"><style:text-properties style:text-line-through-style="solid"/></style:style>
  <style:style style:name="U" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
  ${LIST_STYLE}
</office:automatic-styles>
<office:body><office:text>
${body.join("\n")}
</office:text></office:body></office:document>
`;
}

const run = promisify(execFile);

/** Converts files (named by extension) with LibreOffice in one run; returns each output file's bytes. */
export async function libreOfficeConvert(inputs: ReadonlyArray<{ readonly extension: string; readonly text: string | Uint8Array }>, target: "docx" | "txt"): Promise<Uint8Array[]> {
  const work = mkdtempSync(join(tmpdir(), "word-import-lo-"));
  try {
    const paths = inputs.map((input, index) => {
      const path = join(work, `file${index}.${input.extension}`);
      writeFileSync(path, input.text);
      return path;
    });
    const profile = pathToFileURL(join(work, "profile")).href;
    const filter = target === "docx" ? "docx:MS Word 2007 XML" : "txt:Text (encoded):UTF8";
    await run("soffice", ["--headless", "--norestore", `-env:UserInstallation=${profile}`, "--convert-to", filter, "--outdir", join(work, "out"), ...paths], { timeout: 85_000 });
    return inputs.map((_, index) => new Uint8Array(readFileSync(join(work, "out", `file${index}.${target}`))));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
