import { useCallback, useEffect, useRef, useState } from "react";
import { AmendmentFileError, parseAmendment, type AmendmentContent } from "../../core/amendmentFile";
import type { OrdinanceDocument } from "../../core/model/document";
import type { DraftSummary } from "../../persistence";
import { downloadAmendmentFile } from "./SaveBanner";
import type { DraftSession } from "./draftSession";
import { freeDraftName } from "./draftNames";
import { InputFileError, readUtf8 } from "./readInputFile";
import { useModalDialog } from "../useModalDialog";
import { formatWhen } from "../formatWhen";

/** An amendment file whose name a stored draft already has, waiting for the person's answer. */
interface Clash {
  readonly content: AmendmentContent;
  readonly existing: DraftSummary;
  readonly fileName: string;
}

interface DraftsDialogProps {
  readonly open: boolean;
  readonly session: DraftSession;
  readonly currentId: string | null;
  readonly base: OrdinanceDocument;
  readonly onClose: () => void;
}

/**
 * The stored drafts: open, rename, duplicate, delete (undoable); amendment files in and out. A
 * file whose draft is already kept (same name) asks first: open the existing draft, replace it
 * with the file (keeping what it held as a version) or keep both (the file's under a free name).
 */
export function DraftsDialog({ open, session, currentId, base, onClose }: DraftsDialogProps) {
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [deleted, setDeleted] = useState<DraftSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [clash, setClash] = useState<Clash | null>(null);
  const refresh = useCallback(async () => setDrafts(await session.drafts()), [session]);
  const dialog = useModalDialog(open, () => { setError(null); setDeleted(null); setClash(null); void refresh(); });
  const clashHeading = useRef<HTMLParagraphElement>(null);
  useEffect(() => { if (clash) clashHeading.current?.focus(); }, [clash]);

  const answer = async (choice: "open" | "replace" | "both") => {
    if (!clash) return;
    const { content, existing, fileName } = clash;
    setClash(null);
    if (choice === "open") {
      if (existing.id !== currentId) await session.open(existing.id);
    } else if (choice === "replace") {
      await session.replaceDraft(content, `Before replacing it with ${fileName}`, existing.id);
    } else {
      await session.openAsNew({ ...content, name: freeDraftName(content.name, drafts.map((draft) => draft.name)) });
    }
    onClose();
  };

  const act = async (work: () => Promise<unknown>) => { setError(null); await work(); await refresh(); };
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setClash(null);
    try {
      const content = parseAmendment(await readUtf8(file));
      const stored = await session.drafts();
      // A draft of the file's name is already kept: ask rather than add a second of that name.
      const existing = stored.find((draft) => draft.name === content.name);
      if (existing) { setDrafts(stored); setClash({ content, existing, fileName: file.name }); return; }
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
            <time className="muted" dateTime={draft.updatedAt}>{formatWhen(draft.updatedAt)}</time>
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
        <label className="file-input">Open amendment file: <input type="file" accept=".json,application/json" aria-label="Open amendment file" onChange={(event) => { const file = event.target.files?.[0]; event.target.value = ""; void openFile(file); }} /></label>
      </div>
      {clash && (
        <div className="draft-clash" role="group" aria-labelledby="draft-clash-question">
          <p id="draft-clash-question" ref={clashHeading} tabIndex={-1}>
            A draft named “{clash.existing.name}” is already kept in this browser (changed{" "}
            <time dateTime={clash.existing.updatedAt}>{formatWhen(clash.existing.updatedAt)}</time>). What should {clash.fileName} do?
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => void answer("open")} title="Leave the file aside and open the draft already kept">Open the existing draft</button>
            <button type="button" onClick={() => void answer("replace")} title="The existing draft takes the file's content; what it held is kept as a version first">Replace it with the file</button>
            <button type="button" onClick={() => void answer("both")} title="Keep the file as another draft, under a name of its own">Keep both</button>
            <button type="button" onClick={() => setClash(null)}>Cancel</button>
          </div>
        </div>
      )}
      {error && <p role="alert" className="error pre-wrap">{error}</p>}
      <div className="dialog-buttons"><button type="button" onClick={onClose}>Close</button></div>
    </dialog>
  );
}
