/**
 * Typing as transactions (editor/plugins/directTyping): a printable key typed into a
 * paragraph is inserted by the editor, not by the browser, once the editor's selection is in
 * step with the page's, or the page's caret stands plainly in text (a script or a click just
 * placed it: the key reads it). Either way the words land where the caret is, replace a
 * selection, and undo as typing.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./browser";
import { caretBefore, documentText } from "./editing";

/** Counts keypresses whose default (the browser's own insertion) was prevented, from now on. */
async function watchKeypresses(page: Page): Promise<() => Promise<{ prevented: number; total: number }>> {
  await page.evaluate(() => {
    const counts = { prevented: 0, total: 0 };
    (window as unknown as { __keypresses: typeof counts }).__keypresses = counts;
    window.addEventListener("keypress", (event) => { counts.total++; if (event.defaultPrevented) counts.prevented++; });
  });
  return () => page.evaluate(() => ({ ...(window as unknown as { __keypresses: { prevented: number; total: number } }).__keypresses }));
}

describe("typing in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeEach(async () => {
    browser ??= await launchBrowser();
    await page?.close();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
  });
  afterAll(async () => { await browser?.close(); });

  it("inserts every key by a transaction, the first too, at the caret, and undoes them as typing", async () => {
    await caretBefore(page, "investigate, the citizenship");
    const counts = await watchKeypresses(page);
    await page.keyboard.type("Quickly ");
    await expect.poll(() => documentText(page)).toContain("about, or Quickly investigate, the citizenship");
    const { prevented, total } = await counts();
    expect(total).toBe(8);
    // The first key finds the editor not yet told of the caret the script placed; it reads it.
    expect(prevented).toBe(8);
    await page.keyboard.press("Control+z");
    await expect.poll(() => documentText(page)).toContain("about, or investigate, the citizenship");
    expect(errors).toEqual([]);
  });

  it("replaces a selection within a paragraph and leaves Enter and shortcuts to the editor", async () => {
    await caretBefore(page, "investigate, the citizenship");
    for (let i = 0; i < "investigate".length; i++) await page.keyboard.press("Shift+ArrowRight");
    const counts = await watchKeypresses(page);
    await page.keyboard.type("ask about");
    // The struck word, then the typed ones in its place.
    await expect.poll(() => documentText(page)).toContain("about, or investigate ask about, the citizenship");
    expect((await counts()).prevented).toBeGreaterThanOrEqual("ask about".length - 1);
    await page.keyboard.press("Enter");
    await page.keyboard.type("Second");
    // Enter split the paragraph: an underscored pilcrow ends its first part.
    await expect.poll(() => documentText(page)).toMatch(/ask about¶\n[^\n]*Second, the citizenship/);
    expect(await page.locator(".editor-pane ins.redline-pilcrow").count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("types nothing into a contents line, leaves the headings alone, and says why", async () => {
    const before = await documentText(page);
    await page.locator(".toc-entry .catchline", { hasText: "Severability" }).click();
    await page.keyboard.press("End");
    await page.keyboard.type("xyz");
    await expect.poll(() => page.getByTestId("refused-edit").textContent()).toContain("edit a section's heading");
    expect(await documentText(page)).toBe(before);
    expect(errors).toEqual([]);
  });

  it("puts a key where the page's caret is when a script has just moved it", async () => {
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("a");
    // A script moves the caret and a key follows at once, before the editor reads the move
    // (held back here: the page's selectionchange does not reach the editor until after the key).
    await page.evaluate(() => {
      const holdBack = (event: Event) => event.stopImmediatePropagation();
      window.addEventListener("selectionchange", holdBack, true);
      (window as unknown as { __release: () => void }).__release = () => window.removeEventListener("selectionchange", holdBack, true);
      const words = [...document.querySelectorAll(".editor-pane .words")];
      for (const element of words) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf("immigration status of that person");
          if (at < 0 || node.parentElement?.closest("del")) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.collapse(true);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return;
        }
      }
    });
    const counts = await watchKeypresses(page);
    await page.keyboard.type("Z");
    await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
    await expect.poll(() => documentText(page)).toContain("Zimmigration status of that person");
    // Typed by the editor, where the page's caret was: the browser did not insert it.
    expect(await counts()).toEqual({ prevented: 1, total: 1 });
    expect(await documentText(page)).toContain("investigate ainvestigate, the citizenship");
    expect(errors).toEqual([]);
  });
});
