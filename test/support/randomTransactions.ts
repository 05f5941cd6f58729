/**
 * Random transactions on a live-redline editor state, as a person makes them: typing,
 * deleting (within and across paragraphs), Enter, joining paragraphs, pasting several
 * paragraphs, undo and redo, accepting, annotating and rejecting changes (moves included),
 * selecting and filtering. Each returns the next state, or null when it did not apply.
 */
import { baseKeymap, chainCommands, joinBackward, joinForward, splitBlock } from "prosemirror-commands";
import { redo, undo } from "prosemirror-history";
import { Fragment, Slice, type Node as PMNode } from "prosemirror-model";
import { TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import type { Random } from "../../src/core/samples/random";
import { acceptChanges, annotateChanges, rejectChanges, selectChange, setFilter } from "../../src/editor/redline/commands";
import { NO_FILTER, redlineState } from "../../src/editor/redline/plugin";
import { deleteKeepingStructure, enterCommand } from "../../src/editor/plugins/structureGuard";
import { codeSchema } from "../../src/editor/schema";
import { deleteSubsection } from "../../src/editor/structure/listCommands";
import { chapterNumberOf, chapterSectionNumbers, insertSection, repealSection, sectionPlace } from "../../src/editor/structure/sectionCommands";
import { structureBindings } from "../../src/editor/structure/structureKeymap";

const WORDS = ["promptly", "residents", "people", "written", "any", "the", "shall not", "federal", "x", "agency", "sworn officer", "upon"];

/** Textblocks of the document with their positions (start of content). */
function textblocks(doc: PMNode): Array<{ node: PMNode; pos: number }> {
  const blocks: Array<{ node: PMNode; pos: number }> = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) { blocks.push({ node, pos: pos + 1 }); return false; }
    return true;
  });
  return blocks;
}

/** A caret position inside a random textblock, often at a word boundary or an end. */
function randomCaret(state: EditorState, random: Random, blocks = textblocks(state.doc)): { block: { node: PMNode; pos: number }; pos: number; index: number } {
  const index = random.int(0, blocks.length - 1);
  const block = blocks[index]!;
  const text = block.node.textContent;
  const roll = random.next();
  let offset: number;
  if (roll < 0.2) offset = text.length;
  else if (roll < 0.3) offset = 0;
  else {
    offset = random.int(0, text.length);
    const space = text.indexOf(" ", offset);
    if (random.chance(0.6) && space >= 0) offset = space;
  }
  return { block, pos: block.pos + offset, index };
}

function runCommand(state: EditorState, command: Command): EditorState | null {
  let next: EditorState | null = null;
  const applied = command(state, (tr: Transaction) => { next = state.apply(tr); });
  return applied ? next : null;
}

function at(state: EditorState, pos: number, to = pos): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos, to)));
}

function randomChangeId(state: EditorState, random: Random, filter: (change: { move?: unknown; withinMove?: string }) => boolean = () => true): string | null {
  const changes = redlineState(state).redline.changes.filter((change) => !change.withinMove && filter(change));
  return changes.length ? random.pick(changes).id : null;
}

function paragraph(text: string, level: number): PMNode {
  return codeSchema.nodes.paragraph.create({ id: "", enumerator: level > 0 ? "(z)" : null, level }, text ? codeSchema.text(text) : null);
}

type Action = (state: EditorState, random: Random) => EditorState | null;

// Mostly a word typed at a word boundary, as a person types; sometimes anything, anywhere.
const type: Action = (state, random) => {
  const { block, pos } = randomCaret(state, random);
  const word = random.pick(WORDS);
  const offset = pos - block.pos;
  const text = block.node.textContent;
  if (random.chance(0.7) && (offset === text.length || text[offset] === " ")) return state.apply(state.tr.insertText(` ${word}`, pos));
  if (random.chance(0.7) && offset === 0 && text.length > 0) return state.apply(state.tr.insertText(`${word} `, pos));
  return state.apply(state.tr.insertText(random.chance(0.5) ? ` ${word}` : `${word} `, pos));
};

