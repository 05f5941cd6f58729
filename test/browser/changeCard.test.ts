/**
 * The card on a change, in Chromium: resting the pointer on a change's marks, or putting the
 * caret in them, shows its kind, status, sponsors and comment count as the panel lists them;
 * Alt+F10 reaches its buttons, Escape closes it and gives the text the focus; Agree and Reject
 * act on that change.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, outputDir } from "./browser";

/** A listed change that has a sponsor: its id, kind, status and the sponsors' names, as its panel row shows them. */
async function sponsoredRow(page: Page) {
  return page.locator(".change-row").evaluateAll((rows) => rows.map((row) => ({
    id: row.getAttribute("data-change-id")!,
    kind: row.querySelector(".row-kind")?.textContent ?? "",
    status: row.querySelector(".status")?.textContent ?? "",
    sponsors: [...row.querySelectorAll(".sponsor-chip")].map((chip) => chip.getAttribute("aria-label") ?? ""),
  })).find((row) => row.sponsors.length > 0 && document.querySelector(`.code-section .words ins[data-change-id="${row.id}"]`)));
}

/** The middle of the first line box of a mark (a mark that wraps has its box's middle between its lines). */
async function firstLine(mark: Locator): Promise<{ x: number; y: number }> {
  await mark.scrollIntoViewIfNeeded();
  // Measured once the page has stopped moving: sections drawn around the mark (their heights
  // estimated until then) can shift it for a few frames after the scroll.
  return mark.evaluate((element) => new Promise<{ x: number; y: number }>((resolve) => {
    let last = "";
    let still = 0;
    const measure = () => {
      const rect = element.getClientRects()[0]!;
      const at = `${rect.left},${rect.top}`;
      still = at === last ? still + 1 : 0;
      last = at;
      if (still >= 3) resolve({ x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 });
      else requestAnimationFrame(measure);
    };
    requestAnimationFrame(measure);
  }));
}

async function hover(page: Page, mark: Locator): Promise<void> {
  const { x, y } = await firstLine(mark);
  await page.mouse.move(x, y);
}

const card = (page: Page) => page.getByRole("dialog", { name: /^Change: / });

