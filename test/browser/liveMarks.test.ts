/**
 * The marks a person sees equal a fresh redline, in Chromium. After each of a random sample of
 * edits made with the keyboard (typing, Enter, Backspace, Delete), the words of the editor are
 * read off the DOM with how they look (computed text-decoration: underline or line-through),
 * and compared with the redline that the core computes from the same DOM's text.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Block, Chapter, OrdinanceDocument, Section } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import { redlineSegments } from "../../src/core/redline/format";
import { Random } from "../../src/core/samples/random";
import { fixtureBase } from "../support/fixtures";
import { launchBrowser, openPage, outputDir } from "./browser";
import { caretAtEndOf } from "./editing";

type Mark = "same" | "inserted" | "deleted";

/** What the page shows: each run of text with its look, and the document read from the DOM. */
interface Seen {
  readonly runs: Array<{ text: string; mark: Mark }>;
  readonly chapters: Array<{ id: string; number: string; title: string; toc: Array<{ number: string; catchline: string }>; sections: Array<{ id: string; number: string; catchline: string; blocks: Array<{ kind: string; id: string; enumerator: string; level: number; text: string }> }> }>;
}

/** Reads the editor: every visible text node with its decoration, and the words of each node. */
async function readEditor(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>(".editor-pane .ProseMirror")!;
    const look = (node: Node): "same" | "inserted" | "deleted" => {
      for (let element = node.parentElement; element && element !== root.parentElement; element = element.parentElement) {
        const line = getComputedStyle(element).textDecorationLine;
        if (line.includes("line-through")) return "deleted";
        if (line.includes("underline")) return "inserted";
      }
      return "same";
    };
    const runs: Array<{ text: string; mark: "same" | "inserted" | "deleted" }> = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent || !node.parentElement?.checkVisibility()) continue;
      runs.push({ text: node.textContent, mark: look(node) });
    }
    // The document's own words: text outside non-editable widgets and labels.
    const words = (element: Element | null): string => {
      if (!element) return "";
      let text = "";
      const inner = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = inner.nextNode(); node; node = inner.nextNode()) {
        // Widgets and labels inside the element are not its words; a non-editable ancestor
        // (the derived contents list) is.
        const inert = node.parentElement?.closest("[contenteditable=false]");
        if (inert && element.contains(inert)) continue;
        text += node.textContent;
      }
      return text;
    };
    const chapters = [...root.querySelectorAll("article.chapter")].map((chapter) => ({
      id: (chapter as HTMLElement).dataset.id ?? "",
      number: chapter.querySelector<HTMLElement>("h2.chapter-heading")!.dataset.number ?? "",
      title: words(chapter.querySelector("h2.chapter-heading .chapter-title")),
      toc: [...chapter.querySelectorAll("p.toc-entry")].map((entry) => ({ number: (entry as HTMLElement).dataset.number ?? "", catchline: words(entry.querySelector(".catchline")) })),
      sections: [...chapter.querySelectorAll("section.code-section")].map((section) => ({
        id: (section as HTMLElement).dataset.id ?? "",
        number: section.querySelector<HTMLElement>("h3.section-heading")!.dataset.number ?? "",
        catchline: words(section.querySelector("h3.section-heading .catchline")),
        blocks: [...section.querySelectorAll(":scope > p")].map((p) => {
          const element = p as HTMLElement;
          const history = element.classList.contains("history-note");
          return { kind: history ? "history" : "paragraph", id: element.dataset.id ?? "", enumerator: element.dataset.enumerator ?? "", level: Number(element.dataset.level ?? 0), text: history ? words(element) : words(element.querySelector(".words")) };
        }),
      })),
    }));
    return { runs, chapters };
  });
}

function modelOf(seen: Seen): OrdinanceDocument {
  const chapters: Chapter[] = seen.chapters.map((chapter) => ({
    id: chapter.id, number: chapter.number, title: chapter.title, toc: chapter.toc,
    sections: chapter.sections.map((section): Section => ({
      id: section.id, number: section.number, catchline: section.catchline,
      blocks: section.blocks.map((block): Block => (block.kind === "history"
        ? { kind: "history", id: block.id, text: block.text }
        : { kind: "paragraph", id: block.id, enumerator: block.enumerator || null, level: block.level, text: block.text })),
    })),
  }));
  return { title: null, chapters };
}

/** Words with their look, in reading order; brackets and whitespace do not count. */
function tokens(runs: ReadonlyArray<{ text: string; mark: Mark }>): string[] {
  return runs.flatMap(({ text, mark }) => text.split(/\s+/).map((word) => word.replace(/[()]/g, "")).filter(Boolean).map((word) => (mark === "same" ? word : `${mark === "inserted" ? "+" : "-"}${word}`)));
}

