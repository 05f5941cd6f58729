/**
 * The review done with the keyboard alone (issue 12, item 17): walk every change (Alt+↓/↑),
 * agree to one, reject one, comment on one, open and close every dialog, and export — with Tab,
 * Enter, Escape, the arrow keys on menus and lists, and the app's shortcuts. No mouse, no
 * element.click(), no focus() after the page loads: the page is only read between keys.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./browser";
import { documentText } from "./editing";

/** The focused element's name as a person hears it: its aria-label, else its text. */
const focused = (page: Page) => page.evaluate(() => {
  const active = document.activeElement;
  if (!active || active === document.body) return "(body)";
  return (active.getAttribute("aria-label") ?? active.textContent ?? "").trim();
});

/**
 * Presses Tab (or Shift+Tab) until the focused control is named `name`; returns how many presses
 * it took. In the chapter text, where Tab indents list items, Escape first (as the help says).
 */
async function tabTo(page: Page, name: string, max = 120, key = "Tab"): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    if ((await focused(page)) === "Chapter text") await page.keyboard.press("Escape");
    await page.keyboard.press(key);
    if ((await focused(page)) === name) return presses;
  }
  throw new Error(`${key} never reached “${name}” in ${max} presses; the focus is on “${await focused(page)}”`);
}

const selectedId = (page: Page) => page.evaluate(() => document.querySelector('.change-row[aria-current="true"]')?.getAttribute("data-change-id") ?? null);
const statusOf = (page: Page, id: string) => page.evaluate((changeId) => document.querySelector(`.change-row[data-change-id="${changeId}"] .status`)?.textContent ?? null, id);
const openDialogs = (page: Page) => page.evaluate(() => [...document.querySelectorAll("dialog[open], [role=dialog]")].filter((element) => (element as HTMLElement).offsetParent !== null || element.matches("dialog[open]"))
  .map((element) => element.getAttribute("aria-label") ?? document.getElementById(element.getAttribute("aria-labelledby") ?? "")?.textContent ?? ""));

