import { useState, type FormEvent } from "react";
import type { EditorState } from "prosemirror-state";
import type { OrdinanceDocument } from "../../core/model/document";
import { useModalDialog } from "../useModalDialog";
import { SignInForm } from "./SignInForm";
import { shareLocalDraft } from "./sharedConnection";
import { inviteMember, listPeople, ServerError, serverStatus, type ServerSession, type ServerStatus, type SharedRole } from "./serverApi";

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
 * The people and offices named in `names` as the server knows them (a person's name first, then
 * an office's; case aside), or the sentence saying which are not there.
 */
async function invitedOnServer(names: readonly string[]): Promise<Array<{ readonly person: string } | { readonly office: string }> | string> {
  if (names.length === 0) return [];
  const { people, offices } = await listPeople();
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
  const found: Array<{ readonly person: string } | { readonly office: string }> = [];
  const missing: string[] = [];
  for (const name of names) {
    const person = people.find((each) => same(each.name, name));
    const office = offices.find((each) => same(each, name));
    if (person) found.push({ person: person.name });
    else if (office) found.push({ office });
    else missing.push(`“${name}”`);
  }
  if (missing.length === 0) return found;
  return `No person or office named ${missing.join(", ")} on the server, so nothing was shared yet. Share without inviting them, then add them in People and history… (an administrator adds people there) and invite them.`;
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
      // Everyone invited must be on the server already: checked before anything is uploaded, so
      // a name not found leaves no shared draft behind (a second try would make another).
      const invited = await invitedOnServer(invitee.split(/[;\n]/).map((each) => each.trim()).filter(Boolean));
      if (typeof invited === "string") { setError(invited); return; }
      const id = await shareLocalDraft(session, name.trim() || title, base, state);
      try {
        for (const who of invited) await inviteMember(session, id, who, role);
      } finally {
        // Shared either way: an invitation the server refused now can be made in People and history….
        onShared(id);
      }
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
