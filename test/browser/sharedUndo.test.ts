/**
 * Undo in a shared draft, as the drafter does it in Chromium against a real server: deleting
 * selected words enables Undo at once, and Ctrl+Z and the toolbar's Undo each bring the words
 * back, with the comment thread that was on them (highlighted, no longer "words gone"), which
 * stays on them after a reload.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstAdmin, PASSWORD, person, testServer } from "../server/helpers";
import { launchBrowser, outputDir } from "./browser";
import { documentText, selectWords, signIn } from "./editing";
import { chooseFromToolbar } from "./toolbar";

const PASSAGE = "witnesses to crime";

describe("Undo in a shared draft, in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof testServer>>;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await testServer();
    const admin = await firstAdmin(server.url);
    await person(admin, "Dana Drafter", "Advancing Justice | Chicago");
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => { if (message.type() === "error" && !message.text().includes("status of 401")) errors.push(message.text()); });
    await page.goto(server.url + "/");
    await page.waitForSelector("[data-testid=change-row]");
    await chooseFromToolbar(page, "Share…");
    await signIn(page, "Dana Drafter", PASSWORD);
    await page.getByRole("dialog", { name: "Share this draft" }).getByRole("button", { name: "Share" }).click();
    await page.waitForURL(/\?shared=/, { timeout: 30_000 });
    await page.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });
    // A comment thread on the words the tests delete (signed as the person signed in).
    await selectWords(page, PASSAGE);
    await page.keyboard.press("Control+Alt+m");
    const box = page.getByTestId("new-thread");
    await box.getByLabel("Comment").fill("Does this cover every witness?");
    await box.getByRole("button", { name: "Post" }).click();
    await page.waitForFunction((words) => [...document.querySelectorAll(".editor-pane .code-document .comment-anchor")].map((span) => span.textContent).join("") === words, PASSAGE, { timeout: 15_000 });
  }, 90_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** The words the text highlights as a thread's, and whether the Comments tab says the thread's words are gone. */
  const highlighted = () => page.locator(".editor-pane .code-document .comment-anchor").evaluateAll((spans) => spans.map((span) => span.textContent ?? "").join(""));
  const wordsGone = () => page.getByTestId("thread").first().locator(".badge", { hasText: "words gone" }).count();
  const undoButton = () => page.getByRole("button", { name: "Undo", exact: true });
  const struck = (words: string) => page.locator(".editor-pane del", { hasText: words }).count();

  for (const how of ["Ctrl+Z", "the toolbar's Undo"] as const) {
    it(`brings deleted words back with ${how}`, async () => {
      const before = await documentText(page);
      await selectWords(page, PASSAGE);
      await page.keyboard.press("Delete");
      await expect.poll(() => struck(PASSAGE)).toBeGreaterThan(0);
      await expect.poll(() => wordsGone()).toBe(1);
      await expect.poll(() => undoButton().isEnabled(), { message: "Undo is enabled after the deletion" }).toBe(true);
      if (how === "Ctrl+Z") await page.keyboard.press("Control+z");
      else await undoButton().click();
      await expect.poll(() => struck(PASSAGE), { message: "the words are back" }).toBe(0);
      expect(await documentText(page)).toBe(before);
      await expect.poll(() => wordsGone(), { message: "the thread has its words again" }).toBe(0);
      expect(await highlighted()).toBe(PASSAGE);
      await page.screenshot({ path: `${outputDir()}shared-undo-${how === "Ctrl+Z" ? "key" : "button"}.png` });
    }, 60_000);
  }

  it("keeps the thread on its words after a reload", async () => {
    await page.reload();
    await page.waitForSelector("[data-testid=change-row]", { timeout: 30_000 });
    await expect.poll(() => highlighted(), { timeout: 15_000 }).toBe(PASSAGE);
    expect(await wordsGone()).toBe(0);
  }, 60_000);

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
