/**
 * Opening an amendment file whose draft is already kept (issue 12, item 14): the app asks, and
 * each answer does what it says — open the kept draft, replace it with the file (what it held
 * kept as a version), or keep both under different names. Never a silent second draft of one name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { caretBefore, documentText } from "./editing";
import { chooseFromToolbar } from "./toolbar";

const dir = mkdtempSync(join(tmpdir(), "redline-open-existing-"));
const NAME = "Welcoming City amendment";

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
}

describe("opening an amendment file whose draft is already kept, in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let file: string;
  let dialog: Locator;
  const errors: string[] = [];

  beforeAll(async () => { browser = await launchBrowser(); });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
    await page.waitForSelector("[data-testid=change-row]");
    await saved(page);
    dialog = page.getByRole("dialog", { name: "Drafts" });
    // The file holds the draft as it was; the kept draft then gets a word the file lacks.
    await chooseFromToolbar(page, "Drafts…");
    const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download amendment file" }).click()]);
    file = join(dir, `${Math.random().toString(36).slice(2)}.amendment.json`);
    writeFileSync(file, readFileSync((await downloaded.path())!, "utf8"));
    await dialog.getByRole("button", { name: "Close" }).click();
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("Kept ");
    await saved(page);
  });
  afterEach(async () => { await context?.close(); });
  afterAll(async () => { await browser?.close(); });

  const names = async () => (await dialog.locator("[data-testid=draft-item] .draft-name").allTextContents()).sort();
  const chooseFile = async () => {
    await chooseFromToolbar(page, "Drafts…");
    await dialog.getByLabel("Open amendment file").setInputFiles(file);
    const question = dialog.getByRole("group");
    await expect.poll(() => question.textContent()).toContain(`A draft named “${NAME}” is already kept in this browser`);
    return question;
  };

  it("opens the kept draft, leaving the file aside", async () => {
    // From another draft, so that opening is seen to happen.
    await chooseFromToolbar(page, "Drafts…");
    await dialog.getByRole("button", { name: "New draft from the base" }).click();
    await expect.poll(() => page.getByTestId("draft-name").textContent()).toBe("New draft");
    await saved(page);
    const question = await chooseFile();
    await question.getByRole("button", { name: "Open the existing draft" }).click();
    await expect.poll(() => page.getByTestId("draft-name").textContent()).toBe(NAME);
    await expect.poll(() => documentText(page)).toContain("Kept investigate");
    await chooseFromToolbar(page, "Drafts…");
    await expect.poll(names).toEqual(["New draft", NAME]);
    expect(errors).toEqual([]);
  });

  it("replaces the kept draft with the file, keeping what it held as a version", async () => {
    const question = await chooseFile();
    await question.getByRole("button", { name: "Replace it with the file" }).click();
    await expect.poll(() => documentText(page)).not.toContain("Kept investigate");
    expect(await page.getByTestId("draft-name").textContent()).toBe(NAME);
    await saved(page);
    await chooseFromToolbar(page, "Drafts…");
    await expect.poll(names).toEqual([NAME]);
    await dialog.getByRole("button", { name: "Close" }).click();
    await chooseFromToolbar(page, "Versions…");
    const versions = page.getByRole("dialog", { name: "Versions" });
    const kept = versions.getByTestId("version-item").filter({ hasText: "Before replacing it with" });
    await expect.poll(() => kept.count()).toBe(1);
    await kept.getByRole("button", { name: "Restore" }).click();
    await expect.poll(() => documentText(page)).toContain("Kept investigate");
    // The replacement is the stored draft: a reload opens it.
    await versions.getByRole("button", { name: "Close" }).click();
    await saved(page);
    await page.reload();
    await page.waitForSelector("[data-testid=change-row]");
    expect(await documentText(page)).toContain("Kept investigate");
    expect(errors).toEqual([]);
  });

  it("replaces a kept draft that is not the open one, and opens it", async () => {
    await chooseFromToolbar(page, "Drafts…");
    await dialog.getByRole("button", { name: "New draft from the base" }).click();
    await expect.poll(() => page.getByTestId("draft-name").textContent()).toBe("New draft");
    await saved(page);
    const question = await chooseFile();
    await question.getByRole("button", { name: "Replace it with the file" }).click();
    await expect.poll(() => page.getByTestId("draft-name").textContent()).toBe(NAME);
    await expect.poll(() => documentText(page)).toContain("investigate, the citizenship");
    expect(await documentText(page)).not.toContain("Kept investigate");
    await chooseFromToolbar(page, "Drafts…");
    await expect.poll(names).toEqual(["New draft", NAME]);
    await dialog.getByRole("button", { name: "Close" }).click();
    await chooseFromToolbar(page, "Versions…");
    await expect.poll(() => page.getByRole("dialog", { name: "Versions" }).getByTestId("version-item").filter({ hasText: "Before replacing it with" }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("keeps both, the file's under a name of its own", async () => {
    const question = await chooseFile();
    await question.getByRole("button", { name: "Keep both" }).click();
    await expect.poll(() => page.getByTestId("draft-name").textContent()).toBe(`${NAME} (2)`);
    await expect.poll(() => documentText(page)).not.toContain("Kept investigate");
    await saved(page);
    await chooseFromToolbar(page, "Drafts…");
    await expect.poll(names).toEqual([NAME, `${NAME} (2)`]);
    await dialog.getByTestId("draft-item").filter({ has: page.locator(".draft-name").getByText(NAME, { exact: true }) }).getByRole("button", { name: "Open" }).click();
    await expect.poll(() => documentText(page)).toContain("Kept investigate");
    // And Cancel at the question adds nothing.
    await chooseFile();
    await dialog.getByRole("group").getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => dialog.getByRole("group").count()).toBe(0);
    expect(await names()).toEqual([NAME, `${NAME} (2)`]);
    expect(await page.getByTestId("draft-name").textContent()).toBe(NAME);
    expect(errors).toEqual([]);
  });
});
