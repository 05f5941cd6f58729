/**
 * The cross-reference checker in the editor: the problems of the current draft against its
 * base (from the live redline, so nothing is compared twice), where a draft offset stands in
 * the document, and the command that applies a certain fix as an ordinary edit, which the live
 * redline then shows as a tracked change.
 */
import { TextSelection, type Command, type EditorState } from "prosemirror-state";
import { checkReferences, type ReferenceFix, type ReferenceProblem } from "../core/references";
import type { Redline } from "../core/redline";
import { mapOffset } from "./redline/docLayout";
import type { OrdinanceDocument } from "../core/model/document";
import { renumberings } from "./plugins/renumberLog";
import { redlineState } from "./redline/plugin";
import { walkUnits, type WalkedUnit } from "./redline/unitWalk";

const problemsByRedline = new WeakMap<Redline, readonly ReferenceProblem[]>();

/** The checker's problems for the state's draft; computed once per redline value. */
export function referenceProblems(state: EditorState): readonly ReferenceProblem[] {
  const { base, draft, redline } = redlineState(state);
  let problems = problemsByRedline.get(redline);
  const log = renumberings(state);
  if (!problems) problemsByRedline.set(redline, (problems = checkReferences(base, draft, redline)));
  return log.size === 0 ? problems : withRenumberFixes(problems, log, draft);
}

/**
 * A citation of a number that neither text has but that this editor renumbered (a new section
 * numbered anew) is a citation of a renumbered section, with the fix that writes its number now.
 */
function withRenumberFixes(problems: readonly ReferenceProblem[], log: ReadonlyMap<string, string>, draft: OrdinanceDocument): ReferenceProblem[] {
  const numbers = new Set(draft.chapters.flatMap((chapter) => chapter.sections.map((section) => section.number)));
  return problems.map((problem) => {
    const { citation } = problem;
    if (problem.kind !== "missing-section" || !citation?.numberSpan || citation.target.kind !== "section") return problem;
    const now = log.get(citation.target.section);
    if (!now || !numbers.has(now)) return problem;
    const newTarget = `${now}${citation.target.path.map((label) => `(${label})`).join("")}`;
    const fix: ReferenceFix = { fromB: citation.numberSpan.from, toB: citation.numberSpan.to, replaced: citation.target.section, text: now };
    return { ...problem, kind: "renumbered-section" as const, newTarget, fix, message: `${citation.citingSection} cites ${problem.cited}: the section is now ${now}.` };
  });
}

/** The ProseMirror position of an offset in the draft's canonical text, or null when no unit of the draft holds it. */
export function draftPosition(state: EditorState, offsetB: number): number | null {
  const { draft, redline } = redlineState(state);
  let holder: WalkedUnit | null = null;
  walkUnits(state.doc, draft, redline, (unit) => {
    if (unit.entry.numberB === null) return false;
    if (unit.entry.startB > offsetB) return true;
    holder = unit;
    return false;
  });
  const unit = holder as WalkedUnit | null;
  const lines = unit?.lines();
  if (!unit || !lines) return null;
  const mapped = mapOffset(lines, offsetB - unit.entry.startB);
  return mapped.between ? null : mapped.pos;
}

/**
 * Applies a certain fix: replaces its words in the draft as one undoable edit. Refuses (returns
 * false, changes nothing) when the draft no longer reads `fix.replaced` there, as after an edit.
 */
export function applyReferenceFix(fix: ReferenceFix): Command {
  return (state, dispatch) => {
    const from = draftPosition(state, fix.fromB);
    const to = draftPosition(state, fix.toB);
    if (from === null || to === null || to < from) return false;
    if (state.doc.textBetween(from, to) !== fix.replaced || redlineState(state).redline.draftText.slice(fix.fromB, fix.toB) !== fix.replaced) return false;
    if (dispatch) {
      const tr = state.tr.insertText(fix.text, from, to);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, from + fix.text.length)).scrollIntoView());
    }
    return true;
  };
}
