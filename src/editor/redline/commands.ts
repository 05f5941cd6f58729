/**
 * Commands on the live redline, in ProseMirror's shape `(state, dispatch?) => boolean`, so a
 * button can ask whether a command would apply without applying it. Every change of the
 * document — text, annotations, sponsors — is one transaction, undone and redone together.
 */
import type { Command, EditorState, Transaction } from "prosemirror-state";
import { updateAnnotation, type Annotation, type AnnotationStatus, type Comment } from "../../core/annotations/annotation";
import { anchorFor } from "../../core/annotations/resolve";
import { findSection, type Paragraph } from "../../core/model/document";
import type { Change } from "../../core/redline/types";
import type { SponsorRegistry } from "../../core/sponsors/sponsors";
import { withMirroredChanges } from "../contentsChanges";
import { blockNode, sectionNode, toProseMirror } from "../convert";
import { freshId } from "../plugins/blockIds";
import { codeSchema } from "../schema";
import { chapterNotePosition, mapOffset } from "./docLayout";
import { docAnnotations, redlineKey, redlineState, type ChangeFilter } from "./plugin";
import { walkUnits, type WalkedUnit } from "./unitWalk";

/** The change with this id and the unit it is in, or null. */
export function locateChange(state: EditorState, changeId: string): { unit: WalkedUnit; change: Change } | null {
  const { draft, redline } = redlineState(state);
  let found: { unit: WalkedUnit; change: Change } | null = null;
  walkUnits(state.doc, draft, redline, (unit) => {
    const change = unit.entry.changes.find((each) => each.id === changeId);
    if (change) found = { unit, change };
    return found !== null;
  });
  return found;
}

/** Selects a change (the panel and the editor highlight it). */
export function selectChange(changeId: string | null): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(redlineKey, { type: "select", changeId }));
    return true;
  };
}

/** Sets the sponsor and status filter of the panel and the highlighting. */
export function setFilter(filter: ChangeFilter): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(redlineKey, { type: "filter", filter }));
    return true;
  };
}

/** Undoes one change in `tr`: the draft gets the base wording back at that place. */
function rejectInto(tr: Transaction, state: EditorState, unit: WalkedUnit, change: Change): void {
  const { base } = redlineState(state);
  const entry = unit.entry;
  const map = (pos: number) => tr.mapping.map(pos);
  if (change.move) {
    rejectMove(tr, state, change);
    return;
  }
  if (!unit.place) {
    const baseSection = entry.numberA ? findSection(base, entry.numberA) : undefined;
    if (baseSection) tr.insert(map(unit.before), sectionNode(baseSection));
    return;
  }
  if (change.part === "section") {
    tr.delete(map(unit.place.pos), map(unit.place.end));
    return;
  }
  const lines = unit.lines() ?? [];
  const from = change.fromB - entry.startB;
  const to = change.toB - entry.startB;
  const at = mapOffset(lines, from);
  const line = lines[at.index];
  if (change.part === "number" && line) {
    tr.setNodeAttribute(map(line.nodePos), "number", change.deleted);
    return;
  }
  if (change.part === "enumerator" && line) {
    const baseBlock = entry.numberA ? findSection(base, entry.numberA)?.blocks.find((block) => block.id === change.blockIdA) : undefined;
    if (baseBlock?.kind === "paragraph") {
      tr.setNodeAttribute(map(line.nodePos), "enumerator", baseBlock.enumerator).setNodeAttribute(map(line.nodePos), "level", baseBlock.level);
    }
    return;
  }
  if (change.inserted.includes("\n") || change.deleted.includes("\n")) {
    rejectWholeLines(tr, state, unit, change, from, to);
    return;
  }
  const end = mapOffset(lines, to);
  if (change.deleted) tr.insertText(change.deleted, map(at.pos), map(end.pos));
  else tr.delete(map(at.pos), map(end.pos));
}

/** Rejects an inserted or deleted paragraph (or contents entry) whole. */
function rejectWholeLines(tr: Transaction, state: EditorState, unit: WalkedUnit, change: Change, from: number, to: number): void {
  const lines = unit.lines() ?? [];
  const map = (pos: number) => tr.mapping.map(pos);
  if (change.inserted) {
    const covered = lines.filter((placed) => placed.line.lineFrom >= from && placed.line.to <= to);
    const first = covered[0];
    const last = covered[covered.length - 1];
    if (first && last) tr.delete(map(first.nodePos), map(last.nodePos + last.node.nodeSize));
    return;
  }
  const at = mapOffset(lines, from);
  const pos = at.between || at.index < 0 ? at.pos : lines[at.index]!.nodePos + lines[at.index]!.node.nodeSize;
  if (change.part === "toc") {
    const [, number = "", catchline = ""] = /^\s*(\S+) (.*)$/s.exec(change.deleted.trim()) ?? [];
    tr.insert(map(pos), codeSchema.nodes.toc_entry.create({ number }, catchline ? codeSchema.text(catchline) : null));
    return;
  }
  const { base } = redlineState(state);
  if (unit.entry.unit === "chapter") {
    // A chapter's editor's note comes back after the contents (or the heading), among its notes.
    const baseNote = base.chapters.find((chapter) => `CHAPTER ${chapter.number}` === unit.entry.numberA)?.notes?.find((note) => note.id === change.blockIdA);
    if (baseNote && unit.place) tr.insert(map(chapterNotePosition(unit.place, lines, at.index)), blockNode(baseNote));
    return;
  }
  const baseBlock = unit.entry.numberA ? findSection(base, unit.entry.numberA)?.blocks.find((block) => block.id === change.blockIdA) : undefined;
  if (baseBlock) tr.insert(map(pos), blockNode(baseBlock));
}

