/**
 * Starting light: the Word writer and the zip library are not part of the first download;
 * they load when a Word file is first exported, and the export still works then. The shared-draft
 * client and the Word reader are left out too, until a shared draft or Import proposed text opens,
 * and so are the export builders and the Drafts and Versions dialogs, until they are opened.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";

describe("the first download in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it("leaves the Word writer and the zip library out until a Word file is exported", async () => {
    const scripts: string[] = [];
    const errors: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on("request", (request) => { if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname); });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
    await page.waitForSelector("[data-testid=change-row]");
    const atStart = [...scripts];
    expect(atStart.length).toBeGreaterThan(0);
    expect(atStart.filter((path) => /docxWriter|jszip/i.test(path))).toEqual([]);
    // Nor the shared-draft client (Yjs, Hocuspocus, IndexedDB copy) or the Word reader of Import proposed text.
    expect(atStart.filter((path) => /sharedConnection|SharedEntry|ShareDialog|ProposedTextDialog/.test(path))).toEqual([]);
    // Nor the export dialog with the ordinance builders, nor the Drafts and Versions dialogs.
    expect(atStart.filter((path) => /ExportDialog|DraftsDialog|VersionsDialog/.test(path))).toEqual([]);
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the amending ordinance" });
    const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Word (.docx)" }).click()]);
    expect(downloaded.suggestedFilename()).toMatch(/\.docx$/);
    expect(scripts.some((path) => /docxWriter/.test(path))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
