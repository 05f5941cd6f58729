import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { parseAmendment } from "../../src/core/amendmentFile";
import { launchBrowser } from "./browser";
import { caretBefore, documentText } from "./editing";
import { chooseFromToolbar } from "./toolbar";

const dir = mkdtempSync(join(tmpdir(), "redline-drafts-"));


async function ready(page: Page): Promise<void> {
  await page.waitForSelector("[data-testid=change-row]");
  await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
}

const editorText = documentText;

/**
 * Installed before the page's scripts: IndexedDB opens go on as usual, but their success is
 * withheld from the page until `window.__releaseOpen()` is called (never, for a storage that
 * does not answer).
 */
function holdDatabaseOpen(): void {
  const held: Array<() => void> = [];
  const flags = window as unknown as { __releaseOpen?: () => void; __released?: boolean };
  flags.__releaseOpen = () => { flags.__released = true; for (const run of held.splice(0)) run(); };
  const original = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<typeof original>) {
    const request = original.apply(this, args);
    let handler: ((event: Event) => void) | null = null;
    Object.defineProperty(request, "onsuccess", { configurable: true, get: () => handler, set: (value) => { handler = value; } });
    request.addEventListener("success", (event) => {
      const run = () => handler?.call(request, event);
      if (flags.__released) run();
      else held.push(run);
    });
    return request;
  } as typeof original;
}

