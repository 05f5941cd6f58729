/**
 * Printing the main view (Ctrl+P): the print media shows the whole chapter with its marks and
 * nothing of the app around it. Read in print emulation, then printed to PDF and read back.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, outputDir } from "./browser";
import { writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

describe("printing the main view", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.locator(".change-row").first().waitFor();
    await page.emulateMedia({ media: "print" });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("hides the toolbar, the panel and the notices, and keeps the marks struck and underlined", async () => {
    for (const selector of [".toolbar", ".side-panel", ".demo-notice"]) {
      expect(await page.locator(selector).evaluate((element) => getComputedStyle(element).display), selector).toBe("none");
    }
    const ins = await page.locator(".code-document ins").first().evaluate((element) => getComputedStyle(element).textDecorationLine);
    const del = await page.locator(".code-document del").first().evaluate((element) => getComputedStyle(element).textDecorationLine);
    expect(ins).toContain("underline");
    expect(del).toContain("line-through");
  });

  it("prints every section, the last one included", async () => {
    const pdf = await page.pdf({ format: "Letter" });
    const file = `${outputDir()}main-view-print.pdf`;
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    const numbers = await page.locator(".code-section h3.section-heading").evaluateAll((headings) => headings.map((heading) => heading.getAttribute("data-number")));
    expect(numbers.length).toBeGreaterThan(5);
    for (const number of numbers) expect(text, number!).toContain(`${number}`);
    expect(text).toContain("Severability");
    expect(text).not.toMatch(/Export…|Changes\s+23|Demonstration text\./);
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
