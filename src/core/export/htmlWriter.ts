/**
 * HTML rendering of an export document: a complete page with struck language in <del> and
 * underscored language in <ins>, every text escaped. It is also the print view: its print
 * stylesheet sets US letter, 1-inch margins, Times 12 pt and black text, so the browser's
 * Print → Save as PDF gives the same document as the .docx. No colour carries meaning.
 */
import { escapeHtml } from "../redline/format";
import { withMarksOnWords, type BlockKind, type ExportBlock, type ExportDocument, type Run } from "./exportDocument";

export interface HtmlOptions {
  /** The page title; defaults to the document's first block. */
  readonly title?: string;
}

const STYLESHEET = `
  html { background: #fff; }
  body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 12pt; line-height: 1.3;
         color: #000; max-width: 6.5in; margin: 1in auto; }
  p, h1 { margin: 0 0 12pt 0; }
  h1 { font-size: inherit; }
  del { text-decoration: line-through; text-decoration-thickness: 1px; }
  ins { text-decoration: underline; text-decoration-thickness: 1px; }
  del, ins { color: inherit; background: none; }
  .title, .chapter-heading, .enacting, .omitted { text-align: center; }
  .title { font-weight: bold; margin-bottom: 18pt; }
  .recital, .section-formula, .effective-date { text-indent: 0.5in; text-align: justify; }
  .code-paragraph { text-align: justify; }
  .code-heading, .chapter-heading { page-break-after: avoid; break-after: avoid; }
  .toc { margin: 0 0 2pt 1in; text-indent: -0.5in; }
  .code-heading { margin-top: 18pt; }
  .signature-line { margin: 36pt 0 0 3.5in; }
  .signature-name, .signature-office { margin: 0 0 0 3.5in; }
  .sponsors-heading { break-before: page; page-break-before: always; font-weight: bold; }
  .sponsor { margin: 0 0 0 0.5in; }
  @page { size: letter; margin: 1in; @bottom-center { content: counter(page); font: 12pt "Times New Roman", Times, serif; } }
  @media print {
    body { max-width: none; margin: 0; }
    * { color: #000 !important; background: none !important; }
  }
`;

function runHtml(run: Run): string {
  let html = escapeHtml(run.text);
  if (run.bold) html = `<strong>${html}</strong>`;
  const author = run.revision ? ` title="${escapeHtml(run.revision.author)}"` : "";
  if (run.style === "struck") return `<del${author}>${html}</del>`;
  if (run.style === "underscored") return `<ins${author}>${html}</ins>`;
  return html;
}

const INDENT_PER_LEVEL_IN = 0.5;

function blockHtml(block: ExportBlock): string {
  const kind: BlockKind = block.kind;
  const style = block.level > 0 ? ` style="margin-left:${block.level * INDENT_PER_LEVEL_IN}in"` : "";
  // The ordinance's title is the page's one heading of the first rank (for assistive technology's outline).
  const tag = kind === "title" ? "h1" : "p";
  return `<${tag} class="${kind}"${style}>${withMarksOnWords(block.runs).map(runHtml).join("")}</${tag}>`;
}

/** The document as a complete HTML page (UTF-8), ready to show or print: its blocks in a <main>, the title as its <h1>. */
export function writeHtml(exported: ExportDocument, options: HtmlOptions = {}): string {
  const title = options.title ?? exported.blocks[0]?.runs.map((run) => run.text).join("") ?? "Ordinance";
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLESHEET}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...exported.blocks.map(blockHtml),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
