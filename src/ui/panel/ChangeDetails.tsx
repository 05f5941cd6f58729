import { useRef, useState } from "react";
import type { EditorState } from "prosemirror-state";
import { ANNOTATION_STATUSES, type AnnotationStatus } from "../../core/annotations/annotation";
import { describePerson } from "../../core/sponsors/sponsors";
import type { DocumentEditor } from "../../editor/documentEditor";
import { addComment, annotateChanges, annotationOf } from "../../editor/redline/commands";
import { docSponsors, redlineState } from "../../editor/redline/plugin";
import { AGREE_MEANS, agreeToSelected, movesOn, REJECT_MEANS, rejectSelected, setMovesOn } from "./reviewActions";
import { SponsorChip } from "./SponsorChip";
import { useKeptFocus } from "./useKeptFocus";

interface ChangeDetailsProps {
  readonly editor: DocumentEditor;
  readonly state: EditorState;
  readonly changeId: string;
  /** Every change of the selected row when it shows several (re-lettered labels): accept, reject and annotate act on all. */
  readonly groupIds?: readonly string[] | undefined;
}

/**
 * The selected change: sponsors, justification, status, comments, agree and reject. The form
 * is keyed to what it shows — the annotation, or for a change without one its words — so when
 * an edit gives the id to another change, the form starts afresh from that change and never
 * writes text typed for one change onto another.
 */
export function ChangeDetails({ editor, state, changeId, groupIds }: ChangeDetailsProps) {
  const change = redlineState(state).redline.changes.find((each) => each.id === changeId);
  if (!change) return null;
  const annotation = annotationOf(state, changeId);
  const shown = annotation ? `annotation ${annotation.id}` : `change ${change.section}\u0000${change.deleted}\u0000${change.inserted}`;
  return <DetailsForm key={shown} editor={editor} state={state} changeId={changeId} groupIds={groupIds} />;
}

function DetailsForm({ editor, state, changeId, groupIds }: ChangeDetailsProps) {
  const root = useRef<HTMLElement>(null);
  useKeptFocus(root);
  const ids = groupIds ?? [changeId];
  const change = redlineState(state).redline.changes.find((each) => each.id === changeId);
  const annotation = annotationOf(state, changeId);
  const sponsors = docSponsors(state);
  const stored = annotation?.justification ?? "";
  const [justification, setJustification] = useState(stored);
  // When the stored justification changes under the form (undo, redo, another edit), show it.
  const [storedSeen, setStoredSeen] = useState(stored);
  if (stored !== storedSeen) {
    setStoredSeen(stored);
    setJustification(stored);
  }
  const [comment, setComment] = useState("");
  const [moveOn, setMoveOn] = useState(movesOn);
  const [author, setAuthor] = useState(sponsors?.leadSponsorId ?? "");
  if (!change) return null;
  const sponsorIds = annotation?.sponsorIds ?? [];
  const candidates = sponsors?.people.filter((person) => !sponsorIds.includes(person.id)) ?? [];
  const annotate = (patch: Parameters<typeof annotateChanges>[1]) => editor.run(annotateChanges(ids, patch), false);

  return (
    <section className="change-details" aria-label="Selected change" ref={root}>
      <div className="details-actions">
        <button type="button" title={`${AGREE_MEANS} (Alt+Shift+A)`} onClick={() => agreeToSelected(editor, moveOn)}>Agree</button>
        <button type="button" title={`${REJECT_MEANS} (Alt+Shift+R)`} onClick={() => rejectSelected(editor, moveOn)}>Reject</button>
        <label className="move-on" title="After Agree or Reject, select the next change">
          <input type="checkbox" checked={moveOn} onChange={(event) => { setMovesOn(event.target.checked); setMoveOn(event.target.checked); }} /> then next
        </label>
        <label>
          Status{" "}
          <select value={annotation?.status ?? "proposed"} onChange={(event) => annotate({ status: event.target.value as AnnotationStatus })}>
            {ANNOTATION_STATUSES.map((status) => <option key={status} value={status}>{status}</option>)}
          </select>
        </label>
      </div>
      <div className="details-sponsors">
        <span className="label">Sponsors</span>
        {sponsorIds.map((id) => (
          <span key={id} className="chip-with-remove">
            <SponsorChip id={id} sponsors={sponsors} />
            <button type="button" className="mini" aria-label={`Remove sponsor ${id}`} onClick={() => annotate({ sponsorIds: sponsorIds.filter((each) => each !== id) })}>×</button>
          </span>
        ))}
        {candidates.length > 0 && (
          <select aria-label="Add a sponsor" value="" onChange={(event) => event.target.value && annotate({ sponsorIds: [...sponsorIds, event.target.value] })}>
            <option value="">Add sponsor…</option>
            {candidates.map((person) => <option key={person.id} value={person.id}>{describePerson(person)}</option>)}
          </select>
        )}
      </div>
      <label className="block-label" htmlFor="justification">Justification</label>
      <textarea id="justification" rows={2} value={justification} onChange={(event) => setJustification(event.target.value)}
        onBlur={() => justification !== stored && annotate({ justification })} />
      <div className="comments" role="group" aria-label="Comments">
        {(annotation?.comments ?? []).map((each) => (
          <p key={each.id} className="comment"><strong>{sponsors?.people.find((p) => p.id === each.author)?.name ?? each.author}</strong> <time dateTime={each.time}>{new Date(each.time).toLocaleString()}</time><br />{each.text}</p>
        ))}
        {annotation && (
          <form onSubmit={(event) => { event.preventDefault(); if (editor.run(addComment(annotation.id, author || "reviewer", comment), false)) setComment(""); }}>
            <select aria-label="Comment as" value={author} onChange={(event) => setAuthor(event.target.value)}>
              {(sponsors?.people ?? []).map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
            </select>
            <input aria-label="Comment" placeholder="Add a comment" value={comment} onChange={(event) => setComment(event.target.value)} />
            <button type="submit" disabled={comment.trim() === ""}>Post</button>
          </form>
        )}
      </div>
    </section>
  );
}
