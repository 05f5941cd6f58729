/**
 * Keeps every editor state one whose draft the canonical text can hold: saving it and reading
 * the saved text back gives the same model (core/model/canonicalText, core/importer). The
 * model read from the editor already takes words in their tidy form and leaves out wordless
 * lines (convert.ts); what is left is structure, and this plugin guards it:
 *
 * - A transaction is refused (filterTransaction) when it would leave a chapter or section
 *   heading without its number, give two sections of a chapter one number, put a section in
 *   a chapter its number is not of (a delete that joins two chapters), or leave a line
 *   that would read back as something else: a history note whose words are no longer a
 *   history note (typed before its parenthesis, or the tail of a split), or a paragraph with
 *   no enumerator whose words read as a heading, a history note or an enumerated paragraph.
 *   A refused edit changes nothing but is recorded with its reason (plugins/refusedEdit; the
 *   DocumentEditor records what this filter refuses), so the UI can say why; a delete across
 *   section boundaries that keeps every heading whole (the usual one) goes through.
 * - Paragraph levels are what the text says (appendTransaction): a level is written as the
 *   line's indentation and read back by the importer's nesting inference, so after a
 *   transaction that makes or moves paragraphs (Enter, paste, join, a paragraph getting its
 *   first words) each touched section's levels are set to the importer's reading of it.
 * - Enter in a section heading starts the section's text instead of splitting the heading;
 *   Enter in a chapter heading does nothing; Enter at the start of a history note opens a
 *   paragraph before it (`enterCommand`, bound in editorState.ts).
 */
import type { Node as PMNode, ResolvedPos } from "prosemirror-model";
import { Plugin, PluginKey, Selection, TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { AttrStep, ReplaceStep } from "prosemirror-transform";
import { classifyLine, listedHeading } from "../../core/importer/lineKinds";
import { levelsAsRead } from "../../core/importer/readBack";
import { chapterOfSection } from "../../core/numbers";
import { tidyWords } from "../../core/model/lineText";
import { isWordless, sectionFromNode } from "../convert";
import { codeSchema } from "../schema";
import { forEachSection, holdsSections } from "../sectionGroups";
import { refusalTransaction } from "./refusedEdit";
import { replacesWithinLine } from "./stepShape";
import { isRemoteChange } from "../collab/remote";

const { nodes } = codeSchema;

/** The plugin's key; its appended transactions carry it as meta (`true`). */
export const structureGuardKey = new PluginKey("structureGuard");

/** Ranges of `tr.doc` that the transaction's steps wrote or joined. */
function touchedRanges(tr: Transaction): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  tr.mapping.maps.forEach((map, index) => {
    const rest = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]));
    // An attribute step (a level or enumerator set back by a rejection) maps nothing but touches its node.
    const step = tr.steps[index];
    if (step instanceof AttrStep) {
      const pos = rest.map((step as unknown as { pos: number }).pos, 1);
      ranges.push([pos, pos + 1]);
    }
  });
  const size = tr.doc.content.size;
  return ranges.map(([from, to]) => [Math.max(0, Math.min(from, to) - 1), Math.min(size, Math.max(from, to) + 1)]);
}

/** The chapter nodes (with positions) that hold a touched range. */
function touchedChapters(doc: PMNode, ranges: ReadonlyArray<[number, number]>): Array<{ node: PMNode; pos: number }> {
  const found = new Map<number, PMNode>();
  for (const [from, to] of ranges) {
    doc.nodesBetween(from, to, (node, pos) => {
      if (node.type === nodes.chapter) found.set(pos, node);
      return false;
    });
  }
  return [...found].sort(([a], [b]) => a - b).map(([pos, node]) => ({ node, pos }));
}

/**
 * Why a textblock of a section would read back otherwise, or null when it reads back as itself.
 * `chapterNumber` is its chapter's: a line starting with one of its section numbers is a heading.
 */
export function misreadLine(node: PMNode, chapterNumber: string): string | null {
  if (node.type !== nodes.paragraph && node.type !== nodes.history_note && node.type !== nodes.editor_note) return null;
  if (isWordless(node) || node.attrs.enumerator) return null;
  const words = tidyWords(node.textContent);
  const kind = classifyLine(words).kind;
  if (node.type === nodes.history_note) return kind === "history" ? null : "a history note that no longer reads as one";
  if (node.type === nodes.editor_note) return kind === "note" ? null : "an editor's note that no longer reads as one";
  if (kind !== "text") return `a paragraph that would read back as a ${kind === "enumerated" ? "numbered paragraph" : kind}`;
  if (listedHeading(words)?.number.startsWith(`${chapterNumber}-`)) return "a paragraph that would read back as a section heading";
  return null;
}