describe("drafts that are never lost, in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  const newPage = async () => {
    const opened = await context.newPage();
    opened.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    opened.on("pageerror", (error) => errors.push(error.message));
    await opened.goto(inject("baseUrl"));
    return opened;
  };

  beforeAll(async () => { browser = await launchBrowser(); });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await newPage();
    await ready(page);
  });
  afterEach(async () => { await context?.close(); });
  afterAll(async () => { await browser?.close(); });

  it("brings back text and annotations after a reload", async () => {
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("Reloaded ");
    await page.locator(".change-row", { hasText: "requesting" }).click();
    await page.getByLabel("Add a sponsor").selectOption("waguespack");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
    await page.reload();
    await ready(page);
    expect(await editorText(page)).toContain("Reloaded investigate");
    expect(await page.locator(".change-row", { hasText: "requesting" }).getByTestId("sponsor-chip").count()).toBe(1);
  });

  it("keeps a keystroke made just before the page is closed", async () => {
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("Zebra ");
    await page.close({ runBeforeUnload: true });
    page = await newPage();
    await ready(page);
    expect(await editorText(page)).toContain("Zebra investigate");
  });

  it("saves and restores versions, and compares one with the current draft", async () => {
    await chooseFromToolbar(page, "Versions…");
    const dialog = page.getByRole("dialog", { name: "Versions" });
    await dialog.getByLabel("Version name").fill("Sent to the 32nd Ward office");
    await dialog.getByRole("button", { name: "Save version" }).click();
    await expect.poll(() => dialog.getByTestId("version-item").count()).toBe(1);
    await dialog.getByRole("button", { name: "Close" }).click();
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("Afterwards ");
    await expect.poll(() => editorText(page)).toContain("Afterwards investigate");
    await chooseFromToolbar(page, "Versions…");
    await dialog.getByLabel("Compare from").selectOption({ label: "Sent to the 32nd Ward office" });
    await dialog.getByLabel("Compare with").selectOption({ label: "The current draft" });
    await dialog.getByRole("button", { name: "Compare", exact: true }).click();
    await expect.poll(async () => (await dialog.getByTestId("comparison").locator("ins").allTextContents()).map((text) => text.trim())).toEqual(["Afterwards"]);
    await dialog.getByTestId("version-item").first().getByRole("button", { name: "Restore" }).click();
    await expect.poll(() => editorText(page)).not.toContain("Afterwards");
    await expect.poll(() => dialog.getByTestId("version-item").count()).toBe(2);
    expect(await dialog.getByTestId("version-item").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Before restoring")]));
  });

  it("exports the amendment file, refuses bad ones without touching the draft, and opens a good one", async () => {
    await chooseFromToolbar(page, "Drafts…");
    const dialog = page.getByRole("dialog", { name: "Drafts" });
    const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download amendment file" }).click()]);
    expect(downloaded.suggestedFilename()).toMatch(/\.amendment\.json$/);
    const text = readFileSync((await downloaded.path())!, "utf8");
    const content = parseAmendment(text);
    expect(content.name).toBe("Welcoming City amendment");
    const before = await editorText(page);
    const file = JSON.parse(text);
    const bad: Array<[string, string, RegExp]> = [
      ["not-json.amendment.json", "{ this is not json", /not valid JSON/],
      ["shape.amendment.json", JSON.stringify({ ...file, annotations: "none", sponsors: 7 }), /annotations.*\n?.*|sponsors/],
      ["newer.amendment.json", JSON.stringify({ ...file, schemaVersion: 99 }), /newer version/],
      ["base.amendment.json", JSON.stringify({ ...file, base: "Hello\nthere" }), /base/],
    ];
    for (const [name, body, message] of bad) {
      writeFileSync(join(dir, name), body);
      await dialog.getByLabel("Open amendment file").setInputFiles(join(dir, name));
      await expect.poll(async () => (await dialog.getByRole("alert").textContent()) ?? "").toMatch(message);
      expect(await editorText(page)).toBe(before);
    }
    writeFileSync(join(dir, "good.amendment.json"), JSON.stringify({ ...file, name: "From the 32nd Ward" }));
    await dialog.getByLabel("Open amendment file").setInputFiles(join(dir, "good.amendment.json"));
    await expect.poll(() => page.getByTestId("draft-name").textContent()).toBe("From the 32nd Ward");
  });

  it("deletes a draft with undo", async () => {
    await chooseFromToolbar(page, "Drafts…");
    const dialog = page.getByRole("dialog", { name: "Drafts" });
    await expect.poll(() => dialog.getByTestId("draft-item").count()).toBe(1);
    await dialog.getByRole("button", { name: "Duplicate" }).click();
    await expect.poll(() => dialog.getByTestId("draft-item").count()).toBe(2);
    await dialog.getByTestId("draft-item").filter({ hasText: "(copy)" }).getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => dialog.getByTestId("draft-item").count()).toBe(1);
    await dialog.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => dialog.getByTestId("draft-item").count()).toBe(2);
  });

  it("tells a second tab on the same draft, which can continue as a copy", async () => {
    const second = await newPage();
    await second.waitForSelector("[data-testid=change-row]");
    const banner = second.getByRole("alert").filter({ hasText: "open in another tab" });
    await expect.poll(() => banner.count()).toBe(1);
    await banner.getByRole("button", { name: "Continue here as a copy" }).click();
    await expect.poll(() => second.getByTestId("draft-name").textContent()).toBe("Welcoming City amendment (copy)");
    await expect.poll(() => banner.count()).toBe(0);
  });

  it("lets a second tab take the draft over; the first tab stops saving and says so", async () => {
    const second = await newPage();
    await second.waitForSelector("[data-testid=change-row]");
    const banner = second.getByRole("alert").filter({ hasText: "open in another tab" });
    await expect.poll(() => banner.count()).toBe(1);
    await banner.getByRole("button", { name: "Reload it here (the other tab stops saving)" }).click();
    await expect.poll(() => banner.count()).toBe(0);
    const takenOver = page.getByRole("alert").filter({ hasText: "opened in another tab" });
    await expect.poll(() => takenOver.count()).toBe(1);
    expect(await page.getByTestId("save-status").textContent()).toBe("Not saved");
    await caretBefore(second, "investigate, the citizenship");
    await second.keyboard.type("Second ");
    await expect.poll(() => second.getByTestId("save-status").textContent()).toBe("All changes saved");
  });

  it("shows nothing editable until the stored draft is loaded after a reload", async () => {
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("Reloaded ");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
    await page.addInitScript(holdDatabaseOpen);
    await page.reload();
    await page.waitForTimeout(700);
    expect(await page.locator(".editor-pane [contenteditable=true]").count()).toBe(0);
    expect(await page.locator(".code-document").count()).toBe(0);
    expect(await page.getByTestId("save-status").textContent()).toBe("Opening…");
    await page.keyboard.type("Nowhere ");
    await page.evaluate(() => (window as unknown as { __releaseOpen: () => void }).__releaseOpen());
    await ready(page);
    expect(await editorText(page)).toContain("Reloaded investigate");
    expect(await editorText(page)).not.toContain("Nowhere");
  });

  it("says so when storage never answers, offers the file, and keeps the typing for the next visit", async () => {
    const own = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const stuck = await own.newPage();
    stuck.on("pageerror", (error) => errors.push(error.message));
    await stuck.addInitScript(holdDatabaseOpen);
    await stuck.goto(inject("baseUrl"));
    const alert = stuck.getByRole("alert").filter({ hasText: "not saved in this browser" });
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    expect(await alert.textContent()).toMatch(/not answering/);
    await caretBefore(stuck, "investigate, the citizenship");
    await stuck.keyboard.type("Stranded ");
    const [downloaded] = await Promise.all([stuck.waitForEvent("download"), alert.getByRole("button", { name: "Download the amendment file" }).click()]);
    expect(parseAmendment(readFileSync((await downloaded.path())!, "utf8")).draft.chapters[0]!.sections[2]!.blocks[0]!.text).toContain("Stranded investigate");
    await stuck.waitForTimeout(1500);
    await stuck.close();
    // Storage is stuck again on the next visit: the typing comes back from the page's own journal.
    const again = await own.newPage();
    await again.addInitScript(holdDatabaseOpen);
    await again.goto(inject("baseUrl"));
    await expect.poll(() => again.getByRole("alert").filter({ hasText: "not answering" }).count(), { timeout: 10_000 }).toBe(1);
    expect(await documentText(again)).toContain("Stranded investigate");
    await caretBefore(again, "investigate, the citizenship");
    await again.keyboard.type("Twice ");
    await again.close({ runBeforeUnload: true });
    const later = await own.newPage();
    await later.goto(inject("baseUrl"));
    await ready(later);
    expect(await documentText(later)).toContain("Stranded Twice investigate");
    await own.close();
  });

  it("ends the pause in a second tab when the first tab closes, and keeps its typing", async () => {
    const second = await newPage();
    const banner = second.getByRole("alert").filter({ hasText: "open in another tab" });
    await expect.poll(() => banner.count()).toBe(1);
    await caretBefore(second, "investigate, the citizenship");
    await second.keyboard.type("Meanwhile ");
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => second.getByTestId("save-status").textContent()).toBe("All changes saved");
    await second.reload();
    await ready(second);
    expect(await editorText(second)).toContain("Meanwhile investigate");
  });

  it("keeps both tabs' typing when both changed the draft: the second tab's becomes a copy when the first closes", async () => {
    const second = await newPage();
    const banner = second.getByRole("alert").filter({ hasText: "open in another tab" });
    await expect.poll(() => banner.count()).toBe(1);
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("First ");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
    await caretBefore(second, "investigate, the citizenship");
    await second.keyboard.type("Second ");
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => second.getByTestId("draft-name").textContent()).toBe("Welcoming City amendment (copy)");
    await expect.poll(() => second.getByRole("status").filter({ hasText: "kept as" }).count()).toBe(1);
    await expect.poll(() => second.getByTestId("save-status").textContent()).toBe("All changes saved");
    expect(await editorText(second)).toContain("Second investigate");
    await chooseFromToolbar(second, "Drafts…");
    const dialog = second.getByRole("dialog", { name: "Drafts" });
    await dialog.getByTestId("draft-item").filter({ hasNotText: "(copy)" }).getByRole("button", { name: "Open" }).click();
    await expect.poll(() => second.getByTestId("draft-name").textContent()).toBe("Welcoming City amendment");
    expect(await editorText(second)).toContain("First investigate");
    expect(await editorText(second)).not.toContain("Second");
  });

  it("asks before “Reload it here” discards this tab's typing", async () => {
    const second = await newPage();
    const banner = second.getByRole("alert").filter({ hasText: "open in another tab" });
    await expect.poll(() => banner.count()).toBe(1);
    await caretBefore(second, "investigate, the citizenship");
    await second.keyboard.type("Unsaved ");
    const questions: string[] = [];
    second.once("dialog", (dialog) => { questions.push(dialog.message()); void dialog.dismiss(); });
    await banner.getByRole("button", { name: "Reload it here (the other tab stops saving)" }).click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toMatch(/discard/i);
    expect(await editorText(second)).toContain("Unsaved investigate");
    expect(await banner.count()).toBe(1);
    second.once("dialog", (dialog) => void dialog.accept());
    await banner.getByRole("button", { name: "Reload it here (the other tab stops saving)" }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(await editorText(second)).not.toContain("Unsaved");
  });

  it("keeps later typing in a tab that was taken over as a copy", async () => {
    const second = await newPage();
    const banner = second.getByRole("alert").filter({ hasText: "open in another tab" });
    await expect.poll(() => banner.count()).toBe(1);
    await banner.getByRole("button", { name: "Reload it here (the other tab stops saving)" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "opened in another tab" }).count()).toBe(1);
    await caretBefore(page, "investigate, the citizenship");
    await page.keyboard.type("Later ");
    await expect.poll(() => page.getByTestId("draft-name").textContent()).toBe("Welcoming City amendment (copy)");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("All changes saved");
    await page.reload();
    await ready(page);
    expect(await page.getByTestId("draft-name").textContent()).toBe("Welcoming City amendment (copy)");
    expect(await editorText(page)).toContain("Later investigate");
    expect(await editorText(second)).not.toContain("Later");
  });

  it("warns and offers the amendment file when storage is full", async () => {
    // A context of its own: in the shared one, the first tab already holds the draft.
    const own = await browser.newContext({ acceptDownloads: true });
    const full = await own.newPage();
    await full.addInitScript(() => {
      const flags = window as unknown as { __storageFull?: boolean };
      for (const method of ["put", "add"] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
          if (flags.__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          return original.apply(this, args);
        } as typeof original;
      }
    });
    await full.goto(inject("baseUrl"));
    await full.waitForSelector("[data-testid=change-row]");
    await full.evaluate(() => { (window as unknown as { __storageFull?: boolean }).__storageFull = true; });
    await caretBefore(full, "investigate, the citizenship");
    await full.keyboard.type("Overflow ");
    const alert = full.getByRole("alert").filter({ hasText: "not saved in this browser" });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/full/i);
    expect(await documentText(full)).toContain("Overflow investigate");
    const [downloaded] = await Promise.all([full.waitForEvent("download"), alert.getByRole("button", { name: "Download the amendment file" }).click()]);
    expect(parseAmendment(readFileSync((await downloaded.path())!, "utf8")).draft.chapters[0]!.sections[2]!.blocks[0]!.text).toContain("Overflow investigate");
    await own.close();
  });

  it("warns and offers the amendment file when storage is unavailable", async () => {
    const blocked = await context.newPage();
    await blocked.addInitScript(() => Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true }));
    await blocked.goto(inject("baseUrl"));
    const alert = blocked.getByRole("alert").filter({ hasText: "not saved in this browser" });
    await expect.poll(() => alert.count()).toBe(1);
    const [downloaded] = await Promise.all([blocked.waitForEvent("download"), alert.getByRole("button", { name: "Download the amendment file" }).click()]);
    expect(downloaded.suggestedFilename()).toMatch(/\.amendment\.json$/);
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
