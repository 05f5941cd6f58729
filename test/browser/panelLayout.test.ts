/**
 * The changes panel is a virtual list: each row is placed at an offset summed from the sizes
 * of the rows above it. Those offsets must match the rows' real, laid-out heights after every
 * edit that adds, removes or re-orders rows, so that rows never overlap and never leave gaps.
 * The oracle is the browser's own layout: every rendered row's bounding box must start where
 * the one before it ends (the list puts no space between rows).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, outputDir } from "./browser";
import { caretAfter } from "./editing";

/** How far (px) a row may start from the end of the one above it: sub-pixel rounding only. */
const TOLERANCE = 0.5;

interface Box { readonly index: number; readonly text: string; readonly top: number; readonly bottom: number; readonly inner: number }

/** Every rendered row of the panel, in index order, with its box and its content's height. */
async function readRows(page: Page): Promise<Box[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".change-list .virtual-row")]
    .map((row) => {
      const box = row.getBoundingClientRect();
      const content = row.firstElementChild!.getBoundingClientRect();
      return { index: Number(row.dataset.index), text: (row.textContent ?? "").slice(0, 60), top: box.top, bottom: box.bottom, inner: content.height };
    })
    .sort((a, b) => a.index - b.index));
}

/** The layout faults of `rows`: index gaps, overlaps and gaps between consecutive rows. */
function faults(rows: readonly Box[]): string[] {
  const found: string[] = [];
  for (let k = 1; k < rows.length; k++) {
    const above = rows[k - 1]!;
    const row = rows[k]!;
    if (row.index !== above.index + 1) found.push(`rows ${above.index} and ${row.index} are rendered with rows missing between them`);
    const space = row.top - above.bottom;
    if (space < -TOLERANCE) found.push(`row ${row.index} "${row.text}" overlaps row ${above.index} "${above.text}" by ${(-space).toFixed(1)} px`);
    if (space > TOLERANCE) found.push(`a ${space.toFixed(1)} px gap between row ${above.index} "${above.text}" and row ${row.index} "${row.text}"`);
  }
  for (const row of rows) {
    if (Math.abs(row.bottom - row.top - row.inner) > TOLERANCE) found.push(`row ${row.index} "${row.text}" is ${(row.bottom - row.top).toFixed(1)} px tall around ${row.inner.toFixed(1)} px of content`);
  }
  return found;
}

/** Waits until the panel's layout holds still (two reads a few frames apart agree), then reads it. */
async function settledRows(page: Page): Promise<Box[]> {
  let last = "";
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 30)))));
    const rows = await readRows(page);
    const now = JSON.stringify(rows);
    if (now === last) return rows;
    last = now;
  }
  throw new Error("the panel's layout never settled");
}

async function expectTiled(page: Page, what: string): Promise<void> {
  const rows = await settledRows(page);
  expect(rows.length, `${what}: rows rendered`).toBeGreaterThan(3);
  expect(faults(rows), what).toEqual([]);
}

async function total(page: Page): Promise<string> {
  return (await page.getByTestId("change-total").textContent()) ?? "";
}

/** Types `text` after `where` and waits for the panel's count to change. */
async function typeAfter(page: Page, where: string, text: string): Promise<void> {
  const before = await total(page);
  await caretAfter(page, where);
  await page.keyboard.type(text);
  await expect.poll(() => total(page)).not.toBe(before);
}

async function scrollPanel(page: Page, fraction: number): Promise<void> {
  await page.locator(".change-list").evaluate((list, at) => { list.scrollTop = (list.scrollHeight - list.clientHeight) * at; }, fraction);
}

