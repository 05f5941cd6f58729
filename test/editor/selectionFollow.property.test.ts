/**
 * The selected change follows its words through every edit, and the plugin's quick way (reading
 * only the units an edit touched) gives what the walk over every unit gives: over random
 * transaction sequences with a change selected before most of them, on the demonstration draft
 * and on generated multi-chapter titles (a section moved in half of them), the plugin's
 * selectedId after each edit equals `followSelection` computed from the states on both sides.
 */
import { Plugin, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { Random } from "../../src/core/samples/random";
import { createEditorState } from "../../src/editor/editorState";
import { selectChange } from "../../src/editor/redline/commands";
import { redlineKey, redlinePlugin, redlineState } from "../../src/editor/redline/plugin";
import { followSelection } from "../../src/editor/redline/selectionFollow";
import { fixtureAmended, fixtureBase, generatedTitle } from "../support/fixtures";
import { randomAction } from "../support/randomTransactions";

const SEEDS = Number(process.env.ORACLE_SEEDS ?? 20);
const STEPS = 40;

interface Tally { kept: number; moved: number; lost: number; mismatches: string[] }

/** A plugin after the redline's that compares, for each edit, its selectedId with the walk over every unit. */
function checker(tally: Tally): Plugin {
  return new Plugin({
    state: {
      init: () => null,
      apply(tr, _value, oldState, newState) {
        const before = redlineKey.getState(oldState);
        const after = redlineKey.getState(newState);
        if (!before || !after || !tr.docChanged || tr.getMeta(redlineKey) !== undefined || before.selectedId === null) return null;
        const expected = followSelection(before.selectedId, {
          before: { doc: oldState.doc, draft: before.draft, redline: before.redline },
          after: { doc: newState.doc, draft: after.draft, redline: after.redline },
          mapping: tr.mapping,
        });
        if (expected !== after.selectedId) tally.mismatches.push(`${before.selectedId} → plugin ${after.selectedId}, every unit ${expected}`);
        if (expected === null) tally.lost++;
        else if (expected === before.selectedId) tally.kept++;
        else tally.moved++;
        return null;
      },
    },
  });
}

function runSequence(base: OrdinanceDocument, draft: OrdinanceDocument, seed: number, tally: Tally): void {
  const random = new Random(seed);
  let state: EditorState = createEditorState(draft, { plugins: [redlinePlugin({ base }), checker(tally)] });
  for (let step = 0; step < STEPS; step++) {
    const changes = redlineState(state).redline.changes;
    if (changes.length > 0 && random.chance(0.7)) selectChange(random.pick(changes).id)(state, (tr) => { state = state.apply(tr); });
    const { next } = randomAction(state, random);
    if (next) state = next;
  }
}

describe("the selected change follows its words through an edit", () => {
  it("reading only the touched units gives what the walk over every unit gives", () => {
    const tally: Tally = { kept: 0, moved: 0, lost: 0, mismatches: [] };
    for (let seed = 1; seed <= SEEDS; seed++) runSequence(fixtureBase(), fixtureAmended(), seed, tally);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const base = generatedTitle(seed + 200);
      runSequence(base, randomlyEdited(base, seed, 10), 500 + seed, tally);
    }
    expect(tally.mismatches.slice(0, 5)).toEqual([]);
    // Each outcome occurs: the selection kept, renumbered or reshaped, and lost with its words.
    expect(tally.kept).toBeGreaterThan(100);
    expect(tally.moved).toBeGreaterThan(5);
    expect(tally.lost).toBeGreaterThan(5);
  }, 120_000);
});
