/**
 * Commands on subsections and items — the enumerated paragraphs of a section. Each makes one
 * transaction (one undo step, with the contents sync and level upkeep that follow it) and
 * re-letters the lists it touched, so following siblings read (c), (d), … again and the redline
 * shows only their labels changed:
 *
 * - `enterInList`: Enter in an enumerated paragraph opens the next item at its level (the first
 *   item under it when the caret is at its end and it has items of its own); in the middle it
 *   splits the paragraph, the tail becoming the next item; in an empty item it lifts it.
 * - `sinkListItem` (Tab): the item, with what hangs under it, becomes the last item under its
 *   previous sibling, lettered in the Code's next style ((a) → (1) → (A) → (i)).
 * - `startList` (Tab in an unnumbered paragraph of body text): it becomes an outermost item.
 * - `liftListItem` (Shift+Tab): the item becomes the next sibling of its parent; from the
 *   outermost list it becomes an unnumbered paragraph (when nothing hangs under it).
 * - `deleteSubsection`: removes the item and everything under it, leaving no empty label.
 * - `joinItemBackward` / `joinItemForward`: Backspace at the start of an item, or Delete at the
 *   end of the paragraph before one, joins the item's words onto the paragraph before (one
 *   space at the seam) and closes its list over the gap.
 */
import { TextSelection, type Command, type Transaction } from "prosemirror-state";
import { freshId } from "../plugins/blockIds";
import { codeSchema } from "../schema";
import { descendantsOf, enumeratedAt, previousAtLevel, reletterSection, sectionAt, sectionBlocks, type SectionBlock } from "./sectionOutline";

const { nodes } = codeSchema;

const idOf = (block: SectionBlock) => block.node.attrs.id as string;
const levelOf = (block: SectionBlock) => block.node.attrs.level as number;

/** The blocks after `blocks[at]`'s subsection that stay at its level under the same parent (its following siblings and theirs). */
function followingSiblings(blocks: readonly SectionBlock[], at: number): SectionBlock[] {
  const level = levelOf(blocks[at]!);
  const after: SectionBlock[] = [];
  for (let i = at + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.node.type !== nodes.paragraph || levelOf(block) < level) break;
    after.push(block);
  }
  return after;
}

/** Sets `level` on every block of `moved` shifted by `by`. */
function shiftLevels(tr: Transaction, moved: readonly SectionBlock[], by: number): void {
  for (const block of moved) tr.setNodeAttribute(block.pos, "level", Math.max(0, levelOf(block) + by));
}

/** Tab: the item and its subsection one level deeper, under its previous sibling. False when it has none. */
export const sinkListItem: Command = (state, dispatch) => {
  const at = enumeratedAt(state.selection.$from);
  if (!at) return false;
  const blocks = sectionBlocks(state.doc, at.sectionPos);
  const index = at.block.index - 1;
  const level = levelOf(blocks[index]!);
  if (level < 1 || previousAtLevel(blocks, index, level) < 0) return false;
  if (!dispatch) return true;
  const subsection = [blocks[index]!, ...descendantsOf(blocks, index)];
  const next = blocks[index + subsection.length];
  const tr = state.tr;
  shiftLevels(tr, subsection, 1);
  reletterSection(tr, at.sectionPos, new Set([...subsection.map(idOf), ...(next ? [idOf(next)] : [])]));
  dispatch(tr.scrollIntoView());
  return true;
};

/**
 * Tab in an unnumbered paragraph of body text (level 0): it becomes an item of the outermost
 * list, lettered at its place ((a) as a section's first words, the next letter after an item).
 * False elsewhere.
 */
