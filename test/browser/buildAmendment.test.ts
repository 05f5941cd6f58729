/**
 * The fixture's amendment drafted from the base entirely in the editor, as a drafter would,
 * without pasting: word edits, a repealed passage, a changed catchline, new subsections with
 * Enter, and the new Sections 2-173-045 and 2-173-047 from the number assistant, their items
 * made with Tab, Enter and Enter in an empty item. The draft then reads exactly as the fixture's
 * amended chapter, and the exported ordinance (one SECTION per Code section) is the fixture's.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_EXPORT_SETTINGS, renderOrdinance } from "../../src/core/export";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { launchBrowser, openPage, outputDir } from "./browser";
import { caretAtEndOf } from "./editing";
import { chooseFromToolbar } from "./toolbar";

/** Selects `part` inside the first occurrence of `context` in the chapter's editable words and catchlines. */
async function select(page: Page, context: string, part: string): Promise<void> {
  await page.evaluate(([needle, piece]) => {
    for (const element of document.querySelectorAll(".editor-pane .words, .editor-pane .catchline")) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest("del, [contenteditable=false]")) continue;
        const at = node.textContent!.indexOf(needle!);
        if (at < 0) continue;
        const from = at + needle!.indexOf(piece!);
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, from + piece!.length);
        (element.closest("[contenteditable=true]") as HTMLElement).focus();
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`not found: ${needle}`);
  }, [context, part]);
  // The editor reads a moved DOM selection on the next selectionchange.
  await page.waitForTimeout(100);
}

async function replace(page: Page, context: string, part: string, text: string): Promise<void> {
  await select(page, context, part);
  if (text === "") await page.keyboard.press("Backspace");
  else await page.keyboard.type(text);
}

async function atEnd(page: Page, text: string): Promise<void> {
  await caretAtEndOf(page, text);
  await page.waitForTimeout(100);
}

/**
 * Types `words` at the caret: the first word key by key (the editor's own typing path), the rest
 * as one text input, as an input method commits it. Typing every character of the five new
 * paragraphs key by key took over a minute on a loaded CI machine.
 */
async function typeWords(page: Page, words: string): Promise<void> {
  const firstSpace = words.indexOf(" ");
  const keyed = firstSpace < 0 ? words : words.slice(0, firstSpace + 1);
  await page.keyboard.type(keyed);
  if (keyed.length < words.length) await page.keyboard.insertText(words.slice(keyed.length));
}

/** Enter at the end of the paragraph holding `after`, then the new item's words. */
async function newItemAfter(page: Page, after: string, words: string): Promise<void> {
  await atEnd(page, after);
  await page.keyboard.press("Enter");
  await typeWords(page, words);
}

/** The new section after the one holding `inSection`, numbered `number`. */
async function newSection(page: Page, inSection: string, previous: string, number: string, catchline: string): Promise<void> {
  await atEnd(page, inSection);
  await chooseFromToolbar(page, "New section…");
  const dialog = page.getByRole("dialog", { name: `New section after ${previous}` });
  await dialog.getByLabel("Section number").fill(number);
  await dialog.getByLabel("Catchline").fill(catchline);
  await dialog.getByRole("button", { name: "Insert section" }).click();
  await expect.poll(() => page.locator(`.editor-pane h3.section-heading[data-number="${number}"]`).count()).toBe(1);
}

/** The amended text's paragraph words after the enumerator of the line starting with `label` in section `number`. */
function amendedWords(number: string, label: string): string {
  const section = fixtureAmended().chapters[0]!.sections.find((each) => each.number === number)!;
  const paragraph = section.blocks.find((block) => block.kind === "paragraph" && block.enumerator === label && block.text !== "");
  return paragraph!.text;
}

function nthWords(number: string, index: number): string {
  return fixtureAmended().chapters[0]!.sections.find((each) => each.number === number)!.blocks[index]!.text;
}

