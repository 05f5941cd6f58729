/**
 * Keeps every chapter's table of contents in step with its section headings. Whenever a
 * transaction changes a heading's number or catchline, or adds, deletes or moves a section,
 * this plugin rewrites the chapter's `toc` node to what `contentsFor` (the core's one
 * definition of a chapter's contents) gives for the chapter's sections, in an appended
 * transaction. prosemirror-history puts an appended transaction in the same event as the one
 * it follows, so one undo takes back the heading and its contents line together, and the live
 * redline shows the contents line changed the same way as the heading.
 *
 * The contents are derived, not edited: the schema shows them as not editable, and an edit
 * that reaches them anyway (a command, a paste over them) is followed by the same sync, so a
 * contents line of a section always reads as its heading. Editing a heading through its
 * contents line was the other choice; it is not taken because a contents line is an index of
 * the headings, and two editable copies would need a rule for which one wins when both change
 * in one transaction — with one source there is nothing to reconcile. Lines the official text
 * lists with no section body ("Reserved.") stay as they were (see `contentsFor`); only a
 * chapter put in whole (a replaced draft) brings its own such lines.
 *
 * Only chapters a transaction changed are examined; typing inside a paragraph or history note
 * (the common keystroke) is passed over without looking at any chapter, and typing in a
 * catchline rewrites its one contents line without reading the rest of the chapter.
 */
import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { AttrStep } from "prosemirror-transform";
import { contentsFor, contentsLineFor, type SectionHead } from "../../core/model/contents";
import type { Chapter, OrdinanceDocument, TocEntry } from "../../core/model/document";
import { tidyWords } from "../../core/model/lineText";
import { codeSchema } from "../schema";
import { forEachSection } from "../sectionGroups";
import { replacesWithinLine } from "./stepShape";
import { isRemoteChange } from "../collab/remote";

const { nodes } = codeSchema;

/** The plugin's key; its appended transactions carry it as meta (`true`). */
export const contentsSyncKey = new PluginKey("contentsSync");

/**
 * The plugin; `createEditorState` adds it to every editor state of `codeSchema`. `official` is
 * the base as the official text prints it, when known: a section left as it is there keeps the
 * official wording of its contents line (see `contentsFor`).
 */
export function contentsSyncPlugin(official?: OrdinanceDocument): Plugin {
  const officialChapters = new Map((official?.chapters ?? []).map((chapter) => [chapter.number, chapter]));
  return new Plugin({
    key: contentsSyncKey,
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged && !isRemoteChange(tr)) || transactions.every(cannotMoveContents)) return null;
      const typed = transactions.length === 1 ? typedInHeading(transactions[0]!) : null;
      if (typed) {
        const tr = newState.tr;
        const chapterNumber = newState.doc.resolve(typed.newPos).node(1).firstChild!.attrs.number as string;
        if (retypeLine(tr, oldState.doc, typed, officialChapters.get(chapterNumber))) return tr.docChanged ? tr.setMeta(contentsSyncKey, true) : null;
      }
      const before = new Map<string, PMNode>();
      oldState.doc.forEach((child) => { if (child.type === nodes.chapter) before.set(child.attrs.id as string, child); });
      const tr = newState.tr;
      newState.doc.forEach((chapter, offset) => {
        if (chapter.type !== nodes.chapter) return;
        const former = before.get(chapter.attrs.id as string);
        if (former === chapter) return;
        syncChapter(tr, chapter, tr.mapping.map(offset), former, officialChapters.get(chapter.firstChild!.attrs.number as string));
      });
      return tr.docChanged ? tr.setMeta(contentsSyncKey, true) : null;
    },
  });
}

/** The `toc` node of a chapter node, if it has one. */
function tocOf(chapter: PMNode): PMNode | null {
  const second = chapter.childCount > 1 ? chapter.child(1) : null;
  return second?.type === nodes.toc ? second : null;
}

/** The heads (number and catchline) of a chapter node's sections, in order. */
function sectionHeadsOf(chapter: PMNode): SectionHead[] {
  const heads: SectionHead[] = [];
  forEachSection(chapter, -1, (section) => {
    const heading = section.firstChild!;
    heads.push({ number: heading.attrs.number as string, catchline: tidyWords(heading.textContent) });
  });
  return heads;
}

/** The entries of a `toc` node (none for null). */
function tocEntriesOf(toc: PMNode | null): TocEntry[] {
  const entries: TocEntry[] = [];
  toc?.forEach((entry) => entries.push({ number: entry.attrs.number as string, catchline: tidyWords(entry.textContent) }));
  return entries;
}

function entryNode(entry: TocEntry): PMNode {
  return nodes.toc_entry.create({ number: entry.number }, entry.catchline ? codeSchema.text(entry.catchline) : null);
}

