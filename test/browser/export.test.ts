import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { renderOrdinance } from "../../src/core/export";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { readDocx, struckText, underscoredText } from "../support/docxReadBack";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { launchBrowser, openPage, outputDir } from "./browser";

describe("the Export dialog in Chromium", () => {
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

  it("previews the ordinance and downloads a .docx whose marks are exactly the redline's", async () => {
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the amending ordinance" });
    const preview = page.frameLocator("iframe.export-preview");
    await expect.poll(() => preview.locator("body").textContent()).toContain("BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:");
    expect(await preview.locator("del").first().textContent()).toBeTruthy();
    await page.screenshot({ path: `${outputDir()}export-dialog.png` });

    const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Word (.docx)" }).click()]);
    expect(downloaded.suggestedFilename()).toMatch(/^ordinance-2-173-\d{4}-\d{2}-\d{2}\.docx$/);
    const bytes = new Uint8Array(readFileSync((await downloaded.path())!));
    const fromBrowser = await readDocx(bytes);
    const fromNode = await readDocx((await renderOrdinance({ base: fixtureBase(), draft: fixtureAmended(), sponsors: parseSponsors(JSON.parse(fixtureText("sponsors.json"))), format: "docx" })) as Uint8Array);
    expect(struckText(fromBrowser)).toBe(struckText(fromNode));
    expect(underscoredText(fromBrowser)).toBe(underscoredText(fromNode));
    expect(struckText(fromBrowser)).toContain("in every neighborhood");
    expect(underscoredText(fromBrowser)).toContain("Coercion and threats based on immigration status prohibited.");
    const text = fromBrowser.paragraphs.map((paragraph) => paragraph.text).join("\n");
    expect(text).toContain("is hereby amended by deleting the language struck through and by inserting the language underscored");
    expect(text).toContain("(Omitted text is unaffected by this ordinance)");
    expect(text).toContain("Alderman, 35th Ward");
  });

  it("changes the ordinance with its settings and downloads the clean chapter", async () => {
    const dialog = page.getByRole("dialog", { name: "Export the amending ordinance" });
    await dialog.getByLabel("Omitted text is").selectOption("not affected");
    const preview = page.frameLocator("iframe.export-preview");
    await expect.poll(() => preview.locator("body").textContent()).toContain("(Omitted text is not affected by this ordinance)");
    const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Clean chapter (.txt)" }).click()]);
    expect(downloaded.suggestedFilename()).toMatch(/^chapter-2-173-clean-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(readFileSync((await downloaded.path())!, "utf8")).toBe(fixtureText("amended.txt"));
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
