/**
 * Notices never move the chapter text: the demonstration notice shown at start, and a status
 * line appearing (a section repealed from the Section menu) and being dismissed, leave the
 * chapter's top where it was on the screen; the notices stand below the chapter, covering none of it.
 * The demonstration notice can be hidden; a badge in the toolbar then says what the text is.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./browser";

const chapterTop = (page: Page) => page.locator("#chapter-text").evaluate((element) => element.getBoundingClientRect().top);
/** Where the editor's scrolling viewport starts on the screen, and where the chapter's top would be unscrolled. */
const placement = (page: Page) => page.locator(".editor-pane").evaluate((pane) => ({
  pane: Math.round(pane.getBoundingClientRect().top),
  chapter: Math.round(pane.querySelector("#chapter-text")!.getBoundingClientRect().top + pane.scrollTop),
}));

describe("notices in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it("leave the chapter text where it is when they appear and go", async () => {
    const errors: string[] = [];
    const page = await openPage(browser, inject("baseUrl"), errors);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.waitForSelector("[data-testid=change-row]");
    const demo = page.getByRole("note", { name: "About the bundled text" });
    expect(await demo.isVisible()).toBe(true);
    // Below the chapter's view, covering none of it, and nothing but the toolbar above the chapter.
    const paneBottom = await page.locator(".editor-pane").evaluate((element) => element.getBoundingClientRect().bottom);
    expect((await demo.boundingBox())!.y).toBeGreaterThanOrEqual(paneBottom - 1);
    const headerBottom = await page.locator(".app-header").evaluate((element) => element.getBoundingClientRect().bottom);
    const paneTop = await page.locator(".editor-pane").evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(paneTop - headerBottom)).toBeLessThan(1);
    expect(await page.locator(".toolbar").evaluate((element) => element.getBoundingClientRect().bottom)).toBeCloseTo(headerBottom, 0);

    const atStart = await chapterTop(page);
    await page.getByText("shall not be construed to create", { exact: false }).first().click();
    const before = await placement(page);
    expect(before.chapter).toBe(Math.round(atStart));
    await page.getByRole("button", { name: "Section", exact: true }).click();
    await page.getByRole("menuitem", { name: "Repeal section" }).click();
    const status = page.locator(".status-line");
    await status.waitFor();
    expect(await status.textContent()).toMatch(/Repealed Section/);
    expect((await status.boundingBox())!.height).toBeGreaterThan(10);
    expect(await placement(page)).toEqual(before);

    await status.getByRole("button", { name: "Dismiss" }).click();
    await status.waitFor({ state: "detached" });
    expect(await placement(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("hides the demonstration notice on request, keeping a badge in the toolbar that shows it again, across a reload", async () => {
    const errors: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
    await page.waitForSelector("[data-testid=change-row]");
    const demo = page.getByRole("note", { name: "About the bundled text" });
    const badge = page.getByRole("button", { name: "Demonstration text" });
    const toolbarHeight = () => page.locator(".toolbar").evaluate((element) => element.getBoundingClientRect().height);
    const paneHeight = () => page.locator(".editor-pane").evaluate((element) => element.getBoundingClientRect().height);
    const [heightBefore, paneBefore] = [await toolbarHeight(), await paneHeight()];
    expect(await badge.count()).toBe(0);
    await demo.getByRole("button", { name: "Hide" }).click();
    await demo.waitFor({ state: "detached" });
    // The chapter's view gains the notice's height; the toolbar keeps its one row.
    expect(await paneHeight()).toBeGreaterThan(paneBefore + 20);
    expect(await badge.isVisible()).toBe(true);
    expect(await toolbarHeight()).toBe(heightBefore);
    await page.reload();
    await page.waitForSelector("[data-testid=change-row]");
    expect(await demo.count()).toBe(0);
    await badge.click();
    await demo.waitFor();
    expect(await badge.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