const deleteInBlock: Action = (state, random) => {
  const { block, pos } = randomCaret(state, random);
  const end = block.pos + block.node.content.size;
  if (pos >= end) return null;
  return state.apply(state.tr.delete(pos, Math.min(end, pos + random.int(1, 20))));
};

/** Index of the chapter (top-level node) that holds `pos`. */
function chapterAt(doc: PMNode, pos: number): number {
  return doc.resolve(pos).index(0);
}

// Across paragraphs and sections, within one chapter (a selection over a chapter boundary
// makes a chapter without a number, a structure of its own).
const deleteAcross: Action = (state, random) => {
  const blocks = textblocks(state.doc);
  const from = randomCaret(state, random, blocks);
  const toIndex = Math.min(blocks.length - 1, from.index + random.int(1, 3));
  const toBlock = blocks[toIndex]!;
  if (chapterAt(state.doc, toBlock.pos) !== chapterAt(state.doc, from.pos)) return null;
  const to = toBlock.pos + random.int(0, toBlock.node.content.size);
  if (to <= from.pos) return null;
  const selected = at(state, from.pos, to);
  return runCommand(selected, baseKeymap.Backspace!);
};

// Backspace as the key does it, over any selection: across headings, the contents and chapters.
const deleteKey: Action = (state, random) => {
  const blocks = textblocks(state.doc);
  const from = randomCaret(state, random, blocks);
  const toBlock = blocks[Math.min(blocks.length - 1, from.index + random.int(1, 6))]!;
  const to = toBlock.pos + random.int(0, toBlock.node.content.size);
  if (to <= from.pos) return null;
  return runCommand(at(state, from.pos, to), chainCommands(deleteKeepingStructure, baseKeymap.Backspace!));
};

const enter: Action = (state, random) => {
  const { pos } = randomCaret(state, random);
  const split = runCommand(at(state, pos), splitBlock);
  if (!split || !random.chance(0.6)) return split;
  return split.apply(split.tr.insertText(random.pick(["New words here.", "Inserted clause", "x"])));
};

// Enter as the key does it (the editor's own binding first, then the standard one).
const enterKey: Action = (state, random) => {
  const { pos } = randomCaret(state, random);
  const split = runCommand(at(state, pos), chainCommands(enterCommand, baseKeymap.Enter!));
  if (!split || !random.chance(0.6)) return split;
  return split.apply(split.tr.insertText(random.pick(["New words here.", "x"])));
};

// Spacing and quotes as pasted from elsewhere: runs of spaces, a tab, a non-breaking space, curly quotes.
const typeUntidy: Action = (state, random) => {
  const { pos } = randomCaret(state, random);
  return state.apply(state.tr.insertText(random.pick(["  ", " \t", "\u00a0", " \u201cterm\u201d ", "it\u2019s ", " "]), pos));
};

const join: Action = (state, random) => {
  const blocks = textblocks(state.doc);
  const { block } = randomCaret(state, random, blocks);
  if (random.chance(0.5)) return runCommand(at(state, block.pos), joinBackward);
  return runCommand(at(state, block.pos + block.node.content.size), joinForward);
};

const paste: Action = (state, random) => {
  const blocks = textblocks(state.doc);
  const from = randomCaret(state, random, blocks);
  const toBlock = blocks[Math.min(blocks.length - 1, from.index + random.int(0, 1))]!;
  if (chapterAt(state.doc, toBlock.pos) !== chapterAt(state.doc, from.pos)) return null;
  const to = Math.max(from.pos, toBlock.pos + random.int(0, toBlock.node.content.size));
  const count = random.int(2, 3);
  const nodes = Array.from({ length: count }, (_, i) => paragraph(i === 0 ? "Pasted words one" : `pasted paragraph ${i} with words`, random.int(0, 2)));
  const slice = new Slice(Fragment.from(nodes), 1, 1);
  try {
    return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from.pos, to)).replaceSelection(slice));
  } catch {
    return null;
  }
};

