import { splitBlock } from "prosemirror-commands";
import { redo, undo } from "prosemirror-history";
import { TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { findSection } from "../../src/core/model/document";
import { toModel } from "../../src/editor/convert";
import { createEditorState } from "../../src/editor/editorState";
import { fixtureBase } from "../support/fixtures";

/** Position just inside the text of the paragraph whose words start with `prefix`. */
function positionOf(state: EditorState, prefix: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock && node.textContent.startsWith(prefix)) found = pos + 1;
    return true;
  });
  if (found < 0) throw new Error(`no paragraph starts with ${prefix}`);
  return found;
}

function apply(state: EditorState, command: (s: EditorState, d: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  command(state, (tr) => { next = state.apply(tr); });
  return next;
}

function allIds(state: EditorState): string[] {
  const ids: string[] = [];
  state.doc.descendants((node) => {
    if (node.type.spec.attrs?.id !== undefined) ids.push(node.attrs.id as string);
    return true;
  });
  return ids;
}

describe("the editor state", () => {
  it("types into a paragraph and undoes and redoes the typing", () => {
    const start = createEditorState(fixtureBase());
    const at = positionOf(start, "No agent or agency shall ask");
    const typed = start.apply(start.tr.insertText("Hereafter, ", at));
    expect(findSection(toModel(typed.doc), "2-173-020")!.blocks[0]!.text).toMatch(/^Hereafter, No agent/);
    const undone = apply(typed, undo);
    expect(toModel(undone.doc)).toEqual(toModel(start.doc));
    const redone = apply(undone, redo);
    expect(toModel(redone.doc)).toEqual(toModel(typed.doc));
  });

  it("gives a paragraph made by splitting a fresh id", () => {
    let state = createEditorState(fixtureBase());
    const at = positionOf(state, "No agent or agency shall ask");
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at + 10)));
    state = apply(state, splitBlock);
    const ids = allIds(state);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("s-2-173-020-b0");
    expect(ids.every((id) => id !== "")).toBe(true);
  });

  it("does not touch ids when only text changes", () => {
    const start = createEditorState(fixtureBase());
    const typed = start.apply(start.tr.insertText("x", positionOf(start, "No agent or agency shall ask")));
    expect(allIds(typed)).toEqual(allIds(start));
  });
});
