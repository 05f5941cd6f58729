/**
 * An annotation on a change inside one paragraph, when an edit elsewhere in its section makes
 * the engine stop pairing the section with its base (the whole section is then shown as
 * inserted, its base as deleted): the annotated words are still in their paragraph, but no
 * change lies in that paragraph any more. The annotation must not move onto the whole-section
 * change (which lies in no paragraph); it is detached, and when the section pairs again
 * (undo) it is back on its own change. Expected values come from the scenario.
 */
import type { EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import type { Change } from "../../src/core/redline/types";
import { annotateChanges } from "../../src/editor/redline/commands";
import { redlineState } from "../../src/editor/redline/plugin";
import { positionOf, redlineEditor, undoing } from "../support/editorHarness";

const HEAD = "CHAPTER 2-173 WELCOMING CITY ORDINANCE\n\n2-173-005 Purpose and intent.\n2-173-010 Definitions.\n\n";
const FIRST = "The City of Chicago counts itself among the most diverse cities in the world, and roughly one of every five of its residents was born outside the United States.";
const SECOND = "Every agent shall answer questions.";
const THIRD = "Victims of crime and witnesses to crime, including those who are immigrants, must be able to come forward and help with investigations without fear.";
const OTHER = "2-173-010 Definitions.\n\nAs used in this chapter, the following terms have the meanings set out below.\n";

function chapter(second: string): string {
  return `${HEAD}2-173-005 Purpose and intent.\n\n    (a) ${FIRST}\n\n    (b) ${second}\n\n    (c) ${THIRD}\n\n${OTHER}`;
}

const base = parseCodeText(chapter(SECOND)).document;
const draft = parseCodeText(chapter("Every agent shall promptly answer questions.")).document;
const promptly = (change: Change) => change.section === "2-173-005" && change.inserted.trim() === "promptly";

function only(state: EditorState, test: (change: Change) => boolean): Change | undefined {
  const found = redlineState(state).redline.changes.filter(test);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}

/** The change the one annotation is on, or null when it is detached. */
function annotated(state: EditorState): Change | null {
  const { annotations, redline } = redlineState(state);
  expect(annotations.list.length).toBe(1);
  const live = annotations.live.get(annotations.list[0]!.id)!;
  if (!live.attached) {
    expect(annotations.detached.length).toBe(1);
    return null;
  }
  return redline.changes.find((change) => change.id === live.changeId) ?? null;
}

describe("an annotation when its section stops pairing with the base", () => {
  it("does not move onto the whole-section change, and is back on its change when the section pairs again", () => {
    let state = redlineEditor(base, draft);
    const change = only(state, promptly)!;
    annotateChanges([change.id], { sponsorIds: [] })(state, (tr) => { state = state.apply(tr); });
    expect(annotated(state)?.id).toBe(change.id);
    const paragraphB = change.blockIdB;
    expect(paragraphB).toBeTruthy();
    // Rewrite (a) and (c) with other words in one edit; (b) with the annotated word is untouched.
    const a = positionOf(state, FIRST);
    const c = positionOf(state, THIRD);
    const tr = state.tr.insertText("Nothing here resembles the earlier words at all, not one bit.", c, c + THIRD.length);
    tr.insertText("Entirely unrelated wording replaces this first paragraph now.", a, a + FIRST.length);
    state = state.apply(tr);
    // The scenario: the section no longer pairs; its draft side is one inserted change.
    const entry = redlineState(state).redline.sections.find((each) => each.numberB === "2-173-005")!;
    expect(entry.status).toBe("inserted");
    expect(state.doc.textContent).toContain("Every agent shall promptly answer questions.");
    const now = annotated(state);
    if (now) expect(now.blockIdB ?? null).toBe(paragraphB);
    // Undo: the section pairs again and the annotation is on its own change.
    state = undoing(state);
    const back = only(state, promptly);
    expect(back).toBeDefined();
    expect(annotated(state)?.id).toBe(back!.id);
  });
});
