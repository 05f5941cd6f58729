import { useCallback, useState } from "react";
import { AmendmentFileError, parseAmendment } from "../../core/amendmentFile";
import type { OrdinanceDocument } from "../../core/model/document";
import type { DraftSummary } from "../../persistence";
import { downloadAmendmentFile } from "./SaveBanner";
import type { DraftSession } from "./draftSession";
import { InputFileError, readUtf8 } from "./readInputFile";
import { useModalDialog } from "../useModalDialog";

interface DraftsDialogProps {
  readonly open: boolean;
  readonly session: DraftSession;
  readonly currentId: string | null;
  readonly base: OrdinanceDocument;
  readonly onClose: () => void;
}

/** The stored drafts: open, rename, duplicate, delete (undoable); amendment files in and out. */
export function DraftsDialog({ open, session, currentId, base, onClose }: DraftsDialogProps) {
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [deleted, setDeleted] = useState<DraftSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => setDrafts(await session.drafts()), [session]);
  const dialog = useModalDialog(open, () => { setError(null); setDeleted(null); void refresh(); });

  const act = async (work: () => Promise<unknown>) => { setError(null); await work(); await refresh(); };
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const content = parseAmendment(await readUtf8(file));
      await session.openAsNew(content);
      onClose();
    } catch (caught) {
      setError(caught instanceof AmendmentFileError || caught instanceof InputFileError ? caught.message : `Could not open the file: ${String(caught)}`);
    }
  };

  return (
    <dialog ref={dialog} className="drafts-dialog" aria-labelledby="drafts-title" onClose={onClose}>
      <h2 id="drafts-title">Drafts</h2>
      <ul className="draft-list">
        {drafts.map((draft) => (
          <li key={draft.id} data-testid="draft-item" className={draft.id === currentId ? "current" : ""}>
            <span className="draft-name">{draft.name}</span>
            <time className="muted" dateTime={draft.updatedAt}>{new Date(draft.updatedAt).toLocaleString()}</time>
            {draft.id === currentId ? <span className="badge">open</span> : <button type="button" className="mini" onClick={() => void session.open(draft.id).then(onClose)}>Open</button>}
            <button type="button" className="mini" onClick={() => { const name = prompt("New name", draft.name); if (name?.trim()) void act(() => session.renameOther(draft.id, name.trim())); }}>Rename</button>
            <button type="button" className="mini" onClick={() => void act(() => session.duplicate(draft.id, `${draft.name} (copy)`))}>Duplicate</button>
            {draft.id !== currentId && <button type="button" className="mini" onClick={() => void act(async () => { await session.remove(draft.id); setDeleted(draft); })}>Delete</button>}
          </li>
        ))}
      </ul>
      {deleted && (
        <p role="status" className="undo-line">“{deleted.name}” was deleted. <button type="button" className="link-button" onClick={() => void act(async () => { await session.restore(deleted.id); setDeleted(null); })}>Undo</button></p>
      )}
      <div className="drafts-actions">
        <button type="button" onClick={() => void session.openAsNew({ name: "New draft", base, draft: base, sponsors: session.content().sponsors, annotations: [], exportSettings: null }).then(onClose)}>New draft from the base</button>
        <button type="button" onClick={() => downloadAmendmentFile(session)}>Download amendment file</button>
        <label className="file-input">Open amendment file: <input type="file" accept=".json,application/json" aria-label="Open amendment file" onChange={(event) => void openFile(event.target.files?.[0])} /></label>
      </div>
      {error && <p role="alert" className="error pre-wrap">{error}</p>}
      <div className="dialog-buttons"><button type="button" onClick={onClose}>Close</button></div>
    </dialog>
  );
}