/**
 * Why `chapter` cannot be saved as it stands, or null. Reads only the touched ranges' lines;
 * its headings' numbers too unless `textOnly` (the edit only changed words inside lines, so no
 * number can have changed and a keystroke costs the same in any chapter).
 */
function chapterProblem(chapter: PMNode, pos: number, ranges: ReadonlyArray<[number, number]>, textOnly: boolean): string | null {
  const number = chapter.firstChild?.type === nodes.chapter_heading ? (chapter.firstChild.attrs.number as string) : "";
  if (!number) return "a chapter without its heading";
  const numbers = new Set<string>();
  let problem: string | null = null;
  if (!textOnly) forEachSection(chapter, -1, (section) => {
    if (problem) return true;
    const heading = section.firstChild!;
    const sectionNumber = heading.attrs.number as string;
    if (heading.type !== nodes.section_heading || !sectionNumber) problem = "a section without its number";
    else if (numbers.has(sectionNumber)) problem = `two sections numbered ${sectionNumber}`;
    else if (chapterOfSection(sectionNumber) !== number) problem = `section ${sectionNumber} in chapter ${number}, which it is not of`;
    numbers.add(sectionNumber);
  });
  if (problem) return problem;
  const start = pos + 1;
  for (const [from, to] of ranges) {
    if (to < start || from > pos + chapter.nodeSize) continue;
    chapter.nodesBetween(Math.max(0, from - start), Math.min(chapter.content.size, to - start), (node) => {
      if (problem) return false;
      if (node.isTextblock) { problem = misreadLine(node, number); return false; }
      return true;
    });
    if (problem) return problem;
  }
  return null;
}

/** Why the document after `tr` cannot be saved as it reads, or null when it can. */
export function structureProblem(tr: Transaction): string | null {
  const ranges = touchedRanges(tr);
  const textOnly = tr.steps.every((_step, index) => replacesWithinLine(tr, index));
  for (const { node, pos } of touchedChapters(tr.doc, ranges)) {
    const problem = chapterProblem(node, pos, ranges, textOnly);
    if (problem) return problem;
  }
  return null;
}

/** True when every step typed or cut text inside one textblock that has words before and after. */
function onlyRetypesWords(tr: Transaction): boolean {
  return tr.steps.every((step, index) => {
    if (!(step instanceof ReplaceStep)) return false;
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: import("prosemirror-model").Slice };
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    const before = tr.docs[index]!;
    const $from = before.resolve(from);
    if (!$from.parent.isTextblock || !$from.sameParent(before.resolve(to)) || isWordless($from.parent)) return false;
    const after = index + 1 < tr.docs.length ? tr.docs[index + 1]! : tr.doc;
    const $after = after.resolve(step.getMap().map(from));
    return $after.parent.isTextblock && !isWordless($after.parent);
  });
}

/** Adds to `tr` the level changes that make `section` (at `pos` in `tr.doc`) read back with its own levels. */
function settleLevels(tr: Transaction, pos: number): void {
  for (let round = 0; round < 4; round++) {
    const section = tr.doc.nodeAt(pos)!;
    const levels = levelsAsRead(sectionFromNode(section));
    if (!levels) return;
    let block = 0;
    let changed = false;
    section.forEach((child, offset, index) => {
      if (index === 0 || isWordless(child)) return;
      const level = levels[block++]!;
      if (child.type === nodes.paragraph && child.attrs.level !== level) {
        tr.setNodeAttribute(pos + 1 + offset, "level", level);
        changed = true;
      }
    });
    if (!changed) return;
  }
}

/** The plugin; `createEditorState` adds it to every editor state of `codeSchema`. */
export function structureGuardPlugin(): Plugin {
  return new Plugin({
    key: structureGuardKey,
    filterTransaction(tr) {
      if (!tr.docChanged || tr.getMeta(structureGuardKey) || isRemoteChange(tr)) return true;
      return structureProblem(tr) === null;
    },
    appendTransaction(transactions, _oldState, newState) {
      const changed = transactions.filter((tr) => tr.docChanged && !tr.getMeta(structureGuardKey) && !isRemoteChange(tr));
      if (changed.length === 0 || changed.every(onlyRetypesWords)) return null;
      const sections = new Set<number>();
      for (const tr of changed) {
        let ranges = touchedRanges(tr);
        // Map ranges of earlier transactions into the last document.
        const later = transactions.slice(transactions.indexOf(tr) + 1);
        for (const next of later) ranges = ranges.map(([from, to]) => [next.mapping.map(from, -1), next.mapping.map(to, 1)]);
        for (const [from, to] of ranges) {
          newState.doc.nodesBetween(Math.max(0, from), Math.min(newState.doc.content.size, to), (node, pos) => {
            if (node.type === nodes.section) { sections.add(pos); return false; }
            return holdsSections(node.type) || node.type === nodes.doc;
          });
        }
      }
      const tr = newState.tr;
      for (const pos of sections) settleLevels(tr, pos);
      // Not kept out of the history: it joins the event of the edit it follows, so one undo takes both back.
      return tr.docChanged ? tr.setMeta(structureGuardKey, true) : null;
    },
  });
}

