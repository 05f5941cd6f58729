/**
 * Text comment threads in the editor. The threads are a document attribute (so adding, replying
 * and resolving share the text's undo history); this plugin keeps where each one stands now —
 * its live range, mapped through every transaction by ProseMirror's step mapping — and the
 * highlight of its words. A thread whose words were all deleted is detached (kept and listed,
 * never dropped); after each edit a detached thread is looked for again by its last anchor, as
 * reopening the saved draft would. Undo and Redo put each thread back where it stood before
 * the event they take back or make again (threadHistory), whole words and all, as Word does. What is saved is derived from the live range (savedThreads),
 * so a reopened draft highlights the same words.
 *
 * The plugin also holds which thread is active and a pending "new comment" request, so the
 * toolbar, the shortcut and the panel meet through editor state alone.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import type { CommentAuthor, TextAnchor, TextThread } from "../../core/annotations/comments";
import { findQuote, quoteAt } from "../../core/annotations/textQuote";
import { mapRange, type PosRange } from "../redline/changeRanges";
import { redlineKey } from "../redline/plugin";
import { blockAt, blockRange, findSectionText, offsetOf, positionOf, sectionTextAt } from "./sectionText";
import { EMPTY_THREAD_HISTORY, placeIn, stepThreadHistory, wordsAt, type ThreadHistory, type ThreadSnapshot } from "./threadHistory";

/** A request to write a new comment: on selected words, or on a change. */
export type ComposeRequest =
  | { readonly kind: "text"; readonly from: number; readonly to: number }
  | { readonly kind: "change"; readonly changeId: string };

/** Where a thread stands now. */
export interface LiveThread {
  /** Its words' range, or null when it is detached. */
  readonly range: PosRange | null;
  /** The anchor it was last found by (used to look for it again while detached). */
  readonly anchor: TextAnchor;
}

export interface ThreadsState {
  readonly live: ReadonlyMap<string, LiveThread>;
  /** The thread the panel shows open (a text thread id, or "change:" + annotation id). */
  readonly activeId: string | null;
  readonly compose: ComposeRequest | null;
  /** The text threads on words of the selected change (highlighted as the active one is), by id. */
  readonly current: ReadonlySet<string>;
  readonly decorations: DecorationSet;
  /** Where the threads stood before each undoable event (see threadHistory). */
  readonly history: ThreadHistory;
}

export type ThreadsAction =
  | { readonly type: "activate"; readonly id: string | null }
  | { readonly type: "compose"; readonly request: ComposeRequest | null }
  /** A thread just made on this range (its live range from the start, not looked for). */
  | { readonly type: "created"; readonly id: string; readonly range: PosRange }
  /** Put the threads back where a snapshot says (each one whose words are there again): a shared draft's undo. */
  | { readonly type: "restore"; readonly snapshot: ThreadSnapshot };

export const threadsKey = new PluginKey<ThreadsState>("commentThreads");

/** The plugin's state (throws when the plugin is missing). */
export function threadsState(state: EditorState): ThreadsState {
  const value = threadsKey.getState(state);
  if (!value) throw new Error("the comment threads plugin is not installed");
  return value;
}

/** The text threads stored in the document. */
export function docThreads(state: EditorState): readonly TextThread[] {
  return (state.doc.attrs.threads as readonly TextThread[] | undefined) ?? [];
}

/** The current user stored with the draft ("You are…"), or null. */
export function docCurrentUser(state: EditorState): CommentAuthor | null {
  return (state.doc.attrs.currentUser as CommentAuthor | null | undefined) ?? null;
}

/**
 * The anchor of `range` in `doc`: its section's number, the paragraph it starts in (its id as
 * `savedId` names it, null for the heading) and the words with their context; null when the
 * range holds no words of a section. `savedId` maps an editor paragraph id to the saved one.
 */
export function anchorOfRange(doc: PMNode, range: PosRange, savedId: (section: string, id: string) => string | null = (_s, id) => id): TextAnchor | null {
  const section = sectionTextAt(doc, range.from);
  if (!section || !section.number) return null;
  let start = offsetOf(section, range.from);
  let end = Math.max(start, offsetOf(section, Math.min(range.to, section.end)));
  // Spaces at either end are not words (the saved text may tidy them away): the quote holds none.
  while (start < end && /\s/.test(section.text[start]!)) start++;
  while (end > start && /\s/.test(section.text[end - 1]!)) end--;
  const quote = quoteAt(section.text, start, end);
  if (quote.exact.trim() === "") return null;
  const block = blockAt(section, start);
  const isHeading = block === null || block === section.segments[0]?.node;
  const id = isHeading ? null : (block.attrs.id as string);
  return { section: section.number, blockId: id ? savedId(section.number, id) ?? id : null, quote };
}

