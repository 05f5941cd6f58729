import { useState, type FormEvent } from "react";
import { createFirstAdministrator, ServerError, signIn, type ServerSession } from "./serverApi";

/**
 * Signs in to the server, or — on a server with no one yet — creates its first administrator.
 * Errors are shown in words; the password never leaves the form except to the server.
 */
export function SignInForm({ firstAdministrator, onSignedIn }: { readonly firstAdministrator: boolean; readonly onSignedIn: (session: ServerSession) => void }) {
  const [name, setName] = useState("");
  const [office, setOffice] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(firstAdministrator ? await createFirstAdministrator(name, office, password) : await signIn(name, password));
    } catch (caught) {
      setError(caught instanceof ServerError ? caught.message : "Signing in failed.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="sign-in-form" onSubmit={(event) => void submit(event)} aria-label={firstAdministrator ? "Create the first administrator" : "Sign in"}>
      {firstAdministrator && <p>This server has no one yet. Create its first administrator; they add the other people and offices.</p>}
      <label>Name <input value={name} onChange={(event) => setName(event.target.value)} autoComplete="username" required /></label>
      {firstAdministrator && <label>Office <input value={office} onChange={(event) => setOffice(event.target.value)} required /></label>}
      <label>Password <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete={firstAdministrator ? "new-password" : "current-password"} required /></label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>{firstAdministrator ? "Create and sign in" : "Sign in"}</button>
    </form>
  );
}
