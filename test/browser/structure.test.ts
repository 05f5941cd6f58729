/**
 * Drafting the structure in Chromium: a new section with the number assistant's number, a new
 * subsection made with Enter and sunk with Tab, a repealed section, and the export that shows
 * them the way a Chicago ordinance does (inserting and repeal formulas, the new contents line).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, outputDir } from "./browser";
import { caretAtEndOf, caretBefore } from "./editing";
import { chooseFromToolbar } from "./toolbar";

/** The enumerator and level of the paragraph whose words contain `text`. */
function paragraphLabel(page: Page, text: string): Promise<string> {
  return page.locator(".editor-pane .code-paragraph", { hasText: text }).first().evaluate((element) => `${(element as HTMLElement).dataset.enumerator} level ${(element as HTMLElement).dataset.level}`);
}

describe("structural commands in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("adds a section with the assistant's number; it gets its contents line", async () => {
    await caretBefore(page, "No private cause of action");
    await chooseFromToolbar(page, "New section…");
    const dialog = page.getByRole("dialog", { name: "New section after 2-173-050" });
    await expect.poll(() => dialog.getByTestId("number-advice").textContent()).toContain("2-173-055");
    expect(await dialog.getByLabel("Section number").inputValue()).toBe("2-173-055");
    await dialog.getByLabel("Section number").fill("2-173-060");
    await dialog.getByRole("button", { name: "Insert section" }).click();
    await expect.poll(() => dialog.getByRole("alert").textContent()).toContain("2-173-060 is already used");
    await dialog.getByLabel("Section number").fill("2-173-055");
    await dialog.getByLabel("Catchline").fill("Retaliation prohibited.");
    await page.screenshot({ path: `${outputDir()}number-assistant.png` });
    await dialog.getByRole("button", { name: "Insert section" }).click();
    await page.keyboard.type("No agent shall retaliate against any person for exercising a right under this chapter.");
    await expect.poll(() => page.locator('.editor-pane h3.section-heading[data-number="2-173-055"]').count()).toBe(1);
    expect(await page.locator('.editor-pane p.toc-entry[data-number="2-173-055"]').textContent()).toContain("Retaliation prohibited.");
  });

  it("adds a subsection with Enter and sinks it with Tab, the focus staying in the editor", async () => {
    await caretAtEndOf(page, "shall be treated with respect and dignity");
    // The editor reads a moved DOM selection on the next selectionchange; keys bound in the editor act on its selection.
    await page.waitForTimeout(100);
    await page.keyboard.press("Enter");
    await page.keyboard.type("Every agent shall be trained in this chapter.");
    expect(await paragraphLabel(page, "Every agent shall be trained")).toBe("(e) level 1");
    expect(await paragraphLabel(page, "Threats to report a person")).toBe("(f) level 1");
    await page.keyboard.press("Tab");
    expect(await paragraphLabel(page, "Every agent shall be trained")).toBe("(1) level 2");
    expect(await paragraphLabel(page, "Threats to report a person")).toBe("(e) level 1");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
  });

  it("repeals a section and exports the inserting and repeal formulas with the new contents line", async () => {
    await caretBefore(page, "If a court of competent jurisdiction");
    await page.waitForTimeout(100);
    await chooseFromToolbar(page, "Repeal section");
    await expect.poll(() => page.locator('.editor-pane h3.section-heading[data-number="2-173-070"]').count()).toBe(0);
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the amending ordinance" });
    await dialog.getByLabel("One SECTION per").selectOption("section");
    const preview = page.frameLocator("iframe.export-preview");
    await expect.poll(() => preview.locator("body").textContent()).toContain("is hereby amended by inserting a new Section 2-173-055, as follows:");
    const text = (await preview.locator("body").textContent())!;
    expect(text).toContain("Section 2-173-070 of the Municipal Code of Chicago is hereby repealed in its entirety.");
    const underscored = await preview.locator("ins").allTextContents();
    expect(underscored.filter((run) => run.includes("2-173-055 Retaliation prohibited.")).length).toBeGreaterThanOrEqual(2);
    expect(underscored.join(" ")).toContain("Every agent shall be trained in this chapter.");
    await page.keyboard.press("Escape");
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