describe("the fixture's amendment drafted in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, inject("baseUrl"), errors);
    await page.waitForSelector("[data-testid=change-row]");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("starts from the base: every proposed change rejected", async () => {
    // Every change of the demonstration draft is proposed: shown by that filter, rejected at once.
    await page.getByLabel("Filter by status").selectOption("proposed");
    await page.getByRole("button", { name: "Reject shown" }).click();
    await page.getByLabel("Filter by status").selectOption("");
    await expect.poll(() => page.getByText("No changes: the draft reads as the base text.").count()).toBe(1);
  });

  it("edits words, repeals a passage, changes a catchline and adds subsections", { timeout: 180_000 }, async () => {
    await replace(page, "The safety of the public in every neighborhood depends", "in every neighborhood ", "");
    await replace(page, "cooperation of all residents with", "residents", "people");
    await replace(page, "whether a resident holds", "resident", "person");
    await newItemAfter(page, "no immigrant shall be subjected to physical abuse", amendedWords("2-173-005", "(e)"));
    await newItemAfter(page, "for the purpose of enforcing a civil provision of federal immigration law", amendedWords("2-173-010", "(f)"));
    await newItemAfter(page, "keep a person in custody beyond the time", amendedWords("2-173-010", "(j)"));
    await replace(page, "shall disclose, in any form, information", ", in any form,", "");
    await replace(page, "of the person seeking it", "seeking", "requesting");
    await replace(page, "Exchanging file information", "file information", "information with federal authorities");
    await replace(page, "set out in Section 2-173-042(a), shall", "Section 2-173-042(a)", "Sections 2-173-042(a) and 2-173-045");
    await atEnd(page, "This chapter, including the limitations set out in");
    await page.keyboard.type(" Nothing in this section limits the right of any person to file a complaint under Section 2-173-047.");
    // The contents line follows the heading (its old words struck, shown beside the new ones).
    const tocLine = page.locator('.editor-pane p.toc-entry[data-number="2-173-060"]');
    const shownNew = () => tocLine.evaluate((line) => { const copy = line.cloneNode(true) as HTMLElement; copy.querySelectorAll("del").forEach((del) => del.remove()); return copy.textContent!.replace(/\s+/g, " "); });
    await expect.poll(shownNew).toContain("Exchanging information with federal authorities.");
    expect((await tocLine.locator("del").allTextContents()).join(" ")).toContain("file");
  });

  it("adds Sections 2-173-045 and 2-173-047 with their items, typed", { timeout: 180_000 }, async () => {
    await newSection(page, "Subsections (a) and (b) of this section shall not", "2-173-042", "2-173-045", "Coercion and threats based on immigration status prohibited.");
    await typeWords(page, nthWords("2-173-045", 0));
    await page.keyboard.press("Tab");
    for (const index of [1, 2, 3]) {
      await page.keyboard.press("Enter");
      if (index === 1) await page.keyboard.press("Tab");
      await typeWords(page, nthWords("2-173-045", index));
    }
    // Enter, Enter: the empty (4) is lifted to (b).
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await typeWords(page, nthWords("2-173-045", 4));

    await newSection(page, "Conduct described in subsection (a) of this section is prohibited", "2-173-045", "2-173-047", "Accountability for violations by police officers.");
    await typeWords(page, nthWords("2-173-047", 0));
    await page.keyboard.press("Tab");
    for (const index of [1, 2, 3, 4]) {
      await page.keyboard.press("Enter");
      if (index === 3) await page.keyboard.press("Tab");
      await typeWords(page, nthWords("2-173-047", index));
    }
    await expect.poll(() => page.locator('.editor-pane p.toc-entry[data-number="2-173-047"]').textContent()).toContain("Accountability for violations by police officers.");
    await page.screenshot({ path: `${outputDir()}amendment-drafted.png` });
  });

  it("exports the fixture's ordinance: the inserting formulas, the struck passage and the new contents lines", async () => {
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the amending ordinance" });
    await dialog.getByLabel("One SECTION per").selectOption("section");
    const [downloaded] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Text (.txt)" }).click()]);
    const text = readFileSync((await downloaded.path())!, "utf8");
    expect(text).toContain("is hereby amended by inserting a new Section 2-173-045, as follows:");
    expect(text).toContain("is hereby amended by inserting a new Section 2-173-047, as follows:");
    expect(text).toContain("Section 2-173-030 of the Municipal Code of Chicago is hereby amended by deleting the language struck through, as follows:");
    expect(text).toContain("shall disclose[-, in any form,-] information");
    expect(text).toContain("{+2-173-045 Coercion and threats based on immigration status prohibited.+}");
    expect(text).toContain("{+2-173-047 Accountability for violations by police officers.+}");
    expect(text).not.toMatch(/¶/);
    const expected = await renderOrdinance({
      base: fixtureBase(), draft: fixtureAmended(), sponsors: parseSponsors(JSON.parse(fixtureText("sponsors.json"))),
      settings: { ...DEFAULT_EXPORT_SETTINGS, grouping: "section" }, format: "txt",
    }) as string;
    const body = (ordinance: string) => ordinance.slice(ordinance.indexOf("SECTION 1."), ordinance.indexOf("This ordinance shall take effect"));
    expect(body(text)).toBe(body(expected));
    await page.keyboard.press("Escape");
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
