/**
 * Save, reopen, same redline: for random drafts with annotations and random edits, saving
 * through the real path (draftContent → amendment file text → parse → a new editor) gives the
 * same changes and every annotation on the same change with the same anchor.
 */
import type { EditorState, Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../src/core/model/canonicalText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import type { Change } from "../../src/core/redline/types";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { annotateChanges } from "../../src/editor/redline/commands";
import { redlineState } from "../../src/editor/redline/plugin";
import { savedAnnotations } from "../../src/editor/redline/savedAnnotations";
import { positionOf } from "../support/editorHarness";
import { reopened, shape } from "../support/reopen";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { randomAction } from "../support/randomTransactions";

const SEEDS = Number(process.env.REOPEN_SEEDS ?? 40);
const sponsors = parseSponsors(JSON.parse(fixtureText("sponsors.json")));

/** Block id → "section:index", so ids the importer gives on reopening compare equal. */
function places(doc: OrdinanceDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const chapter of doc.chapters) for (const section of chapter.sections) section.blocks.forEach((block, i) => map.set(block.id, `${section.number}:${i}`));
  return map;
}

function changeLines(state: EditorState): string[] {
  const { base, draft, redline } = redlineState(state);
  const inBase = places(base);
  const inDraft = places(draft);
  return redline.changes.map((change: Change) => JSON.stringify({
    ...change, blockIdA: change.blockIdA && inBase.get(change.blockIdA), blockIdB: change.blockIdB && inDraft.get(change.blockIdB),
  }));
}

/** Each annotation: the change it is on (or detached) and its anchor as saved. */
function attachments(state: EditorState): string[] {
  const { annotations } = redlineState(state);
  const saved = new Map(savedAnnotations(state).map((annotation) => [annotation.id, annotation.anchor]));
  return annotations.list.map((annotation) => {
    const live = annotations.live.get(annotation.id)!;
    return JSON.stringify({ id: annotation.id, on: live.attached ? live.changeId : null, anchor: saved.get(annotation.id) });
  });
}

function multiChapter(seed: number): OrdinanceDocument {
  return { title: null, chapters: ["2-172", "2-173"].map((number, i) => generateChapter(seed * 5 + i, 5000, number)) };
}

/** How many reopen checks ran (each after one transaction). */
const tally = { checked: 0 };

/** What differs between the shown draft and the reopened one, in words, or null when nothing. */
function reopenProblem(state: EditorState): string | null {
  let again: EditorState | null;
  try {
    again = reopened(state);
  } catch (error) {
    return `the saved file does not open: ${(error as Error).message}`;
  }
  if (!again) return "the saved file does not open";
  const shown = shape(redlineState(state).draft);
  const back = shape(redlineState(again).draft);
  if (back !== shown) return `the draft reads back as another document:\n${serializeDocument(redlineState(state).draft)}`;
  const changes = JSON.stringify(changeLines(again)) === JSON.stringify(changeLines(state));
  if (!changes) return "the redline differs after reopening";
  if (JSON.stringify(attachments(again)) !== JSON.stringify(attachments(state))) return "annotations are attached otherwise after reopening";
  return null;
}

function check(base: OrdinanceDocument, draft: OrdinanceDocument, seed: number, steps = 25): void {
  const random = new Random(seed);
  const editor = new DocumentEditor({ base, draft, sponsors });
  let state = editor.state;
  const annotate = () => {
    const changes = redlineState(state).redline.changes.filter((change) => !change.withinMove);
    if (changes.length === 0) return;
    const id = random.pick(changes).id;
    annotateChanges([id], { sponsorIds: [random.pick(sponsors.people).id], justification: `why ${seed}` })(state, (tr) => { state = state.apply(tr); });
  };
  for (let i = 0; i < 4; i++) annotate();
  const done: string[] = [];
  for (let step = 0; step < steps; step++) {
    if (random.chance(0.1)) annotate();
    const { name, next } = randomAction(state, random);
    if (!next) continue;
    done.push(name);
    state = next;
    tally.checked++;
    // Every state is checked: no state the editor can reach may save a draft that reopens otherwise.
    const problem = reopenProblem(state);
    if (problem) expect.fail(`seed ${seed} after ${done.join(", ")}: ${problem}`);
  }
}

describe("save, reopen, same redline", () => {
  it("keeps an annotation that followed its reshaped change attached after reopening", () => {
    let state = new DocumentEditor({ base: fixtureBase(), draft: fixtureBase(), sponsors }).state;
    const apply = (tr: Transaction) => { state = state.apply(tr); };
    apply(state.tr.insertText("lawfully ", positionOf(state, "ask any person about")));
    annotateChanges([redlineState(state).redline.changes[0]!.id], { sponsorIds: ["waguespack"], justification: "Limits questioning." })(state, apply);
    apply(state.tr.insertText("and kindly ", positionOf(state, "lawfully ") + "lawfully ".length));
    const at = positionOf(state, "lawfully and kindly");
    apply(state.tr.delete(at, at + "lawfully ".length));
    const live = redlineState(state);
    const change = live.redline.changes.find((each) => each.inserted.includes("kindly"))!;
    expect(live.annotations.byChange.get(change.id)?.[0]?.justification).toBe("Limits questioning.");
    const again = reopened(state)!;
    expect(redlineState(again).annotations.detached).toEqual([]);
    expect(redlineState(again).annotations.byChange.get(change.id)?.[0]?.justification).toBe("Limits questioning.");
    expect(attachments(again)).toEqual(attachments(state));
  });

  it("on the demonstration draft with annotations and random edits", () => {
    for (let seed = 1; seed <= SEEDS; seed++) check(fixtureBase(), fixtureAmended(), seed);
  }, 120_000);

  it("on generated multi-chapter drafts", () => {
    for (let seed = 1; seed <= SEEDS / 2; seed++) {
      const base = multiChapter(seed);
      check(base, randomlyEdited(base, seed, 8), 500 + seed);
    }
    console.log(`reopen checks: ${tally.checked}, none skipped`);
    expect(tally.checked).toBeGreaterThan(SEEDS * 10);
  }, 120_000);
});
