/**
 * The contents follow the headings in Chromium: a catchline typed in a section heading shows
 * the same underscored words in its contents line at once, one undo takes both back, an
 * imported proposed text's lagging contents are brought in step with a note, and the contents
 * lines themselves take no typing.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { fixtureText } from "../support/fixtures";
import { launchBrowser, openPage, outputDir } from "./browser";
import { chooseFromToolbar } from "./toolbar";

/** Puts the caret before `text` inside the element `selector` picks, as a click there would. */
async function caretInLine(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(({ selector: where, text: needle }) => {
    const element = document.querySelector(where)!;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.collapse(true);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      (element.closest(".ProseMirror") as HTMLElement).focus();
      return;
    }
    throw new Error(`not found: ${needle}`);
  }, { selector, text });
}

const heading = 'h3.section-heading[data-number="2-173-070"]';
const contentsLine = 'p.toc-entry[data-number="2-173-070"]';

describe("contents in step with the headings, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeEach(async () => {
    browser ??= await launchBrowser();
    await page?.close();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a catchline typed in a heading in its contents line too, and undoes both together, a word at a time", async () => {
    await caretInLine(page, `${heading} .catchline`, ".");
    await page.keyboard.type(" clause");
    const marked = (where: string) => page.locator(`${where} ins[data-change="insert"]`, { hasText: "clause" });
    await expect.poll(() => marked(heading).count()).toBe(1);
    await expect.poll(() => marked(contentsLine).count()).toBe(1);
    expect((await page.locator(`${contentsLine} .catchline`).textContent())!.trim()).toBe("Severability clause.");
    await page.screenshot({ path: `${outputDir()}contents-follow-heading.png` });
    // Undo goes a word at a time ("clause", then the space), the contents line in step at each.
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await page.locator(`${contentsLine} .catchline`).textContent())!.trim()).toBe("Severability .");
    expect((await page.locator(`${heading} .catchline`).textContent())!.trim()).toBe("Severability .");
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await page.locator(`${contentsLine} .catchline`).textContent())!.trim()).toBe("Severability.");
    expect((await page.locator(`${heading} .catchline`).textContent())!.trim()).toBe("Severability.");
    expect(errors).toEqual([]);
  });

  it("brings an imported proposed text's lagging contents in step and says so", async () => {
    await chooseFromToolbar(page, "Import proposed text…");
    const dialog = page.getByRole("dialog", { name: "Import a proposed text" });
    // The heading is re-worded (after a blank line), its contents line (after a line) is not.
    await dialog.getByLabel("Proposed text").fill(fixtureText("base.txt").replace("\n\n2-173-070 Severability.\n", "\n\n2-173-070 Severability of provisions.\n"));
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    const note = page.getByRole("status").locator("li", { hasText: "contents of chapter 2-173" });
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.textContent()).toBe('contents of chapter 2-173: "2-173-070 Severability." now reads "2-173-070 Severability of provisions.", as its section heading does');
    expect((await page.locator(`${contentsLine} .catchline`).textContent())!.trim()).toBe("Severability of provisions.");
    expect(await page.locator(`${contentsLine} ins[data-change="insert"]`, { hasText: "of provisions" }).count()).toBe(1);
  });

  it("does not take typing in a contents line", async () => {
    expect(await page.locator("div.toc").getAttribute("contenteditable")).toBe("false");
    await page.locator(`${contentsLine} .catchline`).click();
    await page.keyboard.type("stray ");
    await page.waitForTimeout(200);
    expect((await page.locator(`${contentsLine} .catchline`).textContent())!.trim()).toBe("Severability.");
  });
});
