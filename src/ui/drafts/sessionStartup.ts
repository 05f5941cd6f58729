/**
 * How a draft session starts once its listeners are in place: open the browser's storage
 * (giving up after a while, and going on if it answers later), then show the last draft with
 * its journal, or keep what is on screen as a new draft. Typing kept by tabs that were paused
 * and are gone becomes drafts of its own first (see pausedCopy). Claims the draft before its
 * journal is read: the journal of a draft open in another tab is that tab's.
 */
import type { AmendmentContent } from "../../core/amendmentFile";
import type { DocumentEditor } from "../../editor/documentEditor";
import { DraftStore } from "../../persistence";
import { draftContent, loadContent } from "./draftContent";
import { clearPageJournal, journaledContent, readPageJournal } from "./draftJournal";
import { recoverPausedCopies } from "./pausedCopy";
import { NOT_ANSWERING_MESSAGE, type SaveStatus, type SessionView } from "./sessionView";
import type { TabPresence } from "./tabPresence";

/** What the start needs of its session. */
export interface StartupHost {
  readonly editor: DocumentEditor;
  readonly defaultName: string;
  readonly openTimeout: number;
  readonly presence: TabPresence;
  /** False once the start was superseded (another start, or dispose). */
  current(): boolean;
  useStore(store: DraftStore): void;
  status(): SaveStatus["kind"];
  show(id: string, content: AmendmentContent, stored: { token: string; at: string }, claim?: boolean): void;
  adopt(id: string, content: AmendmentContent, token: string, at: string): void;
  update(patch: Partial<SessionView>): void;
  flush(force: boolean): Promise<void>;
  content(): AmendmentContent;
  attempt<T>(action: (store: DraftStore) => Promise<T>): Promise<T | undefined>;
}

export function newToken(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Opens storage and the draft (see the module comment). Never throws: failures become the status. */
export async function startSession(host: StartupHost): Promise<void> {
  const opening = DraftStore.open();
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<"timeout">((resolve) => { timeout = setTimeout(() => resolve("timeout"), host.openTimeout); });
  let outcome: DraftStore | "timeout";
  try {
    outcome = await Promise.race([opening, gaveUp]);
  } catch (error) {
    if (host.current()) withoutStorage(host, error instanceof Error ? error.message : String(error));
    return;
  } finally {
    clearTimeout(timeout);
  }
  if (!host.current()) { if (outcome !== "timeout") outcome.close(); return; }
  if (outcome === "timeout") {
    withoutStorage(host, NOT_ANSWERING_MESSAGE);
    const untouched = host.editor.state.doc;
    opening.then((store) => {
      if (!host.current() || host.status() !== "no-storage") { store.close(); return; }
      void proceed(host, store, host.editor.state.doc !== untouched);
    }, () => {});
    return;
  }
  await proceed(host, outcome, false);
}

/**
 * Storage failed or gave no answer: say so, and go on from the typing kept in localStorage
 * the last time storage did not work (if any), so nothing typed then is out of reach.
 */
function withoutStorage(host: StartupHost, message: string): void {
  const page = readPageJournal();
  if (page?.draftId === null) loadContent(host.editor, page.content);
  host.update({ status: { kind: "no-storage", message }, name: page?.draftId === null ? page.content.name : host.defaultName });
}

/**
 * Storage is open: show the last draft with its journal, or keep what is on screen as a new
 * draft (`keepScreen`: the user typed while storage did not answer).
 */
async function proceed(host: StartupHost, store: DraftStore, keepScreen: boolean): Promise<void> {
  host.useStore(store);
  await host.attempt(async () => {
    const copies = await recoverPausedCopies(store);
    if (copies.length > 0) host.update({ notice: `Typing from a tab that was paused is kept as ${copies.map((name) => `“${name}”`).join(", ")} (see Drafts…).` });
    const page = readPageJournal();
    if (keepScreen || page?.draftId === null) {
      const content = keepScreen ? host.content() : { ...page!.content, name: `${page!.content.name} (recovered)` };
      const token = newToken();
      const id = await store.createDraft(content.name, content, token);
      await store.setLastOpened(id);
      if (!host.current()) return;
      clearPageJournal();
      if (keepScreen) host.adopt(id, content, token, new Date().toISOString());
      else host.show(id, content, { token, at: new Date().toISOString() });
      return;
    }
    const lastId = await store.lastOpened();
    const last = lastId ? await store.loadDraft(lastId) : null;
    if (!host.current()) return;
    if (last) {
      // Claimed before the journal is read: the journal of a draft open in another tab is that tab's.
      const held = await host.presence.open(last.id);
      if (!host.current()) return;
      const recovered = held ? await journaledContent(store, last, page?.draftId === last.id ? page : null) : null;
      host.show(last.id, recovered ?? last.content, { token: last.checkpoint, at: last.updatedAt }, false);
      if (!held) host.update({ status: { kind: "conflict" } });
      if (recovered) await host.flush(true);
      return;
    }
    const name = host.defaultName;
    const content = draftContent(host.editor.state, name);
    const token = newToken();
    const id = await store.createDraft(name, content, token);
    await store.setLastOpened(id);
    host.adopt(id, content, token, new Date().toISOString());
  });
}
