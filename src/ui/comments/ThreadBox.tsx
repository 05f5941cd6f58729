import { useCallback, useRef, useState } from "react";
import type { Comment } from "../../core/annotations/annotation";
import { describeAuthor, isOwnComment, type CommentAuthor } from "../../core/annotations/comments";
import type { SponsorRegistry } from "../../core/sponsors/sponsors";
import type { DocumentEditor } from "../../editor/documentEditor";
import { postAs } from "./YouAre";
import { deleteThreadComment, editThreadComment, replyToThread, resolveThread, type ThreadRef } from "../../editor/comments/commands";
import { formatWhen } from "../formatWhen";

interface ThreadBoxProps {
  readonly editor: DocumentEditor;
  /** The thread, or null for one not started yet (its first comment is posted through `onStart`). */
  readonly thread: { readonly ref: ThreadRef; readonly comments: readonly Comment[]; readonly resolved: boolean } | null;
  readonly author: CommentAuthor | null;
  readonly sponsors: SponsorRegistry | null;
  /** Posts the first comment of a thread not started yet; returns whether it was posted. */
  readonly onStart?: (text: string) => boolean;
  readonly onCancel?: () => void;
  /** Focuses the text box when shown (a new comment asked for from the text). */
  readonly autoFocus?: boolean;
}

/** A comment's writer as shown: a sponsor id of an older file reads as that sponsor's name. */
function writer(comment: Comment, sponsors: SponsorRegistry | null): string {
  const person = sponsors?.people.find((each) => each.id === comment.author);
  return describeAuthor({ name: person?.name ?? comment.author, office: comment.office });
}

/**
 * A comment thread: each comment with its writer, office and time (and "edited"), Edit and
 * Delete on one's own, Resolve or Reopen, and a box to reply (or to write the first comment).
 * The text box takes the whole width of the panel, whatever its width.
 */
export function ThreadBox({ editor, thread, author, sponsors, onStart, onCancel, autoFocus }: ThreadBoxProps) {
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const ref = thread?.ref;
  const box = useRef<HTMLTextAreaElement>(null);
  const post = () => {
    const done = ref ? postAs(editor, author, (as) => editor.run(replyToThread(ref, as, draft), false)) : onStart?.(draft) ?? false;
    if (!done) return;
    setDraft("");
    // The posted comment stands above the box: keep the box in view for the next reply.
    keepBoxInView();
  };
  /** The reply box focused and in view once React has drawn the thread anew (after a post or an edit saved). */
  const keepBoxInView = () => requestAnimationFrame(() => {
    box.current?.focus({ preventScroll: true });
    box.current?.scrollIntoView({ block: "nearest" });
  });
  /** An edit box opens with the caret after the comment's words, as a comment pane's Edit does. */
  const focusAtEnd = useCallback((element: HTMLTextAreaElement | null) => {
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  const noAuthor = author === null;
  return (
    <div className={`thread-box${thread?.resolved ? " resolved" : ""}`} data-testid="thread-box">
      {thread?.comments.map((comment) => (
        <article key={comment.id} className="comment" data-testid="comment">
          <header className="comment-head">
            <span className="comment-who">
              <strong className="comment-author">{writer(comment, sponsors)}</strong>{" "}
              <time dateTime={comment.time}>{formatWhen(comment.time)}</time>
              {comment.edited && <span className="muted" title={`Edited ${formatWhen(comment.edited)}`}> (edited)</span>}
            </span>
            {ref && isOwnComment(comment, author) && editing?.id !== comment.id && (
              // On the header's line, as a comment pane's own actions: the thread stays short enough to reply to in a laptop's panel.
              <span className="comment-buttons">
                <button type="button" className="mini" onClick={() => setEditing({ id: comment.id, text: comment.text })}>Edit</button>
                <button type="button" className="mini" onClick={() => editor.run(deleteThreadComment(ref, comment.id, author), false)}>Delete</button>
              </span>
            )}
          </header>
          {editing?.id === comment.id
            ? (
              <form className="comment-form" onSubmit={(event) => { event.preventDefault(); if (ref && editor.run(editThreadComment(ref, comment.id, author, editing.text), false)) { setEditing(null); keepBoxInView(); } }}>
                <textarea aria-label="Edit comment" rows={2} value={editing.text} ref={focusAtEnd} onChange={(event) => setEditing({ id: comment.id, text: event.target.value })}
                  onKeyDown={(event) => {
                    if (event.key === "Escape") { event.stopPropagation(); setEditing(null); }
                    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); event.currentTarget.form?.requestSubmit(); }
                  }} />
                <div className="comment-buttons">
                  <button type="submit" disabled={editing.text.trim() === ""}>Save</button>
                  <button type="button" onClick={() => setEditing(null)}>Cancel</button>
                </div>
              </form>
            )
            : <p className="comment-text">{comment.text}</p>}
        </article>
      ))}
      <form className="comment-form" onSubmit={(event) => { event.preventDefault(); post(); }}>
        <textarea ref={box} aria-label={ref ? "Reply" : "Comment"} data-focus-key="thread-text" rows={1} placeholder={noAuthor ? "Say who you are first (above)" : ref ? "Reply… (Enter posts)" : "Write a comment… (Enter posts)"}
          value={draft} disabled={noAuthor} autoFocus={autoFocus}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // Enter posts (Shift+Enter starts a new line), as in a chat or Word's comment pane.
            if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); post(); }
            if (event.key === "Escape" && onCancel) { event.stopPropagation(); onCancel(); }
          }} />
        <div className="comment-buttons">
          <button type="submit" className="primary" data-focus-key="thread-text" disabled={noAuthor || draft.trim() === ""}>{ref ? "Reply" : "Post"}</button>
          {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
          {ref && thread && thread.comments.length > 0 && <>
            {thread.resolved && <span className="status status-resolved">resolved</span>}
            {/* One button for both: the focus stays on it as it turns from Resolve to Reopen and back. */}
            <button type="button" className="mini" onClick={(event) => {
              const button = event.currentTarget;
              editor.run(resolveThread(ref, !thread.resolved), false);
              requestAnimationFrame(() => button.scrollIntoView({ block: "nearest" }));
            }}>{thread.resolved ? "Reopen" : "Resolve"}</button>
          </>}
        </div>
      </form>
    </div>
  );
}
