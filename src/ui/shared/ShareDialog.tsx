import { useState, type FormEvent } from "react";
import type { EditorState } from "prosemirror-state";
import type { OrdinanceDocument } from "../../core/model/document";
import { useModalDialog } from "../useModalDialog";
import { SignInForm } from "./SignInForm";
import { shareLocalDraft } from "./sharedConnection";
import { inviteMember, ServerError, serverStatus, type ServerSession, type ServerStatus, type SharedRole } from "./serverApi";

interface ShareDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly base: OrdinanceDocument;
  readonly state: EditorState;
  readonly onClose: () => void;
  /** Called with the new shared draft's id once it is uploaded and the people are invited. */
  readonly onShared: (id: string) => void;
}

/**
 * "Share…": uploads this browser's draft to the server as a shared draft and invites people or
 * offices by name, each with a role. The local draft stays as it is; nothing is shared until the
 * upload is acknowledged.
 */
export function ShareDialog({ open, title, base, state, onClose, onShared }: ShareDialogProps) {
  const [status, setStatus] = useState<ServerStatus | null>(null);
  const [name, setName] = useState(title);
  const [invitee, setInvitee] = useState("");
  const [role, setRole] = useState<SharedRole>("reviewer");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog(open, () => {
    setName(title);
    setError(null);
    setStatus(null);
    serverStatus().then(setStatus, () => setStatus({ kind: "none" }));
  });
  const share = async (event: FormEvent, session: ServerSession) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const id = await shareLocalDraft(session, name.trim() || title, base, state);
      for (const who of invitee.split(/[;\n]/).map((each) => each.trim()).filter(Boolean)) {
        try {
          await inviteMember(session, id, { person: who }, role);
        } catch (caught) {
          if (!(caught instanceof ServerError) || caught.status !== 404) throw caught;
          await inviteMember(session, id, { office: who }, role);
        }
      }
      onShared(id);
    } catch (caught) {
      setError(caught instanceof ServerError ? caught.message : "Sharing failed; the draft stays in this browser.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">Share this draft</h2>
      {status === null ? <p>Looking for the server…</p>
        : status.kind === "none" ? <p role="alert">Sharing needs the Ordinance Redline server: start the app with <code>npm start</code> on a machine the offices can reach. This draft stays in this browser.</p>
        : status.kind !== "signed-in" ? <SignInForm firstAdministrator={status.kind === "needs-administrator"} onSignedIn={(session) => setStatus({ kind: "signed-in", session })} />
        : (
          <form onSubmit={(event) => void share(event, status.session)}>
            <p>Signed in as {status.session.person.name} ({status.session.person.office}). You become the draft's drafter.</p>
            <label>Title <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={300} /></label>
            <label>Invite (people or offices by name; several separated by “;”) <input value={invitee} onChange={(event) => setInvitee(event.target.value)} /></label>
            <label>as <select value={role} onChange={(event) => setRole(event.target.value as SharedRole)}>
              <option value="drafter">drafter (edits the text)</option>
              <option value="reviewer">reviewer (comments and suggests)</option>
              <option value="viewer">viewer (reads)</option>
            </select></label>
            {error && <p className="form-error" role="alert">{error}</p>}
            <button type="submit" disabled={busy}>{busy ? "Sharing…" : "Share"}</button>
          </form>
        )}
      <button type="button" onClick={() => dialog.current?.close()}>Close</button>
    </dialog>
  );
}
