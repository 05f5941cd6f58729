// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderOrdinance } from "../../src/core/export";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { compare, formatHtml } from "../../src/core/redline";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { readMarkedParagraphs, type MarkedRun } from "../../src/core/wordImport";
import { HtmlPasteError, markedRunsFromHtml, MAX_HTML_DEPTH, MAX_HTML_LENGTH, nestingEstimate } from "../../src/editor/htmlRedline";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";

const base = fixtureBase();
const amended = fixtureAmended();
const sponsors = parseSponsors(JSON.parse(fixtureText("sponsors.json")));

/** A compact picture of marked runs: [-struck-] {+underlined+}, plain as it is. */
function picture(paragraphs: readonly MarkedRun[][]): string[] {
  return paragraphs.map((runs) => runs.map((run) => (run.struck ? `[-${run.text}-]` : run.underlined ? `{+${run.text}+}` : run.text)).join(""));
}

describe("pasted HTML read as marked runs", () => {
  it("reads struck and underlined tags, inline styles and classes of the paste's own style rules", () => {
    const html = `<html><head><style>.gone { text-decoration: line-through } span.added, .other { text-decoration-line: underline; }</style></head><body>
      <p>The <s>old</s> <u>new</u> words.</p>
      <p><strike>A</strike> <del>B</del> <ins>C</ins> <span style="text-decoration: line-through">D</span> <span style="text-decoration:underline">E</span></p>
      <div><span class="gone">F</span> <span class="added">G</span> <b>H</b></div>
      <p><u>under <span style="text-decoration: none">plain</span></u></p></body></html>`;
    expect(picture(markedRunsFromHtml(html))).toEqual([
      "The [-old-] {+new+} words.",
      "[-A-] [-B-] {+C+} [-D-] {+E+}",
      "[-F-] {+G+} H",
      "{+under +}plain",
    ]);
  });

  for (const [name, transform] of [
    ["<del>/<ins> as printed", (html: string) => html],
    ["inline styles", (html: string) => html.replace(/<del\b[^>]*>/g, '<span style="text-decoration: line-through">').replace(/<\/del>/g, "</span>").replace(/<ins\b[^>]*>/g, '<span style="color: blue; text-decoration-line: underline">').replace(/<\/ins>/g, "</span>")],
    ["classes", (html: string) => `<style>.x1 { text-decoration: line-through; } .x2{text-decoration:underline}</style>${html.replace(/<del\b[^>]*>/g, '<span class="x1">').replace(/<\/del>/g, "</span>").replace(/<ins\b[^>]*>/g, '<span class="x2">').replace(/<\/ins>/g, "</span>")}`],
  ] as const) {
    it(`reads the printed amending ordinance back to the amended chapter (${name})`, async () => {
      const html = transform((await renderOrdinance({ base, draft: amended, sponsors, format: "html" })) as string);
      const reading = readMarkedParagraphs(base, base, markedRunsFromHtml(html));
      expect(reading.kind).toBe("word");
      if (reading.kind === "word") expect(serializeDocument(reading.draft)).toBe(serializeDocument(amended));
    });
  }

  it("reads the redline view of the whole chapter back to the draft", () => {
    const html = formatHtml(compare(base, amended));
    const reading = readMarkedParagraphs(base, base, markedRunsFromHtml(html));
    expect(reading.kind).toBe("word");
    if (reading.kind === "word") expect(serializeDocument(reading.draft)).toBe(serializeDocument(amended));
  });
});

describe("hostile pasted HTML", () => {
  it("never runs scripts or event handlers, and never reads their text", () => {
    const flags = globalThis as unknown as Record<string, unknown>;
    const html = `<p>Kept <script>globalThis.ranScript = true; document.title = "x"</script><img src="x" onerror="globalThis.ranHandler = true">words<style>p{}</style></p><template><p>hidden template</p></template><p hidden>hidden</p><p style="display:none">none</p><iframe srcdoc="<script>parent.ranFrame=1</script>"></iframe>`;
    expect(picture(markedRunsFromHtml(html))).toEqual(["Kept words"]);
    expect(flags.ranScript).toBeUndefined();
    expect(flags.ranHandler).toBeUndefined();
    expect(flags.ranFrame).toBeUndefined();
  });

  it("walks deeply nested elements with an explicit stack", () => {
    // happy-dom's own parser recurses, so the depth here is modest; test/browser/pastedRedline.test.ts pastes 100,000 levels in Chromium.
    const depth = 2_000;
    const html = `${"<span><s>".repeat(depth / 2)}deep${"</s></span>".repeat(depth / 2)}<p>after</p>`;
    const paragraphs = markedRunsFromHtml(html);
    expect(paragraphs.flat().some((run) => run.text === "deep" && run.struck)).toBe(true);
    expect(picture(paragraphs).at(-1)).toBe("after");
  });

  it("estimates nesting before parsing and refuses a paste nested too deep", () => {
    expect(nestingEstimate("<p>a<p>b<br><img src=x><div><span>c</span></div><hr/>")).toBe(2);
    expect(nestingEstimate(`${"<div>".repeat(5000)}x`)).toBe(5000);
    expect(() => markedRunsFromHtml(`${"<div><s>".repeat(MAX_HTML_DEPTH)}x`)).toThrow(/nests its elements/);
  });

  it("refuses a paste over the limit before parsing it", () => {
    expect(() => markedRunsFromHtml("x".repeat(MAX_HTML_LENGTH + 1))).toThrow(HtmlPasteError);
  });
});
