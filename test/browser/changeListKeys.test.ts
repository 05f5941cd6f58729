/**
 * The changes list with the keyboard, as a reviewer and a screen reader meet it in Chromium: the
 * list is one Tab stop (a grid with a roving tabindex), so from the selected change's row one
 * Tab reaches its Agree button and the list is left in one press either way; ↑/↓, Home/End walk
 * the rows without selecting, Enter selects as a click does, → goes on to the details; the row
 * reached is outlined (computed style), and the roles and states say where the focus is.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, outputDir } from "./browser";

/** What the focused element is, as the tests read it: its name, role, grid row and cell. */
interface Focused {
  readonly name: string;
  readonly role: string;
  readonly inList: boolean;
  readonly rowIndex: number | null;
  readonly rowSelected: string | null;
  readonly changeId: string | null;
  readonly region: string | null;
}

const focused = (page: Page): Promise<Focused> => page.evaluate(() => {
  const active = document.activeElement as HTMLElement | null;
  const row = active?.closest("[role=row]");
  return {
    name: (active?.getAttribute("aria-label") ?? active?.textContent ?? "").trim(),
    role: active?.getAttribute("role") ?? active?.tagName.toLowerCase() ?? "",
    inList: !!active?.closest(".change-list"),
    rowIndex: row ? Number(row.getAttribute("aria-rowindex")) : null,
    rowSelected: row?.getAttribute("aria-selected") ?? null,
    changeId: active?.getAttribute("data-change-id") ?? null,
    region: active?.closest("section[aria-label]")?.getAttribute("aria-label") ?? null,
  };
});

/** Presses `key` until `done` holds for the focused element; how many presses it took. */
async function pressUntil(page: Page, key: string, done: (now: Focused) => boolean, max = 80): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    if ((await focused(page)).name === "Chapter text") await page.keyboard.press("Escape");
    await page.keyboard.press(key);
    if (done(await focused(page))) return presses;
  }
  throw new Error(`${key} never got there in ${max} presses; the focus is on ${JSON.stringify(await focused(page))}`);
}

const selectedId = (page: Page) => page.evaluate(() => document.querySelector('.change-row[aria-current="true"]')?.getAttribute("data-change-id") ?? null);

/** The focused element's outline and box shadow as computed, and an unfocused row's, for comparison. */
const focusLook = (page: Page) => page.evaluate(() => {
  const active = document.activeElement as HTMLElement;
  const other = [...document.querySelectorAll<HTMLElement>(".change-list .change-row")].find((row) => row !== active && !row.classList.contains("selected"))!;
  const look = (element: HTMLElement) => { const style = getComputedStyle(element); return { outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, shadow: style.boxShadow }; };
  return { focused: look(active), other: look(other) };
});

