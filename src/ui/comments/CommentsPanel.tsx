import { useMemo, useRef, useState } from "react";
import type { EditorState } from "prosemirror-state";
import type { DocumentEditor } from "../../editor/documentEditor";
import { activateThread, cancelComment, commentOnChange, startTextThread, threadKey } from "../../editor/comments/commands";
import { threadEntries, type ThreadEntry } from "../../editor/comments/threadList";
import { threadsState } from "../../editor/comments/threadsPlugin";
import { docSponsors, redlineState } from "../../editor/redline/plugin";
import { changeSummary } from "../panel/panelRows";
import { currentAuthor, postAs, YouAre } from "./YouAre";
import { ThreadBox } from "./ThreadBox";

function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Shows a thread's words in the text: a text thread's range is selected and scrolled to, a change thread's change is gone to. */
function goTo(editor: DocumentEditor, entry: ThreadEntry): void {
  editor.run(activateThread(entry.key), false);
  if (entry.changeId) { editor.goToChange(entry.changeId); return; }
  const range = entry.ref.kind === "text" ? threadsState(editor.state).live.get(entry.ref.id)?.range : null;
  if (range) editor.reveal(range.from);
}

/**
 * The Comments tab: who you are, the new comment asked for (on selected words or a change), and
 * every thread in document order — its words, first comment, count and state; the active one
 * open as a thread box; the selected change's thread marked as current. Resolved threads are
 * listed when "Show resolved" is ticked.
 */
export function CommentsPanel({ editor, state }: { editor: DocumentEditor; state: EditorState }) {
  const entries = useMemo(() => threadEntries(state), [state]);
  const { activeId, compose, current: onSelected } = threadsState(state);
  const { selectedId } = redlineState(state);
  const [showResolved, setShowResolved] = useState(true);
  const list = useRef<HTMLDivElement>(null);
  const author = currentAuthor(state);
  const sponsors = docSponsors(state);
  const shown = entries.filter((entry) => showResolved || !entry.resolved || entry.key === activeId);
  const open = entries.filter((entry) => !entry.resolved).length;
  const composeWords = compose?.kind === "text"
    ? state.doc.textBetween(compose.from, Math.min(compose.to, state.doc.content.size), " ")
    : compose ? (() => { const change = redlineState(state).redline.changes.find((each) => each.id === compose.changeId); return change ? changeSummary(change).label : ""; })() : "";
  const composeExisting = compose?.kind === "change" ? entries.find((entry) => entry.changeId === compose.changeId) : undefined;

  return (
    <section className="comments-panel" aria-label="Comments" role="tabpanel" id="panel-comments" aria-labelledby="tab-comments">
      <div className="panel-header">
        <h2>Comments <span className="count" data-testid="thread-count">{open} open of {entries.length}</span></h2>
        <YouAre key={author ? `${author.name}\u0000${author.office}` : "none"} editor={editor} author={author} sponsors={sponsors} autoFocus={compose !== null && author === null}
          onSaved={() => requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>("[data-testid=new-thread] textarea")?.focus())} />
        <label className="show-resolved"><input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} /> Show resolved</label>
      </div>
      <div className="thread-list" ref={list}>
        {compose && !composeExisting && (
          <div className="thread new-thread" data-testid="new-thread">
            <p className="thread-words">New comment on <q>{shorten(composeWords)}</q></p>
            <ThreadBox editor={editor} thread={null} author={author} sponsors={sponsors} autoFocus
              onCancel={() => { editor.run(cancelComment(), false); editor.focus(); }}
              onStart={(text) => {
                const posted = postAs(editor, author, (as) => compose.kind === "text"
                  ? editor.run(startTextThread(compose.from, compose.to, as, text), false)
                  : editor.run(commentOnChange(compose.changeId, as, text), false));
                // The new thread opens in this box's place: its reply box takes the focus, to go on writing.
                if (posted) requestAnimationFrame(() => list.current?.querySelector<HTMLTextAreaElement>(".thread.active .comment-form textarea")?.focus());
                return posted;
              }} />
          </div>
        )}
        {shown.length === 0 && !compose && <p className="muted empty">No comments yet. Select words in the text, or a change, and press Comment (Ctrl+Alt+M).</p>}
        {shown.map((entry) => {
          const active = entry.key === activeId || entry.key === (composeExisting && threadKey(composeExisting.ref));
          // The thread of the change selected in the panel or the text stands out as its words do.
          const current = !active && (entry.changeId !== null ? entry.changeId === selectedId : onSelected.has(entry.key));
          const first = entry.comments[0]!;
          return (
            <div key={entry.key} className={`thread${active ? " active" : ""}${current ? " current" : ""}${entry.resolved ? " resolved" : ""}`} data-testid="thread" data-thread-key={entry.key}>
              <button type="button" className="thread-summary" aria-expanded={active} onClick={() => (active ? editor.run(activateThread(null), false) : goTo(editor, entry))}>
                <span className="row-top">
                  <span className="row-kind">{entry.ref.kind === "change" ? "On a change" : "On the text"} · {entry.section}</span>
                  {entry.resolved && <span className="status status-resolved">resolved</span>}
                  {!entry.attached && <span className="badge">words gone</span>}
                  <span className="thread-count">{entry.comments.length === 1 ? "1 comment" : `${entry.comments.length} comments`}</span>
                </span>
                <q className="thread-words">{shorten(entry.words)}</q>
                {!active && <span className="thread-first"><strong>{first.author}</strong>: {shorten(first.text, 70)}</span>}
              </button>
              {active && <ThreadBox editor={editor} thread={entry} author={author} sponsors={sponsors} autoFocus={compose?.kind === "change"} />}
            </div>
          );
        })}
      </div>
    </section>
  );
}
