/**
 * A comment thread through delete and Undo, as a reviewer meets it in Chromium: comment on some
 * words, delete them (the thread says its words are gone, their highlight goes), press Ctrl+Z,
 * and the words are back with the thread on them — highlighted (computed background), listed as
 * attached; the same after the words are taken away a letter at a time with Backspace.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { selectWords } from "./editing";
import { launchBrowser, openPage } from "./browser";

/**
 * The draft's words as the document holds them, struck words left out (deleted words stay on
 * screen, struck through): blocks joined by newlines, sections off screen included.
 */
function draftText(page: Page): Promise<string> {
  return page.locator(".editor-pane .code-document").evaluate((root) => [...root.querySelectorAll("h1, h2, h3, p")]
    .filter((block) => !block.parentElement?.closest("p"))
    .map((block) => { const copy = block.cloneNode(true) as HTMLElement; copy.querySelectorAll("del").forEach((struck) => struck.remove()); return copy.textContent ?? ""; })
    .join("\n"));
}

const PASSAGE = "witnesses to crime";

/** The highlighted words of the text with their computed background. */
function highlights(page: Page): Promise<Array<{ text: string; background: string }>> {
  return page.locator(".editor-pane .code-document .comment-anchor").evaluateAll((spans) => spans.map((span) => ({ text: span.textContent ?? "", background: getComputedStyle(span).backgroundColor })));
}

/** Whether the Comments tab lists the thread as having lost its words. */
const wordsGone = (page: Page) => page.getByTestId("thread").first().locator(".badge", { hasText: "words gone" }).count();

describe("a comment thread through delete and Undo, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
    await page.waitForFunction(() => document.querySelector("[data-testid=save-status]")?.textContent === "All changes saved");
  });
  afterAll(async () => { await browser?.close(); });

  it("comments on words, deletes them, and Ctrl+Z puts the words back with the thread on them", async () => {
    await selectWords(page, PASSAGE);
    await page.keyboard.press("Control+Alt+m");
    const box = page.getByTestId("new-thread");
    await box.waitFor();
    const you = page.getByRole("form", { name: "You are" });
    await you.getByLabel("Your name").fill("Dana Whitfield");
    await you.getByLabel("Office").fill("Office of the City Clerk");
    await you.getByRole("button", { name: "Save" }).click();
    await box.getByLabel("Comment").fill("Does this cover every witness?");
    await box.getByRole("button", { name: "Post" }).click();
    await expect.poll(async () => (await highlights(page)).map((each) => each.text)).toEqual([PASSAGE]);
    const text = await draftText(page);

    // The words selected and deleted at once, then a letter at a time from their end.
    for (const how of ["selection", "backspace"] as const) {
      if (how === "selection") {
        await selectWords(page, PASSAGE);
        await page.keyboard.press("Delete");
      } else {
        await selectWords(page, PASSAGE, true);
        for (let k = 0; k < PASSAGE.length; k++) await page.keyboard.press("Backspace");
      }
      await expect.poll(() => wordsGone(page), { message: how }).toBe(1);
      expect(await highlights(page), how).toEqual([]);
      // The words are struck through now: the draft no longer has them.
      expect(await draftText(page)).not.toBe(text);
      // Undo until the text reads as before (typing undoes a word at a time, so one or a few presses).
      for (let presses = 0; presses < 12 && (await draftText(page)) !== text; presses++) {
        await page.keyboard.press("Control+z");
        await page.waitForTimeout(50);
      }
      expect(await draftText(page), how).toBe(text);
      await expect.poll(() => wordsGone(page), { message: how }).toBe(0);
      const marked = await highlights(page);
      expect(marked.map((each) => each.text).join(""), how).toBe(PASSAGE);
      expect(marked.every((each) => each.background !== "rgba(0, 0, 0, 0)"), how).toBe(true);
      expect(await page.getByTestId("thread").first().locator(".thread-words").textContent(), how).toBe(PASSAGE);
    }
    expect(errors).toEqual([]);
  });
});