describe("the changes list with the keyboard, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const presses: Record<string, number> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    // axe-core's Playwright driver needs a page made from a context of its own.
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
    await page.locator(".change-row").first().waitFor();
    await page.waitForFunction(() => document.querySelector("[data-testid=save-status]")?.textContent === "All changes saved");
  });
  afterAll(async () => {
    console.log(`Tab presses: ${JSON.stringify(presses)}`);
    await browser?.close();
  });

  it("is one Tab stop, at the selected change's row, with its Agree button one Tab on", async () => {
    // A change chosen with the keyboard (Alt+↓ three times), then the list reached with Tab from the page's start.
    for (let k = 0; k < 3; k++) await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(() => selectedId(page)).not.toBeNull();
    const chosen = (await selectedId(page))!;
    presses["page start → the list"] = await pressUntil(page, "Tab", (now) => now.inList);
    const arrived = await focused(page);
    expect(arrived.changeId).toBe(chosen);
    expect(arrived.rowSelected).toBe("true");
    // Exactly one cell of the grid takes Tab.
    expect(await page.locator(".change-list [tabindex='0']").count()).toBe(1);
    expect(await page.locator(".change-list [tabindex='-1']").count()).toBeGreaterThan(10);

    presses["selected row → Agree"] = await pressUntil(page, "Tab", (now) => now.name === "Agree", 10);
    expect(presses["selected row → Agree"]).toBeLessThanOrEqual(3);
    expect((await focused(page)).region).toBe("Selected change");
    presses["Agree → back to the row"] = await pressUntil(page, "Shift+Tab", (now) => now.inList, 10);
    expect(presses["Agree → back to the row"]).toBeLessThanOrEqual(3);
    expect((await focused(page)).changeId).toBe(chosen);
    // Shift+Tab from the list leaves it at once, for the panel's controls above it.
    await page.keyboard.press("Shift+Tab");
    const above = await focused(page);
    expect(above.inList).toBe(false);
    expect(above.name).toBe("Reject all…");
    await page.keyboard.press("Tab");
    expect((await focused(page)).changeId).toBe(chosen);
  });

  it("walks the rows with ↑/↓ and Home/End without selecting, and Enter selects as a click does", async () => {
    const chosen = (await selectedId(page))!;
    const start = (await focused(page)).rowIndex!;
    await page.keyboard.press("ArrowDown");
    let now = await focused(page);
    expect(now.rowIndex).toBe(start + 1);
    expect(await selectedId(page)).toBe(chosen);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect((await focused(page)).rowIndex).toBe(start - 1);
    const rowCount = Number(await page.getByRole("grid", { name: "Tracked changes" }).getAttribute("aria-rowcount"));
    expect(rowCount).toBeGreaterThan(20);
    await page.keyboard.press("End");
    await expect.poll(async () => (await focused(page)).rowIndex).toBe(rowCount);
    await page.keyboard.press("Home");
    await expect.poll(async () => (await focused(page)).rowIndex).toBe(1);
    // Row 1 is a section header: → reaches its Agree to all and Reject all, ← comes back.
    expect((await focused(page)).role).toBe("rowheader");
    await page.keyboard.press("ArrowRight");
    expect((await focused(page)).name).toBe("Agree to all");
    await page.keyboard.press("ArrowRight");
    expect((await focused(page)).name).toBe("Reject all");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect((await focused(page)).role).toBe("rowheader");
    // Tab from anywhere in the list leaves it for the next region, the selected change's details.
    await page.keyboard.press("Tab");
    expect((await focused(page)).region).toBe("Selected change");
    await page.keyboard.press("Shift+Tab");
    expect((await focused(page)).role).toBe("rowheader");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    now = await focused(page);
    expect(now.rowIndex).toBe(3);
    expect(now.changeId).not.toBe(chosen);
    await page.keyboard.press("Enter");
    await expect.poll(() => selectedId(page)).toBe(now.changeId);
    expect((await focused(page)).rowSelected).toBe("true");
    // Only one row is selected, for a screen reader as for the eye.
    expect(await page.getByRole("row", { selected: true }).count()).toBe(1);
  });

  it("shows where the focus is: the row reached is outlined, for a screen reader a focused grid cell", async () => {
    await page.keyboard.press("ArrowDown");
    const look = await focusLook(page);
    expect(look.focused.outline).toMatch(/^solid [2-9]/);
    expect(look.other.outline).toMatch(/^none/);
    expect(look.focused.outline).not.toBe(look.other.outline);
    await page.locator(".side-panel").screenshot({ path: `${outputDir()}change-list-focus.png` });
    const grid = page.getByRole("grid", { name: "Tracked changes" });
    expect(await grid.count()).toBe(1);
    const cell = await page.evaluate(() => document.activeElement?.parentElement?.getAttribute("role"));
    expect(cell).toBe("gridcell");
    const axe = await new AxeBuilder({ page }).include(".changes-panel")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  it("→ on a change selects it and goes on to its details; the focus stays in the list when its row scrolls away", async () => {
    const target = (await focused(page)).changeId!;
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => selectedId(page)).toBe(target);
    await expect.poll(async () => (await focused(page)).name).toBe("Agree");
    await page.keyboard.press("Shift+Tab");
    expect((await focused(page)).changeId).toBe(target);
    // The list scrolled to its end with the wheel: the focused row is no longer drawn, and the
    // focus waits on the list itself (not lost to the page) until a key brings it back to its row.
    const row = (await focused(page)).rowIndex!;
    await page.locator(".change-list").evaluate((list) => { list.scrollTop = list.scrollHeight; });
    await expect.poll(() => page.locator(`.change-list [aria-rowindex="${row}"]`).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("grid");
    await page.keyboard.press("ArrowDown");
    await expect.poll(async () => (await focused(page)).rowIndex).toBe(row);
    expect((await focused(page)).changeId).toBe(target);
    expect(errors).toEqual([]);
  });
});