/** The range in `doc` of the words `anchor` names, or null when they are not found in its section. */
export function resolveTextAnchor(doc: PMNode, anchor: TextAnchor): PosRange | null {
  const section = findSectionText(doc, anchor.section);
  if (!section) return null;
  const found = findQuote(section.text, anchor.quote, blockRange(section, anchor.blockId));
  if (!found) return null;
  const from = positionOf(section, found.start);
  const to = positionOf(section, found.end);
  return to > from ? { from, to } : null;
}

function decorationsFor(
  doc: PMNode, threads: readonly TextThread[], live: ReadonlyMap<string, LiveThread>, activeId: string | null, compose: ComposeRequest | null, current: ReadonlySet<string>,
): DecorationSet {
  const decorations: Decoration[] = [];
  // The words a new comment is being written on stay marked while the focus is in the comment box.
  if (compose?.kind === "text" && compose.to > compose.from) decorations.push(Decoration.inline(compose.from, compose.to, { class: "comment-anchor pending" }, { threadId: null }));
  for (const thread of threads) {
    const range = live.get(thread.id)?.range;
    if (!range || thread.comments.length === 0) continue;
    const classes = ["comment-anchor", thread.resolved ? "resolved" : "", thread.id === activeId ? "active" : "", current.has(thread.id) ? "current" : ""].filter(Boolean).join(" ");
    decorations.push(Decoration.inline(range.from, range.to, { class: classes, "data-thread-id": thread.id }, { threadId: thread.id }));
  }
  return decorations.length === 0 ? DecorationSet.empty : DecorationSet.create(doc, decorations);
}

/**
 * Live ranges for `threads` (or anything anchored like them: suggestions) in `doc`: after an undo
 * or a redo, the place each had before the event (`restore`, when its words are there again);
 * else those of `previous` mapped through `tr`, and the rest looked for by their anchors.
 */
export function liveThreads(
  threads: ReadonlyArray<{ readonly id: string; readonly anchor: TextAnchor }>, previous: ReadonlyMap<string, LiveThread> | null, tr: Transaction | null, oldDoc: PMNode | null, doc: PMNode, created: ThreadsAction | undefined,
  restore: ThreadSnapshot | null = null,
): Map<string, LiveThread> {
  const live = new Map<string, LiveThread>();
  for (const thread of threads) {
    if (created?.type === "created" && created.id === thread.id) { live.set(thread.id, { range: created.range, anchor: thread.anchor }); continue; }
    const place = restore?.get(thread.id);
    const restored = placeIn(doc, place);
    if (restored && place) { live.set(thread.id, { range: restored, anchor: place.anchor }); continue; }
    const before = previous?.get(thread.id);
    if (!before) { live.set(thread.id, { range: resolveTextAnchor(doc, thread.anchor), anchor: thread.anchor }); continue; }
    if (!tr?.docChanged) { live.set(thread.id, before); continue; }
    const mapped = before.range && mapRange(before.range, tr.mapping);
    if (mapped) { live.set(thread.id, { range: mapped, anchor: before.anchor }); continue; }
    // Its words are gone (or it was detached): keep the anchor it had, and look for it by that.
    const anchor = before.range && oldDoc ? anchorOfRange(oldDoc, before.range) ?? before.anchor : before.anchor;
    live.set(thread.id, { range: resolveTextAnchor(doc, anchor), anchor });
  }
  return live;
}

const NO_THREADS: ThreadSnapshot = new Map();
const NONE: ReadonlySet<string> = new Set();

/** The text threads of `threads` whose words hold marks of the change selected in `state` (see ThreadsState.current). */
function threadsOnSelected(state: EditorState, threads: readonly TextThread[], live: ReadonlyMap<string, LiveThread>): ReadonlySet<string> {
  const redline = redlineKey.getState(state);
  const id = redline?.selectedId;
  if (!redline || !id || threads.length === 0) return NONE;
  const found = new Set<string>();
  for (const thread of threads) {
    const range = live.get(thread.id)?.range;
    if (!range || thread.comments.length === 0) continue;
    // The change's marks inside the words: underscored words overlapping them, struck words (a widget) within or at their edge.
    const marks = redline.decorations.find(range.from, range.to, (spec: { changeId?: string }) => spec.changeId === id);
    if (marks.some((mark) => (mark.from === mark.to ? mark.from >= range.from && mark.from <= range.to : mark.from < range.to && mark.to > range.from))) found.add(thread.id);
  }
  return found.size === 0 ? NONE : found;
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a === b || (a.size === b.size && [...a].every((id) => b.has(id)));
}