// The structural keys as bound (Enter, Tab, Shift+Tab, Backspace in an item), then the standard ones.
const structureKey: Action = (state, random) => {
  const { pos } = randomCaret(state, random);
  const key = random.pick(["Enter", "Tab", "Shift-Tab", "Backspace"]);
  const fallback = key === "Enter" ? chainCommands(enterCommand, baseKeymap.Enter!) : key === "Backspace" ? baseKeymap.Backspace! : null;
  const bound = structureBindings[key]!;
  const next = runCommand(at(state, pos), fallback ? chainCommands(bound, fallback) : bound);
  if (!next || key !== "Enter" || !random.chance(0.6)) return next;
  return next.apply(next.tr.insertText(random.pick(["New item words.", "x"])));
};

const removeSubsection: Action = (state, random) => runCommand(at(state, randomCaret(state, random).pos), deleteSubsection);

const repeal: Action = (state, random) => runCommand(state, repealSection(randomCaret(state, random).pos));

// A new section after a random one, with an unused number of its chapter (sometimes no catchline).
const newSection: Action = (state, random) => {
  const place = sectionPlace(state.doc, randomCaret(state, random).pos);
  if (!place) return null;
  const used = new Set(chapterSectionNumbers(place.chapter));
  const number = `${chapterNumberOf(place.chapter)}-${String(random.int(1, 999)).padStart(3, "0")}`;
  if (used.has(number)) return null;
  const next = runCommand(state, insertSection(place.pos, number, random.chance(0.8) ? "New section words." : ""));
  return next && random.chance(0.6) ? next.apply(next.tr.insertText("Text of the new section.")) : next;
};

const undoing: Action = (state) => runCommand(state, undo);
const redoing: Action = (state) => runCommand(state, redo);

const accept: Action = (state, random) => {
  const id = randomChangeId(state, random);
  return id ? runCommand(state, acceptChanges([id])) : null;
};

const annotate: Action = (state, random) => {
  const id = randomChangeId(state, random);
  const sponsors = (state.doc.attrs.sponsors as { people: Array<{ id: string }> } | null)?.people ?? [];
  const sponsorIds = sponsors.length ? [random.pick(sponsors).id] : [];
  return id ? runCommand(state, annotateChanges([id], { sponsorIds, justification: `note ${random.int(0, 99)}` })) : null;
};

const reject: Action = (state, random) => {
  const id = randomChangeId(state, random);
  return id ? runCommand(state, rejectChanges([id])) : null;
};

const rejectMove: Action = (state, random) => {
  const id = randomChangeId(state, random, (change) => change.move !== undefined);
  return id ? runCommand(state, rejectChanges([id])) : null;
};

const select: Action = (state, random) => runCommand(state, selectChange(random.chance(0.2) ? null : randomChangeId(state, random)));

const filter: Action = (state, random) => {
  const roll = random.next();
  const next = roll < 0.4 ? NO_FILTER : roll < 0.7 ? { sponsorIds: null, statuses: ["agreed"] } : { sponsorIds: ["waguespack"], statuses: null };
  return runCommand(state, setFilter(next));
};

const ACTIONS: ReadonlyArray<readonly [string, Action, number]> = [
  ["type", type, 10], ["delete", deleteInBlock, 4], ["delete across", deleteAcross, 3], ["enter", enter, 4], ["enter key", enterKey, 2], ["delete key", deleteKey, 2], ["type untidy", typeUntidy, 2],
  ["join", join, 3], ["paste", paste, 2], ["undo", undoing, 3], ["redo", redoing, 1], ["accept", accept, 1],
  ["annotate", annotate, 2], ["reject", reject, 2], ["reject move", rejectMove, 1], ["select", select, 1], ["filter", filter, 1],
  ["structure key", structureKey, 4], ["delete subsection", removeSubsection, 1], ["repeal section", repeal, 1], ["new section", newSection, 1],
];
const TOTAL = ACTIONS.reduce((sum, [, , weight]) => sum + weight, 0);

/** One random action, chosen by weight: its name and the state after it (null: did not apply). */
export function randomAction(state: EditorState, random: Random): { name: string; next: EditorState | null } {
  let roll = random.next() * TOTAL;
  for (const [name, action, weight] of ACTIONS) {
    roll -= weight;
    if (roll < 0) return { name, next: action(state, random) };
  }
  return { name: "none", next: null };
}
