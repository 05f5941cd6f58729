import { useState } from "react";
import type { EditorState } from "prosemirror-state";
import { docCurrentUser } from "../../editor/comments/threadsPlugin";
import { describeAuthor, type CommentAuthor } from "../../core/annotations/comments";
import { describePerson, type SponsorRegistry } from "../../core/sponsors/sponsors";
import type { DocumentEditor } from "../../editor/documentEditor";
import { setCurrentUser } from "../../editor/comments/commands";
import { isSharedDraft } from "../../editor/collab";

const REMEMBERED = "ordinance-redline.you";

/** The author comments are written as: the draft's own, else the one this browser remembers. */
export function currentAuthor(state: EditorState): CommentAuthor | null {
  return docCurrentUser(state) ?? rememberedAuthor();
}

/** Runs `post` as `author`, first storing the author with the draft when the draft has none. */
export function postAs(editor: DocumentEditor, author: CommentAuthor | null, post: (author: CommentAuthor | null) => boolean): boolean {
  if (author && !docCurrentUser(editor.state)) editor.run(setCurrentUser(author), false);
  return post(author);
}

/** The name and office this browser last set ("You are…"), used for drafts that have none. */
export function rememberedAuthor(): CommentAuthor | null {
  try {
    const value = JSON.parse(localStorage.getItem(REMEMBERED) ?? "null") as unknown;
    if (value && typeof value === "object" && typeof (value as CommentAuthor).name === "string" && (value as CommentAuthor).name.trim()) {
      return { name: (value as CommentAuthor).name, office: typeof (value as CommentAuthor).office === "string" ? (value as CommentAuthor).office : "" };
    }
  } catch { /* storage unavailable: nothing remembered */ }
  return null;
}

/** The office a sponsor's entry suggests: the ward for an alderman, else the role. */
function officeOf(description: string, name: string): string {
  const ward = /\((\d+\w\w Ward)\)/.exec(description)?.[1];
  return ward ?? (description === name ? "" : description);
}

/**
 * "You are…": the name and office comments are written under, set once and stored with the
 * draft (and remembered in this browser for other drafts). The sponsor list is offered as
 * suggestions; any name can be typed.
 */
export function YouAre({ editor, author, sponsors, autoFocus = false, onSaved, compact = false }: {
  editor: DocumentEditor; author: CommentAuthor | null; sponsors: SponsorRegistry | null; autoFocus?: boolean;
  /** One row, no explanation (inside a change's details). */
  compact?: boolean;
  /** Called once the name is stored (to move the focus on to the comment box). */
  onSaved?: () => void;
}) {
  const [open, setOpen] = useState(author === null);
  const [name, setName] = useState(author?.name ?? "");
  const [office, setOffice] = useState(author?.office ?? "");
  const people = sponsors?.people ?? [];
  // In a shared draft comments are signed by the signed-in person: the name is not one to change.
  const signedIn = isSharedDraft(editor.state);
  if ((!open || signedIn) && author) {
    return (
      <p className="you-are" data-testid="you-are">
        <span className="muted">You are</span> <strong>{describeAuthor(author)}</strong>{" "}
        {signedIn ? <span className="muted">(signed in)</span>
          : <button type="button" className="link-button" onClick={() => { setName(author.name); setOffice(author.office); setOpen(true); }}>Change</button>}
      </p>
    );
  }
  const save = () => {
    const value = { name: name.trim(), office: office.trim() };
    if (!value.name || !editor.run(setCurrentUser(value), false)) return;
    try { localStorage.setItem(REMEMBERED, JSON.stringify(value)); } catch { /* not remembered: still stored with the draft */ }
    setOpen(false);
    onSaved?.();
  };
  return (
    <form className={`you-are-form${compact ? " compact" : ""}`} aria-label="You are" onSubmit={(event) => { event.preventDefault(); save(); }}>
      {!compact && <p className="muted">Comments are signed with your name and office.</p>}
      <label>Your name
        <input aria-label="Your name" list="you-are-people" value={name} autoComplete="name" autoFocus={autoFocus} onChange={(event) => {
          setName(event.target.value);
          const person = people.find((each) => each.name === event.target.value);
          if (person && !office) setOffice(officeOf(describePerson(person), person.name));
        }} />
      </label>
      <datalist id="you-are-people">{people.map((person) => <option key={person.id} value={person.name}>{describePerson(person)}</option>)}</datalist>
      <label>Office
        <input aria-label="Office" value={office} placeholder="e.g. 32nd Ward, Law Department" onChange={(event) => setOffice(event.target.value)} />
      </label>
      <div className="comment-buttons">
        <button type="submit" className="primary" disabled={name.trim() === ""}>Save</button>
        {author && <button type="button" onClick={() => setOpen(false)}>Cancel</button>}
      </div>
    </form>
  );
}
