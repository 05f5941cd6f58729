/**
 * Comment threads in Chromium, as a reviewer uses them: select words, Ctrl+Alt+M, say who you
 * are, write a comment; the words are highlighted in the text (read from the computed style);
 * reply, resolve, reload, and the thread is on the same words with its comments. The comment
 * boxes are wide enough to type in at 1366 and at 1920 pixels (they were 8 px wide).
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import JSZip from "jszip";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { selectWords } from "./editing";
import { launchBrowser, outputDir } from "./browser";

const PASSAGE = "witnesses to crime";

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("[data-testid=change-row]");
  await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
}

/** The highlighted words of the text (the comment decoration) with their computed background colour. */
function highlights(page: Page): Promise<Array<{ text: string; background: string; classes: string }>> {
  return page.locator(".editor-pane .code-document .comment-anchor").evaluateAll((spans) => spans.map((span) => ({
    text: span.textContent ?? "", background: getComputedStyle(span).backgroundColor, classes: span.className,
  })));
}

/** Width in CSS pixels of the first element matching `selector`. */
function widthOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().width);
}

describe("comment threads, in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page = await context.newPage();
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
  });
  afterAll(async () => { await browser?.close(); });

  it("comments on selected words, replies, resolves, and finds the thread on the same words after a reload", async () => {
    await ready(page);
    await selectWords(page, PASSAGE);
    await page.keyboard.press("Control+Alt+m");
    const box = page.getByTestId("new-thread");
    await box.waitFor();
    expect(await box.textContent()).toContain(PASSAGE);
    // No one is set yet: the "You are" form asks, with the sponsors offered as suggestions.
    const you = page.getByRole("form", { name: "You are" });
    await you.getByLabel("Your name").fill("Dana Whitfield");
    await you.getByLabel("Office").fill("Office of the City Clerk");
    await you.getByRole("button", { name: "Save" }).click();
    expect(await page.getByTestId("you-are").textContent()).toContain("Dana Whitfield, Office of the City Clerk");
    // The words stay marked while the comment is written.
    expect((await highlights(page)).map((each) => each.text)).toEqual([PASSAGE]);
    const comment = box.getByLabel("Comment");
    expect(await comment.evaluate((element) => element.getBoundingClientRect().width)).toBeGreaterThan(250);
    await comment.fill("Should this also name victims' families?");
    await box.getByRole("button", { name: "Post" }).click();

    const thread = page.getByTestId("thread");
    await expect.poll(() => thread.count()).toBe(1);
    // The new thread's reply box has the focus, to go on writing (it was left on the page's body).
    const focused = () => page.evaluate(() => { const element = document.activeElement as HTMLElement | null; return element?.getAttribute("aria-label") ?? element?.textContent ?? element?.tagName ?? ""; });
    await expect.poll(focused).toBe("Reply");
    const marked = await highlights(page);
    expect(marked.map((each) => each.text)).toEqual([PASSAGE]);
    expect(marked[0]!.background).not.toBe("rgba(0, 0, 0, 0)");
    expect(await thread.getByTestId("comment").first().textContent()).toMatch(/Dana Whitfield, Office of the City Clerk.*Should this also name victims' families\?/);

    await thread.getByLabel("Reply").fill("Families are covered by (d).");
    await thread.getByRole("button", { name: "Reply" }).click();
    await expect.poll(() => thread.getByTestId("comment").count()).toBe(2);
    await page.locator(".editor-pane .comment-anchor").first().evaluate((element) => element.scrollIntoView({ block: "center" }));
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${outputDir()}comment-thread-1366.png` });
    // An open thread, its buttons and boxes, has no accessibility violation of any impact.
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);

    // Only one's own comment offers Edit: edit it.
    await thread.getByTestId("comment").nth(1).getByRole("button", { name: "Edit" }).click();
    // The caret after the comment's words, as a comment pane's Edit puts it.
    expect(await thread.getByLabel("Edit comment").evaluate((element: HTMLTextAreaElement) => [element === document.activeElement, element.selectionStart, element.value.length])).toEqual([true, 28, 28]);
    await thread.getByLabel("Edit comment").fill("Families are covered by subsection (d).");
    await thread.getByRole("button", { name: "Save" }).click();
    await expect.poll(focused).toBe("Reply");
    await expect.poll(() => thread.getByTestId("comment").nth(1).textContent()).toContain("subsection (d).(edited)".replace("(edited)", ""));
    expect(await thread.getByTestId("comment").nth(1).textContent()).toContain("(edited)");

    await thread.getByRole("button", { name: "Resolve" }).click();
    await expect.poll(async () => (await highlights(page))[0]?.classes ?? "").toContain("resolved");
    // The focus stays on the button, now Reopen (it fell to the page's body).
    expect(await focused()).toBe("Reopen");

    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
    await page.reload();
    await ready(page);
    await page.getByRole("tab", { name: "Comments" }).click();
    const back = page.getByTestId("thread");
    await expect.poll(() => back.count()).toBe(1);
    expect(await back.textContent()).toContain("resolved");
    expect((await highlights(page)).map((each) => each.text)).toEqual([PASSAGE]);
    await back.getByRole("button").first().click();
    await expect.poll(() => back.getByTestId("comment").count()).toBe(2);
    expect(await back.getByTestId("comment").nth(1).textContent()).toContain("Families are covered by subsection (d).");
    await back.getByRole("button", { name: "Reopen" }).click();
    const reopened = await highlights(page);
    expect(reopened[0]!.classes).not.toContain("resolved");
    expect(reopened[0]!.background).not.toBe("rgba(0, 0, 0, 0)");
    expect(errors).toEqual([]);
  });

  it("comments on a change from its details, the box as wide as the panel at 1366 and at 1920", async () => {
    for (const width of [1366, 1920]) {
      await page.setViewportSize({ width, height: width === 1366 ? 768 : 1080 });
      await page.getByRole("tab", { name: "Changes" }).click();
      await page.getByTestId("change-row").nth(1).click();
      const details = page.locator(".change-details");
      await details.waitFor();
      const panel = await widthOf(page, ".side-panel");
      const box = await widthOf(page, ".change-details .comment-form textarea");
      expect(box, `at ${width}`).toBeGreaterThan(Math.min(250, panel * 0.6));
    }
    const details = page.locator(".change-details");
    await details.getByRole("textbox", { name: "Comment", exact: true }).fill("Law asks for the source of this wording.");
    await details.getByRole("button", { name: "Post" }).click();
    await expect.poll(() => details.getByTestId("comment").count()).toBe(1);
    await page.screenshot({ path: `${outputDir()}change-comment-1920.png` });
    const id = await page.locator(".change-row.selected").getAttribute("data-change-id");
    expect(await page.locator(`.change-row[data-change-id="${id}"]`).getByTestId("row-comments").textContent()).toBe("1 comment");
    await page.getByRole("tab", { name: "Comments" }).click();
    await expect.poll(() => page.getByTestId("thread").count()).toBe(2);
    const replyWidth = await widthOf(page, "[data-testid=thread] .comment-form textarea").catch(() => 0);
    expect(replyWidth === 0 || replyWidth > 250).toBe(true);
    // With another change selected, the commented change's words still show that they carry a
    // comment (a gold line under them, as a comment's words have), and an uncommented one's do not.
    await page.getByRole("tab", { name: "Changes" }).click();
    await page.getByTestId("change-row").nth(3).click();
    const underline = (selector: string) => page.locator(selector).first().evaluate((mark) => {
      const style = getComputedStyle(mark);
      return `${style.borderBottomStyle} ${style.borderBottomColor}`;
    });
    expect(await underline(`.editor-pane [data-change-id="${id}"]`)).toBe("solid rgb(230, 184, 0)");
    const other = await page.getByTestId("change-row").nth(3).getAttribute("data-change-id");
    expect(await underline(`.editor-pane [data-change-id="${other}"]`)).not.toContain("rgb(230, 184, 0)");
    await page.locator(".editor-pane").screenshot({ path: `${outputDir()}change-comment-marked.png` });
    expect(errors).toEqual([]);
  });

  it("exports the review copy, the tracked .docx with the threads as Word comments", async () => {
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the amending ordinance" });
    const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Review copy (.docx with comments)" }).click()]);
    expect(downloaded.suggestedFilename()).toMatch(/-review-.*\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await downloaded.path())!));
    const comments = await zip.file("word/comments.xml")!.async("string");
    expect(comments).toContain('w:author="Dana Whitfield, Office of the City Clerk"');
    expect(comments).toContain("Families are covered by subsection (d).");
    expect(comments).toContain("Law asks for the source of this wording.");
    const document = await zip.file("word/document.xml")!.async("string");
    expect([...document.matchAll(/<w:commentRangeStart /g)].length).toBe(3);
    await dialog.getByRole("button", { name: "Close" }).click();
    expect(errors).toEqual([]);
  });

  it("at 1366×768, under the demonstration notice, a change's thread fits its details: after Post the reply box is in view and has the focus", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole("tab", { name: "Changes" }).click();
    await page.getByTestId("change-row").nth(2).click();
    const details = page.locator(".change-details");
    await details.waitFor();
    expect(await page.locator(".demo-notice").isVisible()).toBe(true);
    await details.getByRole("textbox", { name: "Comment", exact: true }).fill("Does the Law Department agree?");
    await details.getByRole("button", { name: "Post" }).click();
    await expect.poll(() => details.getByTestId("comment").count()).toBe(1);
    await page.waitForTimeout(100);
    const reply = details.getByRole("textbox", { name: "Reply" });
    expect(await reply.evaluate((element) => element === document.activeElement)).toBe(true);
    const place = await reply.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const area = element.closest(".change-details")!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, areaTop: area.top, areaBottom: area.bottom, viewport: innerHeight };
    });
    // The whole box shows inside the details area and the window: nothing to scroll to reply.
    expect(place.top).toBeGreaterThanOrEqual(place.areaTop);
    expect(place.bottom).toBeLessThanOrEqual(place.areaBottom);
    expect(place.bottom).toBeLessThanOrEqual(place.viewport);
    await page.screenshot({ path: `${outputDir()}change-thread-1366.png` });
    expect(errors).toEqual([]);
  });
});