/** The card lies inside the chapter's view, left to right: it covers none of the changes panel. */
async function assertBesideThePanel(page: Page): Promise<void> {
  const box = (await card(page).boundingBox())!;
  const pane = (await page.locator(".editor-pane").boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(pane.x);
  expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
}

describe("the card on a change, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.locator(".change-row").first().waitFor();
    // A sponsor on the first change that underlines words, chosen in the panel as a person would.
    const id = await page.locator(".change-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-change-id")!)
      .find((each) => document.querySelector(`.code-section .words ins[data-change-id="${each}"]`)));
    await page.locator(`.change-row[data-change-id="${id}"]`).click();
    await page.getByLabel("Add a sponsor").selectOption("waguespack");
    await page.locator(`.change-row[data-change-id="${id}"] .sponsor-chip`).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows on hover what the panel lists for the change, and goes when the pointer leaves", async () => {
    const row = await sponsoredRow(page);
    expect(row).toBeDefined();
    const mark = page.locator(`.code-section .words ins[data-change-id="${row!.id}"]`).first();
    await hover(page, mark);
    await card(page).waitFor();
    const text = await card(page).textContent();
    expect(await card(page).getAttribute("aria-label")).toBe(`Change: ${row!.kind}`);
    expect(text).toContain(row!.status);
    for (const name of row!.sponsors) expect(text).toContain(name);
    expect(text).toMatch(/\d+ comments?/);
    // Placed by the change, below its line, and drawn over the text.
    const line = await mark.evaluate((element) => { const rect = element.getClientRects()[0]!; return { top: rect.top, bottom: rect.bottom }; });
    const cardBox = await card(page).boundingBox();
    expect(cardBox!.y).toBeGreaterThanOrEqual(line.bottom - 1);
    expect(cardBox!.y - line.top).toBeLessThan(120);
    await page.screenshot({ path: `${outputDir()}change-card.png` });
    await page.mouse.move(5, 600);
    await expect.poll(() => card(page).count()).toBe(0);
  });

  it("shows for the change at the caret; Alt+F10 reaches its buttons and Escape closes it, the text focused again", async () => {
    const row = await sponsoredRow(page);
    const { x, y } = await firstLine(page.locator(`.code-section .words ins[data-change-id="${row!.id}"]`).first());
    await page.mouse.click(x, y);
    await card(page).waitFor();
    await page.keyboard.press("Alt+F10");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Agree");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Reject");
    await page.keyboard.press("Escape");
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
    // Escape dismissed it for this change: moving the caret within the change keeps it closed.
    await page.keyboard.press("ArrowRight");
    expect(await card(page).count()).toBe(0);
  });

  it("goes away while one types in the change, and comes back when the caret moves", async () => {
    // Another change than the one whose card Escape dismissed above.
    const { x, y } = await firstLine(page.locator(".code-section .words ins", { hasText: /^person$/ }).first());
    await page.mouse.click(x + 4, y);
    await card(page).waitFor({ timeout: 5_000 }).catch(() => { throw new Error("no card after the click"); });
    await page.keyboard.type("so");
    await expect.poll(() => card(page).count()).toBe(0);
    await page.keyboard.press("ArrowLeft");
    await card(page).waitFor({ timeout: 5_000 }).catch(() => { throw new Error("no card after ArrowLeft"); });
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Delete");
    await page.keyboard.press("Escape");
  });

  it("opens no card while one types with the pointer resting on the text, until the mouse moves", async () => {
    await page.mouse.move(5, 300);
    await expect.poll(() => card(page).count()).toBe(0);
    // A click in plain words leaves the pointer there; typing makes an insertion under it.
    const words = page.locator(".code-section .words", { hasText: "willing cooperation" }).first();
    await words.scrollIntoViewIfNeeded();
    const spot = await words.evaluate((element) => {
      const text = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.includes("cooperation"))!;
      const range = document.createRange();
      const at = text.textContent!.indexOf("cooperation");
      range.setStart(text, at);
      range.setEnd(text, at + 2);
      const box = range.getBoundingClientRect();
      return { x: box.left + 1, y: box.top + box.height / 2 };
    });
    await page.mouse.click(spot.x, spot.y);
    await page.keyboard.type("XX");
    await page.waitForTimeout(800);
    expect(await card(page).count()).toBe(0);
    // A move of the mouse onto the new words is a hover again.
    await page.mouse.move(spot.x + 3, spot.y);
    await card(page).waitFor({ timeout: 5_000 });
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.mouse.move(5, 300);
    await expect.poll(() => card(page).count()).toBe(0);
  });

  it("stays over the chapter's view for a change at its bottom edge, above the line, covering no notice", async () => {
    const row = await sponsoredRow(page);
    const mark = page.locator(`.code-section .words ins[data-change-id="${row!.id}"]`).first();
    await page.mouse.move(5, 300);
    await expect.poll(() => card(page).count()).toBe(0);
    await mark.scrollIntoViewIfNeeded();
    // The change's line put 40 px above the bottom of the chapter's view.
    await mark.evaluate((element) => {
      const pane = element.closest(".editor-pane")!;
      pane.scrollTop += element.getBoundingClientRect().top - (pane.getBoundingClientRect().bottom - 40);
    });
    await hover(page, mark);
    await card(page).waitFor();
    const box = (await card(page).boundingBox())!;
    const pane = await page.locator(".editor-pane").evaluate((element) => { const rect = element.getBoundingClientRect(); return { top: rect.top, bottom: rect.bottom }; });
    const line = await mark.evaluate((element) => element.getClientRects()[0]!.top);
    await assertBesideThePanel(page);
    expect(box.y + box.height).toBeLessThanOrEqual(line + 1);
    expect(box.y).toBeGreaterThanOrEqual(pane.top - 1);
    const notices = await page.locator(".notices").boundingBox();
    if (notices) expect(box.y + box.height).toBeLessThanOrEqual(notices.y + 1);
    await page.mouse.move(5, 300);
    await expect.poll(() => card(page).count()).toBe(0);
  });

  it("for a change at the right end of a line, stays left of the changes panel", async () => {
    await page.mouse.move(5, 300);
    await expect.poll(() => card(page).count()).toBe(0);
    // The mark whose first line box starts furthest right in the text.
    const index = await page.locator(".code-section .words :is(ins, del)[data-change-id]").evaluateAll((marks) => {
      let best = 0;
      marks.forEach((mark, i) => { if (mark.getClientRects()[0] && mark.getClientRects()[0]!.left > marks[best]!.getClientRects()[0]!.left) best = i; });
      return best;
    });
    const mark = page.locator(".code-section .words :is(ins, del)[data-change-id]").nth(index);
    await hover(page, mark);
    await card(page).waitFor();
    const { x } = await firstLine(mark);
    const pane = (await page.locator(".editor-pane").boundingBox())!;
    // The mark starts further right than a card's width from the view's edge would allow.
    expect(x + (await card(page).boundingBox())!.width).toBeGreaterThan(pane.x + pane.width);
    await assertBesideThePanel(page);
    await page.mouse.move(5, 300);
    await expect.poll(() => card(page).count()).toBe(0);
  });

  it("agrees to the change from the card, and rejects another", async () => {
    const row = await sponsoredRow(page);
    const mark = page.locator(`.code-section .words ins[data-change-id="${row!.id}"]`).first();
    await page.mouse.move(5, 600);
    await hover(page, mark);
    await card(page).getByRole("button", { name: "Agree" }).click();
    await expect.poll(() => page.locator(`.change-row[data-change-id="${row!.id}"] .status`).textContent()).toBe("agreed");
    const total = Number(await page.getByTestId("change-total").textContent());
    const other = page.locator(".code-section .words ins[data-change-id]:not(.redline-agreed)").first();
    await page.mouse.move(5, 600);
    await expect.poll(() => card(page).count()).toBe(0);
    await hover(page, other);
    await card(page).getByRole("button", { name: "Reject" }).click();
    await expect.poll(async () => Number(await page.getByTestId("change-total").textContent())).toBeLessThan(total);
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
