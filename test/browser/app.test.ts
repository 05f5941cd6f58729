import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, outputDir } from "./browser";
import { chooseFromToolbar } from "./toolbar";

describe("the app in Chromium", () => {
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

  it("shows the chapter heading, section 2-173-042 and the demonstration notice", async () => {
    await expect.poll(() => page.locator(".chapter-heading").textContent()).toContain("CHAPTER 2-173");
    expect(await page.locator(".chapter-heading").textContent()).toContain("WELCOMING CITY ORDINANCE");
    const heading = page.locator('h3.section-heading[data-number="2-173-042"]');
    expect(await heading.textContent()).toContain("Civil immigration enforcement actions – Federal responsibility.");
    expect(await page.getByRole("note", { name: "About the bundled text" }).textContent()).toMatch(/not the official Municipal Code/);
  });

  it("types a word into a paragraph, shows it, and undoes it", async () => {
    const paragraph = page.locator("section.code-section p.code-paragraph", { hasText: "No agent or agency shall ask" });
    const words = paragraph.locator(".words");
    const before = await words.textContent();
    await words.click({ position: { x: 2, y: 5 } });
    await page.keyboard.press("Home");
    await page.keyboard.type("Moreover ");
    await expect.poll(() => words.textContent()).toBe(`Moreover ${before}`);
    await page.screenshot({ path: `${outputDir()}app-typed.png`, fullPage: false });
    await page.keyboard.press("Control+z");
    await expect.poll(() => words.textContent()).toBe(before);
    await page.getByRole("button", { name: "Redo" }).click();
    await expect.poll(() => words.textContent()).toBe(`Moreover ${before}`);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => words.textContent()).toBe(before);
  });

  it("imports pasted official text, and refuses bad text without touching the chapter", async () => {
    const sections = await page.locator(".code-section").count();
    await chooseFromToolbar(page, "Import official text…");
    await page.locator("#import-text").fill("Welcome to the site\n(a) Stray words.\n2-173-010 Definitions.\n\nText.");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    expect(await page.getByRole("alert").textContent()).toContain("line 2: a numbered paragraph before the first section heading");
    expect(await page.locator(".code-section").count()).toBe(sections);

    await page.locator("#import-text").fill("Print\nCHAPTER 2-173 WELCOMING CITY ORDINANCE\n\n2-173-010 Definitions.\n\n\u201cAgency\u201d means a City department.\n");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByRole("button", { name: "Replace the draft" }).click();
    await expect.poll(() => page.locator(".code-section").count()).toBe(1);
    await expect.poll(() => page.locator(".status-line").textContent()).toContain("skipped navigation control");
    expect(await page.locator(".code-paragraph .words").first().textContent()).toBe('"Agency" means a City department.');
    expect(await page.getByRole("note", { name: "About the bundled text" }).count()).toBe(0);

    // A Windows-1252 file (issue 11, item 9b): its § signs kept, the encoding named.
    const latin = "Skip to code content\nCHAPTER 2-173 WELCOMING CITY ORDINANCE\n\n2-173-010 Definitions.\n\nText.\n\n(Added Coun. J. 3-29-06, p. 74325, \u00a7 1)\n";
    await chooseFromToolbar(page, "Import official text…");
    await page.getByRole("dialog", { name: "Import the official text" }).locator("input[type=file]").setInputFiles({ name: "latin.txt", mimeType: "text/plain", buffer: Buffer.from([...latin].map((ch) => (ch === "\u00a7" ? 0xa7 : ch.charCodeAt(0)))) });
    await page.getByRole("button", { name: "Replace the draft" }).click();
    await expect.poll(() => page.locator(".history-note").first().textContent()).toBe("(Added Coun. J. 3-29-06, p. 74325, \u00a7 1)");
    // The status follows once the replaced draft has been kept as a version (an IndexedDB write).
    await expect.poll(() => page.locator(".status-line").textContent()).toContain("read as Windows-1252");
    expect(await page.locator(".status-line").textContent()).toContain("skipped a line before the first heading");
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