/** Adds to `tr` the steps that give `chapter` (at `pos` in `tr.doc`) the contents its sections call for. */
function syncChapter(tr: Transaction, chapter: PMNode, pos: number, former: PMNode | undefined, official: Chapter | undefined): void {
  const toc = tocOf(chapter);
  const formerToc = former ? tocOf(former) : null;
  // Where the lines with no section body come from: the table as it was when the chapter was
  // edited in place (its heading node is the same), so an edit that reached those lines does
  // not stick either; the table as it is now when the chapter was put in whole (a replaced
  // draft brings its own contents). A chapter keeps its table when an edit removed all of it.
  const inPlace = former !== undefined && former.firstChild === chapter.firstChild;
  const source = tocEntriesOf(toc === null || (inPlace && formerToc !== null) ? formerToc : toc);
  const current = tocEntriesOf(toc);
  const wanted = contentsFor(sectionHeadsOf(chapter), source, former ? sectionHeadsOf(former) : [], official);
  const tocPos = pos + 1 + chapter.firstChild!.nodeSize;
  if (!toc) {
    if (wanted.length > 0) tr.insert(tocPos, nodes.toc.create(null, wanted.map(entryNode)));
    return;
  }
  const same = (a: TocEntry | undefined, b: TocEntry | undefined) => a !== undefined && b !== undefined && a.number === b.number && a.catchline === b.catchline;
  if (wanted.length === current.length && wanted.every((entry, index) => same(entry, current[index]))) return;
  let start = 0;
  while (same(current[start], wanted[start])) start++;
  let endCurrent = current.length;
  let endWanted = wanted.length;
  while (endCurrent > start && endWanted > start && same(current[endCurrent - 1], wanted[endWanted - 1])) { endCurrent--; endWanted--; }
  let from = tocPos + 1;
  for (let i = 0; i < start; i++) from += toc.child(i).nodeSize;
  let to = from;
  for (let i = start; i < endCurrent; i++) to += toc.child(i).nodeSize;
  tr.replaceWith(from, to, wanted.slice(start, endWanted).map(entryNode));
}

/** Where a transaction of one step typed or cut text inside a section heading: the heading's position before and after. */
interface TypedHeading { readonly oldPos: number; readonly newPos: number }

function typedInHeading(tr: Transaction): TypedHeading | null {
  if (tr.steps.length !== 1 || !replacesWithinLine(tr, 0)) return null;
  const $from = tr.docs[0]!.resolve((tr.steps[0] as unknown as { from: number }).from);
  if ($from.parent.type !== nodes.section_heading) return null;
  const oldPos = $from.before();
  return { oldPos, newPos: tr.mapping.map(oldPos, -1) };
}

/**
 * The quick path for typing in a catchline, so a keystroke costs the same in any chapter: the
 * one contents line that read as the old heading now reads as the new one. The table was in
 * step before (every state is), so this gives what a full sync would. False when the line is
 * not found exactly once; the caller then syncs the whole chapter.
 */
function retypeLine(tr: Transaction, oldDoc: PMNode, typed: TypedHeading, official: Chapter | undefined): boolean {
  const oldHeading = oldDoc.nodeAt(typed.oldPos)!;
  const newHeading = tr.doc.nodeAt(typed.newPos)!;
  const number = newHeading.attrs.number as string;
  // Contents lines take a heading's words in their tidy form, as the model reads them.
  const was = contentsLineFor({ number, catchline: tidyWords(oldHeading.textContent) }, official);
  const now = contentsLineFor({ number, catchline: tidyWords(newHeading.textContent) }, official);
  if (was.catchline === now.catchline) return true;
  const $heading = tr.doc.resolve(typed.newPos);
  const chapter = $heading.node(1);
  const toc = tocOf(chapter);
  if (!toc) return true;
  let found: { offset: number; size: number } | null = null;
  let count = 0;
  toc.forEach((entry, offset) => {
    if (entry.attrs.number !== number || tidyWords(entry.textContent) !== was.catchline) return;
    count++;
    found = { offset, size: entry.nodeSize };
  });
  const line = found as { offset: number; size: number } | null;
  if (count !== 1 || !line) return false;
  const entryPos = $heading.start(1) + chapter.firstChild!.nodeSize + 1 + line.offset;
  tr.replaceWith(entryPos, entryPos + line.size, entryNode(now));
  return true;
}

/**
 * True when `tr` cannot put the contents out of step: this plugin's own sync, or steps that
 * only replace text inside a paragraph or history note or only give nodes ids.
 */
function cannotMoveContents(tr: Transaction): boolean {
  if (tr.getMeta(contentsSyncKey)) return true;
  return tr.steps.every((step, index) => {
    if (step instanceof AttrStep) return (step as unknown as { attr: string }).attr === "id";
    if (!replacesWithinLine(tr, index)) return false;
    const parent = tr.docs[index]!.resolve((step as unknown as { from: number }).from).parent.type;
    return parent === nodes.paragraph || parent === nodes.history_note || parent === nodes.editor_note;
  });
}
