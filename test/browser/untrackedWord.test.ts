/**
 * Plain, untracked typing in a returned Word redline (issue 11, item 13), with a file another
 * office's word processor made: LibreOffice (headless) saves as .docx an amending ordinance
 * whose marks are named character styles and whose enumerators are list numbering, and in one
 * reprinted passage two words were typed with no mark. Import proposed text… lists that edit
 * with its place; taken, the draft and its redline have the words as an insertion; left out,
 * the draft is the ordinance's marked draft, as if the typing had not happened.
 * Without `soffice` the test is skipped locally and fails in CI (CI installs LibreOffice).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, type ExportDocument } from "../../src/core/export";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { libreOfficeConvert, ordinanceFodt } from "../support/odtFiles";
import { onPath } from "../support/wordFiles";
import { documentText } from "./editing";
import { launchBrowser, openPage } from "./browser";
import { chooseFromToolbar } from "./toolbar";

const available = onPath("soffice");
const inCi = Boolean(process.env.CI);
const PLAIN = "willing cooperation";
const TYPED = "willing and prompt cooperation";

/** The ordinance with two words typed, unmarked, into the one plain run that reads `PLAIN`. */
function withUntrackedTyping(ordinance: ExportDocument): ExportDocument {
  let hits = 0;
  const blocks = ordinance.blocks.map((block) => ({
    ...block,
    runs: block.runs.map((run) => {
      if (run.style !== "plain" || !run.text.includes(PLAIN)) return run;
      hits++;
      return { ...run, text: run.text.replace(PLAIN, TYPED) };
    }),
  }));
  if (hits !== 1) throw new Error(`test setup: "${PLAIN}" stands in ${hits} plain runs of the ordinance, not one`);
  return { ...ordinance, blocks };
}

async function openImport(page: Page) {
  await chooseFromToolbar(page, "Import proposed text…");
  return page.getByRole("dialog", { name: "Import a proposed text" });
}

async function cleanTextOf(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Export…" }).click();
  const dialog = page.getByRole("dialog", { name: "Export the amending ordinance" });
  const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Clean chapter (.txt)" }).click()]);
  await dialog.getByRole("button", { name: "Close" }).click();
  return readFileSync((await downloaded.path())!, "utf8");
}

describe("untracked typing in a Word redline saved by LibreOffice, in Chromium", () => {
  if (!available && inCi) {
    it("needs LibreOffice in CI", () => { expect.fail("soffice not on PATH: CI must install libreoffice-writer"); });
    return;
  }

  let browser: Browser;
  let page: Page;
  let file = "";
  const errors: string[] = [];

  beforeAll(async () => {
    if (!available) return;
    const ordinance = withUntrackedTyping(buildOrdinance({ base: fixtureBase(), draft: fixtureAmended(), settings: DEFAULT_EXPORT_SETTINGS }));
    const [docx] = await libreOfficeConvert([{ extension: "fodt", text: ordinanceFodt(ordinance, { lists: true, marks: "styles" }) }], "docx");
    file = join(mkdtempSync(join(tmpdir(), "redline-untracked-")), "returned.docx");
    writeFileSync(file, docx!);
    // The file is LibreOffice's: marks as its named styles, the typing as plain text among them.
    const body = await (await JSZip.loadAsync(docx!)).file("word/document.xml")!.async("string");
    if (!body.includes('<w:rStyle w:val="Deletedwords"/>') || !body.includes(TYPED)) throw new Error("test setup: LibreOffice's file is not of the expected shape");
    browser = await launchBrowser();
  }, 120_000);
  beforeEach(async () => {
    if (!available) return;
    await page?.close();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
    // The draft back to the base text, so what the file brings is all there is.
    const dialog = await openImport(page);
    await dialog.getByLabel("Proposed text").fill(fixtureText("base.txt"));
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => page.locator(".empty").count()).toBe(1);
  });
  afterAll(async () => { await browser?.close(); });

  for (const take of [true, false]) {
    it.skipIf(!available)(`lists the untracked edit with its place and ${take ? "takes it into the draft and its redline" : "leaves it out, the draft as the marks say"}${available ? "" : " (skipped: soffice not on PATH)"}`, async () => {
      const dialog = await openImport(page);
      await dialog.locator("input[type=file]").setInputFiles(file);
      const group = dialog.getByRole("group", { name: "Untracked edits" });
      await expect.poll(() => group.textContent(), { timeout: 15_000 }).toContain("2-173-005 (b)");
      expect(await group.textContent()).toContain("One passage differs from the base without being struck or underscored");
      expect(await group.textContent()).toContain("typed “and prompt”");
      const box = group.getByRole("checkbox");
      expect(await box.count()).toBe(1);
      expect(await box.isChecked()).toBe(true);
      // Nothing is in the draft before the choice is made.
      expect(await documentText(page)).not.toContain(TYPED);
      if (!take) await box.uncheck();
      await group.getByRole("button", { name: "Import with these choices" }).click();
      await expect.poll(() => page.locator(".status-line").textContent()).toContain(`Untracked edits: ${take ? 1 : 0} of 1 taken into the draft.`);

      const text = await documentText(page);
      const inserted = page.locator('.ProseMirror ins[data-change="insert"]', { hasText: "and prompt" });
      const amended = fixtureText("amended.txt");
      if (take) {
        expect(text).toContain(TYPED);
        await expect.poll(() => inserted.count()).toBe(1);
        expect(await cleanTextOf(page)).toBe(amended.replace(PLAIN, TYPED));
      } else {
        expect(text).not.toContain(TYPED);
        expect(text).toContain(PLAIN);
        expect(await inserted.count()).toBe(0);
        expect(await cleanTextOf(page)).toBe(amended);
      }
      expect(errors).toEqual([]);
    }, 60_000);
  }
});
