/**
 * The comment threads as the panel lists them and as the draft saves them. Saving derives each
 * text thread's anchor from its live range (the words highlighted now), never from the anchor it
 * was made with; a detached thread keeps the anchor it was last found by.
 */
import type { EditorState } from "prosemirror-state";
import type { Comment } from "../../core/annotations/annotation";
import type { TextThread } from "../../core/annotations/comments";
import type { ReviewThread } from "../../core/export";
import { docAnnotations, docSponsors, redlineState } from "../redline/plugin";
import { savedBlockId } from "../redline/savedAnnotations";
import { threadKey, type ThreadRef } from "./commands";
import { anchorOfRange, docThreads, threadsState } from "./threadsPlugin";

/** The text threads to save for `state`, each anchored where the editor shows it now. */
export function savedThreads(state: EditorState): readonly TextThread[] {
  const threads = docThreads(state);
  if (threads.length === 0) return threads;
  const { live } = threadsState(state);
  const { draft } = redlineState(state);
  return threads.map((thread) => {
    const now = live.get(thread.id);
    const anchor = now?.range ? anchorOfRange(state.doc, now.range, (section, id) => savedBlockId(draft, section, id)) : null;
    return { ...thread, anchor: anchor ?? now?.anchor ?? thread.anchor };
  });
}

/** A thread as the panel lists it. */
export interface ThreadEntry {
  readonly ref: ThreadRef;
  readonly key: string;
  /** The words it is on (a change's inserted words, or else its deleted ones). */
  readonly words: string;
  readonly section: string;
  readonly comments: readonly Comment[];
  readonly resolved: boolean;
  /** False for a text thread whose words are gone, or a change thread whose change is. */
  readonly attached: boolean;
  /** The change of a change thread, when it is attached. */
  readonly changeId: string | null;
  /** Where its words stand, for document order (editor position, or the change's draft offset scaled in). */
  readonly order: number;
}

/**
 * Every thread with at least one comment: text threads, and changes whose annotation has
 * comments. In document order by section, then by place; detached ones last.
 */
export function threadEntries(state: EditorState): ThreadEntry[] {
  const { live } = threadsState(state);
  const { redline, annotations } = redlineState(state);
  const sectionOrder = new Map<string, number>();
  redline.sections.forEach((entry, index) => {
    if (entry.numberB && !sectionOrder.has(entry.numberB)) sectionOrder.set(entry.numberB, index);
    if (entry.numberA && !sectionOrder.has(entry.numberA)) sectionOrder.set(entry.numberA, index);
  });
  const entries: ThreadEntry[] = [];
  for (const thread of docThreads(state)) {
    if (thread.comments.length === 0) continue;
    const range = live.get(thread.id)?.range ?? null;
    const ref: ThreadRef = { kind: "text", id: thread.id };
    const words = range ? state.doc.textBetween(range.from, range.to, " ") : thread.anchor.quote.exact;
    entries.push({ ref, key: threadKey(ref), words, section: thread.anchor.section, comments: thread.comments, resolved: thread.resolved, attached: range !== null, changeId: null, order: range?.from ?? Number.MAX_SAFE_INTEGER });
  }
  for (const annotation of docAnnotations(state)) {
    if (annotation.comments.length === 0) continue;
    const liveAnchor = annotations.live.get(annotation.id);
    const attached = liveAnchor?.attached ?? false;
    const change = attached ? redline.changes.find((each) => each.id === liveAnchor!.changeId) : undefined;
    const ref: ThreadRef = { kind: "change", annotationId: annotation.id };
    entries.push({
      ref, key: threadKey(ref), words: change ? change.inserted.trim() || change.deleted.trim() : annotation.anchor.quote.exact,
      section: change?.section ?? annotation.anchor.section, comments: annotation.comments, resolved: annotation.resolved === true,
      attached: change !== undefined, changeId: change?.id ?? null, order: change ? change.fromB : Number.MAX_SAFE_INTEGER,
    });
  }
  // Sections in the redline's order; within a section, text threads by position and changes by offset cannot be
  // compared directly, so each kind keeps its own order and changes come first.
  const rank = (entry: ThreadEntry) => (entry.attached ? sectionOrder.get(entry.section) ?? Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER);
  return entries.sort((a, b) => rank(a) - rank(b) || (a.ref.kind === b.ref.kind ? a.order - b.order : a.ref.kind === "change" ? -1 : 1));
}

/** Every thread as the review copy exports it (see core/export/reviewComments): its words, change, comments and state. */
export function reviewThreads(state: EditorState): ReviewThread[] {
  // A comment of an older file is signed with a sponsor id: exported under that sponsor's name.
  const people = docSponsors(state)?.people ?? [];
  const name = (author: string) => people.find((person) => person.id === author)?.name ?? author;
  return threadEntries(state).map((entry) => ({
    words: entry.words, changeId: entry.changeId, section: entry.section, resolved: entry.resolved,
    comments: entry.comments.map((comment) => ({ author: name(comment.author), ...(comment.office ? { office: comment.office } : {}), time: comment.time, text: comment.text })),
  }));
}
