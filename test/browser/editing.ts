/** Puts the caret in the live editor, as a click would, for typing tests. */
import type { Page } from "playwright-core";

/**
 * Puts the caret just before (or after) the first occurrence of `text` in the chapter's words
 * and catchlines; struck widgets and non-editable parts (labels, the derived contents) are skipped.
 */
async function placeCaret(page: Page, text: string, side: "before" | "after"): Promise<void> {
  await page.evaluate(([needle, where]) => {
    const words = [...document.querySelectorAll(".editor-pane .words, .editor-pane .catchline")];
    for (const element of words) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest("del, [contenteditable=false]")) continue;
        const at = node.textContent!.indexOf(needle!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, where === "after" ? at + needle!.length : at);
        range.collapse(true);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        (element.closest("[contenteditable=true]") as HTMLElement).focus();
        return;
      }
    }
    throw new Error(`not found: ${needle}`);
  }, [text, side]);
}

/** Puts the caret just before `text` in the chapter's words. */
export function caretBefore(page: Page, text: string): Promise<void> {
  return placeCaret(page, text, "before");
}

/** Puts the caret just after `text` in the chapter's words. */
export function caretAfter(page: Page, text: string): Promise<void> {
  return placeCaret(page, text, "after");
}

/**
 * The chapter's text as the document holds it, sections off screen included: `innerText`
 * needs layout, and Chromium skips laying out sections that are off screen (content-visibility).
 * Blocks are joined by newlines; struck widgets are included, as they are on screen; other people's carets are not.
 */
export function documentText(page: Page): Promise<string> {
  return page.locator(".editor-pane .code-document").evaluate((root) =>
    [...root.querySelectorAll("h1, h2, h3, p")].filter((block) => !block.parentElement?.closest("p")).map((block) => {
      // Other people's carets in a shared draft carry their names: not the text.
      if (!block.querySelector(".remote-caret")) return block.textContent ?? "";
      const copy = block.cloneNode(true) as Element;
      for (const caret of copy.querySelectorAll(".remote-caret")) caret.remove();
      return copy.textContent ?? "";
    }).join("\n"));
}

/** Puts the caret at the end of the words of the first paragraph whose words contain `text`. */
export async function caretAtEndOf(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const block = [...document.querySelectorAll(".editor-pane .ProseMirror .words")].find((words) => words.textContent!.includes(needle));
    if (!block) throw new Error(`not found: ${needle}`);
    const range = document.createRange();
    range.selectNodeContents(block);
    range.collapse(false);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    (block.closest("[contenteditable=true]") as HTMLElement).focus();
  }, text);
}

/**
 * Selects the first occurrence of `text` in the chapter's words (or, with `caretAfter`, puts the
 * caret after it), as a drag would; struck words and other widgets inside the words are skipped.
 * Works in a read-only view too (a reviewer's).
 */
export async function selectWords(page: Page, text: string, caretAfter = false): Promise<void> {
  await page.evaluate(([needle, after]) => {
    for (const element of document.querySelectorAll(".editor-pane .words")) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const widget = node.parentElement?.closest("del, [contenteditable=false]");
        if (widget && element.contains(widget)) continue;
        const at = node.textContent!.indexOf(needle as string);
        if (at < 0) continue;
        (element.closest(".ProseMirror") as HTMLElement).focus();
        const range = document.createRange();
        range.setStart(node, after ? at + (needle as string).length : at);
        range.setEnd(node, at + (needle as string).length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`not found: ${needle}`);
  }, [text, caretAfter] as const);
  // The editor reads the page's selection on selectionchange.
  await page.waitForTimeout(100);
}

/** Signs in on the page's "Sign in" form. */
export async function signIn(page: Page, name: string, password: string): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}