describe("the changes panel's rows tile without overlap or gaps", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeEach(async () => {
    browser ??= await launchBrowser();
    await page?.close();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForSelector("[data-testid=change-row]");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("on opening, and after scrolling", async () => {
    await expectTiled(page, "opened");
    for (const at of [0.5, 1, 0.25, 0]) {
      await scrollPanel(page, at);
      await expectTiled(page, `scrolled to ${at}`);
    }
  });

  it("after a catchline edit adds a row, then after a reject, an accept and scrolling", async () => {
    await expectTiled(page, "opened");
    await typeAfter(page, "Requesting information prohibited", " by agents");
    await expectTiled(page, "typed in the 2-173-020 catchline");
    await page.screenshot({ path: `${outputDir()}panel-after-catchline.png` });

    await page.locator(".change-row", { hasText: "in every neighborhood" }).click();
    const before = await total(page);
    await page.getByRole("button", { name: "Reject", exact: true }).click();
    await expect.poll(() => total(page)).not.toBe(before);
    await expectTiled(page, "rejected a change");

    const agreed = page.locator(".change-row", { hasText: "residents" });
    await agreed.click();
    await page.getByRole("button", { name: "Agree", exact: true }).click();
    await expect.poll(() => agreed.locator(".status").textContent()).toBe("agreed");
    await expectTiled(page, "accepted a change");

    await page.getByLabel("Filter by status").selectOption("proposed");
    await expect.poll(() => total(page)).toMatch(/ of /);
    await expectTiled(page, "filtered to proposed changes");
    await typeAfter(page, "holds immigration documents.", " x");
    await expectTiled(page, "typed while filtered");
    await page.getByLabel("Filter by status").selectOption("");
    await expect.poll(() => total(page)).not.toMatch(/ of /);
    await expectTiled(page, "cleared the status filter");

    for (const at of [1, 0.5, 0]) {
      await scrollPanel(page, at);
      await expectTiled(page, `scrolled to ${at} after the edits`);
    }
  });

  it("after typing at the end of 2-173-005(b), then typing further down while scrolled", async () => {
    await typeAfter(page, "holds immigration documents.", " x");
    await expectTiled(page, "typed at the end of 2-173-005(b)");
    await page.screenshot({ path: `${outputDir()}panel-after-005b.png` });
    await scrollPanel(page, 0.6);
    await expectTiled(page, "scrolled after the edit");
    await typeAfter(page, "Requesting information prohibited", " by agents");
    await expectTiled(page, "typed in a catchline while the panel was scrolled");
    await page.keyboard.press("Control+z");
    await expectTiled(page, "undone");
  });

  it("after rejecting all of a section and changing the filter", async () => {
    await page.getByRole("button", { name: "Reject all", exact: true }).first().click();
    await expectTiled(page, "rejected a whole section");
    await page.locator(".change-row", { hasText: "requesting" }).first().click();
    await page.getByLabel("Add a sponsor").selectOption("waguespack");
    await page.getByLabel("Filter by sponsor").selectOption("waguespack");
    await expect.poll(() => page.getByTestId("change-row").count()).toBe(1);
    await page.getByLabel("Filter by sponsor").selectOption("");
    await expect.poll(() => page.getByTestId("change-row").count()).toBeGreaterThan(1);
    await expectTiled(page, "cleared the filter");
    await typeAfter(page, "holds immigration documents.", " x");
    await expectTiled(page, "typed after the filter was cleared");
  });

  it("in a 2 MB chapter, after edits above the rows in view, a reject and scrolling", async () => {
    await page.goto(`${inject("baseUrl")}?sample=2000000`);
    await page.waitForSelector("[data-testid=change-row]", { timeout: 120_000 });
    await scrollPanel(page, 0.5);
    await expectTiled(page, "2 MB: scrolled to the middle");
    // Edits in the first sections add rows far above the ones in view, in another block of sections.
    for (const nth of [2, 5]) {
      const before = await total(page);
      await page.evaluate((index) => {
        const words = document.querySelectorAll(".code-document .code-paragraph .words")[index]!;
        const text = [...words.childNodes].find((node) => node.nodeType === Node.TEXT_NODE) ?? words;
        const range = document.createRange();
        range.setStart(text, 0);
        range.collapse(true);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        (words.closest("[contenteditable=true]") as HTMLElement).focus();
      }, nth);
      await page.keyboard.type("Zqx ");
      await page.keyboard.press("Enter");
      await page.keyboard.type("Wholly new words. ");
      await expect.poll(() => total(page), { timeout: 20_000 }).not.toBe(before);
      await expectTiled(page, `2 MB: typed in paragraph ${nth}`);
    }
    const before = await total(page);
    await page.getByTestId("change-row").nth(3).click();
    await page.getByRole("button", { name: "Reject", exact: true }).click();
    await expect.poll(() => total(page), { timeout: 20_000 }).not.toBe(before);
    await expectTiled(page, "2 MB: rejected a change in view");
    await page.screenshot({ path: `${outputDir()}panel-2mb.png` });
    for (const at of [0.9, 0.1, 0.6]) {
      await scrollPanel(page, at);
      await expectTiled(page, `2 MB: scrolled to ${at}`);
    }
  }, 300_000);

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
