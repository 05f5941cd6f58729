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
 * Only chapters a transaction changed are examined, and typing inside a paragraph or history
 * note (the common keystroke) is passed over without looking at any chapter.
 */
import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { ReplaceStep } from "prosemirror-transform";
import { contentsFor, type SectionHead } from "../../core/model/contents";
import type { Chapter, OrdinanceDocument, TocEntry } from "../../core/model/document";
import { codeSchema } from "../schema";

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
      if (!transactions.some((tr) => tr.docChanged) || transactions.every(onlyEditsBodyText)) return null;
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
export function sectionHeadsOf(chapter: PMNode): SectionHead[] {
  const heads: SectionHead[] = [];
  chapter.forEach((child) => {
    if (child.type !== nodes.section) return;
    const heading = child.firstChild!;
    heads.push({ number: heading.attrs.number as string, catchline: heading.textContent });
  });
  return heads;
}

/** The entries of a `toc` node (none for null). */
export function tocEntriesOf(toc: PMNode | null): TocEntry[] {
  const entries: TocEntry[] = [];
  toc?.forEach((entry) => entries.push({ number: entry.attrs.number as string, catchline: entry.textContent }));
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

/** True when every step of `tr` replaced text inside one paragraph or history note. */
function onlyEditsBodyText(tr: Transaction): boolean {
  return tr.steps.every((step, index) => {
    if (!(step instanceof ReplaceStep)) return false;
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: import("prosemirror-model").Slice };
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    let inline = true;
    slice.content.forEach((node) => { if (!node.isInline) inline = false; });
    if (!inline) return false;
    const $from = tr.docs[index]!.resolve(from);
    const parent = $from.parent.type;
    return (parent === nodes.paragraph || parent === nodes.history_note) && $from.sameParent(tr.docs[index]!.resolve(to));
  });
}
