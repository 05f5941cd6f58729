/**
 * The selected change and its comment thread in the text, as a reviewer sees them in Chromium
 * (computed styles, not classes): a selected deletion is outlined like any change; once it has
 * a comment its struck words also take the open thread's yellow while it is selected, and lose
 * it when another change is selected; in the Comments tab its thread stands out the same way.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, outputDir } from "./browser";

/** The open thread's highlight (styles.css, .comment-anchor.active). */
const THREAD_YELLOW = "rgb(255, 222, 102)";

/** How the marks of change `id` look in the text: outline and background, as computed. */
const looks = (page: Page, id: string) => page.evaluate((changeId) => [...document.querySelectorAll<HTMLElement>(`.code-document [data-change-id="${changeId}"]`)]
  .map((mark) => { const style = getComputedStyle(mark); return { tag: mark.tagName.toLowerCase(), outline: `${style.outlineStyle} ${style.outlineWidth}`, background: style.backgroundColor }; }), id);

const selectedId = (page: Page) => page.evaluate(() => document.querySelector('.change-row[aria-current="true"]')?.getAttribute("data-change-id") ?? null);

describe("the selected change and its thread, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
    await page.locator(".change-row").first().waitFor();
    await page.waitForFunction(() => document.querySelector("[data-testid=save-status]")?.textContent === "All changes saved");
  });
  afterAll(async () => { await browser?.close(); });

  it("outlines a selected deletion, and highlights its thread once it has one", async () => {
    const deletion = page.locator(".change-row", { has: page.locator(".row-kind", { hasText: /^delete$/ }) }).first();
    const id = (await deletion.getAttribute("data-change-id"))!;
    await deletion.click();
    await expect.poll(() => selectedId(page)).toBe(id);
    let marks = await looks(page, id);
    expect(marks.map((mark) => mark.tag)).toContain("del");
    expect(marks.every((mark) => /^solid [1-9]/.test(mark.outline))).toBe(true);
    expect(marks.some((mark) => mark.background === THREAD_YELLOW)).toBe(false);

    // A comment on it from its details: its struck words take the thread's highlight.
    const details = page.locator(".change-details");
    await details.getByLabel("Your name").fill("Dana Whitfield");
    await details.getByLabel("Office").fill("Office of the City Clerk");
    await details.getByRole("button", { name: "Save" }).click();
    await details.getByRole("textbox", { name: "Comment", exact: true }).fill("Why strike this?");
    await details.getByRole("button", { name: "Post" }).click();
    await expect.poll(async () => (await looks(page, id)).every((mark) => mark.background === THREAD_YELLOW)).toBe(true);
    marks = await looks(page, id);
    expect(marks.every((mark) => /^solid [1-9]/.test(mark.outline))).toBe(true);
    await page.screenshot({ path: `${outputDir()}selected-thread-1366.png` });
    // The struck words stay readable on it (axe's contrast rule on the selected change's marks).
    const axe = await new AxeBuilder({ page }).include(`.code-document [data-change-id="${id}"]`).withRules(["color-contrast"]).analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);

    // Another change selected: the deletion is neither outlined nor highlighted any more, nor is the other one yellow.
    const other = page.locator(".change-row", { has: page.locator(".row-kind", { hasText: /^replace$/ }) }).first();
    const otherId = (await other.getAttribute("data-change-id"))!;
    await other.click();
    await expect.poll(() => selectedId(page)).toBe(otherId);
    await expect.poll(async () => (await looks(page, id)).map((mark) => mark.background)).not.toContain(THREAD_YELLOW);
    expect((await looks(page, id)).every((mark) => mark.outline.startsWith("none"))).toBe(true);
    const otherMarks = await looks(page, otherId);
    expect(otherMarks.length).toBeGreaterThan(0);
    expect(otherMarks.every((mark) => /^solid [1-9]/.test(mark.outline) && mark.background !== THREAD_YELLOW)).toBe(true);

    // Back to the deletion: highlighted again, and in the Comments tab its thread stands out.
    await deletion.click();
    await expect.poll(async () => (await looks(page, id)).every((mark) => mark.background === THREAD_YELLOW)).toBe(true);
    await page.getByRole("tab", { name: "Comments" }).click();
    const thread = page.getByTestId("thread").filter({ hasText: "Why strike this?" });
    await expect.poll(() => thread.count()).toBe(1);
    expect(await thread.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(255, 248, 214)");
    const others = await page.getByTestId("thread").evaluateAll((all) => all.filter((each) => !each.textContent?.includes("Why strike this?")).map((each) => getComputedStyle(each).backgroundColor));
    expect(others).not.toContain("rgb(255, 248, 214)");
    expect(errors).toEqual([]);
  });
  it("highlights a thread on the words of the selected change as the open one, and not once another change is selected", async () => {
    await page.getByRole("tab", { name: "Changes" }).click();
    // A comment on the underscored "people" of "residents → people" (its words selected, Ctrl+Alt+M).
    const replace = page.locator(".change-row", { has: page.locator(".row-text ins", { hasText: /^people$/ }) }).first();
    const id = (await replace.getAttribute("data-change-id"))!;
    await page.evaluate((changeId) => {
      const ins = document.querySelector<HTMLElement>(`.code-document ins[data-change-id="${changeId}"]`)!;
      const text = ins.firstChild!;
      (ins.closest("[contenteditable=true]") as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, text.textContent!.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    }, id);
    await page.waitForTimeout(100);
    await page.keyboard.press("Control+Alt+m");
    const box = page.getByTestId("new-thread");
    await box.waitFor();
    await box.getByLabel("Comment").fill("Is \"people\" defined?");
    await box.getByRole("button", { name: "Post" }).click();
    const thread = page.getByTestId("thread").filter({ hasText: "defined?" });
    await expect.poll(() => thread.count()).toBe(1);
    // Closed in the panel, the thread's words are in the resting highlight.
    await thread.locator(".thread-summary").click();
    const anchor = page.locator(".code-document .comment-anchor", { hasText: "people" });
    const background = () => anchor.first().evaluate((element) => getComputedStyle(element).backgroundColor);
    await expect.poll(background).toBe("rgb(255, 240, 179)");
    // Another change selected: still resting. Its own change selected: as the open thread.
    await page.getByRole("tab", { name: "Changes" }).click();
    const other = page.locator(".change-row", { has: page.locator(".row-kind", { hasText: /^delete$/ }) }).first();
    await other.click();
    await expect.poll(() => selectedId(page)).toBe(await other.getAttribute("data-change-id"));
    expect(await background()).toBe("rgb(255, 240, 179)");
    await page.locator(`.change-row[data-change-id="${id}"]`).click();
    await expect.poll(() => selectedId(page)).toBe(id);
    await expect.poll(background).toBe(THREAD_YELLOW);
    await page.getByRole("tab", { name: "Comments" }).click();
    expect(await thread.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(255, 248, 214)");
    expect(errors).toEqual([]);
  });
});
