/**
 * The markup views in Chromium, read off the page as a person sees it (computed styles, visible
 * text): All markup strikes and underlines; Simple markup shows the draft as amended with a bar
 * beside each changed line; No markup shows the clean draft; Original shows the base, read only.
 * The choice survives a reload and never changes the draft.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixtureText } from "../support/fixtures";
import { launchBrowser, openPage, outputDir } from "./browser";
import { documentText } from "./editing";

/** The words a person sees in `root`: text nodes whose element is rendered (struck widgets hidden by a view are not). */
async function visibleWords(page: Page, root: string): Promise<string[]> {
  const text = await page.locator(root).evaluate((element) => {
    let out = "";
    let block: Element | null = null;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // checkVisibility: display:none anywhere above hides it; content-visibility skipping does not count.
      if (!node.parentElement?.checkVisibility({ contentVisibilityAuto: false } as CheckVisibilityOptions)) continue;
      // Runs of one line join as they are shown; lines are apart.
      const line = node.parentElement.closest("p, h1, h2, h3, .label, .section-number, .enumerator");
      out += (line === block ? "" : " ") + node.textContent;
      block = line;
    }
    return out;
  });
  return text.split(/\s+/).filter(Boolean);
}

/** The words of a canonical chapter text. */
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** How the first insertion and first deletion mark look, and whether the changed and an unchanged line have a margin bar. */
async function looks(page: Page) {
  return page.locator(".editor-pane .code-document").evaluate((root) => {
    const ins = root.querySelector("ins[data-change]")!;
    const del = root.querySelector("del[data-change]")!;
    const changed = ins.closest("p, h3")!;
    const unchanged = [...root.querySelectorAll(".code-section p.code-paragraph")].find((p) => !p.querySelector("[data-change]") && !p.classList.contains("redline-insert-block"))!;
    const bar = (element: Element) => {
      const before = getComputedStyle(element, "::before");
      return before.content !== "none" && before.backgroundColor !== "rgba(0, 0, 0, 0)" && before.position === "absolute";
    };
    // An inserted paragraph: its words, as a reader sees them.
    const blockWords = root.querySelector(".redline-insert-block .words")!;
    return {
      insUnderlined: getComputedStyle(ins).textDecorationLine.includes("underline"),
      blockUnderlined: getComputedStyle(blockWords).textDecorationLine.includes("underline") || getComputedStyle(blockWords.closest(".redline-insert-block")!).textDecorationLine.includes("underline"),
      insColour: getComputedStyle(ins).color,
      inkColour: getComputedStyle(unchanged).color,
      delShown: del.checkVisibility(),
      delStruck: getComputedStyle(del).textDecorationLine.includes("line-through"),
      barBesideChanged: bar(changed),
      barBesideUnchanged: bar(unchanged),
    };
  });
}

/**
 * How far right of its label's start each new label of a re-lettered paragraph or renumbered
 * section stands (px): 0 where the old label is hidden, the old label's width where it shows.
 */
function newLabelOffsets(page: Page): Promise<number[]> {
  return page.locator(".editor-pane .code-document :is(.enumerator, .section-number) > ins").evaluateAll((labels) => labels
    .filter((label) => label.checkVisibility())
    .map((label) => Math.round(label.getBoundingClientRect().left - label.parentElement!.getBoundingClientRect().left)));
}

