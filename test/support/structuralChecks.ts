/**
 * What every structural command must keep: one undo takes it back whole, the live redline
 * afterwards equals a fresh compare (and fresh decorations), and the draft saved and reopened
 * is the draft on screen. Plus a key press through the state's own keymaps.
 */
import { closeHistory, undo } from "prosemirror-history";
import type { EditorState, Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { expect } from "vitest";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { redlineState } from "../../src/editor/redline/plugin";
import { run } from "./editorHarness";
import { disagreement } from "./redlineOracle";
import { reopened, shape } from "./reopen";

/** `state` with its undo history closed, so the next command is an undo step of its own (not grouped with the last). */
export function closed(state: EditorState): EditorState {
  return state.apply(closeHistory(state.tr));
}

/** Checks `after` (reached from `before` by one command) against the three guarantees. */
export function expectSoundStep(before: EditorState, after: EditorState, base: OrdinanceDocument): void {
  expect(after.doc.eq(before.doc), "the command changed nothing").toBe(false);
  expect(disagreement(after, base)).toBeNull();
  expect(run(after, undo).doc.eq(before.doc), "one undo gives back the state before").toBe(true);
  expect(shape(redlineState(reopened(after)).draft)).toBe(shape(redlineState(after).draft));
}

/** The state after pressing `key` ("Enter", "Tab", "Shift-Tab", "Backspace") through the state's keymaps, and whether a binding took it. */
export function press(state: EditorState, key: string): { state: EditorState; handled: boolean } {
  const shift = key.startsWith("Shift-");
  const name = shift ? key.slice(6) : key;
  const event = { key: name, shiftKey: shift, altKey: false, ctrlKey: false, metaKey: false, keyCode: 0, preventDefault() {} } as unknown as KeyboardEvent;
  let next = state;
  const view = { state, dispatch: (tr: Transaction) => { next = next.apply(tr); }, composing: false } as unknown as EditorView;
  for (const plugin of state.plugins) {
    const handler = plugin.props.handleKeyDown;
    if (handler && handler.call(plugin, view, event)) return { state: next, handled: true };
  }
  return { state, handled: false };
}

/** The section's paragraphs as "(label) first words" lines, for readable assertions. */
export function outlineOf(state: EditorState, sectionNumber: string, words = 3): string[] {
  const section = redlineState(state).draft.chapters.flatMap((chapter) => chapter.sections).find((each) => each.number === sectionNumber);
  if (!section) throw new Error(`no section ${sectionNumber}`);
  return section.blocks.flatMap((block) => (block.kind === "paragraph"
    ? [`${"  ".repeat(Math.max(0, block.level - 1))}${block.enumerator ?? "-"} ${block.text.split(" ").slice(0, words).join(" ")}`.trimEnd()]
    : []));
}
