/**
 * Find and replace in Chromium: Ctrl+F opens the app's find bar (not the browser's), the matches
 * are highlighted in the text, Enter walks them, and Replace all is one tracked edit: the marks a
 * person sees afterwards hold the words a fresh compare of the base with the downloaded clean
 * chapter gives, the clean chapter holds the new words, and one Ctrl+Z takes it all back.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare } from "../../src/core/redline";
import { fixtureBase, fixtureText } from "../support/fixtures";
import { launchBrowser, openPage, outputDir } from "./browser";
import { caretBefore, documentText } from "./editing";

/** An enumerator or section number standing alone: a label, shown apart from the words (a whole inserted block's change holds its labels too). */
const isLabel = (word: string) => /^\([0-9A-Za-z]+\)$|^\d+-\d+-\d+$/.test(word);

/** The words shown struck and shown underlined in the text, read by their computed look, sorted. */
async function markedWords(page: Page): Promise<{ struck: string[]; underlined: string[] }> {
  const seen = await page.evaluate(() => {
    const root = document.querySelector(".editor-pane .ProseMirror")!;
    const struck: string[] = [];
    const underlined: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Section numbers and enumerators are labels, judged apart from the words.
      if (node.parentElement?.closest(".section-number, .enumerator, .toc")) continue;
      let look = "";
      for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
        const line = getComputedStyle(element).textDecorationLine;
        if (line.includes("line-through")) { look = "struck"; break; }
        if (line.includes("underline")) { look = "underlined"; break; }
      }
      if (look === "struck") struck.push(node.textContent ?? "");
      if (look === "underlined") underlined.push(node.textContent ?? "");
    }
    return { struck, underlined };
  });
  const words = (runs: string[]) => runs.join(" ").replace(/¶/g, " ").split(/\s+/).filter((word) => word && !isLabel(word)).sort();
  return { struck: words(seen.struck), underlined: words(seen.underlined) };
}

/** The words a fresh compare of the base with `draftText` strikes and underlines (labels and the contents left out), sorted. */
function freshWords(draftText: string): { struck: string[]; underlined: string[] } {
  const redline = compare(fixtureBase(), parseCodeText(draftText).document);
  const changes = redline.changes.filter((change) => change.part !== "number" && change.part !== "enumerator" && change.part !== "toc");
  const words = (texts: string[]) => texts.join(" ").split(/\s+/).filter((word) => word && !isLabel(word)).sort();
  return { struck: words(changes.map((change) => change.deleted)), underlined: words(changes.map((change) => change.inserted)) };
}

async function downloadClean(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Export…" }).click();
  const dialog = page.getByRole("dialog", { name: "Export the amending ordinance" });
  const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Clean chapter (.txt)" }).click()]);
  const text = readFileSync((await downloaded.path())!, "utf8");
  await page.keyboard.press("Escape");
  await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
  return text;
}

describe("find and replace in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.locator(".change-row").first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens the app's find bar with Ctrl+F and highlights every match in the text", async () => {
    await caretBefore(page, "shall");
    await page.keyboard.press("Control+f");
    const box = page.getByRole("searchbox", { name: "Find" });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type("shall");
    const shown = await page.locator(".code-document .find-match").count();
    expect(shown).toBeGreaterThan(5);
    // As many highlights as the draft's own words hold (struck words are not the draft's).
    const draftWords = (await page.locator(".code-document").evaluate((root) => {
      let text = "";
      root.querySelectorAll(".words, .catchline, .history-note, .chapter-title").forEach((element) => {
        if (element.closest(".toc")) return;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest("del, [contenteditable=false]")) text += node.textContent + "\n";
      });
      return text;
    })).split("shall").length - 1;
    expect(shown).toBe(draftWords);
    expect(await page.getByTestId("find-count").textContent()).toMatch(new RegExp(`^\\d+ of ${shown}$`));
    const look = await page.locator(".code-document .find-current").evaluate((element) => getComputedStyle(element).backgroundColor);
    const other = await page.locator(".code-document .find-match:not(.find-current)").first().evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(look).not.toBe("rgba(0, 0, 0, 0)");
    expect(look).not.toBe(other);
  });

  it("walks the matches with Enter and Shift+Enter", async () => {
    const count = () => page.getByTestId("find-count").textContent();
    const start = Number((await count())!.split(" ")[0]);
    const total = await page.locator(".code-document .find-match").count();
    await page.keyboard.press("Enter");
    expect(await count()).toBe(`${(start % total) + 1} of ${total}`);
    await page.keyboard.press("Shift+Enter");
    expect(await count()).toBe(`${start} of ${total}`);
    // Only a case-sensitive search tells "Shall" from "shall".
    await page.getByRole("checkbox", { name: "Match case" }).check();
    expect(await page.locator(".code-document .find-match").count()).toBeLessThanOrEqual(total);
    await page.getByRole("checkbox", { name: "Match case" }).uncheck();
  });

  it("replaces all as one tracked edit: marks equal a fresh compare, the clean chapter has the new words, one undo takes it back", async () => {
    const before = await documentText(page);
    const total = await page.locator(".code-document .find-match").count();
    await page.getByRole("checkbox", { name: "Match case" }).check();
    const exact = await page.locator(".code-document .find-match").count();
    await page.getByRole("textbox", { name: "Replace with" }).fill("must");
    await page.getByRole("button", { name: "Replace all" }).click();
    await expect.poll(() => page.getByTestId("find-outcome").textContent()).toBe(`Replaced ${exact} matches.`);
    expect(await page.locator(".code-document .find-match").count()).toBe(0);
    expect(total).toBeGreaterThanOrEqual(exact);
    await page.screenshot({ path: `${outputDir()}find-replaced.png` });

    const clean = await downloadClean(page);
    expect(clean).toBe(fixtureText("amended.txt").split("shall").join("must"));
    expect(await markedWords(page)).toEqual(freshWords(clean));
    expect((await markedWords(page)).underlined).toContain("must");

    await page.keyboard.press("Control+z");
    await expect.poll(() => documentText(page)).toBe(before);
  });

  it("closes with Escape, clearing the highlights and giving the text the focus", async () => {
    await page.getByRole("searchbox", { name: "Find" }).focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".find-bar").count()).toBe(0);
    expect(await page.locator(".code-document .find-match").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
  });

  it("does not replace where the text could not be saved as it reads, and says why", async () => {
    await page.keyboard.press("Control+h");
    await page.getByRole("searchbox", { name: "Find" }).fill("(Added");
    await page.getByRole("checkbox", { name: "Match case" }).check();
    const notes = await page.locator(".code-document .find-match").count();
    expect(notes).toBeGreaterThan(0);
    const before = await documentText(page);
    await page.getByRole("textbox", { name: "Replace with" }).fill("Added");
    await page.getByRole("button", { name: "Replace all" }).click();
    await expect.poll(() => page.getByTestId("find-outcome").textContent()).toMatch(/^Replaced 0 matches\. \d+ lines were left as they were: .*history note/);
    expect(await documentText(page)).toBe(before);
    await page.keyboard.press("Escape");
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