export const startList: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const paragraph = $from.parent;
  if (paragraph.type !== nodes.paragraph || paragraph.attrs.enumerator || (paragraph.attrs.level as number) !== 0) return false;
  const section = sectionAt($from);
  if (!section) return false;
  if (!dispatch) return true;
  const pos = $from.before();
  const tr = state.tr.setNodeMarkup(pos, undefined, { ...paragraph.attrs, enumerator: "(a)", level: 1 });
  const blocks = sectionBlocks(tr.doc, section.pos);
  const at = blocks.findIndex((block) => block.pos === pos);
  const next = blocks.slice(at + 1).find((block) => block.node.attrs.enumerator);
  reletterSection(tr, section.pos, new Set([paragraph.attrs.id as string, ...(next ? [idOf(next)] : [])]));
  dispatch(tr.scrollIntoView());
  return true;
};

/** Shift+Tab: the item and its subsection one level up, after its parent. False when it cannot go up. */
export const liftListItem: Command = (state, dispatch) => {
  const at = enumeratedAt(state.selection.$from);
  if (!at) return false;
  const blocks = sectionBlocks(state.doc, at.sectionPos);
  const index = at.block.index - 1;
  const item = blocks[index]!;
  const level = levelOf(item);
  const under = descendantsOf(blocks, index);
  if (level < 1) return false;
  if (level === 1 && under.some((block) => block.node.attrs.enumerator)) return false;
  if (!dispatch) return true;
  const tr = state.tr;
  const rest = blocks.slice(index + 1 + under.length);
  if (level === 1) {
    // Out of the outermost list: an unnumbered paragraph; the list closes over the gap.
    tr.setNodeMarkup(item.pos, undefined, { ...item.node.attrs, enumerator: null, level: 0 });
    const next = rest.find((block) => block.node.attrs.enumerator);
    reletterSection(tr, at.sectionPos, new Set(next ? [idOf(next)] : []));
  } else {
    // Its later siblings now hang under it, so they are re-lettered as its items.
    const siblings = followingSiblings(blocks, index + under.length);
    shiftLevels(tr, [item, ...under], -1);
    reletterSection(tr, at.sectionPos, new Set([item, ...under, ...siblings].map(idOf)));
  }
  dispatch(tr.scrollIntoView());
  return true;
};

/**
 * Enter in an enumerated paragraph (see the module comment). False outside one, or for a
 * selection that spans paragraphs (the standard commands take those).
 */
export const enterInList: Command = (state, dispatch) => {
  const { $from, $to, empty } = state.selection;
  const at = enumeratedAt($from);
  if (!at || !$from.sameParent($to)) return false;
  if (empty && at.block.node.content.size === 0) return liftListItem(state, dispatch);
  if (!dispatch) return true;
  const tr = state.tr;
  if (!empty) tr.deleteSelection();
  const caret = $from.pos;
  const paragraph = tr.doc.nodeAt(at.block.pos)!;
  const blocks = sectionBlocks(tr.doc, at.sectionPos);
  const index = at.block.index - 1;
  const atEnd = caret === at.block.pos + 1 + paragraph.content.size;
  const hasItems = descendantsOf(blocks, index).some((block) => block.node.attrs.enumerator);
  const level = (paragraph.attrs.level as number) + (atEnd && hasItems ? 1 : 0);
  const id = freshId("b");
  tr.split(caret, 1, [{ type: nodes.paragraph, attrs: { id, enumerator: paragraph.attrs.enumerator as string, level } }]);
  reletterSection(tr, at.sectionPos, new Set([id]));
  dispatch(tr.setSelection(TextSelection.create(tr.doc, caret + 2)).scrollIntoView());
  return true;
};

/** Removes the blocks `first`..`last` of a section in `tr`, re-lettering over the gap; keeps the section one block at least. */
function removeBlocks(tr: Transaction, sectionPos: number, blocks: readonly SectionBlock[], first: number, last: number): void {
  const from = blocks[first]!.pos;
  const to = blocks[last]!.pos + blocks[last]!.node.nodeSize;
  const next = blocks[last + 1];
  if (first === 0 && !next) tr.replaceWith(from, to, nodes.paragraph.create({ id: freshId("b") }));
  else tr.delete(from, to);
  reletterSection(tr, sectionPos, new Set(next ? [idOf(next)] : []));
}

