/**
 * The contents sync's cost per transaction in the editor (no redline plugin): typing in a
 * paragraph (passed over), typing in a catchline (one contents line rewritten) and renumbering
 * a section (the chapter's contents derived again), at 20 KB, 200 KB and 2 MB in one chapter.
 * Figures are medians and 95th percentiles of 400 transactions; compare rows of one run.
 */
import type { EditorState, Transaction } from "prosemirror-state";
import { generateDocument } from "../src/core/samples/generateChapter";
import { createEditorState } from "../src/editor/editorState";
import { codeSchema } from "../src/editor/schema";

type Edit = (state: EditorState, at: number, round: number) => Transaction;

function timed(start: EditorState, startAt: number, edit: Edit): string {
  let state = start;
  let at = startAt;
  const times: number[] = [];
  for (let round = 0; round < 400; round++) {
    const began = performance.now();
    const { state: next, transactions } = state.applyTransaction(edit(state, at, round));
    times.push(performance.now() - began);
    for (const tr of transactions) at = tr.mapping.map(at);
    state = next;
  }
  times.sort((a, b) => a - b);
  return `${times[200]!.toFixed(3)} / ${times[380]!.toFixed(3)} ms`;
}

/** Prints one row per size: paragraph keystroke, catchline keystroke, renumbering (p50 / p95). */
export function runContentsBench(): void {
  console.log("contents sync per transaction (p50 / p95) — size, sections: paragraph keystroke | catchline keystroke | renumber");
  for (const size of [20_000, 200_000, 2_000_000]) {
    const doc = generateDocument(3, size);
    const start = createEditorState(doc);
    let heading = -1;
    let paragraph = -1;
    start.doc.descendants((node, pos) => {
      if (node.type === codeSchema.nodes.section_heading) heading = pos;
      if (paragraph < 0 && node.type === codeSchema.nodes.paragraph) paragraph = pos + 1;
      return true;
    });
    const sections = doc.chapters.reduce((sum, chapter) => sum + chapter.sections.length, 0);
    const typing: Edit = (state, at) => state.tr.insertText("x", at);
    const renumber: Edit = (state, at, round) => state.tr.setNodeAttribute(at, "number", `9-9-${1000 + round}`);
    console.log(`${String(size).padStart(9)} B, ${String(sections).padStart(5)}: ${timed(start, paragraph, typing)} | ${timed(start, heading + 1, typing)} | ${timed(start, heading, renumber)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runContentsBench();
