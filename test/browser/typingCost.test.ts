/**
 * What keeps a keystroke's cost from growing with the chapter, checked in Chromium: React's
 * commits must not see the editor as a contenteditable whose selection they save (that walks
 * every node of the chapter), while the browser still edits it; and spelling is checked only in
 * the unit holding the cursor, following it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./browser";

describe("typing cost in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps the focused editor out of React's selection saving, and still editable", async () => {
    const words = page.locator("section.code-section p.code-paragraph", { hasText: "No agent or agency shall ask" }).locator(".words");
    await words.click({ position: { x: 2, y: 5 } });
    const seen = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement;
      return { property: focused.contentEditable, attribute: focused.getAttribute("contenteditable"), editable: focused.isContentEditable, editor: focused.classList.contains("ProseMirror") };
    });
    expect(seen).toEqual({ property: "inherit", attribute: "true", editable: true, editor: true });
    const before = await words.textContent();
    await page.keyboard.press("Home");
    await page.keyboard.type("Also ");
    await expect.poll(() => words.textContent()).toBe(`Also ${before}`);
    await page.keyboard.press("Control+z");
    await expect.poll(() => words.textContent()).toBe(before);
  });

  it("checks spelling only in the section holding the cursor", async () => {
    const spellchecked = () => page.evaluate(() => [...document.querySelectorAll("[spellcheck=true]")].map((element) => element.closest("section")?.getAttribute("data-id") ?? element.tagName));
    const sections = page.locator("section.code-section");
    expect(await page.locator(".ProseMirror").getAttribute("spellcheck")).toBe("false");
    for (const index of [1, 3]) {
      const section = sections.nth(index);
      await section.locator("p.code-paragraph .words").first().click({ position: { x: 2, y: 5 } });
      const id = await section.getAttribute("data-id");
      await expect.poll(spellchecked).toEqual([id]);
    }
    expect(errors).toEqual([]);
  });
});