describe("markup views in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let draft = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.locator(".change-row").first().waitFor();
    draft = await documentText(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const choose = (label: string) => page.getByRole("combobox", { name: "Markup view" }).selectOption({ label });

  it("All markup strikes and underlines, with no margin bars", async () => {
    const seen = await looks(page);
    expect(seen).toMatchObject({ insUnderlined: true, blockUnderlined: true, delShown: true, delStruck: true, barBesideChanged: false, barBesideUnchanged: false });
    expect(seen.insColour).not.toBe(seen.inkColour);
    // A re-lettered paragraph shows its old letter struck, then a space, then the new one.
    const offsets = await newLabelOffsets(page);
    expect(offsets.length).toBeGreaterThan(2);
    expect(offsets.every((offset) => offset > 10)).toBe(true);
  });

  it("Simple markup shows the draft as amended, a bar beside each changed line only", async () => {
    await choose("Simple markup");
    const seen = await looks(page);
    expect(seen).toMatchObject({ insUnderlined: false, blockUnderlined: false, delShown: false, barBesideChanged: true, barBesideUnchanged: false });
    expect(seen.insColour).toBe(seen.inkColour);
    // A re-lettered paragraph's new letter stands where every other paragraph's letter does.
    expect(await newLabelOffsets(page)).toEqual(expect.arrayContaining([0]));
    expect((await newLabelOffsets(page)).filter((offset) => offset !== 0)).toEqual([]);
    expect(await visibleWords(page, ".editor-pane .code-document")).toEqual(wordsOf(fixtureText("amended.txt")).filter((word) => word !== "¶"));
    // Every bar lies inside each box around it that paints only inside itself (the contents,
    // sections and section groups: content-visibility), or it is not seen at all.
    const clipped = await page.locator(".editor-pane .code-document").evaluate((root) => [...root.querySelectorAll(".toc p, .code-section > p, .code-section > h3")]
      .filter((line) => getComputedStyle(line, "::before").position === "absolute")
      .filter((line) => {
        const barLeft = line.getBoundingClientRect().left + parseFloat(getComputedStyle(line, "::before").left);
        for (let box = line.parentElement; box && box !== root; box = box.parentElement) {
          if (getComputedStyle(box).contentVisibility === "auto" && barLeft < box.getBoundingClientRect().left) return true;
        }
        return false;
      }).map((line) => line.textContent));
    expect(clipped).toEqual([]);
    expect(await page.locator(".editor-pane .toc p").evaluateAll((lines) => lines.filter((line) => getComputedStyle(line, "::before").position === "absolute").length)).toBeGreaterThan(0);
    await page.screenshot({ path: `${outputDir()}markup-simple.png` });
  });

  it("Simple markup shows a deletion chosen in the panel, struck, and hides it again once another change is chosen", async () => {
    await choose("Simple markup");
    await page.locator(".change-row", { hasText: "in every neighborhood" }).first().click();
    const id = await page.locator(".change-row.selected").getAttribute("data-change-id");
    const struck = () => page.locator(`.editor-pane del[data-change-id="${id}"]`).first().evaluate((del) => {
      const box = del.getBoundingClientRect();
      return { shown: box.width > 0 && box.height > 0, line: getComputedStyle(del).textDecorationLine, text: del.textContent };
    });
    await expect.poll(async () => (await struck()).shown).toBe(true);
    expect(await struck()).toMatchObject({ line: "line-through", text: expect.stringContaining("in every neighborhood") });
    await page.locator(".editor-pane").screenshot({ path: `${outputDir()}markup-simple-selected-deletion.png` });
    await page.locator(".change-row", { hasText: "resident" }).first().click();
    await expect.poll(async () => (await struck()).shown).toBe(false);
  });

  it("No markup shows the clean draft, every word of it and no struck word, and stays editable", async () => {
    await choose("No markup");
    const seen = await looks(page);
    expect(seen).toMatchObject({ insUnderlined: false, blockUnderlined: false, delShown: false, barBesideChanged: false, barBesideUnchanged: false });
    expect(await visibleWords(page, ".editor-pane .code-document")).toEqual(wordsOf(fixtureText("amended.txt")));
    expect(await newLabelOffsets(page)).toEqual(expect.arrayContaining([0]));
    expect((await newLabelOffsets(page)).filter((offset) => offset !== 0)).toEqual([]);
    expect(await page.locator(".editor-pane .ProseMirror").getAttribute("contenteditable")).toBe("true");
    await page.screenshot({ path: `${outputDir()}markup-none.png` });
  });

  it("Original shows the base as it stands, read only, in place of the draft", async () => {
    await choose("Original");
    const original = page.getByTestId("original-pane");
    await original.locator(".code-document").waitFor();
    expect(await visibleWords(page, "[data-testid=original-pane] .code-document")).toEqual(wordsOf(fixtureText("base.txt")));
    expect(await original.locator(".ProseMirror").getAttribute("contenteditable")).toBe("false");
    expect(await original.locator("ins, del").count()).toBe(0);
    expect(await page.locator(".editor-pane").evaluate((pane) => pane.checkVisibility())).toBe(false);
    await page.screenshot({ path: `${outputDir()}markup-original.png` });
  });

  it("Original follows the selected change: a row chosen in the panel, then Next, brings its place in the base into view, outlined", async () => {
    await choose("Original");
    const original = page.getByTestId("original-pane");
    await original.evaluate((pane) => { pane.scrollTop = 0; });
    // A change late in the chapter in a paragraph the base has: "seeking → requesting" in 2-173-040.
    await page.locator(".change-row", { hasText: "seeking" }).first().click();
    const outlined = () => original.evaluate((pane) => {
      const target = pane.querySelector(".original-target");
      if (!target) return null;
      const box = target.getBoundingClientRect();
      const view = pane.getBoundingClientRect();
      return { text: target.textContent ?? "", inView: box.top >= view.top && box.bottom <= view.bottom, outline: getComputedStyle(target).outlineStyle, scrollTop: pane.scrollTop };
    });
    await expect.poll(async () => (await outlined())?.inView).toBe(true);
    const first = (await outlined())!;
    expect(first.text).toContain("seeking it");
    expect(first.outline).toBe("solid");
    expect(first.scrollTop).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Next ▶" }).click();
    await expect.poll(async () => (await outlined())?.text).not.toBe(first.text);
    expect((await outlined())?.inView).toBe(true);
    await page.screenshot({ path: `${outputDir()}markup-original-follows.png` });
  });

  it("remembers the choice after a reload, and no view changed the draft", async () => {
    await choose("No markup");
    await page.reload();
    await page.locator(".change-row").first().waitFor();
    expect(await page.getByRole("combobox", { name: "Markup view" }).inputValue()).toBe("none");
    expect((await looks(page)).delShown).toBe(false);
    await choose("All markup");
    expect(await documentText(page)).toBe(draft);
    expect((await looks(page)).delShown).toBe(true);
    await page.screenshot({ path: `${outputDir()}markup-all.png` });
  });

  it("keeps the reader's place: the line at the top of the chapter stays there in every view", async () => {
    await choose("All markup");
    const pane = (view: string) => (view === "Original" ? "[data-testid=original-pane]" : ".editor-pane");
    // An unchanged paragraph late in the chapter, below many changes whose marks each view shows
    // differently, scrolled to just below the top: the line the reader is at.
    const id = await page.locator(".editor-pane .code-document").evaluate((root) => {
      const lines = [...root.querySelectorAll(".code-section p.code-paragraph[data-id]")].filter((p) => !p.querySelector("[data-change]") && !p.closest(".redline-insert-block, .redline-insert-section"));
      return lines[Math.floor(lines.length * 0.8)]!.getAttribute("data-id")!;
    });
    const where = (view: string) => page.locator(pane(view)).evaluate((element, blockId) => {
      const line = element.querySelector(`[data-id="${blockId}"]`)!;
      return { top: Math.round(line.getBoundingClientRect().top - element.getBoundingClientRect().top), scrollTop: element.scrollTop };
    }, id);
    // Sections off screen are laid out at an estimated height until shown, so scroll until the line stays put.
    for (let attempt = 0; attempt < 10 && Math.abs((await where("All markup")).top - 6) > 1; attempt++) {
      await page.locator(".editor-pane").evaluate((view, blockId) => {
        const line = view.querySelector(`[data-id="${blockId}"]`)!;
        view.scrollTop += line.getBoundingClientRect().top - view.getBoundingClientRect().top - 6;
      }, id);
      await page.waitForTimeout(100);
    }
    const start = await where("All markup");
    expect(Math.abs(start.top - 6)).toBeLessThanOrEqual(1);
    const scrolls: number[] = [];
    for (const view of ["No markup", "Simple markup", "Original", "All markup"]) {
      await choose(view);
      await page.waitForTimeout(300);
      const seen = await where(view);
      expect(Math.abs(seen.top - start.top), `${view}: the line moved from ${start.top} px to ${seen.top} px below the top`).toBeLessThanOrEqual(2);
      scrolls.push(seen.scrollTop);
    }
    // The views lay the chapter out differently above the line, so keeping it took scrolling.
    expect(scrolls.some((scrollTop) => Math.abs(scrollTop - start.scrollTop) > 20)).toBe(true);
  });

  it("opens the draft again where the reader was, after a reload (as an editor opens a document where one left it)", async () => {
    await choose("All markup");
    const id = await page.locator(".editor-pane .code-document").evaluate((root) => {
      const lines = [...root.querySelectorAll(".code-section p.code-paragraph[data-id]")];
      return lines[Math.floor(lines.length * 0.7)]!.getAttribute("data-id")!;
    });
    const top = () => page.locator(".editor-pane").evaluate((view, blockId) => {
      const line = view.querySelector(`[data-id="${blockId}"]`)!;
      return Math.round(line.getBoundingClientRect().top - view.getBoundingClientRect().top);
    }, id);
    for (let attempt = 0; attempt < 10 && Math.abs((await top()) - 10) > 1; attempt++) {
      await page.locator(".editor-pane").evaluate((view, blockId) => {
        const line = view.querySelector(`[data-id="${blockId}"]`)!;
        view.scrollTop += line.getBoundingClientRect().top - view.getBoundingClientRect().top - 10;
      }, id);
      await page.waitForTimeout(100);
    }
    expect(Math.abs((await top()) - 10)).toBeLessThanOrEqual(1);
    await page.reload();
    await page.locator(".change-row").first().waitFor();
    // It was back at the top of the chapter.
    await expect.poll(async () => Math.abs((await top()) - 10), { timeout: 5000 }).toBeLessThanOrEqual(2);
    expect(await page.locator(".editor-pane").evaluate((view) => view.scrollTop)).toBeGreaterThan(500);
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
