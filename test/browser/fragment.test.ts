import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./browser";
import { documentText } from "./editing";
import { chooseFromToolbar } from "./toolbar";

async function total(page: Page): Promise<number> {
  return Number(((await page.getByTestId("change-total").textContent()) ?? "0").split(" ")[0]);
}

/** The text of the document from one section heading up to the next, as the page shows it. */
function sectionText(text: string, number: string): string {
  const start = text.indexOf(`${number} `);
  const next = text.slice(start + number.length).search(/\n\s*2-173-\d{3}[A-Z.]* /);
  return next < 0 ? text.slice(start) : text.slice(start, start + number.length + next);
}

describe("pasting a one-section fragment over the demonstration draft", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
  });
  afterAll(async () => { await browser?.close(); });

  it("asks first, then replaces only that section and keeps the other sections' changes", async () => {
    const before = await total(page);
    const textBefore = await documentText(page);
    const firstRows = await page.getByTestId("change-row").allTextContents();
    expect(before).toBeGreaterThan(10);

    await chooseFromToolbar(page, "Import proposed text…");
    const dialog = page.getByRole("dialog", { name: "Import a proposed text" });
    await dialog.getByLabel("Proposed text").fill([
      "Skip to code content (skip section selection)",
      "",
      "2-173-020 Requesting information prohibited.",
      "",
      "No agent or agency shall ask any person about the immigration status of that person, and the pasted fragment says so.",
      "",
      "(Added Coun. J. 3-29-06, p. 74325, § 1; Amend Coun. J. 9-12-12, p. 33041, § 1)",
    ].join("\n"));
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    const confirm = dialog.getByRole("group", { name: "Merge the sections" });
    await expect.poll(() => confirm.textContent()).toContain("Replace 2-173-020");
    // Nothing happens before the confirmation.
    expect(await total(page)).toBe(before);
    await confirm.getByRole("button", { name: "Merge" }).click();

    await expect.poll(async () => (await documentText(page)).includes("the pasted fragment says so")).toBe(true);
    const textAfter = await documentText(page);
    for (const number of ["2-173-005", "2-173-010", "2-173-030", "2-173-042", "2-173-045", "2-173-070"]) {
      expect(sectionText(textAfter, number)).toBe(sectionText(textBefore, number));
    }
    // The panel still lists the other sections' changes: about as many as before, and the first rows unchanged.
    expect(await total(page)).toBeGreaterThan(before - 4);
    const rowsAfter = await page.getByTestId("change-row").allTextContents();
    expect(rowsAfter.slice(0, 3)).toEqual(firstRows.slice(0, 3));
    expect(await page.locator(".status-line").textContent()).toContain("Replace 2-173-020");
    expect(errors).toEqual([]);
  });
});
