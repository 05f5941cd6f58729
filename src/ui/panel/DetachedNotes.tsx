import type { Annotation } from "../../core/annotations/annotation";
import type { DocumentEditor } from "../../editor/documentEditor";
import { removeAnnotation } from "../../editor/redline/commands";

/** Annotations whose change no longer exists: kept with their words, never silently dropped. */
export function DetachedNotes({ editor, detached }: { editor: DocumentEditor; detached: readonly Annotation[] }) {
  if (detached.length === 0) return null;
  return (
    <section className="detached-notes" aria-label="Detached notes">
      <h3>Detached notes <span className="count">{detached.length}</span></h3>
      <p className="muted">Their changes are gone from the draft; the notes are kept until you dismiss them.</p>
      {detached.map((annotation) => (
        <div key={annotation.id} className="detached-note" data-testid="detached-note">
          <q>{annotation.anchor.quote.exact.trim()}</q> <span className="muted">({annotation.anchor.section})</span>
          {annotation.justification && <p>{annotation.justification}</p>}
          <button type="button" className="mini" onClick={() => editor.run(removeAnnotation(annotation.id), false)}>Dismiss</button>
        </div>
      ))}
    </section>
  );
}