/** Where the threads of `live` stand in `doc`, with their words. */
function snapshotOf(live: ReadonlyMap<string, LiveThread>, doc: PMNode): ThreadSnapshot {
  if (live.size === 0) return NO_THREADS;
  const snapshot = new Map<string, { range: PosRange | null; anchor: TextAnchor; words: string | null }>();
  for (const [id, thread] of live) snapshot.set(id, { range: thread.range, anchor: thread.anchor, words: wordsAt(doc, thread.range) });
  return snapshot;
}

/** Where a thread stood, by its words and their context rather than by position. */
export interface AnchoredPlace {
  readonly anchor: TextAnchor;
  readonly words: string;
}

/**
 * Where each attached thread of `state` stands, as anchors: unlike positions, they still find
 * the words after other people's edits elsewhere (a shared draft's undo keeps one per event).
 */
export function anchoredThreadPlaces(state: EditorState): ReadonlyMap<string, AnchoredPlace> {
  const places = new Map<string, AnchoredPlace>();
  for (const [id, thread] of threadsState(state).live) {
    if (!thread.range) continue;
    const anchor = anchorOfRange(state.doc, thread.range);
    if (anchor) places.set(id, { anchor, words: state.doc.textBetween(thread.range.from, thread.range.to, "\n") });
  }
  return places;
}

/**
 * A transaction that puts each thread of `places` back on its words in `state`, for each whose
 * words are found there again (by anchor, then checked word for word); null when none moves.
 */
export function restoreThreadPlaces(state: EditorState, places: ReadonlyMap<string, AnchoredPlace>): Transaction | null {
  const { live } = threadsState(state);
  const snapshot = new Map<string, { range: PosRange | null; anchor: TextAnchor; words: string | null }>();
  for (const [id, place] of places) {
    const range = resolveTextAnchor(state.doc, place.anchor);
    const now = live.get(id)?.range;
    if (!range || !live.has(id) || (now && now.from === range.from && now.to === range.to)) continue;
    snapshot.set(id, { range, anchor: place.anchor, words: place.words });
  }
  return snapshot.size === 0 ? null : state.tr.setMeta(threadsKey, { type: "restore", snapshot } satisfies ThreadsAction);
}

/** The plugin. */
export function threadsPlugin(): Plugin<ThreadsState> {
  return new Plugin<ThreadsState>({
    key: threadsKey,
    state: {
      init(_config, state) {
        const threads = docThreads(state);
        const live = liveThreads(threads, null, null, null, state.doc, undefined);
        const current = threadsOnSelected(state, threads, live);
        return { live, activeId: null, compose: null, current, decorations: decorationsFor(state.doc, threads, live, null, null, current), history: EMPTY_THREAD_HISTORY };
      },
      apply(tr, previous, oldState, newState) {
        const action = tr.getMeta(threadsKey) as ThreadsAction | undefined;
        const threads = docThreads(newState);
        const threadsChanged = threads !== docThreads(oldState);
        const step = stepThreadHistory(previous.history, tr, oldState, () => snapshotOf(previous.live, oldState.doc));
        const selectionMoved = threads.length > 0 && redlineKey.getState(newState)?.selectedId !== redlineKey.getState(oldState)?.selectedId;
        if (!action && !threadsChanged && !selectionMoved && (!tr.docChanged || (threads.length === 0 && !previous.compose))) {
          return step.history === previous.history ? previous : { ...previous, history: step.history };
        }
        const restore = action?.type === "restore" ? action.snapshot : step.restore;
        const live = threadsChanged || tr.docChanged || action?.type === "created" || action?.type === "restore"
          ? liveThreads(threads, previous.live, tr, oldState.doc, newState.doc, action, restore)
          : previous.live;
        const activeId = action?.type === "activate" ? action.id : action?.type === "created" ? action.id : previous.activeId;
        let compose = action?.type === "compose" ? action.request : action?.type === "created" ? null : previous.compose;
        if (compose?.kind === "text" && tr.docChanged && action?.type !== "compose") {
          const mapped = mapRange(compose, tr.mapping);
          compose = mapped ? { kind: "text", ...mapped } : null;
        }
        const found = threadsOnSelected(newState, threads, live);
        const current = sameIds(found, previous.current) ? previous.current : found;
        const decorations = live === previous.live && activeId === previous.activeId && compose === previous.compose && current === previous.current && !threadsChanged
          ? previous.decorations.map(tr.mapping, tr.doc)
          : decorationsFor(newState.doc, threads, live, activeId, compose, current);
        return { live, activeId, compose, current, decorations, history: step.history };
      },
    },
    props: {
      decorations: (state) => {
        const value = threadsKey.getState(state);
        return value && value.decorations !== DecorationSet.empty ? value.decorations : null;
      },
    },
  });
}
