/**
 * A unit only the base has (a deleted section, the source end of a move) is shown as a widget
 * where it stood. A transaction that rewrites the boundary it stands on removes that widget
 * when the decorations are mapped; the patched decorations must still equal fresh ones.
 */
import { ReplaceStep } from "prosemirror-transform";
import { describe, expect, it } from "vitest";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { createEditorState } from "../../src/editor/editorState";
import { unitPlaces } from "../../src/editor/redline/docLayout";
import { redlinePlugin, redlineState } from "../../src/editor/redline/plugin";
import { disagreement } from "../support/redlineOracle";
import { fixtureBase } from "../support/fixtures";

/** The base with the first chapter's section at `index` left out. */
function withoutSection(base: OrdinanceDocument, index: number): OrdinanceDocument {
  const [first, ...rest] = base.chapters;
  return { ...base, chapters: [{ ...first!, sections: first!.sections.filter((_, i) => i !== index) }, ...rest] };
}

function deletedWidgets(state: ReturnType<typeof createEditorState>): string[] {
  return redlineState(state).decorations.find().filter((d) => (d.spec as { deletedUnit?: true }).deletedUnit).map((d) => String((d.spec as { changeId: string }).changeId));
}

describe("widgets of units only the base has", () => {
  it("stay when an edit rewrites the boundary they stand on", () => {
    const base = fixtureBase();
    let state = createEditorState(withoutSection(base, 2), { plugins: [redlinePlugin({ base })] });
    expect(disagreement(state, base)).toBeNull();
    const shown = deletedWidgets(state);
    expect(shown.length).toBeGreaterThan(0);
    // The deleted section stood between the first chapter's second and third sections (places 2 and 3).
    const places = unitPlaces(state.doc);
    const before = places[2]!;
    const after = places[3]!;
    expect(before.kind).toBe("section");
    expect(after.kind).toBe("section");
    // From the end of the earlier section's last line into the later heading, replaced by the same content.
    const from = before.end - 2;
    const to = after.pos + 2;
    state = state.apply(state.tr.step(new ReplaceStep(from, to, state.doc.slice(from, to))));
    expect(disagreement(state, base)).toBeNull();
    expect(deletedWidgets(state)).toEqual(shown);
  });
});
