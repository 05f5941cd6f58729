/**
 * Commands on comment threads, in ProseMirror's shape `(state, dispatch?) => boolean`: who is
 * writing, asking for a new comment (on the selected words or the selected change), starting a
 * thread, replying, editing and deleting one's own comments, resolving and reopening. Each
 * document change is one undoable transaction. A thread is named by a ThreadRef: a text thread,
 * or the thread of a change (its annotation's comments).
 */
import type { Command, EditorState } from "prosemirror-state";
import { updateAnnotation, type Annotation, type Comment } from "../../core/annotations/annotation";
import {
  addToThread, deleteFromThread, editInThread, isValidAuthor, newComment, setThreadResolved,
  type CommentAuthor, type TextThread, type ThreadBody,
} from "../../core/annotations/comments";
import { anchorFor } from "../../core/annotations/resolve";
import { freshId } from "../plugins/blockIds";
import { changesAtCaret } from "../redline/caretSelection";
import { docAnnotations, redlineState } from "../redline/plugin";
import { savedBlockId } from "../redline/savedAnnotations";
import { sectionTextAt } from "./sectionText";
import { anchorOfRange, docThreads, threadsKey, threadsState, type ComposeRequest, type ThreadsAction } from "./threadsPlugin";

/** A thread: on draft words (a text thread) or on a change (its annotation's comments). */
export type ThreadRef = { readonly kind: "text"; readonly id: string } | { readonly kind: "change"; readonly annotationId: string };

/** The key the panel and the plugin's active thread use for a thread. */
export function threadKey(ref: ThreadRef): string {
  return ref.kind === "text" ? ref.id : `change:${ref.annotationId}`;
}

/** A threads plugin action, typed. */
const meta = (action: ThreadsAction): ThreadsAction => action;

/** Sets who is writing comments ("You are…"), stored with the draft; not an undoable edit. */
export function setCurrentUser(author: CommentAuthor | null): Command {
  return (state, dispatch) => {
    if (author && !isValidAuthor(author)) return false;
    const value = author ? { name: author.name.trim(), office: author.office.trim() } : null;
    dispatch?.(state.tr.setDocAttribute("currentUser", value).setMeta("addToHistory", false));
    return true;
  };
}

/** Makes a thread the active one (null: none). */
export function activateThread(key: string | null): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(threadsKey, meta({ type: "activate", id: key })));
    return true;
  };
}

/**
 * What a new comment would be on: the selected words (clipped to the section they start in;
 * they must hold more than spaces), else the change at the caret or the selected change. Null
 * when there is none.
 */
export function composeTarget(state: EditorState): ComposeRequest | null {
  const { from, to, empty } = state.selection;
  if (!empty) {
    const section = sectionTextAt(state.doc, from);
    const end = section ? Math.min(to, section.end - 1) : to;
    if (section && end > from && state.doc.textBetween(from, end, "\n").trim() !== "") return { kind: "text", from, to: end };
  }
  const here = empty ? changesAtCaret(state, state.selection.head) : [];
  const { selectedId } = redlineState(state);
  const changeId = selectedId && (here.length === 0 || here.includes(selectedId)) ? selectedId : here[0] ?? null;
  return changeId ? { kind: "change", changeId } : null;
}

/** Asks for a new comment on the selection (see composeTarget); false when there is nothing to comment on. */
export function requestComment(): Command {
  return (state, dispatch) => {
    const request = composeTarget(state);
    if (!request) return false;
    // A change that has a thread already: open that thread to reply to it.
    const annotation = request.kind === "change" ? redlineState(state).annotations.byChange.get(request.changeId)?.[0] : undefined;
    const action: ThreadsAction = annotation && annotation.comments.length > 0
      ? { type: "activate", id: threadKey({ kind: "change", annotationId: annotation.id }) }
      : { type: "compose", request };
    dispatch?.(state.tr.setMeta(threadsKey, action).setMeta("addToHistory", false));
    return true;
  };
}

/** Drops the pending request for a new comment. */
export function cancelComment(): Command {
  return (state, dispatch) => {
    if (!threadsState(state).compose) return false;
    dispatch?.(state.tr.setMeta(threadsKey, meta({ type: "compose", request: null })));
    return true;
  };
}

/** The anchor a text thread (or a suggestion) on `from`–`to` is saved with, paragraph ids as the saved text names them. */
export function savedAnchorOf(state: EditorState, from: number, to: number) {
  const { draft } = redlineState(state);
  return anchorOfRange(state.doc, { from, to }, (section, id) => savedBlockId(draft, section, id));
}