describe("the review with the keyboard alone, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  /** Tab presses each step took, printed at the end. */
  const presses: Record<string, number> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    // No server stands behind the app here: the Share dialog's question is answered as by none.
    await page.route("**/api/**", (route) => route.fulfill({ status: 200, contentType: "application/json", body: "{}" }));
    await page.locator(".change-row").first().waitFor();
    await page.waitForFunction(() => document.querySelector("[data-testid=save-status]")?.textContent === "All changes saved");
  });
  afterAll(async () => {
    console.log(`Tab presses: ${JSON.stringify(presses)}`);
    await browser?.close();
  });

  it("walks every change with Alt+↓ and back with Alt+↑", async () => {
    // The rows drawn at the top of the (virtual) list, before any is selected.
    const listed = await page.locator(".change-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-change-id")!));
    const total = Number(await page.getByTestId("change-total").textContent());
    expect(total).toBeGreaterThan(10);
    const forward: string[] = [];
    let changesWalked = 0;
    for (let step = 0; step < total + 2; step++) {
      await page.keyboard.press("Alt+ArrowDown");
      const id = await page.waitForFunction((seen) => {
        const now = document.querySelector('.change-row[aria-current="true"]')?.getAttribute("data-change-id");
        return now && now !== seen.at(-1) ? now : null;
      }, forward, { timeout: 1_500 }).then((handle) => handle.jsonValue() as Promise<string>).catch(() => null);
      if (id === null) break;
      forward.push(id);
      // A run of re-lettered labels is one row and one stop ("3 re-lettered"): it counts its changes.
      const kind = await page.locator(`.change-row[data-change-id="${id}"] .row-kind`).textContent();
      changesWalked += Number(/^(\d+) re-lettered/.exec(kind ?? "")?.[1] ?? 1);
    }
    // Every change reached once, in the panel's order, and nothing after the last.
    expect(new Set(forward).size).toBe(forward.length);
    expect(changesWalked).toBe(total);
    expect(forward.slice(0, listed.length)).toEqual(listed);
    const backward: string[] = [forward.at(-1)!];
    for (let step = 1; step < forward.length; step++) {
      await page.keyboard.press("Alt+ArrowUp");
      await expect.poll(() => selectedId(page)).not.toBe(backward.at(-1));
      backward.push((await selectedId(page))!);
    }
    expect(backward).toEqual([...forward].reverse());
  });

  it("agrees to one change with Alt+Shift+A and rejects the next with Alt+Shift+R", async () => {
    await page.keyboard.press("Alt+ArrowDown");
    const agreed = (await selectedId(page))!;
    await page.keyboard.press("Alt+Shift+A");
    await expect.poll(() => statusOf(page, agreed)).toBe("agreed");
    const rejected = (await selectedId(page))!;
    expect(rejected).not.toBe(agreed);
    const rowTexts = () => page.locator(".change-row .row-text").allTextContents();
    const words = (await page.locator(`.change-row[data-change-id="${rejected}"] .row-text`).textContent())!;
    const times = (await rowTexts()).filter((each) => each === words).length;
    const before = await documentText(page);
    await page.keyboard.press("Alt+Shift+R");
    // The row is gone and the text reads as the base there (a deletion's words stay, unstruck).
    await expect.poll(async () => (await rowTexts()).filter((each) => each === words).length).toBe(times - 1);
    await expect.poll(() => page.locator(".code-document ins, .code-document del").allTextContents()).not.toEqual([]);
    expect(before.length).toBeGreaterThan(0);
    expect(await statusOf(page, agreed)).toBe("agreed");
  });

  it("leaves the text with Escape then Tab, and comments on the selected change in the panel", async () => {
    // The text keeps Tab for lists: Tab alone stays in it, changing nothing.
    presses["page start → chapter text"] = await tabTo(page, "Chapter text");
    const text = await documentText(page);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Chapter text");
    expect(await documentText(page)).toBe(text);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await focused(page)).not.toBe("Chapter text");
    // The selected change (its row is drawn now; tabbing through the rows scrolls the list).
    const commented = (await selectedId(page))!;
    expect(commented).toBeTruthy();
    presses["out of the text → Add a sponsor"] = await tabTo(page, "Add a sponsor") + 1;
    // The first sponsor makes the change's annotation (the form is rebuilt: the focus stays on it).
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator(".change-details").getByTestId("sponsor-chip").count()).toBe(1);
    expect(await focused(page)).toBe("Add a sponsor");
    // No one has said who they are yet: the details ask, and saving moves on to the comment box.
    presses["Add a sponsor → Your name"] = await tabTo(page, "Your name", 10);
    await page.keyboard.type("Dana Whitfield");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Office");
    await page.keyboard.type("Office of the City Clerk");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("Comment");
    await page.keyboard.type("Check this wording with the Law Department.");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".change-details .comment").allTextContents()).toEqual([expect.stringContaining("Check this wording with the Law Department.")]);
    // Agree from the panel's own button, going on to the next change: the focus stays on Agree there.
    presses["Comment → Agree"] = await tabTo(page, "Agree", 20, "Shift+Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => statusOf(page, commented)).toBe("agreed");
    expect(await selectedId(page)).not.toBe(commented);
    expect(await focused(page)).toBe("Agree");
  });

  it("opens and closes every dialog with Enter and Escape, the focus coming back to where it was", async () => {
    const opened: string[] = [];
    const openAndClose = async (opener: string, keys: readonly string[]) => {
      presses[`to ${opener}`] = await tabTo(page, opener, 150);
      for (const key of keys) await page.keyboard.press(key);
      // Export… and a few others load their code on first use: on a busy machine that takes more than a second.
      await expect.poll(() => openDialogs(page), { timeout: 10_000 }).toHaveLength(1);
      opened.push((await openDialogs(page))[0]!);
      // Something inside has the focus (native dialogs put it on their first control).
      expect(await page.evaluate(() => !!document.activeElement?.closest("dialog[open], [role=dialog]"))).toBe(true);
      await page.keyboard.press("Escape");
      await expect.poll(() => openDialogs(page)).toEqual([]);
      expect(await focused(page)).toBe(opener);
    };
    await openAndClose("Draft ▾", ["Enter", "Enter"]);
    await openAndClose("Draft ▾", ["Enter", "ArrowDown", "Enter"]);
    await openAndClose("Draft ▾", ["Enter", "ArrowDown", "ArrowDown", "Enter"]);
    await openAndClose("Draft ▾", ["Enter", "ArrowDown", "ArrowDown", "ArrowDown", "Enter"]);
    await openAndClose("Draft ▾", ["Enter", "End", "Enter"]);
    await openAndClose("Section ▾", ["Enter", "Enter"]);
    await openAndClose("Section ▾", ["Enter", "ArrowDown", "Enter"]);
    await openAndClose("Sponsors…", ["Enter"]);
    await openAndClose("Export…", ["Enter"]);
    await openAndClose("Shortcuts", ["Enter", "Tab"]);
    expect(opened).toEqual(["Drafts", "Versions", "Import the official text", "Import a proposed text", "Share this draft", expect.stringMatching(/^New section/),
      expect.stringMatching(/^Renumber/), "Sponsors", "Export the amending ordinance", "Keyboard shortcuts"]);
    // The find bar (Ctrl+F) and the change card (Alt+F10 from the text) close with Escape too.
    await page.keyboard.press("Control+f");
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.matches(".find-bar input[type=search]"))).toBe(true);
    await page.keyboard.type("federal");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("search").count()).toBe(0);
    expect(await focused(page)).toBe("Chapter text");
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(() => page.getByTestId("change-card").count()).toBe(1);
    await page.keyboard.press("Alt+F10");
    expect(await focused(page)).toBe("Agree to this change");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("change-card").count()).toBe(0);
    expect(await focused(page)).toBe("Chapter text");
  });

  it("exports the ordinance from the Export dialog", async () => {
    await page.keyboard.press("Escape");
    presses["chapter text → Export…"] = await tabTo(page, "Export…", 150, "Shift+Tab");
    await page.keyboard.press("Enter");
    presses["Export dialog → Text (.txt)"] = await tabTo(page, "Text (.txt)", 60);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const text = readFileSync((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toMatch(/\.txt$/);
    expect(text).toMatch(/\{\+.+\+\}/);
    expect(text).toContain("[-");
    await page.keyboard.press("Escape");
    await expect.poll(() => openDialogs(page)).toEqual([]);
    expect(await focused(page)).toBe("Export…");
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
