/**
 * A click on struck words, then typing: the caret goes to the struck words' place in the text and
 * the typing lands there (it used to stay inside the non-editable struck words and be lost, with
 * End and Home scrolling the page instead of moving the caret).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./browser";
import { documentText } from "./editing";

describe("clicking struck words, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
  });
  afterAll(async () => { await browser?.close(); });

  it("puts the caret at the struck words and keeps what is typed", async () => {
    const struck = page.locator(".editor-pane del", { hasText: /^residents$/ }).first();
    await struck.scrollIntoViewIfNeeded();
    const box = (await struck.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.keyboard.type("all ");
    await expect.poll(() => documentText(page)).toMatch(/cooperation of all residents ?all people with/);
    const pane = page.locator(".editor-pane");
    const before = await pane.evaluate((element) => element.scrollTop);
    await page.keyboard.press("End");
    await page.keyboard.type("!");
    expect(Math.abs((await pane.evaluate((element) => element.scrollTop)) - before)).toBeLessThan(200);
    // End went to the end of the line in the paragraph: the mark is typed in paragraph (b).
    const paragraph = await page.locator(".editor-pane p", { hasText: "willing cooperation" }).first().textContent();
    expect(paragraph).toContain("!");
    expect(errors).toEqual([]);
  });

  it("takes the caret out of struck words in a contents line too", async () => {
    const struck = page.locator(".editor-pane del", { hasText: /^file ?$/ }).first();
    await struck.scrollIntoViewIfNeeded();
    const box = (await struck.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    const inside = await page.evaluate(() => {
      const anchor = window.getSelection()?.anchorNode ?? null;
      const element = anchor instanceof Element ? anchor : anchor?.parentElement ?? null;
      return { inStruck: !!element?.closest("del"), inEditor: !!element?.closest(".editor-pane") };
    });
    expect(inside).toEqual({ inStruck: false, inEditor: true });
  });
});
