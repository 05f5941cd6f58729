/**
 * WCAG 2.2 AA as axe-core checks it: no violation of any impact on the main view, with a change
 * selected, in each dialog and on the exported HTML. Each violation is printed with its nodes, so a
 * failure says what to fix.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./browser";
import { chooseFromToolbar } from "./toolbar";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The violations axe finds on the page (or inside `include`), one line per rule and node. */
async function violations(page: Page, include?: string): Promise<string[]> {
  // The export preview is a sandboxed frame without scripts: it is checked as a page of its own below.
  let builder = new AxeBuilder({ page }).withTags(TAGS).exclude("iframe.export-preview");
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.flatMap((violation) => violation.nodes.slice(0, 5).map((node) => `${violation.impact} ${violation.id}: ${node.target.join(" ")} — ${node.failureSummary?.split("\n")[1]?.trim() ?? ""}`));
}

describe("accessibility (axe-core)", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // axe-core's Playwright driver needs a page made from a context of its own.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    // axe-core tries to load itself into every frame; the export preview's sandbox refuses it, as it should.
    page.on("console", (message) => { if (message.type() === "error" && !/^Blocked script execution in 'about:srcdoc'/.test(message.text())) errors.push(message.text()); });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(inject("baseUrl"));
    await page.locator(".change-row").first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds nothing on the main view", async () => {
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing with a change selected and its details open", async () => {
    await page.locator(".change-row").nth(2).click();
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing with a change's card open, its buttons reached with Alt+F10", async () => {
    const mark = page.locator(".code-section .words ins[data-change-id]").first();
    await mark.scrollIntoViewIfNeeded();
    const { x, y } = await mark.evaluate((element) => { const rect = element.getClientRects()[0]!; return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 }; });
    await page.mouse.click(x, y);
    await page.getByTestId("change-card").waitFor();
    await page.keyboard.press("Alt+F10");
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("change-card").count()).toBe(0);
    await page.mouse.move(5, 700);
  });

  it("finds nothing with the find bar open and matches highlighted", async () => {
    await page.keyboard.press("Control+f");
    await page.getByRole("searchbox", { name: "Find" }).fill("shall");
    await page.locator(".code-document .find-match").first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press("Escape");
  });

  for (const view of ["Simple markup", "No markup", "Original", "All markup"]) {
    it(`finds nothing in the ${view} view`, async () => {
      await page.getByRole("combobox", { name: "Markup view" }).selectOption({ label: view });
      expect(await violations(page)).toEqual([]);
    });
  }

  it("finds nothing with a filter that dims changes (colour contrast of dimmed marks and rows)", async () => {
    await page.getByLabel("Filter by sponsor").selectOption("waguespack");
    await page.locator(".code-document .redline-dimmed").first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel("Filter by sponsor").selectOption("");
  });

  it("checks colour contrast (the rule is on)", async () => {
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const checked = [...result.passes, ...result.violations, ...result.incomplete].map((rule) => rule.id);
    expect(checked).toContain("color-contrast");
  });

  it("finds nothing with a menu or the shortcuts list open", async () => {
    await page.getByRole("button", { name: "Draft", exact: true }).click();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Shortcuts" }).click();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press("Escape");
  });

  for (const action of ["Drafts…", "Versions…", "Import official text…", "Import proposed text…", "Sponsors…", "Export…", "New section…"]) {
    it(`finds nothing in the ${action} dialog`, async () => {
      if (action === "New section…") await page.locator(".code-section p.code-paragraph .words").first().click();
      if (action === "Sponsors…" || action === "Export…") await page.getByRole("button", { name: action }).click();
      else await chooseFromToolbar(page, action);
      await page.locator("dialog[open]").waitFor();
      expect(await violations(page, "dialog[open]")).toEqual([]);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
    });
  }

  it("finds nothing on the exported HTML ordinance, opened as a page", async () => {
    await page.getByRole("button", { name: "Export…" }).click();
    const preview = await page.locator("iframe.export-preview").getAttribute("srcdoc");
    await page.keyboard.press("Escape");
    expect(preview).toContain("<main>");
    const exported = await page.context().newPage();
    await exported.setContent(preview!);
    expect(await violations(exported)).toEqual([]);
    await exported.close();
  });

  it("logged no errors in the console", () => {
    expect(errors).toEqual([]);
  });
});
