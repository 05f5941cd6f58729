/**
 * A chapter's editor's note in Chromium (issue 11, item 2): a chapter page pasted into Import
 * official text… with a starred title and its footnote after the contents shows the note under
 * the contents, smaller than the body text, and the title without its star; the note can be
 * edited like any words, yet the amending ordinance (preview and text download) never reprints it.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHAPTER_NOTE, NOTED_PAGE } from "../support/chapterNotesText";
import { launchBrowser, outputDir } from "./browser";
import { caretBefore, documentText } from "./editing";
import { chooseFromToolbar } from "./toolbar";

/** Puts the caret before `text` inside the chapter's editor's note, as a click there would. */
async function caretInNote(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const note = document.querySelector(".editor-pane .chapter > p.editor-note")!;
    const node = [...note.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.includes(needle))!;
    const range = document.createRange();
    range.setStart(node, node.textContent!.indexOf(needle));
    range.collapse(true);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    (note.closest("[contenteditable=true]") as HTMLElement).focus();
  }, text);
}

const fontSize = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));

describe("a chapter's editor's note, pasted with the official text, in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
    await page.waitForSelector("[data-testid=change-row]");
  });
  afterAll(async () => { await context?.close(); await browser?.close(); });

  it("shows the note under the contents, smaller than the body text, and the title without its star", async () => {
    await chooseFromToolbar(page, "Import official text…");
    const dialog = page.getByRole("dialog", { name: "Import the official text" });
    await dialog.locator("#import-text").fill(NOTED_PAGE);
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await dialog.getByRole("button", { name: "Replace the draft" }).click();
    await expect.poll(() => page.locator(".code-section").count()).toBe(3);
    await expect.poll(() => page.getByTestId("change-total").textContent()).toBe("0");

    const text = await documentText(page);
    const lines = text.split("\n");
    expect(lines).toContain(CHAPTER_NOTE);
    expect(lines.indexOf(CHAPTER_NOTE)).toBeLessThan(lines.indexOf("This Code shall be known and cited as the Municipal Code of the City."));
    expect(text).not.toContain("*");
    expect(await page.locator(".chapter-heading").textContent()).toBe("CHAPTER 2-4CODE ADOPTION – ORGANIZATION");

    const note = page.locator(".editor-pane .chapter > p.editor-note");
    expect(await note.count()).toBe(1);
    expect(await note.isVisible()).toBe(true);
    const noteSize = await fontSize(page, ".editor-pane .chapter > p.editor-note");
    const bodySize = await fontSize(page, ".editor-pane .code-paragraph");
    expect(noteSize).toBeGreaterThan(0);
    expect(noteSize).toBeLessThan(bodySize);
    await note.screenshot({ path: `${outputDir()}chapter-note.png` });
  });

  it("leaves the note out of the amending ordinance, even when it and the text are edited", async () => {
    await caretInNote(page, "former chapter");
    await page.keyboard.type("the ");
    await caretBefore(page, "cited as the Municipal Code");
    await page.keyboard.type("formally ");
    await expect.poll(() => documentText(page)).toContain("renumbered the former chapter 1-4");
    await expect.poll(() => page.getByTestId("change-total").textContent()).toBe("2");

    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the amending ordinance" });
    const preview = page.frameLocator("iframe.export-preview");
    await expect.poll(() => preview.locator("body").textContent()).toContain("formally");
    const shown = (await preview.locator("body").textContent())!;
    expect(shown).not.toContain("Editor's note");
    expect(shown).not.toContain("the former");

    const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Text (.txt)" }).click()]);
    const ordinance = readFileSync((await downloaded.path())!, "utf8");
    expect(ordinance).toContain("{+formally+}");
    expect(ordinance).not.toContain("Editor's note");
    // The clean chapter does print it, as edited, under the contents.
    const [clean] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Clean chapter (.txt)" }).click()]);
    expect(readFileSync((await clean.path())!, "utf8")).toContain(`2-4-030 Parts of the Code.\n\n${CHAPTER_NOTE.replace("former", "the former")}\n\n2-4-010`);
    expect(errors).toEqual([]);
  });
});
