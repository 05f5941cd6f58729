/**
 * Over random edit sequences on a real editor state with annotations: no annotation is ever
 * lost (each one in the document is either on exactly one change, alone, or detached and
 * listed), and an annotation whose change survives an edit stays in that change's paragraph.
 * The test follows each annotated change itself, through the transactions' own step maps:
 * the change survives when a change on the same side still covers the mapped words.
 */
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import type { Mapping } from "prosemirror-transform";
import { describe, expect, it } from "vitest";
import type { OrdinanceDocument } from "../../src/core/model/document";
import type { Change } from "../../src/core/redline/types";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { createEditorState } from "../../src/editor/editorState";
import { mapOffset } from "../../src/editor/redline/docLayout";
import { annotateChanges, locateChange } from "../../src/editor/redline/commands";
import { docAnnotations, redlinePlugin, redlineState } from "../../src/editor/redline/plugin";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { randomAction } from "../support/randomTransactions";

const SEEDS = Number(process.env.ANCHOR_SEEDS ?? 40);
const STEPS = 40;
const sponsors = parseSponsors(JSON.parse(fixtureText("sponsors.json")));

/** Records every applied transaction's mapping, so the test can follow positions itself. */
const mappingsKey = new PluginKey<readonly Mapping[]>("test-mappings");
const recordMappings = new Plugin<readonly Mapping[]>({
  key: mappingsKey,
  state: { init: () => [], apply: (tr, list) => (tr.docChanged ? [...list, tr.mapping] : list) },
});

/** The draft range of a change in ProseMirror positions, or null for a unit not in the draft. */
function rangeOf(state: EditorState, change: Change): { from: number; to: number } | null {
  const found = locateChange(state, change.id);
  const lines = found?.unit.lines();
  if (!found || !lines) return null;
  const start = found.unit.entry.startB;
  return { from: mapOffset(lines, change.fromB - start).pos, to: mapOffset(lines, change.toB - start).pos };
}

/** The id of the textblock holding `pos`, or null when it is not inside one. */
function paragraphAt(state: EditorState, pos: number): string | null {
  const $pos = state.doc.resolve(pos);
  return $pos.parent.isTextblock ? ($pos.parent.attrs.id as string) ?? null : null;
}

function checkCounts(state: EditorState, where: string): void {
  const { annotations } = redlineState(state);
  const attached = [...annotations.byChange.values()];
  for (const list of attached) expect(list.length, `${where}: two annotations on one change`).toBe(1);
  const shown = new Set([...attached.flat(), ...annotations.detached].map((a) => a.id));
  expect([...shown].sort(), `${where}: an annotation is neither attached nor detached`).toEqual(docAnnotations(state).map((a) => a.id).sort());
}

/** Annotation id → the inserted words' range of its change and that change's paragraph, for changes with inserted words in a paragraph. */
function followedChanges(state: EditorState): Map<string, { from: number; to: number }> {
  const { annotations, redline } = redlineState(state);
  const result = new Map<string, { from: number; to: number }>();
  for (const [changeId, list] of annotations.byChange) {
    const change = redline.changes.find((each) => each.id === changeId);
    const annotation = list[0];
    if (!change || !annotation || !change.inserted.trim() || !change.blockIdB || change.inserted.includes("\n")) continue;
    if (annotations.live.get(annotation.id)?.side !== "inserted") continue;
    const range = rangeOf(state, change);
    if (range && range.to > range.from) result.set(annotation.id, range);
  }
  return result;
}

function checkParagraphs(before: EditorState, after: EditorState, where: string): void {
  const mappings = mappingsKey.getState(after)!.slice(mappingsKey.getState(before)!.length);
  if (mappings.length === 0) return;
  const { annotations, redline } = redlineState(after);
  for (const [id, range] of followedChanges(before)) {
    let from = range.from;
    let to = range.to;
    for (const mapping of mappings) { from = mapping.map(from, 1); to = mapping.map(to, -1); }
    if (to <= from) continue; // its words were deleted: the change is gone
    const paragraph = paragraphAt(after, from);
    if (!paragraph || paragraph !== paragraphAt(after, to)) continue;
    const survivor = redline.changes.find((change) => {
      if (!change.inserted.trim()) return false;
      const at = rangeOf(after, change);
      return at !== null && at.from < to && at.to > from;
    });
    if (!survivor) continue; // no change covers its words any more: the change is gone
    const live = annotations.live.get(id);
    if (!live?.attached) continue; // detached is allowed (it may have lost its change to a merge)
    const now = redline.changes.find((change) => change.id === live.changeId);
    expect(now?.blockIdB ?? null, `${where}: annotation ${id} left its change's paragraph`).toBe(paragraph);
  }
}

function runSequence(base: OrdinanceDocument, draft: OrdinanceDocument, seed: number): void {
  const random = new Random(seed);
  let state = createEditorState(draft, { plugins: [redlinePlugin({ base }), recordMappings], attrs: { sponsors } });
  const annotate = () => {
    const changes = redlineState(state).redline.changes.filter((change) => !change.withinMove);
    if (changes.length) annotateChanges([random.pick(changes).id], { sponsorIds: [random.pick(sponsors.people).id] })(state, (tr) => { state = state.apply(tr); });
  };
  for (let i = 0; i < 6; i++) annotate();
  const history: string[] = [];
  for (let step = 0; step < STEPS; step++) {
    if (random.chance(0.1)) annotate();
    const { name, next } = randomAction(state, random);
    if (!next) continue;
    history.push(name);
    const where = `seed ${seed} after ${history.join(", ")}`;
    checkCounts(next, where);
    checkParagraphs(state, next, where);
    state = next;
  }
}

function multiChapter(seed: number): OrdinanceDocument {
  return { title: null, chapters: ["2-172", "2-173"].map((number, i) => generateChapter(seed * 3 + i, 5000, number)) };
}

describe("annotations over random edits", () => {
  it("on the demonstration draft: none lost, none leaves its surviving change's paragraph", () => {
    for (let seed = 1; seed <= SEEDS; seed++) runSequence(fixtureBase(), fixtureAmended(), seed);
    expect(true).toBe(true);
  }, 120_000);

  it("on generated drafts", () => {
    for (let seed = 1; seed <= SEEDS / 2; seed++) {
      const base = multiChapter(seed);
      runSequence(base, randomlyEdited(base, seed, 10), 300 + seed);
    }
    expect(true).toBe(true);
  }, 120_000);
});
