import { useEffect, useMemo, useState } from "react";
import { createSharedSession } from "./sharedSession";
import { App } from "../App";
import { SignInForm } from "./SignInForm";
import { openSharedDraft, type SharedConnection } from "./sharedConnection";
import { ServerError, serverStatus, type ServerSession, type ServerStatus } from "./serverApi";

/**
 * Opens a shared draft from its address: signs in first when needed, then shows the draft in
 * the app once the server has sent it. Every failure is said in words, with the way back to the
 * drafts kept in this browser.
 */
export function SharedEntry({ id }: { readonly id: string }) {
  const [status, setStatus] = useState<ServerStatus | null>(null);
  const [connection, setConnection] = useState<SharedConnection | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    serverStatus().then(setStatus, (caught: unknown) => setError(caught instanceof ServerError ? caught.message : "The server could not be reached."));
  }, []);
  // With no server in reach, the copy kept in this browser (if any) opens; edits go when it is back.
  useEffect(() => {
    if (status?.kind !== "none") return;
    let cancelled = false;
    openSharedDraft(id, null).then((result) => { if (cancelled) result.close(); else setConnection(result); }, () => {});
    return () => { cancelled = true; };
  }, [id, status]);
  const open = (session: ServerSession) => {
    setStatus({ kind: "signed-in", session });
  };
  useEffect(() => {
    if (status?.kind !== "signed-in") return;
    let opened: SharedConnection | null = null;
    let cancelled = false;
    openSharedDraft(id, status.session).then((result) => {
      if (cancelled) { result.close(); return; }
      opened = result;
      setConnection(result);
    }, (caught: unknown) => { if (!cancelled) setError(caught instanceof ServerError ? caught.message : "The shared draft could not be opened."); });
    return () => { cancelled = true; opened?.close(); };
  }, [id, status]);
  const session = useMemo(() => (connection ? createSharedSession(connection) : null), [connection]);
  if (session) return <App shared={session} />;
  return (
    <main className="shared-entry">
      <h1 className="app-name">Ordinance Redline</h1>
      {error ? <p role="alert">{error}</p>
        : status === null ? <p>Connecting to the server…</p>
        : status.kind === "none" ? <p role="alert">This address opens a shared draft, which needs the Ordinance Redline server. Start it with <code>npm start</code>, or open the drafts kept in this browser.</p>
        : status.kind === "signed-in" ? <p aria-busy="true">Opening the shared draft…</p>
        : <>
            <h2>{status.kind === "needs-administrator" ? "Set up this server" : "Sign in to open the shared draft"}</h2>
            <SignInForm firstAdministrator={status.kind === "needs-administrator"} onSignedIn={open} />
          </>}
      <p><a href="./">Drafts in this browser</a></p>
    </main>
  );
}
