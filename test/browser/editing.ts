/** Puts the caret in the live editor, as a click would, for typing tests. */
import type { Page } from "playwright-core";

/** Puts the caret just before `text` in the chapter's words (struck widgets are skipped). */
export async function caretBefore(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const words = [...document.querySelectorAll(".editor-pane .words, .editor-pane .catchline")];
    for (const element of words) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest("del")) continue;
        const at = node.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.collapse(true);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        (element.closest("[contenteditable=true]") as HTMLElement).focus();
        return;
      }
    }
    throw new Error(`not found: ${needle}`);
  }, text);
}