/**
 * Enter where a plain split would make a line the text cannot hold: in a section heading it
 * opens an empty first paragraph of the section (the heading stays whole); in a chapter heading
 * it does nothing; at the start of a history note it opens a paragraph before the note. Elsewhere
 * it leaves Enter to the standard commands.
 */
export const enterCommand: Command = (state: EditorState, dispatch) => {
  const { $from, empty } = state.selection;
  const parent = $from.parent;
  if (parent.type === nodes.chapter_heading || parent.type === nodes.code_title) return true;
  if (parent.type === nodes.section_heading) {
    if (dispatch) {
      const at = $from.after();
      const tr = state.tr;
      if (!empty) tr.deleteSelection();
      const pos = tr.mapping.map(at);
      tr.insert(pos, nodes.paragraph.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView());
    }
    return true;
  }
  if (parent.type === nodes.history_note && empty && $from.parentOffset === 0) {
    if (dispatch) {
      const at = $from.before();
      const tr = state.tr.insert(at, nodes.paragraph.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView());
    }
    return true;
  }
  return false;
};

/** Where the section holding `$pos` starts, or -1 outside any section. */
function sectionOf($pos: ResolvedPos): number {
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type === nodes.section) return $pos.before(depth);
  return -1;
}

/**
 * Backspace or Delete over a selection that a plain delete would join into a state the guard
 * refuses (from the contents or a chapter heading into a section, across chapters, over
 * headings), or across sections: deletes the selected words line by line instead, as a word processor keeps its
 * headings. Each line keeps its words outside the selection; a paragraph or history note wholly
 * selected goes (a section left with none gets one empty paragraph); headings and their numbers stay,
 * and contents lines are left to follow their headings. Elsewhere it leaves the key to the
 * standard commands.
 */
export const deleteKeepingStructure: Command = (state, dispatch) => {
  const { from, to, empty } = state.selection;
  if (empty) return false;
  const plain = state.tr.deleteSelection();
  // A selection within one section may be deleted plainly when that leaves a structure the
  // saved text holds; one across sections never is: that would drop a section heading and
  // splice two sections into one (repealing a section is its own command).
  if (structureProblem(plain) === null && sectionOf(state.selection.$from) === sectionOf(state.selection.$to)) return false;
  const tr = state.tr;
  const cuts: Array<{ from: number; to: number; whole: boolean; node: PMNode; pos: number }> = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    if (node.type === nodes.toc_entry) return false;
    const start = pos + 1;
    const end = pos + 1 + node.content.size;
    const cutFrom = Math.max(from, start);
    const cutTo = Math.min(to, end);
    const whole = cutFrom <= start && cutTo >= end && (node.type === nodes.paragraph || node.type === nodes.history_note || node.type === nodes.editor_note);
    if (cutTo > cutFrom || whole) cuts.push({ from: cutFrom, to: cutTo, whole, node, pos });
    return false;
  });
  // Whole blocks go unless they are all their section has left; later cuts first, so positions hold.
  // Where each cut line's container starts (-1 for a line directly in the document, as the title heading).
  const containerOf = (pos: number) => { const $pos = state.doc.resolve(pos); return $pos.depth > 0 ? $pos.before() : -1; };
  const remaining = new Map<number, number>();
  for (const cut of cuts) {
    const section = containerOf(cut.pos);
    remaining.set(section, remaining.get(section) ?? state.doc.resolve(cut.pos).parent.childCount - 1);
  }
  for (const cut of [...cuts].reverse()) {
    const section = containerOf(cut.pos);
    const left = remaining.get(section)!;
    if (cut.whole && left > 1) {
      tr.delete(cut.pos, cut.pos + cut.node.nodeSize);
      remaining.set(section, left - 1);
    } else if (cut.whole) {
      // The section's last line: an empty plain paragraph to type into (no enumerator left over).
      tr.replaceWith(cut.pos, cut.pos + cut.node.nodeSize, nodes.paragraph.create());
    } else if (cut.to > cut.from) {
      tr.delete(cut.from, cut.to);
    }
  }
  const problem = tr.docChanged ? structureProblem(tr) : structureProblem(plain);
  if (problem !== null || !tr.docChanged) {
    // Nothing to delete that keeps the structure: say why the key did nothing.
    if (dispatch && problem !== null) dispatch(refusalTransaction(state, problem));
    return true;
  }
  if (dispatch) dispatch(tr.setSelection(Selection.near(tr.doc.resolve(tr.mapping.map(from, -1)))).scrollIntoView());
  return true;
};