/**
 * Starts a text thread on the words `from`–`to` with a first comment by `author`; the thread
 * becomes the active one. False when the words are only spaces, the text is blank or no author is set.
 */
export function startTextThread(from: number, to: number, author: CommentAuthor | null, text: string, time = new Date().toISOString()): Command {
  return (state, dispatch) => {
    const anchor = savedAnchorOf(state, from, to);
    const comment = newComment(freshId("c"), author, text, time);
    if (!anchor || !comment) return false;
    if (dispatch) {
      const thread: TextThread = { id: freshId("t"), anchor, resolved: false, comments: [comment] };
      dispatch(state.tr.setDocAttribute("threads", [...docThreads(state), thread]).setMeta(threadsKey, meta({ type: "created", id: thread.id, range: { from, to } })));
    }
    return true;
  };
}

/**
 * Adds a comment by `author` to the thread of change `changeId`, giving the change an annotation
 * first when it has none (one transaction). The thread becomes the active one unless `activate` is false.
 */
export function commentOnChange(changeId: string, author: CommentAuthor | null, text: string, time = new Date().toISOString(), activate = true): Command {
  return (state, dispatch) => {
    const { redline, annotations } = redlineState(state);
    const change = redline.changes.find((each) => each.id === changeId);
    const comment = newComment(freshId("c"), author, text, time);
    if (!change || !comment) return false;
    if (dispatch) {
      const existing = annotations.byChange.get(changeId)?.[0];
      const list = docAnnotations(state);
      const next = existing
        ? updateAnnotation(list, existing.id, (old) => addToThread(old, comment))
        : [...list, { id: freshId("a"), anchor: anchorFor(change, redline), sponsorIds: [], justification: "", status: "proposed" as const, comments: [comment] }];
      const id = existing?.id ?? next[next.length - 1]!.id;
      const tr = state.tr.setDocAttribute("annotations", next);
      dispatch(activate ? tr.setMeta(threadsKey, meta({ type: "activate", id: threadKey({ kind: "change", annotationId: id }) })) : tr);
    }
    return true;
  };
}

/** Replaces the thread `ref` by `update(thread)` (null: refuse) in one transaction; removes a text thread left with no comments. */
function changeThread(ref: ThreadRef, update: (thread: ThreadBody) => ThreadBody | null): Command {
  return (state, dispatch) => {
    if (ref.kind === "text") {
      const threads = docThreads(state);
      const thread = threads.find((each) => each.id === ref.id);
      const next = thread && (update(thread) as TextThread | null);
      if (!next) return false;
      const list = next.comments.length === 0 ? threads.filter((each) => each.id !== ref.id) : threads.map((each) => (each.id === ref.id ? next : each));
      dispatch?.(state.tr.setDocAttribute("threads", list));
      return true;
    }
    const annotations = docAnnotations(state);
    const annotation = annotations.find((each) => each.id === ref.annotationId);
    const next = annotation && (update(annotation) as Annotation | null);
    if (!next) return false;
    dispatch?.(state.tr.setDocAttribute("annotations", updateAnnotation(annotations, ref.annotationId, () => ({ ...next, ...(next.comments.length === 0 ? { resolved: false } : {}) }))));
    return true;
  };
}

/** Adds a reply by `author`; a reply reopens a resolved thread. */
export function replyToThread(ref: ThreadRef, author: CommentAuthor | null, text: string, time = new Date().toISOString()): Command {
  return (state, dispatch) => {
    const comment: Comment | null = newComment(freshId("c"), author, text, time);
    return comment !== null && changeThread(ref, (thread) => addToThread(thread, comment))(state, dispatch);
  };
}

/** Edits comment `commentId` (only its own writer may). */
export function editThreadComment(ref: ThreadRef, commentId: string, author: CommentAuthor | null, text: string, time = new Date().toISOString()): Command {
  return changeThread(ref, (thread) => editInThread(thread, commentId, author, text, time));
}

/** Deletes comment `commentId` (only its own writer may); a text thread left empty goes. */
export function deleteThreadComment(ref: ThreadRef, commentId: string, author: CommentAuthor | null): Command {
  return changeThread(ref, (thread) => deleteFromThread(thread, commentId, author));
}

/** Resolves (true) or reopens (false) a thread. */
export function resolveThread(ref: ThreadRef, resolved: boolean): Command {
  return changeThread(ref, (thread) => setThreadResolved(thread, resolved));
}
