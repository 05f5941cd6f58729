import { useEffect, useRef, useState } from "react";
import { bindSharedAttributes, DRAFT_FRAGMENT, recordAuthorship, type AuthorName, type EntryChange } from "../../editor/collab";
import type { DocumentEditor, EditorContent } from "../../editor/documentEditor";
import type { SharedConnection } from "./sharedConnection";
import type { ExportKind } from "../export/ExportDialog";
import { recordExport } from "./serverApi";

/** The editor content of a shared draft: its base, its Y text and presence, signed by the person. */
export function sharedContent(shared: SharedConnection): EditorContent {
  const person = shared.session.person;
  return {
    base: shared.base,
    draft: shared.base,
    shared: {
      fragment: shared.ydoc.getXmlFragment(DRAFT_FRAGMENT),
      readOnly: shared.draft.role !== "drafter",
      ...(shared.provider.awareness ? { awareness: shared.provider.awareness } : {}),
    },
    currentUser: { name: person.name, office: person.office },
  };
}

/**
 * Keeps the editor's annotations, threads, sponsors and settings in step with the shared
 * draft's. A reviewer's comments go to the server as messages (it checks and writes them);
 * when it refuses one, the editor goes back to the shared state and `onRefused` says why.
 */
export function useSharedAttributes(editor: DocumentEditor, shared: SharedConnection | null, onRefused: (reason: string) => void): void {
  const refused = useRef(onRefused);
  refused.current = onRefused;
  useEffect(() => {
    if (!shared) return;
    const provider = shared.provider;
    const binding = bindSharedAttributes(editor, shared.ydoc, {
      onInvalid: (problem) => console.warn(problem),
      ...(shared.draft.role === "drafter" ? {} : { sendChange: (change: EntryChange) => provider.sendStateless(JSON.stringify({ type: "entry", ...change })) }),
    });
    const onStateless = ({ payload }: { payload: string }) => {
      let message: Record<string, unknown> | null = null;
      try { message = JSON.parse(payload) as Record<string, unknown> | null; } catch { return; }
      if (!message || message.type !== "entry-refused") return;
      binding.resync();
      refused.current(`Your comment was not kept: ${typeof message.reason === "string" ? message.reason : "the server refused it"}.`);
    };
    provider.on("stateless", onStateless);
    return () => { provider.off("stateless", onStateless); binding.dispose(); };
  }, [editor, shared]);
}

/** Where the shared draft stands: the role, and whether edits reach the server. */
export function SharedIndicator({ connection }: { readonly connection: SharedConnection }) {
  const [state, setState] = useState<"connected" | "connecting" | "disconnected">(connection.offline ? "disconnected" : "connected");
  const [unsynced, setUnsynced] = useState(false);
  useEffect(() => {
    const provider = connection.provider;
    const onStatus = ({ status }: { status: string }) => setState(status === "connected" ? "connected" : status === "connecting" ? "connecting" : "disconnected");
    const onUnsynced = () => setUnsynced(provider.hasUnsyncedChanges);
    provider.on("status", onStatus);
    provider.on("unsyncedChanges", onUnsynced);
    return () => { provider.off("status", onStatus); provider.off("unsyncedChanges", onUnsynced); };
  }, [connection]);
  const words = state !== "connected" ? "Offline: edits are kept in this browser and sent when the server is back"
    : unsynced ? "Sending…" : "Saved on the server";
  return (
    <span className="shared-indicator" data-testid="shared-status" role="status">
      Shared · {connection.draft.role} · {words}
    </span>
  );
}

/** The audit trail's name of each export. */
const EXPORT_RECORD: Readonly<Record<ExportKind, string>> = {
  docx: "ordinance-docx", "tracked-docx": "ordinance-tracked-docx", "review-docx": "review-copy-docx", html: "ordinance-html", txt: "ordinance-text",
  "clean-docx": "clean-docx", "clean-txt": "clean-text",
};

/** Records an export of the shared draft in its audit trail (a failure is only logged: the file is made). */
export async function recordSharedExport(shared: SharedConnection, what: ExportKind): Promise<void> {
  try {
    await recordExport(shared.session, shared.draft.id, EXPORT_RECORD[what]);
  } catch (error) {
    console.warn(`The export was not recorded in the audit trail: ${(error as Error).message}`);
  }
}

/**
 * Records who makes each text edit of a shared draft (drafters only: others do not edit); returns
 * how to credit the next edit to someone else (an accepted suggestion is its suggester's).
 */
export function useAuthorshipRecorder(shared: SharedConnection | null): (author: AuthorName) => void {
  const recorder = useRef<{ attributeNextTo(author: AuthorName): void } | null>(null);
  useEffect(() => {
    if (!shared || shared.draft.role !== "drafter") return;
    const person = { name: shared.session.person.name, office: shared.session.person.office };
    const started = recordAuthorship(shared.ydoc, () => person);
    recorder.current = started;
    return () => { started.dispose(); recorder.current = null; };
  }, [shared]);
  return (author) => recorder.current?.attributeNextTo(author);
}
