/**
 * Import official text… (issue 11, item 19): the draft is replaced only after a confirmation,
 * Cancel changes nothing, and the draft it replaces is kept first as a version that brings back
 * its text and its annotations.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { caretBefore, documentText } from "./editing";
import { chooseFromToolbar } from "./toolbar";

const OFFICIAL = "Print\nCHAPTER 2-173 WELCOMING CITY ORDINANCE\n\n2-173-010 Definitions.\n\n\u201cAgency\u201d means a City department.\n";

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("[data-testid=change-row]");
  await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
}

describe("importing the official text over a draft, in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => { browser = await launchBrowser(); });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
    await ready(page);
  });
  afterEach(async () => { await context?.close(); });
  afterAll(async () => { await browser?.close(); });

  const sponsorChips = () => page.locator(".change-row", { hasText: "requesting" }).getByTestId("sponsor-chip").count();

  it("asks first; Cancel keeps the draft; confirming keeps the old draft as a version that restores it", async () => {
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("Meanwhile ");
    await page.locator(".change-row", { hasText: "requesting" }).click();
    await page.getByLabel("Add a sponsor").selectOption("waguespack");
    await expect.poll(sponsorChips).toBe(1);
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
    const before = await documentText(page);
    expect(before).toContain("Meanwhile investigate");
    const changes = await page.getByTestId("change-total").textContent();

    const dialog = page.getByRole("dialog", { name: "Import the official text" });
    const importOnce = async () => {
      await chooseFromToolbar(page, "Import official text…");
      await dialog.locator("#import-text").fill(OFFICIAL);
      await dialog.getByRole("button", { name: "Import", exact: true }).click();
      await expect.poll(() => dialog.getByRole("group").textContent()).toContain("Replace the draft “Welcoming City amendment” with this text?");
    };

    // Asked, and cancelled: nothing changed, no version made.
    await importOnce();
    expect(await dialog.getByRole("group").textContent()).toContain("kept first as the version “Before importing the official text”");
    expect(await documentText(page)).toBe(before);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await documentText(page)).toBe(before);
    expect(await page.getByTestId("change-total").textContent()).toBe(changes);
    expect(await sponsorChips()).toBe(1);
    // Escape at the question changes nothing either.
    await importOnce();
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await documentText(page)).toBe(before);
    await chooseFromToolbar(page, "Versions…");
    const versions = page.getByRole("dialog", { name: "Versions" });
    await expect.poll(() => versions.isVisible()).toBe(true);
    await page.waitForTimeout(300);
    expect(await versions.getByTestId("version-item").count()).toBe(0);
    await versions.getByRole("button", { name: "Close" }).click();

    // Confirmed: the draft is the official text, and the old draft is a version.
    await importOnce();
    await dialog.getByRole("button", { name: "Replace the draft" }).click();
    await expect.poll(() => page.locator(".code-section").count()).toBe(1);
    const imported = await documentText(page);
    expect(imported).toContain('"Agency" means a City department.');
    expect(imported).not.toContain("Meanwhile");
    expect(await page.getByTestId("change-total").textContent()).toBe("0");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
    // The demonstration's sponsors went with it: an exported ordinance is signed by no one of them (it carried 28 names).
    await page.getByRole("button", { name: "Sponsors…" }).click();
    const sponsorsDialog = page.getByRole("dialog", { name: "Sponsors" });
    await expect.poll(() => sponsorsDialog.isVisible()).toBe(true);
    expect(await sponsorsDialog.getByLabel("Name").count()).toBe(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => sponsorsDialog.isVisible()).toBe(false);

    await chooseFromToolbar(page, "Versions…");
    const kept = versions.getByTestId("version-item").filter({ hasText: "Before importing the official text" });
    await expect.poll(() => kept.count()).toBe(1);
    await kept.getByRole("button", { name: "Restore" }).click();
    await expect.poll(() => documentText(page)).toBe(before);
    await versions.getByRole("button", { name: "Close" }).click();
    expect(await page.getByTestId("change-total").textContent()).toBe(changes);
    await expect.poll(sponsorChips).toBe(1);
    // And it stays so after a reload (the restored draft is the stored one).
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
    await page.reload();
    await ready(page);
    expect(await documentText(page)).toBe(before);
    expect(errors).toEqual([]);
  });
});
