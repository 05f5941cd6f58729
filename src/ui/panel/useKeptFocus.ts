import { useLayoutEffect, type RefObject } from "react";

/** The control that had the focus when a form was replaced, by its label (one form is replaced at a time). */
let kept: string | null = null;

/**
 * How a control is recognised in the form that replaces its own: its focus key (shared by the
 * controls that stand for one another, such as a thread's first-comment box and the reply box
 * the posted comment leaves in its place), id, aria-label, or tag and text.
 */
function labelOf(element: HTMLElement): string {
  return element.dataset.focusKey || element.id || element.getAttribute("aria-label") || `${element.tagName}:${element.textContent?.trim() ?? ""}`;
}

const CONTROLS = "button, input, select, textarea, [tabindex]";

/**
 * Keeps the keyboard focus when the form under `root` is replaced by another of its kind — the
 * selected change's details after an Agree or Reject that moves on, or after a first annotation
 * re-keys them: the control with the focus as the old form went is focused in the new one (when
 * it has one of that label, else its first control — when the focus was left nowhere), never
 * left on the page's body.
 */
export function useKeptFocus(root: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const label = kept;
    kept = null;
    const active = document.activeElement;
    if (label && (active === null || active === document.body) && root.current) {
      const controls = [...root.current.querySelectorAll<HTMLElement>(CONTROLS)].filter((element) => !element.hasAttribute("disabled"));
      // The same control, or else the form's first one (the next change may have no comment box).
      (controls.find((element) => labelOf(element) === label) ?? controls[0])?.focus();
    }
    const element = root.current;
    return () => {
      // Runs while the old form is still in the page, before React removes it.
      const now = document.activeElement;
      if (element && now instanceof HTMLElement && element.contains(now)) {
        const label = labelOf(now);
        kept = label;
        // Only the form mounted in the same commit takes it; a later one never steals the focus.
        setTimeout(() => { if (kept === label) kept = null; }, 0);
      }
    };
  }, [root]);
}