/** Rejects a move: the moved section leaves its new place and its base text returns to its old one. */
function rejectMove(tr: Transaction, state: EditorState, change: Change): void {
  const pairId = change.move!.pairId;
  const { base, draft, redline } = redlineState(state);
  let source: WalkedUnit | null = null;
  let destination: WalkedUnit | null = null;
  walkUnits(state.doc, draft, redline, (unit) => {
    for (const each of unit.entry.changes) {
      if (each.move?.pairId !== pairId) continue;
      if (each.move.role === "source") source = unit; else destination = unit;
    }
    return source !== null && destination !== null;
  });
  const from = source as WalkedUnit | null;
  const to = destination as WalkedUnit | null;
  const baseSection = from?.entry.numberA ? findSection(base, from.entry.numberA) : undefined;
  if (!from || !to?.place || !baseSection) return;
  const insertAt = from.before;
  const { pos, end } = to.place;
  if (insertAt <= pos) {
    tr.delete(tr.mapping.map(pos), tr.mapping.map(end));
    tr.insert(tr.mapping.map(insertAt), sectionNode(baseSection));
  } else {
    tr.insert(tr.mapping.map(insertAt), sectionNode(baseSection));
    tr.delete(tr.mapping.map(pos), tr.mapping.map(end));
  }
}

/**
 * Rejects the changes with these ids in one undoable transaction, last first so positions
 * stay valid. Applies when at least one is found. A contents-line change is rejected by
 * rejecting the heading change it mirrors (the contents follow the headings).
 */
export function rejectChanges(changeIds: readonly string[]): Command {
  return (state, dispatch) => {
    const found = withMirroredChanges(redlineState(state).redline, changeIds).map((id) => locateChange(state, id)).filter((hit): hit is NonNullable<typeof hit> => hit !== null);
    if (found.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      const seenMoves = new Set<string>();
      for (const { unit, change } of found.sort((x, y) => y.change.fromB - x.change.fromB || y.change.fromA - x.change.fromA)) {
        if (change.move) {
          if (seenMoves.has(change.move.pairId)) continue;
          seenMoves.add(change.move.pairId);
        }
        rejectInto(tr, state, unit, change);
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** The annotation on a change, if any. */
export function annotationOf(state: EditorState, changeId: string): Annotation | undefined {
  return redlineState(state).annotations.byChange.get(changeId)?.[0];
}

export type AnnotationPatch = Partial<Pick<Annotation, "sponsorIds" | "justification" | "status">>;

/** Creates or updates the annotation of each change; one transaction for all. */
export function annotateChanges(changeIds: readonly string[], patch: AnnotationPatch): Command {
  return (state, dispatch) => {
    const { redline } = redlineState(state);
    const changes = changeIds.map((id) => redline.changes.find((change) => change.id === id)).filter((change): change is Change => change !== undefined);
    if (changes.length === 0) return false;
    if (dispatch) {
      let list: readonly Annotation[] = docAnnotations(state);
      for (const change of changes) {
        const existing = annotationOf(state, change.id);
        list = existing
          ? updateAnnotation(list, existing.id, (old) => ({ ...old, ...patch }))
          : [...list, { id: freshId("a"), anchor: anchorFor(change, redline), sponsorIds: [], justification: "", status: "proposed", comments: [], ...patch }];
      }
      dispatch(state.tr.setDocAttribute("annotations", list));
    }
    return true;
  };
}

/** Marks changes as agreed (accepted); their text stays as drafted. */
export function acceptChanges(changeIds: readonly string[]): Command {
  return annotateChanges(changeIds, { status: "agreed" satisfies AnnotationStatus });
}

/** Adds a comment to an annotation's thread. */
export function addComment(annotationId: string, author: string, text: string, time = new Date().toISOString()): Command {
  return (state, dispatch) => {
    const list = docAnnotations(state);
    if (!list.some((annotation) => annotation.id === annotationId) || text.trim() === "") return false;
    const comment: Comment = { id: freshId("c"), author, time, text: text.trim() };
    dispatch?.(state.tr.setDocAttribute("annotations", updateAnnotation(list, annotationId, (old) => ({ ...old, comments: [...old.comments, comment] }))));
    return true;
  };
}

/** Deletes an annotation (a detached one the user has dealt with, say). */
export function removeAnnotation(annotationId: string): Command {
  return (state, dispatch) => {
    const list = docAnnotations(state);
    if (!list.some((annotation) => annotation.id === annotationId)) return false;
    dispatch?.(state.tr.setDocAttribute("annotations", list.filter((annotation) => annotation.id !== annotationId)));
    return true;
  };
}

/** Replaces the sponsor registry stored with the document. */
export function setSponsors(registry: SponsorRegistry): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setDocAttribute("sponsors", registry));
    return true;
  };
}

/** The paragraph model of the base block with this id, for tests and the panel. */
export function baseParagraph(state: EditorState, sectionNumber: string, blockId: string): Paragraph | undefined {
  const block = findSection(redlineState(state).base, sectionNumber)?.blocks.find((each) => each.id === blockId);
  return block?.kind === "paragraph" ? block : undefined;
}

/** Stores the export settings with the document (undoable like any edit). */
export function setExportSettings(settings: unknown): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setDocAttribute("exportSettings", settings));
    return true;
  };
}

/** Replaces the draft's text with `draft` (an imported proposed text) as one undoable step. */
export function replaceDraft(draft: import("../../core/model/document").OrdinanceDocument): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.replaceWith(0, state.doc.content.size, toProseMirror(draft).content).scrollIntoView());
    return true;
  };
}
