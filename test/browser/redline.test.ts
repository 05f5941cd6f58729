import type { Browser, Page } from "playwright-core";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, outputDir } from "./browser";
import { caretBefore } from "./editing";


describe("the live redline in Chromium", () => {
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

  it("underlines a typed insertion and lists it in the panel", async () => {
    const total = Number(await page.getByTestId("change-total").textContent());
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("otherwise ");
    const mark = page.locator('ins[data-change="insert"]', { hasText: "otherwise" });
    await expect.poll(() => mark.count()).toBe(1);
    // What a screen reader hears: the insertion's own text after a cue nobody sees.
    expect(await mark.evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"inserted: "');
    expect(await mark.evaluate((el) => getComputedStyle(el, "::before").clipPath)).toBe("inset(50%)");
    await expect.poll(async () => Number(await page.getByTestId("change-total").textContent())).toBe(total + 1);
    expect(await page.locator(".change-row", { hasText: "otherwise" }).count()).toBe(1);
    await page.screenshot({ path: `${outputDir()}redline-insert.png` });
  });

  it("indents each paragraph by its level, 2 em a level, as the printed Code does", async () => {
    // Where each paragraph's text starts, against its section's, read off the page.
    const seen = await page.locator(".editor-pane .code-section p.code-paragraph").evaluateAll((lines) => lines.map((line) => {
      const section = line.closest(".code-section")!.querySelector("h3")!;
      const em = parseFloat(getComputedStyle(line).fontSize);
      return { level: Number((line as HTMLElement).dataset.level), indent: Math.round((line.getBoundingClientRect().left - section.getBoundingClientRect().left) / em) };
    }));
    const levels = new Set(seen.map((line) => line.level));
    expect(levels.size).toBeGreaterThan(2);
    expect(seen.filter((line) => line.indent !== 2 * line.level)).toEqual([]);
  });

  it("shows a deleted word as a struck, non-editable widget", async () => {
    await caretBefore(page, "competent jurisdiction requires");
    for (let i = 0; i < "competent ".length; i++) await page.keyboard.press("Delete");
    const struck = page.locator('del[data-change="delete"]', { hasText: "competent" });
    await expect.poll(() => struck.count()).toBe(1);
    expect(await struck.first().getAttribute("contenteditable")).toBe("false");
    expect(await struck.first().evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"deleted: "');
  });

  it("keeps a sponsor and justification on a change through typing, undo and redo", async () => {
    const row = page.locator(".change-row", { hasText: "requesting" });
    await row.click();
    await page.getByLabel("Add a sponsor").selectOption("waguespack");
    await page.getByLabel("Justification").fill("Plainer word for the 32nd Ward.");
    await page.getByLabel("Justification").blur();
    await page.screenshot({ path: `${outputDir()}redline-sponsor.png` });
    await expect.poll(() => row.getByTestId("sponsor-chip").count()).toBe(1);
    expect(await row.getByTestId("sponsor-chip").getAttribute("aria-label")).toBe("Scott Waguespack (32nd Ward)");

    // The new change is far down the (virtual) list, so it is counted rather than looked for among the rows in view.
    const total = Number(await page.getByTestId("change-total").textContent());
    await caretBefore(page, "Nothing in this chapter shall prohibit");
    await page.keyboard.type("Indeed ");
    await expect.poll(() => page.locator(".code-document ins", { hasText: "Indeed" }).count()).toBe(1);
    await expect.poll(async () => Number(await page.getByTestId("change-total").textContent())).toBe(total + 1);
    expect(await row.getByTestId("sponsor-chip").count()).toBe(1);
    await page.keyboard.press("Control+z");
    await expect.poll(async () => Number(await page.getByTestId("change-total").textContent())).toBe(total);
    expect(await page.locator(".code-document ins", { hasText: "Indeed" }).count()).toBe(0);
    expect(await row.getByTestId("sponsor-chip").count()).toBe(1);
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await expect.poll(() => row.getByTestId("sponsor-chip").count()).toBe(0);
    await page.keyboard.press("Control+y");
    await page.keyboard.press("Control+y");
    await expect.poll(() => row.getByTestId("sponsor-chip").count()).toBe(1);
    await row.click();
    await expect.poll(() => page.getByLabel("Justification").inputValue()).toBe("Plainer word for the 32nd Ward.");
  });

  it("keeps two annotations on their own changes when the annotated word is retyped (issue 9 QA)", async () => {
    const byText = (text: RegExp) => page.locator(".change-row").filter({ has: page.locator(".row-text", { hasText: text }) });
    await byText(/^resident → person$/).click();
    await page.getByLabel("Add a sponsor").selectOption("ramirez-rosa");
    await expect.poll(() => byText(/^resident → person$/).getByTestId("sponsor-chip").count()).toBe(1);
    await byText(/Threats to report/).click();
    await page.getByLabel("Add a sponsor").selectOption("pawar");
    await expect.poll(() => byText(/Threats to report/).getByTestId("sponsor-chip").count()).toBe(1);
    // The caret inside the inserted word "person" of 2-173-005(b), after "per".
    await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll(".editor-pane .code-paragraph")].find((each) => each.textContent!.includes("regardless of whether a"))!;
      const word = [...paragraph.querySelectorAll("ins")].find((each) => each.textContent === "person")!;
      const walker = document.createTreeWalker(word, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      range.setStart(walker.nextNode()!, 3);
      range.collapse(true);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      (paragraph.closest("[contenteditable=true]") as HTMLElement).focus();
    });
    await page.keyboard.type("-");
    await expect.poll(() => byText(/^resident → per-son$/).count()).toBe(1);
    await expect.poll(() => byText(/^resident → per-son$/).getByTestId("sponsor-chip").getAttribute("aria-label")).toContain("Ramirez-Rosa");
    const onE = byText(/Threats to report/).getByTestId("sponsor-chip");
    expect(await onE.count()).toBe(1);
    expect(await onE.getAttribute("aria-label")).toContain("Pawar");
    expect(await page.getByRole("region", { name: "Detached notes" }).count()).toBe(0);
  });

  it("rejects a change: the base wording is back", async () => {
    await page.locator(".change-row", { hasText: "requesting" }).click();
    await page.getByRole("button", { name: "Reject", exact: true }).click();
    const paragraph = page.locator(".code-paragraph", { hasText: "depend on the citizenship" });
    await expect.poll(() => paragraph.locator(".words").textContent()).toContain("the person seeking it");
    expect(await page.locator(".change-row", { hasText: "requesting" }).count()).toBe(0);
  });

  it("filters the panel by sponsor", async () => {
    await page.locator(".change-row", { hasText: "requesting" }).click();
    await page.getByLabel("Add a sponsor").selectOption("waguespack");
    await page.getByLabel("Filter by sponsor").selectOption("waguespack");
    await expect.poll(() => page.getByTestId("change-row").count()).toBe(1);
    expect(await page.getByTestId("change-total").textContent()).toMatch(/^1 of \d+$/);
    expect(await page.locator(".code-document .redline-dimmed").count()).toBeGreaterThan(0);
    await page.getByLabel("Filter by sponsor").selectOption("");
    await expect.poll(() => page.getByTestId("change-row").count()).toBeGreaterThan(1);
  });

  it("walks to the next and previous change by keyboard, and lists the shortcuts", async () => {
    await page.locator(".code-document").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("Alt+ArrowDown");
    const first = await page.locator('.change-row[aria-current="true"]').getAttribute("data-change-id");
    await page.keyboard.press("Alt+ArrowDown");
    const second = await page.locator('.change-row[aria-current="true"]').getAttribute("data-change-id");
    expect(second).not.toBe(first);
    await page.keyboard.press("Alt+ArrowUp");
    expect(await page.locator('.change-row[aria-current="true"]').getAttribute("data-change-id")).toBe(first);
    expect(await page.locator(`.code-document .redline-selected[data-change-id="${first}"]`).count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Shortcuts" }).click();
    expect(await page.getByRole("dialog", { name: "Keyboard shortcuts" }).textContent()).toContain("Next change");
  });

  it("edits the sponsor registry in a dialog, refusing incomplete entries", async () => {
    await page.getByRole("button", { name: "Sponsors…" }).click();
    const dialog = page.getByRole("dialog", { name: "Sponsors" });
    await dialog.getByRole("button", { name: "Add person" }).click();
    await dialog.getByRole("button", { name: "Save" }).click();
    expect(await dialog.getByRole("alert").textContent()).toContain("name");
    await dialog.getByLabel("Name").last().fill("Office of the City Clerk");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.locator(".change-row", { hasText: "requesting" }).click();
    const options = await page.getByLabel("Add a sponsor").locator("option").allTextContents();
    expect(options).toContain("Office of the City Clerk");
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
