/**
 * Section groups: the editor holds a chapter's sections in invisible `section_group` nodes of
 * about `SECTIONS_PER_GROUP` consecutive sections each (schema.ts), so that a keystroke in a
 * chapter of a thousand sections costs the browser and ProseMirror a walk over the groups and
 * one group's sections, not over every section: the page's off-screen groups skip layout and
 * paint as a whole (content-visibility, styles.css), and ProseMirror redraws only the group it
 * changed. The core model knows nothing of groups: convert.ts makes them and reads through them.
 *
 * Everything in the editor that walks a chapter's sections goes through `forEachSection` (or
 * `chapterSections`), which treats groups as if they were not there. The group plugin keeps
 * the groups in shape after edits: a group grown past twice the size is split and one shrunk
 * below half the size is joined to its neighbour, in an appended transaction kept out of the
 * history, which changes no section and so leaves the model read back as it was (an undo that
 * takes back sections on both sides of a split joins the two groups again). A group is never
 * removed, even when empty (all its sections repealed; styles.css shows it as nothing): that
 * would leave the undo of the last repeal nowhere to put the section back.
 */
import type { Node as PMNode, NodeType } from "prosemirror-model";
import { Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { AttrStep } from "prosemirror-transform";
import { codeSchema } from "./schema";
import { replacesWithinLine } from "./plugins/stepShape";
import { isRemoteChange } from "./collab/remote";

const { nodes } = codeSchema;

/** How many consecutive sections a group holds when the document is made. */
export const SECTIONS_PER_GROUP = 32;

/** The plugin's key; its appended transactions carry it as meta (`true`). */
export const sectionGroupsKey = new PluginKey("sectionGroups");

/** True for the nodes a section stands directly in: a chapter or a group. */
export function holdsSections(type: NodeType): boolean {
  return type === nodes.chapter || type === nodes.section_group;
}

/**
 * Calls `visit` for each section of `chapter` in order, with the section's position (the
 * chapter's position `chapterPos` plus its place inside; pass -1 to get offsets into the
 * chapter's content, minus one) and its index among the chapter's sections. Stop early by returning true.
 */
export function forEachSection(chapter: PMNode, chapterPos: number, visit: (section: PMNode, pos: number, index: number) => boolean | void): void {
  let index = 0;
  let stopped = false;
  const start = chapterPos + 1;
  chapter.forEach((child, offset) => {
    if (stopped) return;
    if (child.type === nodes.section) {
      stopped = visit(child, start + offset, index++) === true;
    } else if (child.type === nodes.section_group) {
      const groupStart = start + offset + 1;
      child.forEach((section, inner) => {
        if (!stopped) stopped = visit(section, groupStart + inner, index++) === true;
      });
    }
  });
}

/** The sections of `chapter` (at `chapterPos`) in order, with their positions. */
export function chapterSections(chapter: PMNode, chapterPos: number): Array<{ node: PMNode; pos: number }> {
  const found: Array<{ node: PMNode; pos: number }> = [];
  forEachSection(chapter, chapterPos, (node, pos) => { found.push({ node, pos }); });
  return found;
}

/**
 * The section nodes given, in groups of `SECTIONS_PER_GROUP`; a remainder of fewer than half
 * as many joins the group before it, as the group plugin would join them.
 */
export function groupSections(sections: readonly PMNode[]): PMNode[] {
  const runs: PMNode[][] = [];
  for (let start = 0; start < sections.length; start += SECTIONS_PER_GROUP) runs.push(sections.slice(start, start + SECTIONS_PER_GROUP));
  const last = runs[runs.length - 1];
  if (runs.length > 1 && last!.length < SECTIONS_PER_GROUP / 2) runs.splice(-2, 2, [...runs[runs.length - 2]!, ...last!]);
  return runs.map((run) => nodes.section_group.create(null, run));
}

/** True when no step of `tr` can have changed how many sections a group holds (typing in a line, setting attributes). */
function keepsGroups(tr: Transaction): boolean {
  return tr.getMeta(sectionGroupsKey) === true || tr.steps.every((step, index) => replacesWithinLine(tr, index) || step instanceof AttrStep);
}

/**
 * Adds to `tr` the steps that put the groups of `chapter` (at `pos` in `tr.doc`) back in shape:
 * a group of more than twice `SECTIONS_PER_GROUP` sections is split into groups of that many
 * (the last one at least half as many), and a group of fewer than half as many (an empty one
 * too) is joined to the group next to it when the two together are no more than twice as many.
 * Joining, unlike removing an empty group, keeps a place for an undo to put its sections back.
 */
function reshapeChapter(tr: Transaction, chapter: PMNode, pos: number): void {
  const groups: Array<{ node: PMNode; pos: number }> = [];
  chapter.forEach((child, offset) => { if (child.type === nodes.section_group) groups.push({ node: child, pos: pos + 1 + offset }); });
  const most = 2 * SECTIONS_PER_GROUP;
  // Later groups first, so that earlier positions hold. `right`: the size of the group that
  // starts where the next group started (after the steps so far), or -1 when there is none.
  let right = -1;
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index]!;
    const size = group.node.childCount;
    const next = groups[index + 1];
    const adjacent = next !== undefined && group.pos + group.node.nodeSize === next.pos;
    if (adjacent && right >= 0 && size + right <= most && Math.min(size, right) < SECTIONS_PER_GROUP / 2) {
      tr.join(next.pos);
      right += size;
      continue;
    }
    right = size > most ? SECTIONS_PER_GROUP : size;
    if (size <= most) continue;
    const cuts: number[] = [];
    let at = group.pos + 1;
    group.node.forEach((section, _offset, i) => {
      if (i > 0 && i % SECTIONS_PER_GROUP === 0 && size - i >= SECTIONS_PER_GROUP / 2) cuts.push(at);
      at += section.nodeSize;
    });
    for (const cut of cuts.reverse()) tr.split(cut);
  }
}

/** The plugin; `createEditorState` adds it to every editor state of `codeSchema`. */
export function sectionGroupsPlugin(): Plugin {
  return new Plugin({
    key: sectionGroupsKey,
    appendTransaction(transactions, _oldState, newState) {
      if (transactions.every((tr) => !tr.docChanged || keepsGroups(tr) || isRemoteChange(tr))) return null;
      const tr = newState.tr;
      // Chapters with positions, last first, so that earlier positions hold.
      const chapters: Array<{ node: PMNode; pos: number }> = [];
      newState.doc.forEach((child, offset) => { if (child.type === nodes.chapter) chapters.push({ node: child, pos: offset }); });
      for (const { node, pos } of chapters.reverse()) reshapeChapter(tr, node, pos);
      if (!tr.docChanged) return null;
      return tr.setMeta(sectionGroupsKey, true).setMeta("addToHistory", false);
    },
  });
}
