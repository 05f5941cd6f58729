import { useRef, useState } from "react";
import type { EditorState } from "prosemirror-state";
import { ANNOTATION_STATUSES, type AnnotationStatus } from "../../core/annotations/annotation";
import { describePerson } from "../../core/sponsors/sponsors";
import type { DocumentEditor } from "../../editor/documentEditor";
import { annotateChanges, annotationOf } from "../../editor/redline/commands";
import { commentOnChange } from "../../editor/comments/commands";
import { describeAuthor } from "../../core/annotations/comments";
import { ThreadBox } from "../comments/ThreadBox";
import { currentAuthor, postAs, YouAre } from "../comments/YouAre";
import { docSponsors, redlineState } from "../../editor/redline/plugin";
import { AGREE_MEANS, agreeToSelected, DRAFTERS_DECIDE, movesOn, REJECT_MEANS, rejectSelected, setMovesOn } from "./reviewActions";
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
  const [moveOn, setMoveOn] = useState(movesOn);
  const author = currentAuthor(state);
  if (!change) return null;
  const sponsorIds = annotation?.sponsorIds ?? [];
  const candidates = sponsors?.people.filter((person) => !sponsorIds.includes(person.id)) ?? [];
  const annotate = (patch: Parameters<typeof annotateChanges>[1]) => editor.run(annotateChanges(ids, patch), false);
  // A shared draft's reviewer comments; agreeing, rejecting and annotating are a drafter's.
  const decides = editor.canChangeDraft;

  return (
    <section className="change-details" aria-label="Selected change" ref={root}>
      <div className="details-actions">
        <button type="button" title={decides ? `${AGREE_MEANS} (Alt+Shift+A)` : DRAFTERS_DECIDE} disabled={!decides} onClick={() => agreeToSelected(editor, moveOn)}>Agree</button>
        <button type="button" title={decides ? `${REJECT_MEANS} (Alt+Shift+R)` : DRAFTERS_DECIDE} disabled={!decides} onClick={() => rejectSelected(editor, moveOn)}>Reject</button>
        <label className="move-on" title="After Agree or Reject, select the next change">
          <input type="checkbox" checked={moveOn} onChange={(event) => { setMovesOn(event.target.checked); setMoveOn(event.target.checked); }} /> then next
        </label>
      </div>
      <div className="details-sponsors">
        <label className="details-status">
          <span className="label">Status</span>{" "}
          <select value={annotation?.status ?? "proposed"} disabled={!decides} title={decides ? undefined : DRAFTERS_DECIDE} onChange={(event) => annotate({ status: event.target.value as AnnotationStatus })}>
            {ANNOTATION_STATUSES.map((status) => <option key={status} value={status}>{status}</option>)}
          </select>
        </label>
        <span className="label">Sponsors</span>
        {sponsorIds.map((id) => (
          <span key={id} className="chip-with-remove">
            <SponsorChip id={id} sponsors={sponsors} />
            <button type="button" className="mini" aria-label={`Remove sponsor ${id}`} disabled={!decides} onClick={() => annotate({ sponsorIds: sponsorIds.filter((each) => each !== id) })}>×</button>
          </span>
        ))}
        {candidates.length > 0 && (
          <select className="add-sponsor" aria-label="Add a sponsor" value="" disabled={!decides} title={decides ? undefined : DRAFTERS_DECIDE} onChange={(event) => event.target.value && annotate({ sponsorIds: [...sponsorIds, event.target.value] })}>
            <option value="">Add sponsor…</option>
            {candidates.map((person) => <option key={person.id} value={person.id}>{describePerson(person)}</option>)}
          </select>
        )}
      </div>
      <label className="block-label" htmlFor="justification">Justification</label>
      <textarea id="justification" rows={1} value={justification} readOnly={!decides} onChange={(event) => setJustification(event.target.value)}
        onBlur={() => justification !== stored && annotate({ justification })} />
      <div className="comments" role="group" aria-label="Comments">
        <span className="block-label">Comments{author ? <> as <strong>{describeAuthor(author)}</strong></> : null}</span>
        {!author && <YouAre editor={editor} author={null} sponsors={sponsors} compact
          onSaved={() => requestAnimationFrame(() => root.current?.querySelector<HTMLTextAreaElement>(".comments textarea")?.focus())} />}
        <ThreadBox editor={editor} author={author} sponsors={sponsors}
          thread={annotation && annotation.comments.length > 0 ? { ref: { kind: "change", annotationId: annotation.id }, comments: annotation.comments, resolved: annotation.resolved === true } : null}
          onStart={(text) => postAs(editor, author, (as) => editor.run(commentOnChange(changeId, as, text, undefined, false), false))} />
      </div>
    </section>
  );
}
