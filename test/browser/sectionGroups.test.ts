/**
 * A long chapter's sections stand in invisible groups on the page (editor/sectionGroups.ts),
 * checked in Chromium on a generated chapter of several groups: the sections show in the order
 * of the chapter's contents, two sections are as far apart across two groups as within one, the last section shows when scrolled to, and words typed at the start of
 * a group's first section land there and are marked as inserted.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./browser";

describe("section groups in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, `${inject("baseUrl")}?sample=150000`, errors);
    await page.waitForSelector("[data-testid=change-row]", { timeout: 120_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("says in the toolbar that the generated chapter is not saved (it said Opening… for ever)", async () => {
    expect(await page.getByTestId("save-status").textContent()).toBe("Sample, not saved");
  });

  it("shows the sections in the contents' order, as far apart across groups as within one", async () => {
    const order = await page.evaluate(() => ({
      headings: [...document.querySelectorAll(".code-document h3.section-heading")].map((heading) => heading.getAttribute("data-number")),
      contents: [...document.querySelectorAll(".code-document .toc .toc-entry")].map((entry) => entry.getAttribute("data-number")),
      groups: document.querySelectorAll(".code-document .section-group").length,
    }));
    expect(order.groups).toBeGreaterThanOrEqual(2);
    expect(order.headings.length).toBeGreaterThan(64);
    expect(order.headings).toEqual(order.contents.filter((number) => order.headings.includes(number)));
    await page.locator(".code-document .section-group").nth(1).locator("section.code-section").first().scrollIntoViewIfNeeded();
    // How far apart two sections are on screen, across two groups and within one, once the groups now in view are drawn.
    const gaps = () => page.evaluate(() => {
      const groups = document.querySelectorAll(".code-document .section-group");
      const first = groups[1]!.querySelector(":scope > section")!;
      const last = groups[0]!.querySelector(":scope > section:last-of-type")!;
      const next = first.nextElementSibling!;
      return { across: Math.round(first.getBoundingClientRect().top - last.getBoundingClientRect().bottom), within: Math.round(next.getBoundingClientRect().top - first.getBoundingClientRect().bottom) };
    });
    await expect.poll(async () => { const { across, within } = await gaps(); return within > 0 && Math.abs(across - within) <= 1; }, { timeout: 5000 }).toBe(true);
  });

  it("stands each section and group not yet drawn at about its real height: the page is as long before they are drawn as after", async () => {
    // Read before anything below the first screen has been drawn: the far groups stand at their estimates.
    const before = await page.evaluate(() => {
      const pane = document.querySelector(".editor-pane")!;
      const groups = [...document.querySelectorAll(".code-document .section-group")].map((group) => getComputedStyle(group).containIntrinsicHeight);
      return { scrollHeight: pane.scrollHeight, groups };
    });
    await page.addStyleTag({ content: ".code-document .code-section, .code-document .section-group { content-visibility: visible !important; }" });
    const after = await page.evaluate(() => document.querySelector(".editor-pane")!.scrollHeight);
    await page.evaluate(() => document.querySelector("style:last-of-type")!.remove());
    // A fixed guess (32 sections as 15,360 px) made the page a quarter too short: the scroll
    // bar lied about where one is, and a section scrolled to came to rest far from the view.
    expect(before.groups.every((value) => /^auto \d+px$/.test(value) && value !== "auto 15360px"), before.groups.join(", ")).toBe(true);
    expect(Math.abs(before.scrollHeight - after) / after, `${before.scrollHeight} px estimated, ${after} px drawn`).toBeLessThan(0.05);
  });

  // A bare element.scrollIntoView, with no navigation of the app's own, rests on Chromium's
  // scroll anchoring while the boxes around the target take their real heights: with heights
  // estimated from each section's text (editor/sectionBoxes.ts) they hardly move.
  it("keeps a section scrolled into view in view while the groups around it are drawn", async () => {
    // A group's first section (where Chromium once lost it), one inside a group, one near the start, the last.
    const sections = page.locator(".code-document section.code-section");
    const cases = [[page.locator(".code-document .section-group").nth(1).locator("section.code-section").first(), "center"], [sections.nth(70), "center"], [sections.nth(12), "start"], [sections.last(), "start"]] as const;
    for (const [index, [section, block]] of cases.entries()) {
      await section.evaluate((element, at) => element.scrollIntoView({ block: at }), block);
      // Groups drawn around it may move it for a moment (their heights were estimates); it must
      // come to rest in view.
      const seen = () => section.evaluate((element) => {
        const box = element.querySelector("h3")!.getBoundingClientRect();
        const pane = element.closest(".editor-pane")!.getBoundingClientRect();
        return element.querySelector("h3")!.checkVisibility() && box.top >= pane.top - 1 && box.bottom <= pane.bottom;
      });
      await expect.poll(seen, { message: `section ${index}`, timeout: 10_000 }).toBe(true);
      await page.waitForTimeout(400);
      expect(await seen(), `section ${index}, a moment later`).toBe(true);
    }
  });

  it("brings a change chosen in the panel into view and keeps it there while the groups are drawn", async () => {
    const rows = page.locator("[data-testid=change-row]");
    const count = await rows.count();
    for (const index of [Math.floor(count / 2), count - 1]) {
      const id = await rows.nth(index).getAttribute("data-change-id");
      await rows.nth(index).click();
      const mark = page.locator(`.editor-pane [data-change-id="${id}"]`).first();
      const inView = () => mark.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const pane = element.closest(".editor-pane")!.getBoundingClientRect();
        return box.bottom > pane.top && box.top < pane.bottom;
      });
      await expect.poll(inView, { message: `change ${id}`, timeout: 3000 }).toBe(true);
      await page.waitForTimeout(600);
      expect(await inView(), `change ${id}, a moment later`).toBe(true);
    }
  });

  it("types at the start of a group's first section, marked as inserted", async () => {
    const section = page.locator(".code-document .section-group").nth(1).locator("section.code-section").first();
    const words = section.locator("p.code-paragraph .words").first();
    // The caret is put there as the typing benchmark puts it: Playwright's click waits for a
    // still page, which the generated chapter's page does not give it (the same before groups).
    await words.evaluate((element) => {
      element.scrollIntoView({ block: "center" });
      const text = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE)!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.collapse(true);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      (element.closest("[contenteditable=true]") as HTMLElement).focus();
    });
    await page.keyboard.type("Groupword ");
    await expect.poll(() => words.textContent()).toMatch(/^Groupword /);
    await expect.poll(() => section.locator("ins", { hasText: "Groupword" }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