/** Removes the enumerated paragraph at the selection's start and its subsection whole. */
export const deleteSubsection: Command = (state, dispatch) => {
  const at = enumeratedAt(state.selection.$from);
  if (!at) return false;
  if (!dispatch) return true;
  const blocks = sectionBlocks(state.doc, at.sectionPos);
  const index = at.block.index - 1;
  const last = index + descendantsOf(blocks, index).length;
  const tr = state.tr;
  removeBlocks(tr, at.sectionPos, blocks, index, last);
  const caret = Math.min(blocks[index]!.pos, tr.doc.content.size);
  dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(caret), -1)).scrollIntoView());
  return true;
};

/**
 * Backspace or Delete over whole paragraphs of one section starting with an enumerated one
 * (the selection runs from the start of its words to the end of a later paragraph's words),
 * or Backspace in an empty item with nothing under it: the paragraphs go whole and the lists
 * are re-lettered. Elsewhere it leaves the key to the other commands.
 */
export const deleteWholeItems: Command = (state, dispatch) => {
  const { $from, $to, empty } = state.selection;
  const at = enumeratedAt($from);
  if (!at) return false;
  const blocks = sectionBlocks(state.doc, at.sectionPos);
  const index = at.block.index - 1;
  if (empty) {
    if (at.block.node.content.size > 0 || descendantsOf(blocks, index).length > 0) return false;
    return deleteSubsection(state, dispatch);
  }
  if ($from.parentOffset !== 0 || $to.parentOffset !== $to.parent.content.size) return false;
  const last = blocks.findIndex((block) => block.pos === $to.before());
  if (last < index || $to.depth !== $from.depth) return false;
  if (!dispatch) return true;
  const tr = state.tr;
  removeBlocks(tr, at.sectionPos, blocks, index, last);
  dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(blocks[index]!.pos, tr.doc.content.size)), -1)).scrollIntoView());
  return true;
};

/** Joins the paragraph `blocks[index]` onto the block before it, with a space at the seam, re-lettering over the gap. */
function joinOntoPrevious(state: Parameters<Command>[0], dispatch: Parameters<Command>[1], sectionPos: number, index: number): boolean {
  const blocks = sectionBlocks(state.doc, sectionPos);
  const item = blocks[index];
  const previous = blocks[index - 1];
  if (!item || !previous || previous.node.type !== nodes.paragraph || !item.node.attrs.enumerator) return false;
  if (!dispatch) return true;
  const tr = state.tr;
  const seam = item.pos - 1;
  const needsSpace = previous.node.content.size > 0 && item.node.content.size > 0 && !/\s$/.test(previous.node.textContent);
  tr.delete(seam, item.pos + 1);
  if (needsSpace) tr.insertText(" ", seam);
  const next = blocks.slice(index + 1).find((block) => block.node.attrs.enumerator);
  reletterSection(tr, sectionPos, new Set(next ? [idOf(next)] : []));
  dispatch(tr.setSelection(TextSelection.create(tr.doc, seam + (needsSpace ? 1 : 0))).scrollIntoView());
  return true;
}

/** Backspace at the start of a non-empty item: joins it onto the paragraph before. */
export const joinItemBackward: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const at = enumeratedAt($from);
  if (!at || !empty || $from.parentOffset !== 0 || at.block.node.content.size === 0) return false;
  return joinOntoPrevious(state, dispatch, at.sectionPos, at.block.index - 1);
};

/** Delete at the end of a paragraph followed by an item: joins the item onto it. */
export const joinItemForward: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type !== nodes.paragraph || $from.parentOffset !== $from.parent.content.size) return false;
  const section = sectionAt($from);
  if (!section) return false;
  return joinOntoPrevious(state, dispatch, section.pos, $from.index($from.depth - 1));
};
