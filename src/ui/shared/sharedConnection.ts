/**
 * A connection to one shared draft on the server: the Y document synced through Hocuspocus,
 * the awareness carrying who is here, and the base text the redline is drawn against. No React.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import { parseCodeText } from "../../core/importer/parseCodeText";
import type { OrdinanceDocument } from "../../core/model/document";
import { serializeDocument } from "../../core/model/canonicalText";
import { DRAFT_FRAGMENT, recordUpload, seedSharedAttributes, seedSharedDraft, type PresenceUser } from "../../editor/collab";
import type { EditorState } from "prosemirror-state";
import { createSharedDraft, ServerError, sharedBaseText, sharedDraft, type ServerSession, type SharedDraftSummary } from "./serverApi";

/** An open shared draft. */
export interface SharedConnection {
  readonly draft: SharedDraftSummary;
  readonly base: OrdinanceDocument;
  readonly ydoc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly session: ServerSession;
  /** Closes the connection. */
  close(): void;
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

/** Connects to draft `id`; resolves once the shared document is loaded. */
export async function openSharedDraft(id: string, session: ServerSession, timeoutMs = 20_000): Promise<SharedConnection> {
  const draft = await sharedDraft(id);
  const parsed = parseCodeText(await sharedBaseText(id));
  const ydoc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: collabUrl(), name: id, document: ydoc });
  const user: PresenceUser = { name: session.person.name, office: session.person.office, color: presenceColor(session.person.name, session.person.office) };
  provider.setAwarenessField("user", user);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ServerError("The shared draft did not load in time. Check the connection and reload.", 0)), timeoutMs);
    provider.on("synced", () => { clearTimeout(timer); resolve(); });
    provider.on("authenticationFailed", () => { clearTimeout(timer); reject(new ServerError("The server refused this draft: you have no role on it.", 403)); });
  }).catch((error: unknown) => { provider.destroy(); throw error; });
  return { draft, base: parsed.document, ydoc, provider, session, close: () => provider.destroy() };
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
          seedSharedDraft(state.doc, ydoc.getXmlFragment(DRAFT_FRAGMENT));
          seedSharedAttributes(state, ydoc);
          // The changes already made are the sharer's.
          recordUpload(ydoc, { name: session.person.name, office: session.person.office });
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
