import { useState } from "react";
import { parseSponsors, SPONSOR_ROLES, SponsorDataError, type Person, type SponsorRegistry } from "../core/sponsors/sponsors";
import { useModalDialog } from "./useModalDialog";

interface SponsorsDialogProps {
  readonly open: boolean;
  readonly registry: SponsorRegistry | null;
  readonly onClose: () => void;
  /** Called with a validated registry only. */
  readonly onSave: (registry: SponsorRegistry) => void;
}

const EMPTY: SponsorRegistry = { people: [], leadSponsorId: null, coSponsorIds: [] };

/** Edits the people and offices, the lead sponsor and the co-sponsors. */
export function SponsorsDialog({ open, registry, onClose, onSave }: SponsorsDialogProps) {
  const [draft, setDraft] = useState<SponsorRegistry>(registry ?? EMPTY);
  const [error, setError] = useState<string | null>(null);
  const dialog = useModalDialog(open, () => { setDraft(registry ?? EMPTY); setError(null); });

  const setPerson = (index: number, patch: Partial<Person>) =>
    setDraft({ ...draft, people: draft.people.map((person, i) => (i === index ? { ...person, ...patch } : person)) });
  const toggleCoSponsor = (id: string, on: boolean) =>
    setDraft({ ...draft, coSponsorIds: on ? [...draft.coSponsorIds, id] : draft.coSponsorIds.filter((each) => each !== id) });
  const save = () => {
    try {
      onSave(parseSponsors(draft));
    } catch (caught) {
      setError(caught instanceof SponsorDataError ? caught.problems.map((p) => `${p.path}: ${p.message}`).join("; ") : String(caught));
    }
  };

  return (
    <dialog ref={dialog} className="sponsors-dialog" aria-labelledby="sponsors-title" onClose={onClose}>
      <h2 id="sponsors-title">Sponsors</h2>
      <table>
        <thead><tr><th>Name</th><th>Ward</th><th>Role</th><th>Colour</th><th>Lead</th><th>Co-sponsor</th></tr></thead>
        <tbody>
          {draft.people.map((person, index) => (
            <tr key={index}>
              <td><input aria-label="Name" value={person.name} onChange={(event) => setPerson(index, { name: event.target.value })} /></td>
              <td><input aria-label="Ward" type="number" min={1} max={50} value={person.ward ?? ""} onChange={(event) => setPerson(index, { ward: event.target.value === "" ? null : Number(event.target.value) })} /></td>
              <td>
                <select aria-label="Role" value={person.role} onChange={(event) => setPerson(index, { role: event.target.value as Person["role"] })}>
                  {SPONSOR_ROLES.map((role) => <option key={role} value={role}>{role.replace(/-/g, " ")}</option>)}
                </select>
              </td>
              <td><input aria-label="Colour" type="color" value={person.color} onChange={(event) => setPerson(index, { color: event.target.value })} /></td>
              <td><input aria-label="Lead sponsor" type="radio" name="lead" checked={draft.leadSponsorId === person.id} onChange={() => setDraft({ ...draft, leadSponsorId: person.id, coSponsorIds: draft.coSponsorIds.filter((id) => id !== person.id) })} /></td>
              <td><input aria-label="Co-sponsor" type="checkbox" checked={draft.coSponsorIds.includes(person.id)} disabled={draft.leadSponsorId === person.id} onChange={(event) => toggleCoSponsor(person.id, event.target.checked)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setDraft({ ...draft, people: [...draft.people, { id: `person-${draft.people.length + 1}`, name: "", ward: null, role: "reviewing-office", color: "#555555" }] })}>Add person</button>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" className="primary" onClick={save}>Save</button>
      </div>
    </dialog>
  );
}
