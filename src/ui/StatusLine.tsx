/** A dismissible report of what just happened, with any lines that were skipped or adjusted. */
export function StatusLine({ title, notes, onDismiss }: { title: string; notes: readonly string[]; onDismiss: () => void }) {
  return (
    <div className="status-line" role="status">
      <span>{title} {notes.length === 0 ? "" : `${notes.length} note(s):`}</span>
      {notes.length > 0 && (
        <ul>
          {notes.slice(0, 20).map((note, index) => <li key={index}>{note}</li>)}
        </ul>
      )}
      <button type="button" className="link-button" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}
