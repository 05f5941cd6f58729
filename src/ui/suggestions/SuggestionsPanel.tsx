import type { EditorState } from "prosemirror-state";
import type { DocumentEditor } from "../../editor/documentEditor";
import { acceptSuggestion, docSuggestions, rejectSuggestion, suggestionRange } from "../../editor/suggestions";
import { docCurrentUser } from "../../editor/comments/threadsPlugin";
import { formatWhen } from "../formatWhen";

/**
 * The reviewers' suggestions of a shared draft, open ones first: who proposed what for which
 * words, and for drafters Accept (the text changes) and Reject. Decided ones stay listed with
 * who decided.
 */
export function SuggestionsPanel({ editor, state, canDecide, creditNextEdit }: {
  readonly editor: DocumentEditor; readonly state: EditorState; readonly canDecide: boolean;
  /** Credits the next text edit to someone (an accepted suggestion is its suggester's, see editor/collab's authorship). */
  readonly creditNextEdit?: (author: { name: string; office: string }) => void;
}) {
  const suggestions = [...docSuggestions(state)].sort((a, b) => Number(b.status === "open") - Number(a.status === "open") || a.time.localeCompare(b.time));
  const who = docCurrentUser(state)?.name ?? "";
  const open = suggestions.filter((each) => each.status === "open").length;
  return (
    <section className="suggestions-panel" aria-label="Suggestions" role="tabpanel" id="panel-suggestions" aria-labelledby="tab-suggestions">
      <div className="panel-header"><h2>Suggestions <span className="count">{open} open of {suggestions.length}</span></h2></div>
      <div className="suggestion-list">
        {suggestions.length === 0 && <p className="muted empty">No suggestions yet. Select words and choose Suggest… to propose other wording; a drafter accepts or rejects it.</p>}
        {suggestions.map((suggestion) => {
          const found = suggestion.status === "open" && suggestionRange(state, suggestion.id) !== null;
          return (
            <article key={suggestion.id} className={`suggestion ${suggestion.status}`} data-testid="suggestion" aria-label={`Suggestion by ${suggestion.author}`}>
              <p className="suggestion-words">
                <del>{suggestion.anchor.quote.exact}</del>{" → "}
                {suggestion.replacement === "" ? <em>delete</em> : <ins>{suggestion.replacement}</ins>}
              </p>
              <p className="suggestion-meta">{suggestion.author}{suggestion.office ? `, ${suggestion.office}` : ""} · {formatWhen(suggestion.time)} · {suggestion.anchor.section}</p>
              {suggestion.status === "open" ? (
                canDecide ? (
                  <div className="suggestion-actions">
                    <button type="button" disabled={!found} title={found ? "Put this wording in the draft" : "Its words are no longer in the draft"}
                      onClick={() => {
                        const accept = acceptSuggestion(suggestion.id, who);
                        if (!accept(editor.state)) return;
                        creditNextEdit?.({ name: suggestion.author, office: suggestion.office });
                        editor.run(accept, false);
                      }}>Accept</button>
                    <button type="button" onClick={() => editor.run(rejectSuggestion(suggestion.id, who), false)}>Reject</button>
                    {!found && <span className="muted"> its words are no longer in the draft</span>}
                  </div>
                ) : <p className="muted">Open: a drafter accepts or rejects it.</p>
              ) : <p className="suggestion-decision">{suggestion.status === "accepted" ? "Accepted" : "Rejected"} by {suggestion.decidedBy}{suggestion.decidedAt ? ` · ${formatWhen(suggestion.decidedAt)}` : ""}</p>}
            </article>
          );
        })}
      </div>
    </section>
  );
}
