import { useState, type FormEvent } from "react";
import { useModalDialog } from "../useModalDialog";
import { ShareLinkNotice } from "./ShareLinkNotice";
import type { SharedConnection } from "./sharedConnection";
import {
  addPerson, auditCsvUrl, draftAudit, inviteMember, listMembers, listPeople, removeMember, ServerError,
  type AuditRow, type SharedMember, type SharedRole,
} from "./serverApi";
import { describeAuditRow } from "./auditText";
import { formatWhen } from "../formatWhen";

const ROLES: readonly SharedRole[] = ["drafter", "reviewer", "viewer"];

/** The member as the API names them. */
function target(member: SharedMember): { person: string } | { office: string } {
  return member.kind === "person" ? { person: member.person } : { office: member.office };
}

/**
 * "People and history…" of a shared draft: its members and their roles (drafters invite, change
 * and remove them; a change applies to open connections at once), the audit trail (every member
 * reads it; CSV download), and for administrators adding a person to the server.
 */
export function MembersDialog({ open, shared, onClose }: { readonly open: boolean; readonly shared: SharedConnection; readonly onClose: () => void }) {
  const [members, setMembers] = useState<readonly SharedMember[]>([]);
  const [audit, setAudit] = useState<readonly AuditRow[]>([]);
  const [offices, setOffices] = useState<readonly string[]>([]);
  const [people, setPeople] = useState<readonly string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [invitee, setInvitee] = useState("");
  const [role, setRole] = useState<SharedRole>("reviewer");
  const [newPerson, setNewPerson] = useState({ name: "", office: "", password: "", admin: false });
  const canManage = shared.draft.role === "drafter";
  const isAdmin = shared.session.person.isAdmin;
  const id = shared.draft.id;
  const session = shared.session;
  const refresh = async () => {
    try {
      const [found, rows, known] = await Promise.all([listMembers(id), draftAudit(id), listPeople()]);
      setMembers(found);
      setAudit(rows);
      setOffices(known.offices);
      setPeople(known.people.map((person) => person.name));
    } catch (caught) {
      setError(caught instanceof ServerError ? caught.message : "The server could not be reached.");
    }
  };
  const dialog = useModalDialog(open, () => { setError(null); setDone(null); void refresh(); });
  const act = async (what: () => Promise<void>, said?: string) => {
    setError(null);
    setDone(null);
    try { await what(); await refresh(); if (said) setDone(said); } catch (caught) { setError(caught instanceof ServerError ? caught.message : "That did not work; nothing changed."); }
  };
  const invite = (event: FormEvent) => {
    event.preventDefault();
    const who = invitee.trim();
    if (!who) return;
    void act(async () => {
      try { await inviteMember(session, id, { person: who }, role); }
      catch (caught) {
        if (!(caught instanceof ServerError) || caught.status !== 404) throw caught;
        await inviteMember(session, id, { office: who }, role);
      }
      setInvitee("");
    }, `Invited ${who} as ${role}.`);
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = newPerson.name.trim();
    void act(async () => { await addPerson(session, newPerson); setNewPerson({ name: "", office: "", password: "", admin: false }); },
      `Added ${name}: they sign in with that name and the password you gave, then invite them to drafts here.`);
  };
  return (
    <dialog ref={dialog} className="members-dialog" aria-labelledby="members-title" onClose={onClose}>
      <h2 id="members-title">People and history of this draft</h2>
      <ShareLinkNotice id={id} intro="Address of this draft:" />
      {error && <p className="form-error" role="alert">{error}</p>}
      {done && <p className="form-done" role="status" data-testid="members-done">{done}</p>}
      <table className="members-table">
        <thead><tr><th>Member</th><th>Role</th>{canManage && <th><span className="visually-hidden">Remove</span></th>}</tr></thead>
        <tbody>
          {members.map((member) => {
            const label = member.kind === "person" ? `${member.person} (${member.office})` : `Office: ${member.office}`;
            return (
              <tr key={label} data-testid="member">
                <td>{label}</td>
                <td>{canManage
                  ? <select aria-label={`Role of ${label}`} value={member.role} onChange={(event) => void act(() => inviteMember(session, id, target(member), event.target.value as SharedRole))}>
                      {ROLES.map((each) => <option key={each} value={each}>{each}</option>)}
                    </select>
                  : member.role}</td>
                {canManage && <td><button type="button" onClick={() => void act(() => removeMember(session, id, target(member)))}>Remove</button></td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {canManage && (
        <form className="invite-form" onSubmit={invite}>
          <label>Invite a person or an office by name <input value={invitee} onChange={(event) => setInvitee(event.target.value)} list="known-invitees" /></label>
          <datalist id="known-invitees">{[...people, ...offices].map((name) => <option key={name} value={name} />)}</datalist>
          <datalist id="known-offices">{offices.map((office) => <option key={office} value={office} />)}</datalist>
          <label>as <select value={role} onChange={(event) => setRole(event.target.value as SharedRole)}>{ROLES.map((each) => <option key={each} value={each}>{each}</option>)}</select></label>
          <button type="submit">Invite</button>
        </form>
      )}
      {isAdmin && (
        <form className="add-person-form" onSubmit={add} aria-label="Add a person to the server">
          <h3>Add a person to the server</h3>
          <label>Name <input value={newPerson.name} onChange={(event) => setNewPerson({ ...newPerson, name: event.target.value })} required /></label>
          <label>Office <input value={newPerson.office} onChange={(event) => setNewPerson({ ...newPerson, office: event.target.value })} list="known-offices" required /></label>
          <label>Password <input type="password" autoComplete="new-password" value={newPerson.password} onChange={(event) => setNewPerson({ ...newPerson, password: event.target.value })} required /></label>
          <label className="inline"><input type="checkbox" checked={newPerson.admin} onChange={(event) => setNewPerson({ ...newPerson, admin: event.target.checked })} /> Administrator</label>
          <button type="submit">Add person</button>
        </form>
      )}
      <h3>Audit trail <a href={auditCsvUrl(id)} download>Download as CSV</a></h3>
      <div className="audit-rows">
        <table>
          <thead><tr><th>When</th><th>Who</th><th>What</th><th>Detail</th></tr></thead>
          <tbody>
            {[...audit].reverse().slice(0, 200).map((row, index) => {
              const described = describeAuditRow(row);
              return (
                <tr key={`${row.at}-${index}`} data-testid="audit-row" data-action={row.action}>
                  <td>{formatWhen(row.at)}</td>
                  <td>{row.person ?? "—"}{row.office ? `, ${row.office}` : ""}</td>
                  <td>{described.what}</td>
                  <td title={described.full === described.detail ? undefined : described.full}>{described.detail}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={() => dialog.current?.close()}>Close</button>
    </dialog>
  );
}
