/**
 * Where the comment threads stood before each undoable event, so that Undo and Redo put every
 * thread back on the very words it had (as Word does), instead of mapping its range through the
 * undo's steps: a deletion undone is an insertion at the thread's edge (or in the place of its
 * words, all gone), which mapping leaves outside the thread, so it came back shrunk or detached.
 *
 * The records follow prosemirror-history's two stacks, one per event: `done[k]` is where the
 * threads stood before event k + 1 of the undo stack, `undone[k]` where they stood before the
 * undo that made event k + 1 of the redo stack. Whether an edit opened an event or joined the
 * last one is known only from the history's state after it, which this plugin (placed before
 * the history) reads at the next transaction: the edit's record waits in `pending` until then.
 * A record is only ever taken back after checking that its words are the ones at its range;
 * anything else falls back to mapping and looking the thread up by its anchor.
 */
import { isHistoryTransaction, redoDepth, undoDepth } from "prosemirror-history";
import type { Node as PMNode } from "prosemirror-model";
import type { EditorState, Transaction } from "prosemirror-state";
import { mapRange, type PosRange } from "../redline/changeRanges";
import type { TextAnchor } from "../../core/annotations/comments";

/** Where one thread stood: its range (null: detached), its anchor, and the words of the range. */
export interface ThreadPlace {
  readonly range: PosRange | null;
  readonly anchor: TextAnchor;
  readonly words: string | null;
}

/** Every thread's place at one moment, by thread id. */
export type ThreadSnapshot = ReadonlyMap<string, ThreadPlace>;

export interface ThreadHistory {
  readonly done: readonly (ThreadSnapshot | undefined)[];
  readonly undone: readonly (ThreadSnapshot | undefined)[];
  /** The snapshot before the last edit added to the history, with the undo depth before it. */
  readonly pending: { readonly depth: number; readonly snapshot: ThreadSnapshot } | null;
}

export const EMPTY_THREAD_HISTORY: ThreadHistory = { done: [], undone: [], pending: null };

/** What a transaction does to the records, and the snapshot to put the threads back by (undo, redo). */
export interface HistoryStep {
  readonly history: ThreadHistory;
  readonly restore: ThreadSnapshot | null;
}

/** `{ redo }` of a transaction made by prosemirror-history's undo or redo; null for any other. */
function historyMeta(tr: Transaction): { readonly redo: boolean } | "unknown" | null {
  if (!isHistoryTransaction(tr)) return null;
  // The history's plugin key is not exported; its transactions carry { redo, historyState } under its name.
  const meta = tr.getMeta("history$") as { redo?: unknown } | undefined;
  return typeof meta?.redo === "boolean" ? { redo: meta.redo } : "unknown";
}

/** Whether prosemirror-history records `tr` in the undo stack (its own rule). */
function addedToHistory(tr: Transaction): boolean {
  const appended = tr.getMeta("appendedTransaction") as Transaction | undefined;
  if (appended && isHistoryTransaction(appended)) return false;
  return tr.getMeta("addToHistory") !== false && !(appended && appended.getMeta("addToHistory") === false);
}

function mapSnapshot(snapshot: ThreadSnapshot | undefined, tr: Transaction): ThreadSnapshot | undefined {
  if (!snapshot || snapshot.size === 0) return snapshot;
  const mapped = new Map<string, ThreadPlace>();
  for (const [id, place] of snapshot) mapped.set(id, place.range ? { ...place, range: mapRange(place.range, tr.mapping) } : place);
  return mapped;
}

/** The records once the history's state in `oldState` tells whether the pending edit opened an event. */
function settle(history: ThreadHistory, oldState: EditorState): ThreadHistory {
  const { pending } = history;
  if (!pending) return history;
  const depth = undoDepth(oldState);
  if (depth === pending.depth) return { ...history, pending: null };
  const pushed = [...history.done.slice(0, pending.depth), pending.snapshot];
  // More than one event short: the history dropped its oldest events (its depth limit).
  return { ...history, done: depth < pending.depth ? pushed.slice(pushed.length - depth) : pushed, pending: null };
}

/**
 * The records after `tr`, and for an undo or a redo the snapshot it takes the threads back to.
 * `now` is where the threads stand before `tr` (a function: it is built only when needed).
 */
export function stepThreadHistory(history: ThreadHistory, tr: Transaction, oldState: EditorState, now: () => ThreadSnapshot): HistoryStep {
  const settled = settle(history, oldState);
  const meta = historyMeta(tr);
  if (meta === "unknown") return { history: EMPTY_THREAD_HISTORY, restore: null };
  if (meta) {
    const depth = undoDepth(oldState);
    const redoable = redoDepth(oldState);
    if (!meta.redo) {
      return {
        history: { done: settled.done.slice(0, Math.max(0, depth - 1)), undone: [...settled.undone.slice(0, redoable), now()], pending: null },
        restore: settled.done[depth - 1] ?? null,
      };
    }
    return {
      history: { done: [...settled.done.slice(0, depth), now()], undone: settled.undone.slice(0, Math.max(0, redoable - 1)), pending: null },
      restore: settled.undone[redoable - 1] ?? null,
    };
  }
  if (tr.steps.length === 0) return { history: settled, restore: null };
  if (addedToHistory(tr)) {
    // A new edit: the history forgets what was undone.
    return { history: { done: settled.done, undone: [], pending: { depth: undoDepth(oldState), snapshot: now() } }, restore: null };
  }
  // An edit outside the history (ids given to new paragraphs, grouping of sections): the history maps its events over it.
  if (settled.done.length === 0 && settled.undone.length === 0) return { history: settled, restore: null };
  return {
    history: { done: settled.done.map((each) => mapSnapshot(each, tr)), undone: settled.undone.map((each) => mapSnapshot(each, tr)), pending: null },
    restore: null,
  };
}

/** `place` as it stands in `doc` when its range still holds the words it held; null otherwise. */
export function placeIn(doc: PMNode, place: ThreadPlace | undefined): PosRange | null {
  const range = place?.range;
  if (!range || place.words === null || range.from < 0 || range.to > doc.content.size || range.to <= range.from) return null;
  return doc.textBetween(range.from, range.to, "\n") === place.words ? range : null;
}

/** The words `range` holds in `doc`, as a snapshot keeps them. */
export function wordsAt(doc: PMNode, range: PosRange | null): string | null {
  return range ? doc.textBetween(range.from, range.to, "\n") : null;
}
