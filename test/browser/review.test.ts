/**
 * Reviewing as a Word user would: Previous/Next in the panel, Agree and Reject from the keyboard
 * going on to the next change, agreement visible in the text, and Agree to all / Reject all for
 * the whole draft after a confirmation; the selected row is the change at the caret, after a
 * click and after typing.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, outputDir } from "./browser";
import { caretAfter } from "./editing";

/** Each listed change's id, text and status, in panel order (only rendered rows: the top of the list). */
async function rows(page: Page): Promise<Array<{ id: string; text: string; status: string; current: boolean }>> {
  return page.locator(".change-row").evaluateAll((list) => list.map((row) => ({
    id: row.getAttribute("data-change-id")!,
    text: row.querySelector(".row-text")?.textContent ?? "",
    status: row.querySelector(".status")?.textContent ?? "",
    current: row.getAttribute("aria-current") === "true",
  })));
}

const selected = async (page: Page) => (await rows(page)).find((row) => row.current);

describe("reviewing changes in Chromium", () => {
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

  it("walks the changes with the panel's Previous and Next buttons", async () => {
    const listed = await rows(page);
    await page.getByRole("button", { name: "Next ▶" }).click();
    await expect.poll(async () => (await selected(page))?.id).toBe(listed[0]!.id);
    await page.getByRole("button", { name: "Next ▶" }).click();
    await expect.poll(async () => (await selected(page))?.id).toBe(listed[1]!.id);
    await page.getByRole("button", { name: "◀ Previous" }).click();
    await expect.poll(async () => (await selected(page))?.id).toBe(listed[0]!.id);
  });

  it("says what Agree means, and agrees with Alt+Shift+A, going on to the next change", async () => {
    expect(await page.getByRole("button", { name: "Agree", exact: true }).getAttribute("title")).toMatch(/stays in the redline/);
    const before = await rows(page);
    const at = before.findIndex((row) => row.current);
    await page.keyboard.press("Alt+Shift+A");
    await expect.poll(async () => (await rows(page)).find((row) => row.id === before[at]!.id)?.status).toBe("agreed");
    expect((await selected(page))?.id).toBe(before[at + 1]!.id);
    // The text shows the agreement too, not only the panel: a tick after the change's words.
    const tick = await page.locator(`.code-document [data-change-id="${before[at]!.id}"]`).first().evaluate((mark) => ({
      agreed: mark.classList.contains("redline-agreed"), after: getComputedStyle(mark, "::after").content,
    }));
    expect(tick.agreed).toBe(true);
    expect(tick.after).toContain("✓");
    const other = await page.locator(`.code-document [data-change-id="${before[at + 1]!.id}"]`).first().evaluate((mark) => getComputedStyle(mark, "::after").content);
    expect(other).not.toContain("✓");
  });

  it("rejects with Alt+Shift+R: the text reverts and the change that followed is selected", async () => {
    const total = () => page.getByTestId("change-total").textContent().then(Number);
    const count = await total();
    const before = await rows(page);
    const at = before.findIndex((row) => row.current);
    const rejected = before[at]!;
    await page.keyboard.press("Alt+Shift+R");
    // Fewer changes (rejecting a new section's contents line rejects the section, its other change too).
    await expect.poll(total).toBeLessThan(count);
    // Only the rows at the top of the list are drawn: the one after the last drawn may move up into view.
    expect((await rows(page)).map((row) => row.text).slice(0, before.length - 1)).toEqual(before.filter((_, k) => k !== at).map((row) => row.text));
    expect((await selected(page))?.text).toBe(before[at + 1]!.text);
    expect(rejected.text).not.toBe(before[at + 1]!.text);
    await page.keyboard.press("Control+z");
    await expect.poll(total).toBe(count);
    await expect.poll(async () => (await rows(page)).map((row) => row.text).slice(0, before.length)).toEqual(before.map((row) => row.text));
  });

  it("goes from the caret with Alt+↓ and Alt+↑ once the reviewer clicked elsewhere in the text, as Word's Next and Previous do", async () => {
    // A change further on selected in the panel, then a click in plain text before it.
    await page.locator(".change-row", { hasText: "Threats to report" }).first().click();
    await expect.poll(async () => (await selected(page))?.text).toContain("Threats to report");
    // The caret put in (a) as a click puts it, once the editor has read the new selection.
    const clickInA = async () => {
      await caretAfter(page, "counts itself among");
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    };
    await clickInA();
    await page.keyboard.press("Alt+ArrowDown");
    // The first change after the caret: the words struck in (b), not the one after the selected change.
    await expect.poll(async () => (await selected(page))?.text).toBe("in every neighborhood");
    // From a change reached so, the next goes on from it.
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(async () => (await selected(page))?.text).not.toBe("in every neighborhood");
    // Back in (a): the last change before the caret is the contents line's.
    await clickInA();
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(async () => (await selected(page))?.text).toContain("federal authorities");
  });

  it("agrees to every change, and rejects every one, only after a confirmation", async () => {
    const total = Number(await page.getByTestId("change-total").textContent());
    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByRole("button", { name: "Reject all…" }).click();
    expect(Number(await page.getByTestId("change-total").textContent())).toBe(total);
    page.once("dialog", (dialog) => { expect(dialog.message()).toContain(`${total} changes`); void dialog.accept(); });
    await page.getByRole("button", { name: "Agree to all…" }).click();
    await expect.poll(async () => new Set((await rows(page)).map((row) => row.status))).toEqual(new Set(["agreed"]));
    await page.screenshot({ path: `${outputDir()}review-agreed.png` });
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Reject all…" }).click();
    await expect.poll(() => page.getByTestId("change-total").textContent()).toBe("0");
    expect(await page.locator(".code-document ins, .code-document del").count()).toBe(0);
    await page.keyboard.press("Control+z");
    await expect.poll(async () => Number(await page.getByTestId("change-total").textContent())).toBe(total);
  });

  it("leaves the comment box room to type at 1366 and at 1920", async () => {
    await page.locator(".change-row").first().click();
    for (const width of [1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      const box = await page.getByRole("textbox", { name: "Comment", exact: true }).boundingBox();
      expect(box?.width, `at ${width}`).toBeGreaterThan(150);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it("highlights the selected change in the text whatever its kind, and a caret click selects its row", async () => {
    // Every change in turn (Alt+↑ to the first, then Alt+↓ walks them all, rows in view or not), read off the page.
    const total = Number(await page.getByTestId("change-total").textContent());
    const current = () => page.locator('.change-row[aria-current="true"]').getAttribute("data-change-id");
    for (let step = 0; step < total; step++) await page.keyboard.press("Alt+ArrowUp");
    const listedFirst = await page.evaluate(() => document.querySelector(".change-row")?.getAttribute("data-change-id"));
    await expect.poll(current).toBe(listedFirst);
    const missing: string[] = [];
    const seen = new Set<string>();
    // A run of re-lettered labels is one row and one stop: walk until the selection stays put.
    for (let step = 0; step < total; step++) {
      if (step > 0) await page.keyboard.press("Alt+ArrowDown");
      const id = await page.waitForFunction((previous) => {
        const now = document.querySelector('.change-row[aria-current="true"]')?.getAttribute("data-change-id");
        return now && !previous.includes(now) ? now : null;
      }, [...seen], { timeout: 3_000 }).then((handle) => handle.jsonValue() as Promise<string>).catch(() => null);
      if (id === null) break;
      seen.add(id);
      const outlined = await page.evaluate((changeId) => [...document.querySelectorAll(`.code-document [data-change-id="${changeId}"]`)]
        .some((mark) => { const style = getComputedStyle(mark); return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0; }), id);
      if (!outlined) missing.push(id);
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(missing).toEqual([]);
    // A filter that matches nothing dims every mark in the text, deletions as well as insertions:
    // in the muted ink (#5b5b5b, which keeps a 4.5:1 contrast), not in the marks' own colours.
    const ownColours = await page.locator(".code-document ins, .code-document del").evaluateAll((marks) => marks.map((mark) => getComputedStyle(mark).color));
    expect(ownColours).not.toContain("rgb(91, 91, 91)");
    await page.getByLabel("Filter by status").selectOption("withdrawn");
    const undimmed = await page.locator(".code-document ins, .code-document del").evaluateAll((marks) =>
      marks.filter((mark) => getComputedStyle(mark).color !== "rgb(91, 91, 91)").map((mark) => mark.textContent));
    expect(await page.locator(".code-document ins, .code-document del").count()).toBeGreaterThan(10);
    expect(undimmed).toEqual([]);
    await page.getByLabel("Filter by status").selectOption("");
    // The caret put inside an insertion (as a click there does) selects that change's row.
    await caretAfter(page, "with fed");
    const id = await page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest("ins")?.getAttribute("data-change-id"));
    expect(id).toBeTruthy();
    await expect.poll(async () => (await selected(page))?.id).toBe(id);
    // Typing into a plain word elsewhere makes a change at the caret: its row is the selected one,
    // not the row of the change the caret was in before.
    await caretAfter(page, "The City of");
    await page.keyboard.type(" duly");
    const typed = await page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest("ins")?.getAttribute("data-change-id"));
    expect(typed).toBeTruthy();
    expect(typed).not.toBe(id);
    await expect.poll(() => current()).toBe(typed);
    for (let i = 0; i < " duly".length; i++) await page.keyboard.press("Backspace");
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
