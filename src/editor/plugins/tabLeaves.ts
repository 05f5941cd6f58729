/**
 * Leaving the text with the keyboard. Tab and Shift+Tab belong to the list structure in the
 * editor (they sink and lift items, and never move the focus, so typing is never sent
 * elsewhere); Escape first, then Tab or Shift+Tab, moves the focus out of the text to the next or
 * previous control, as the browser's Tab does elsewhere (the convention of code editors that keep
 * Tab). Any other key in between, or the focus leaving, cancels the Escape.
 */
import { Plugin } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";

/** The views whose next Tab leaves the text. */
const armed = new WeakSet<EditorView>();

/** Keys that neither use nor cancel a pending Escape (modifiers pressed on the way to Shift+Tab). */
const NEUTRAL = new Set(["Shift", "Control", "Alt", "Meta"]);

/** The plugin: Escape, then Tab or Shift+Tab, lets the browser move the focus out of the editor. */
export function tabLeavesPlugin(): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        keydown(view, event) {
          if (event.key === "Escape") { armed.add(view); return false; }
          if (NEUTRAL.has(event.key)) return false;
          const leaving = event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey && armed.has(view);
          armed.delete(view);
          // Handled here without preventDefault: ProseMirror's keymaps never see it, the browser moves the focus.
          return leaving;
        },
        blur(view) { armed.delete(view); return false; },
      },
    },
  });
}