function expectedTokens(base: OrdinanceDocument, draft: OrdinanceDocument): string[] {
  const runs = redlineSegments(compare(base, draft)).map((segment) => ({
    // A split's or join's seam shows as a pilcrow, underscored or struck, before the seam's own text.
    text: segment.seam ? `\u00b6 ${segment.text}` : segment.text,
    mark: (segment.mark === "inserted" || segment.mark === "moved-here" ? "inserted" : segment.mark === "deleted" || segment.mark === "moved-away" ? "deleted" : "same") as Mark,
  }));
  return tokens(runs);
}

/** A caret at a random place in the words of a random paragraph (never inside a widget). */
async function randomCaret(page: Page, random: Random): Promise<void> {
  const choice = random.next();
  const where = random.next();
  await page.evaluate(([pick, at]) => {
    const blocks = [...document.querySelectorAll(".editor-pane .ProseMirror .words")];
    const block = blocks[Math.floor(pick! * blocks.length)]!;
    const texts: Text[] = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest("[contenteditable=false]")) texts.push(node as Text);
    const range = document.createRange();
    if (texts.length === 0) range.setStart(block, 0);
    else {
      const text = texts[Math.floor(at! * texts.length)]!;
      const spaces = [...text.data.matchAll(/ /g)].map((match) => match.index!);
      range.setStart(text, spaces.length ? spaces[Math.floor(at! * spaces.length)]! : text.data.length);
    }
    range.collapse(true);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    (block.closest("[contenteditable=true]") as HTMLElement).focus();
  }, [choice, where]);
}

describe("the marks in Chromium equal a fresh redline", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const base = fixtureBase();

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function expectMarksMatch(what: string): Promise<void> {
    const seen = await readEditor(page);
    expect(tokens(seen.runs), what).toEqual(expectedTokens(base, modelOf(seen)));
  }

  it("after the issue's edits: typing after 2-173-005(b) and 2-173-010(g), and a paragraph made with Enter", async () => {
    await expectMarksMatch("on opening");
    await caretAtEndOf(page, "holds immigration documents.");
    await page.keyboard.type(" x");
    await expectMarksMatch("after typing at the end of 2-173-005(b)");
    const inserted = page.locator(".code-paragraph", { hasText: "Threats to report a person" }).first();
    expect(await inserted.evaluate((element) => getComputedStyle(element.querySelector(".words")!).textDecorationLine)).toContain("underline");
    await caretAtEndOf(page, "\"Gang database\"");
    await page.keyboard.type(" y");
    await expectMarksMatch("after typing in 2-173-010(g)");
    await page.keyboard.press("Enter");
    await page.keyboard.type("A paragraph made with Enter.");
    await expectMarksMatch("after Enter and typing");
    const made = page.locator(".code-paragraph", { hasText: "A paragraph made with Enter." });
    expect(await made.evaluate((element) => getComputedStyle(element).textDecorationLine)).toContain("underline");
    await page.screenshot({ path: `${outputDir()}live-marks.png` });
  });

  it("after each of a random sample of keyboard edits", async () => {
    const random = new Random(20261202);
    for (let step = 0; step < 30; step++) {
      await randomCaret(page, random);
      const roll = random.next();
      let what: string;
      if (roll < 0.45) { what = "typing"; await page.keyboard.type(random.pick([" promptly", " written notice", " x"])); }
      else if (roll < 0.6) { what = "Enter"; await page.keyboard.press("Enter"); await page.keyboard.type("New paragraph words."); }
      else if (roll < 0.8) { what = "Backspace"; for (let i = random.int(1, 8); i > 0; i--) await page.keyboard.press("Backspace"); }
      else { what = "Delete"; for (let i = random.int(1, 8); i > 0; i--) await page.keyboard.press("Delete"); }
      await expectMarksMatch(`step ${step}: ${what}`);
    }
    await page.screenshot({ path: `${outputDir()}live-marks-random.png`, fullPage: false });
  });

  it("reads a replacement as struck words, one space, underscored words", async () => {
    await page.close();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
    const ins = page.locator('.ProseMirror ins[data-change="insert"]', { hasText: "requesting" }).first();
    // Sections off screen are not laid out (content-visibility), and innerText needs layout.
    await ins.evaluate((element) => element.closest("p")!.scrollIntoView({ block: "center" }));
    await page.waitForFunction(() => document.querySelector(".ProseMirror ins[data-change=insert]") !== null);
    const text = await ins.evaluate((element) => (element.closest("p") as HTMLElement).innerText);
    expect(text).toContain("the person seeking requesting it");
    const del = page.locator('.ProseMirror del[data-change="delete"]', { hasText: "seeking" }).first();
    expect(await del.textContent()).toBe("seeking");
    expect(await del.evaluate((element) => getComputedStyle(element).textDecorationLine)).toContain("line-through");
    expect(await ins.evaluate((element) => getComputedStyle(element).textDecorationLine)).toContain("underline");
    await page.screenshot({ path: `${outputDir()}replacement-spacing.png` });
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
