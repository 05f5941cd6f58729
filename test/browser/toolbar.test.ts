/**
 * The toolbar as a reviewer on a 1366×768 laptop meets it: one row whose height never changes
 * while the draft saves, menus that work from the keyboard, Escape that closes the shortcuts
 * list wherever focus is, and Ctrl+Z / Ctrl+Y that undo and redo the draft from anywhere.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, outputDir } from "./browser";
import { caretAfter, documentText } from "./editing";

describe("the toolbar at 1366×768", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator(".ProseMirror").waitFor();
    await page.waitForFunction(() => document.querySelector("[data-testid=save-status]")?.textContent === "All changes saved");
  });
  afterAll(async () => {
    await browser?.close();
  });


  it("fits one row: every control sits on the same line", async () => {
    const rows = await page.locator(".toolbar").evaluate((toolbar) => {
      const shown = [...toolbar.children].filter((child) => child.getBoundingClientRect().width > 0);
      const tops = shown.map((child) => { const box = child.getBoundingClientRect(); return Math.round(box.top + box.height / 2); });
      return { centres: [...new Set(tops)], height: toolbar.getBoundingClientRect().height, overflow: toolbar.scrollWidth - toolbar.clientWidth };
    });
    expect(rows.overflow).toBeLessThanOrEqual(0);
    // Centres within 3 px of each other: one row (a second row would be ~30 px lower).
    expect(Math.max(...rows.centres) - Math.min(...rows.centres)).toBeLessThanOrEqual(3);
    expect(rows.height).toBeLessThan(56);
    await page.screenshot({ path: `${outputDir()}toolbar-1366.png` });
  });

  it("keeps one height while saving, so the document never jumps", async () => {
    await page.evaluate(() => {
      const toolbar = document.querySelector(".toolbar")!;
      const status = document.querySelector("[data-testid=save-status]")!;
      const seen: Array<{ text: string; height: number; documentTop: number }> = [];
      (window as unknown as { toolbarHeights: typeof seen }).toolbarHeights = seen;
      const record = () => seen.push({ text: status.textContent ?? "", height: toolbar.getBoundingClientRect().height, documentTop: document.querySelector(".workspace")!.getBoundingClientRect().top });
      record();
      new MutationObserver(record).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await caretAfter(page, "No agent or agency shall");
    await page.keyboard.type(" ever");
    await expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 15_000 }).toBe("All changes saved");
    const seen = await page.evaluate(() => (window as unknown as { toolbarHeights: Array<{ text: string; height: number; documentTop: number }> }).toolbarHeights);
    expect(new Set(seen.map((entry) => entry.text)).size, JSON.stringify(seen)).toBeGreaterThan(1);
    expect(new Set(seen.map((entry) => entry.height)).size, JSON.stringify(seen)).toBe(1);
    expect(new Set(seen.map((entry) => entry.documentTop)).size, JSON.stringify(seen)).toBe(1);
  });

  it("opens a menu with the keyboard, walks it with the arrows and closes it with Escape", async () => {
    const draftMenu = page.getByRole("button", { name: "Draft", exact: true });
    await draftMenu.focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Drafts…");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Import official text…");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Escape");
    expect(await page.getByRole("menu").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Draft");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(1);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
  });

  it("closes the menu on a click elsewhere, and a disabled action does nothing", async () => {
    await page.getByRole("button", { name: "Section", exact: true }).click();
    expect(await page.getByRole("menuitem").count()).toBe(4);
    await page.locator(".chapter-heading").click();
    expect(await page.getByRole("menu").count()).toBe(0);
  });

  it("closes the shortcuts list with Escape wherever focus is", async () => {
    await page.getByRole("button", { name: "Shortcuts" }).click();
    await expect.poll(() => page.getByRole("dialog", { name: "Keyboard shortcuts" }).count()).toBe(1);
    await page.getByRole("button", { name: "Export…" }).focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog", { name: "Keyboard shortcuts" }).count()).toBe(0);
  });

  it("undoes and redoes the draft with Ctrl+Z and Ctrl+Y from outside the editor", async () => {
    await caretAfter(page, "No agent or agency shall");
    await page.keyboard.type(" plainly");
    await expect.poll(() => documentText(page)).toContain("No agent or agency shall plainly");
    await page.getByRole("button", { name: "Export…" }).focus();
    await page.keyboard.press("Control+z");
    await expect.poll(() => documentText(page)).not.toContain("shall plainly");
    await page.keyboard.press("Control+y");
    await expect.poll(() => documentText(page)).toContain("shall plainly");
    await page.keyboard.press("Control+Shift+z");
    await page.keyboard.press("Control+z");
    await expect.poll(() => documentText(page)).not.toContain("shall plainly");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Export…");
  });

  it("shows the panel's section headers whole, not cut off", async () => {
    const cut = await page.locator(".section-label").evaluateAll((labels) =>
      labels.filter((label) => label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1).map((label) => label.textContent));
    expect(await page.locator(".section-label").count()).toBeGreaterThan(2);
    expect(cut).toEqual([]);
    // And on few lines: beside its Agree/Reject buttons a long catchline took six lines of a word or two; they go under it then.
    const list = page.locator(".change-list");
    const lines = new Map<string, number>();
    // The list draws the rows in view: scroll through it to see every section's header.
    for (let top = 0, end = 1; top < end; top += 200) {
      end = await list.evaluate((element, at) => { element.scrollTop = at; return element.scrollHeight; }, top);
      await page.waitForTimeout(50);
      for (const label of await page.locator(".section-label").evaluateAll((labels) => labels.map((label) => ({
        text: label.textContent ?? "", lines: Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight)),
      })))) lines.set(label.text, label.lines);
    }
    expect(lines.size).toBeGreaterThan(8);
    expect([...lines].filter(([, count]) => count > 2)).toEqual([]);
  });

  it("logs no console errors", () => {
    expect(errors).toEqual([]);
  });
});
