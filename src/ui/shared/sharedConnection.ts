/**
 * A connection to one shared draft on the server: the Y document synced through Hocuspocus,
 * the awareness carrying who is here, and the base text the redline is drawn against. No React.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { parseCodeText } from "../../core/importer/parseCodeText";
import type { OrdinanceDocument } from "../../core/model/document";
import { serializeDocument } from "../../core/model/canonicalText";
import { DRAFT_FRAGMENT, recordUpload, seedSharedAttributes, seedSharedDraft, sharedDraftNode, type PresenceUser } from "../../editor/shared";
import { toProseMirror } from "../../editor/convert";
import type { EditorState } from "prosemirror-state";
import { createSharedDraft, ServerError, sharedBaseText, sharedDraft, type ServerSession, type SharedDraftSummary } from "./serverApi";

/** An open shared draft. */
export interface SharedConnection {
  readonly draft: SharedDraftSummary;
  readonly base: OrdinanceDocument;
  readonly ydoc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly session: ServerSession;
  /** True when it was opened from this browser's copy because the server was out of reach. */
  readonly offline: boolean;
  /** Closes the connection. */
  close(): void;
  /** Deletes this browser's copy (after its edits were refused: the server's version is then loaded afresh). */
  forgetLocalCopy(): Promise<void>;
}

/** The address of the collaboration socket on this page's server. */
function collabUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}/collab`;
}

/** A colour for a person, the same on every client (from their name and office). */
export function presenceColor(name: string, office: string): string {
  let hash = 2166136261;
  for (const char of `${name}\u0000${office}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const palette = ["#b3261e", "#1d5fa8", "#2e7d32", "#8e24aa", "#c75b00", "#00796b", "#5d4037", "#ad1457"];
  return palette[hash % palette.length]!;
}

/** What is kept in this browser beside a shared draft's Y document, to open it without the server. */
interface CachedDraft {
  readonly draft: SharedDraftSummary;
  readonly baseText: string;
  readonly person: { readonly name: string; readonly office: string; readonly isAdmin: boolean };
}

const CACHE_KEY = "opened";

/** The IndexedDB database of a shared draft's copy in this browser. */
function localName(id: string): string {
  return `ordinance-redline-shared:${id}`;
}

/** This browser's copy of the shared document (null when IndexedDB does not work here). */
async function localCopy(id: string, ydoc: Y.Doc, timeoutMs = 5_000): Promise<IndexeddbPersistence | null> {
  try {
    const persistence = new IndexeddbPersistence(localName(id), ydoc);
    const loaded = await Promise.race([persistence.whenSynced.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs))]);
    if (!loaded) { void persistence.destroy(); return null; }
    return persistence;
  } catch {
    return null;
  }
}

/**
 * Connects to draft `id`; resolves once the shared document is loaded. The document is also kept
 * in this browser (IndexedDB), so edits made while the server is out of reach are kept and sent
 * when it is back; with no server and such a copy, the draft opens from the copy (`offline`).
 */
export async function openSharedDraft(id: string, session: ServerSession | null, timeoutMs = 20_000): Promise<SharedConnection> {
  const ydoc = new Y.Doc();
  const local = await localCopy(id, ydoc);
  let cached: CachedDraft | null = null;
  try {
    const raw: unknown = await local?.get(CACHE_KEY);
    cached = typeof raw === "string" ? (JSON.parse(raw) as CachedDraft) : null;
  } catch { cached = null; }
  let draft: SharedDraftSummary;
  let baseText: string;
  let person: CachedDraft["person"];
  let offline = false;
  try {
    if (!session) throw new ServerError("no session", 0);
    draft = await sharedDraft(id);
    baseText = await sharedBaseText(id);
    person = session.person;
    await local?.set(CACHE_KEY, JSON.stringify({ draft, baseText, person } satisfies CachedDraft));
  } catch (error) {
    const unreachable = error instanceof ServerError && error.status === 0;
    if (!unreachable || !cached || (session && cached.person.name !== session.person.name)) {
      if (error instanceof ServerError && error.status === 404) await local?.clearData();
      void local?.destroy();
      throw error instanceof ServerError && error.message === "no session" ? new ServerError("Sign in to open this shared draft.", 401) : error;
    }
    ({ draft, baseText, person } = cached);
    offline = true;
  }
  const parsed = parseCodeText(baseText);
  const provider = new HocuspocusProvider({ url: collabUrl(), name: id, document: ydoc });
  const user: PresenceUser = { name: person.name, office: person.office, color: presenceColor(person.name, person.office) };
  provider.setAwarenessField("user", user);
  if (!offline) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ServerError("The shared draft did not load in time. Check the connection and reload.", 0)), timeoutMs);
      provider.on("synced", () => { clearTimeout(timer); resolve(); });
      provider.on("authenticationFailed", () => { clearTimeout(timer); reject(new ServerError("The server refused this draft: you have no role on it.", 403)); });
    }).catch((error: unknown) => { provider.destroy(); void local?.destroy(); throw error; });
  }
  const fragment = ydoc.getXmlFragment(DRAFT_FRAGMENT);
  if (fragment.length === 0) {
    // A draft made through the API alone has no text yet: it starts as its base, written by its first drafter.
    if (draft.role !== "drafter" || offline) {
      provider.destroy();
      void local?.destroy();
      throw new ServerError("This shared draft has no text yet: one of its drafters opens it first.", 409);
    }
    seedSharedDraft(toProseMirror(parsed.document), fragment);
  }
  try {
    sharedDraftNode(fragment);
  } catch {
    provider.destroy();
    void local?.destroy();
    throw new ServerError("The shared draft's text is not one this app can show (written by another tool?). Nothing was changed.", 422);
  }
  return {
    draft, base: parsed.document, ydoc, provider, offline,
    session: session ?? { person, csrfToken: "" },
    close: () => { provider.destroy(); void local?.destroy(); },
    forgetLocalCopy: async () => { await local?.clearData(); },
  };
}

/**
 * Uploads a local draft as a new shared draft: the base text, then the draft text and what is
 * kept with it, written into the empty shared document. Resolves with the new draft's id once
 * the server has acknowledged every update.
 */
export async function shareLocalDraft(session: ServerSession, title: string, base: OrdinanceDocument, state: EditorState, timeoutMs = 30_000): Promise<string> {
  const created = await createSharedDraft(session, title, serializeDocument(base));
  const ydoc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: collabUrl(), name: created.id, document: ydoc });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ServerError("The server did not take the draft in time; it stays in this browser. Try again.", 0)), timeoutMs);
      provider.on("synced", () => {
        if (ydoc.getXmlFragment(DRAFT_FRAGMENT).length === 0) {
          // One transaction, so one update into the empty document: the server takes it as the
          // draft as shared (comments other people wrote in this browser included), not as edits.
          ydoc.transact(() => {
            seedSharedDraft(state.doc, ydoc.getXmlFragment(DRAFT_FRAGMENT));
            seedSharedAttributes(state, ydoc);
            // The changes already made are the sharer's.
            recordUpload(ydoc, { name: session.person.name, office: session.person.office });
          });
        }
        const check = () => {
          if (!provider.hasUnsyncedChanges) { clearTimeout(timer); resolve(); } else setTimeout(check, 50);
        };
        check();
      });
      provider.on("authenticationFailed", () => { clearTimeout(timer); reject(new ServerError("The server refused the upload.", 403)); });
    });
  } finally {
    provider.destroy();
  }
  return created.id;
}
