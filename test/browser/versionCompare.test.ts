/**
 * Versions → Compare (issue 12, item 13): the redline between two versions in a read-only view
 * beside its change list, walked with Previous / Next; the changes listed are those of a fresh
 * `compare` of the two versions' texts as stored.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseAmendment } from "../../src/core/amendmentFile";
import { compare } from "../../src/core/redline";
import { launchBrowser, outputDir } from "./browser";
import { caretAfter, caretBefore } from "./editing";
import { chooseFromToolbar } from "./toolbar";

/** The stored versions, read from the page's IndexedDB as the app wrote them. */
async function storedVersions(page: Page) {
  const records = await page.evaluate(() => new Promise<Array<{ name: string; content: string }>>((resolve, reject) => {
    const opening = indexedDB.open("ordinance-redline");
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const all = opening.result.transaction("versions").objectStore("versions").getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => { opening.result.close(); resolve(all.result.map((record) => ({ name: record.name, content: record.content }))); };
    };
  }));
  return new Map(records.map((record) => [record.name, parseAmendment(record.content)]));
}

/** The comparison's rows as drawn: id, and the words shown. */
const rows = (view: Locator) => view.locator(".change-row").evaluateAll((list) => list.map((row) => ({
  id: row.getAttribute("data-change-id")!, text: row.querySelector(".row-text")?.textContent ?? "", current: row.getAttribute("aria-current") === "true",
})));

describe("comparing two versions, in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
    await page.waitForSelector("[data-testid=change-row]");
    await page.waitForFunction(() => document.querySelector("[data-testid=save-status]")?.textContent === "All changes saved");
  });
  afterAll(async () => { await browser?.close(); });

  it("shows the redline between two versions with its change list, as a fresh compare has it, and walks it", async () => {
    const dialog = page.getByRole("dialog", { name: "Versions" });
    const save = async (name: string) => {
      await chooseFromToolbar(page, "Versions…");
      await dialog.getByLabel("Version name").fill(name);
      const before = await dialog.getByTestId("version-item").count();
      await dialog.getByRole("button", { name: "Save version" }).click();
      await expect.poll(() => dialog.getByTestId("version-item").count()).toBe(before + 1);
      await dialog.getByRole("button", { name: "Close" }).click();
    };
    await save("First reading");
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("Afterwards ");
    await caretAfter(page, "Coercion");
    await page.keyboard.type(" wholly");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
    await save("Second reading");
    const mainSelected = await page.locator('.side-panel .change-row[aria-current="true"]').getAttribute("data-change-id").catch(() => null);

    await chooseFromToolbar(page, "Versions…");
    await dialog.getByLabel("Compare from").selectOption({ label: "First reading" });
    await dialog.getByLabel("Compare with").selectOption({ label: "Second reading" });
    await dialog.getByRole("button", { name: "Compare", exact: true }).click();
    const view = dialog.locator(".version-comparison");
    await expect.poll(() => view.locator(".change-row").count()).toBeGreaterThan(0);

    const versions = await storedVersions(page);
    const fresh = compare(versions.get("First reading")!.draft, versions.get("Second reading")!.draft).changes;
    expect(fresh.length).toBe(2);
    const listed = await rows(view);
    expect(listed.map((row) => row.id)).toEqual(fresh.map((change) => change.id));
    for (const [k, change] of fresh.entries()) expect(listed[k]!.text).toContain(change.inserted.trim());
    expect(await view.getByTestId("change-total").textContent()).toBe(String(fresh.length));
    // The text shows the same marks, read only: no Agree, no Reject, nothing editable.
    expect(await view.locator(".comparison-text ins").allTextContents()).toEqual(fresh.map((change) => expect.stringContaining(change.inserted.trim())));
    expect(await view.locator("[contenteditable=true]").count()).toBe(0);
    expect(await view.getByRole("button", { name: /Agree|Reject/ }).count()).toBe(0);
    expect(await view.getByRole("textbox").count()).toBe(0);
    await page.screenshot({ path: `${outputDir()}version-compare.png` });
    // WCAG 2.2 AA as axe-core checks it, on the dialog with its comparison.
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).include(".versions-dialog").analyze();
    expect(axe.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`))).toEqual([]);

    // Next and Previous walk the list; the selected change is outlined in the text.
    await view.getByRole("button", { name: "Next ▶" }).click();
    await expect.poll(async () => (await rows(view)).find((row) => row.current)?.id).toBe(fresh[0]!.id);
    await view.getByRole("button", { name: "Next ▶" }).click();
    await expect.poll(async () => (await rows(view)).find((row) => row.current)?.id).toBe(fresh[1]!.id);
    const outlined = await view.locator(`.comparison-text [data-change-id="${fresh[1]!.id}"]`).first().evaluate((mark) => getComputedStyle(mark).outlineStyle);
    expect(outlined).not.toBe("none");
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(async () => (await rows(view)).find((row) => row.current)?.id).toBe(fresh[0]!.id);
    // The draft's own selection did not move.
    expect(await page.locator('.side-panel .change-row[aria-current="true"]').getAttribute("data-change-id").catch(() => null)).toBe(mainSelected);

    // From the base: the count is a fresh compare's too.
    await dialog.getByLabel("Compare from").selectOption({ label: "The base text" });
    await dialog.getByRole("button", { name: "Compare", exact: true }).click();
    const fromBase = compare(versions.get("Second reading")!.base, versions.get("Second reading")!.draft).changes;
    await expect.poll(() => view.getByTestId("change-total").textContent()).toBe(String(fromBase.length));
    const drawn = await rows(view);
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.map((row) => row.id)).toEqual(fromBase.map((change) => change.id).filter((id) => drawn.some((row) => row.id === id)));
    expect(errors).toEqual([]);
    // Two saves, two comparisons and an axe run: on a loaded machine more than the default minute.
  }, 180_000);
});
