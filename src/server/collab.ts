/**
 * The collaboration WebSocket: Hocuspocus with Yjs, one document per draft (named by the
 * draft id). A connection is authenticated from the session cookie when the socket opens and
 * authorised per draft by role; reviewers and viewers get read-only connections, whose text
 * updates Hocuspocus refuses. Every update a drafter sends is appended to the update log
 * before Hocuspocus applies and acknowledges it; the debounced store compacts the log into
 * a snapshot; loading is snapshot + newer log rows.
 */
import { Hocuspocus, type Connection, type Document } from "@hocuspocus/server";
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { readEntryChange, reviewerRefusal, SHARED_MAPS, type SharedEntry } from "../core/sharedDraft";
import { entryBy, entryDetail } from "./audit";
import { watchCommentSignatures } from "./commentSignatures";
import type { Person, Role, Storage } from "./storage/storage";

/** What the server knows about a connection. */
export interface CollabContext {
  readonly person: Person;
  role?: Role;
}

/** Settings of the collaboration endpoint. */
export interface CollabOptions {
  /** Largest Yjs update accepted from a client, in bytes. */
  readonly maxUpdateBytes: number;
  /** Largest stored document (snapshot plus log), in bytes: an update past it is refused. */
  readonly maxDocumentBytes: number;
  /** Hocuspocus' store debounce (compaction), and its longest delay. */
  readonly debounceMs: number;
  readonly maxDebounceMs: number;
  readonly now: () => number;
  /** Where problems are reported. */
  readonly log: (message: string) => void;
  /** Quiet time after which a person's next edit of a draft starts a new editing session in the audit trail (default 5 min). */
  readonly editSessionGapMs?: number;
}

/** Default quiet time between two editing sessions of one person on one draft. */
export const EDIT_SESSION_GAP_MS = 5 * 60 * 1000;

/** The close event of a refused or withdrawn connection (Hocuspocus' own code for "forbidden"). */
const Forbidden = { code: 4403, reason: "Forbidden" };

/** The close event of a socket whose session ended (signed out or expired). */
const SESSION_ENDED = { code: 4401, reason: "session ended: sign in again" };

/** Longest comment or suggestion message taken from a client (characters of JSON); longer ones are ignored. */
const MAX_STATELESS_CHARS = 1_000_000;

/** The origin of the server's own writes that it logs itself before answering. */
const SERVER_LOGGED = { source: "server-logged" };

/** Sync sub-message types (y-protocols): step 2 and update carry document content. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Per open document: which log rows are in the live Y.Doc, so compaction drops only those. */
interface LogState {
  /** Appended from a connection but not yet applied. */
  readonly inFlight: Set<number>;
  /** Highest log id known to be applied. */
  appliedUpTo: number;
  /** Bytes stored for the document: the snapshot (or what it was loaded from) and the rows since. */
  bytes: number;
}

/** The collaboration endpoint of one server. */
export class Collaboration {
  readonly hocuspocus: Hocuspocus<CollabContext>;
  private readonly logs = new Map<string, LogState>();
  private readonly pendingIds = new Map<Connection<CollabContext>, { id: number; update: Uint8Array }[]>();
  private closed = false;
  /** Time of each person's last edit of each draft ("draft id:user id"), for the audit trail's editing sessions. */
  private readonly lastEdits = new Map<string, number>();
  /** Open sockets and the session each was opened with. */
  private readonly sockets = new Map<WebSocket, { tokenHash: string; expiresAt: number }>();

  constructor(private readonly storage: Storage, private readonly options: CollabOptions) {
    this.hocuspocus = new Hocuspocus<CollabContext>({
      quiet: true,
      debounce: options.debounceMs,
      maxDebounce: options.maxDebounceMs,
      extensions: [{
        onConnect: async ({ documentName, context, connectionConfig }) => {
          const role = (await storage.findDraft(documentName)) ? await storage.roleOf(documentName, context.person.id) : null;
          if (!role) throw Forbidden;
          connectionConfig.readOnly = role !== "drafter";
          return { role };
        },
        onLoadDocument: async ({ documentName, document }) => this.load(documentName, document),
        beforeSync: async ({ type, payload, connection, document, context }) => {
          if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return;
          await this.logIncoming(document, connection, payload, context.person, type);
        },
        afterHandleMessage: async ({ connection, documentName, document }) => {
          const pending = this.pendingIds.get(connection);
          if (!pending) return;
          this.pendingIds.delete(connection);
          const state = this.logs.get(documentName);
          for (const { id, update } of pending) {
            // A role lowered between logging and applying: Hocuspocus refused the update, so the log drops it.
            if (connection.readOnly && !Y.snapshotContainsUpdate(Y.snapshot(document), update)) await storage.discardUpdate(documentName, id);
            state?.inFlight.delete(id);
            if (state && id > state.appliedUpTo) state.appliedUpTo = id;
          }
        },
        onStateless: async ({ connection, document, payload }) => this.applyEntryChange(connection as Connection<CollabContext>, document, payload),
        onStoreDocument: async ({ documentName, document }) => this.compact(documentName, document),
        afterUnloadDocument: async ({ documentName }) => {
          this.logs.delete(documentName);
        },
      }],
    });
  }

  /** Takes over a socket that has been upgraded for a signed-in person (their session's hash and end). */
  accept(socket: WebSocket, request: IncomingMessage, person: Person, session: { tokenHash: string; expiresAt: number }): void {
    this.sockets.set(socket, session);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    const webRequest = new Request(`http://localhost${request.url ?? "/"}`, { headers });
    const connection = this.hocuspocus.handleConnection(socket, webRequest, { person });
    socket.on("message", (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        socket.close(1003, "binary messages only");
        return;
      }
      connection.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    socket.on("close", (code: number, reason: Buffer) => {
      this.sockets.delete(socket);
      connection.handleClose({ code, reason: reason.toString() });
    });
    socket.on("error", (error: Error) => this.options.log(`websocket error: ${error.message}`));
  }

  /**
   * Applies the current roles on a draft to its open connections at once: a person with no
   * role left is disconnected; the others become read-only or writable and are told.
   */
  async refreshRoles(draftId: string): Promise<void> {
    const document = this.hocuspocus.documents.get(draftId);
    if (!document) return;
    for (const connection of document.getConnections() as Connection<CollabContext>[]) {
      const role = await this.storage.roleOf(draftId, connection.context.person.id);
      if (!role) {
        connection.close({ code: Forbidden.code, reason: "your role on this draft was removed" });
        continue;
      }
      connection.readOnly = role !== "drafter";
      connection.context.role = role;
      connection.sendStateless(JSON.stringify({ type: "role", role }));
    }
  }

  /** Closes the sockets opened with a session that has ended (signed out). */
  closeSession(tokenHash: string): void {
    for (const [socket, session] of this.sockets) if (session.tokenHash === tokenHash) socket.close(SESSION_ENDED.code, SESSION_ENDED.reason);
  }

  /** Closes the sockets whose session has expired by `now`. */
  closeExpired(now: number): void {
    for (const [socket, session] of this.sockets) if (session.expiresAt <= now) socket.close(SESSION_ENDED.code, SESSION_ENDED.reason);
  }

  /** Open documents and connections (for a health check). */
  health(): { documents: number; connections: number } {
    return { documents: this.hocuspocus.getDocumentsCount(), connections: this.hocuspocus.getConnectionsCount() };
  }

  /** Stores every open document (compacting its log) and closes all connections. */
  async close(): Promise<void> {
    for (const [name, document] of this.hocuspocus.documents) await this.compact(name, document);
    this.closed = true;
    this.hocuspocus.closeConnections();
  }

  private async load(documentName: string, document: Document): Promise<void> {
    const stored = await this.storage.loadDocument(documentName);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    Y.transact(document, () => {
      for (const [index, update] of parts.entries()) {
        try {
          Y.applyUpdate(document, update);
        } catch (error) {
          this.options.log(`draft ${documentName}: stored update ${index} cannot be applied (${(error as Error).message}); skipped`);
        }
      }
    }, "storage");
    this.logs.set(documentName, { inFlight: new Set(), appliedUpTo: stored.lastId, bytes: parts.reduce((sum, part) => sum + part.byteLength, 0) });
    this.auditDecisions(documentName, document);
    watchCommentSignatures(documentName, document, { storage: this.storage, now: this.options.now, log: this.options.log });
    // Changes made on the server itself (not from a connection) are logged once applied.
    document.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_LOGGED || (typeof origin === "object" && origin !== null && (origin as { source?: unknown }).source === "connection")) return;
      void this.storage.appendUpdate(documentName, update, null, this.options.now()).then((id) => {
        const state = this.logs.get(documentName);
        if (state && id > state.appliedUpTo && state.inFlight.size === 0) state.appliedUpTo = id;
      }, (error: Error) => this.options.log(`draft ${documentName}: a server-side update was not logged (${error.message})`));
    });
  }

  /** Records in the audit trail each suggestion a drafter accepts or rejects (through the document). */
  private auditDecisions(documentName: string, document: Document): void {
    document.getMap<SharedEntry>(SHARED_MAPS.suggestions).observe((event, transaction) => {
      const origin = transaction.origin as { source?: unknown; connection?: Connection<CollabContext> } | null;
      const person = origin && origin.source === "connection" ? origin.connection?.context?.person : undefined;
      if (!person) return;
      for (const [id, change] of event.changes.keys) {
        const before = (change.oldValue as SharedEntry | undefined)?.value as { status?: unknown } | undefined;
        const after = (event.target.get(id) as SharedEntry | undefined)?.value as { status?: unknown } | undefined;
        if (!after || after.status === before?.status || (after.status !== "accepted" && after.status !== "rejected")) continue;
        void this.storage.appendAudit(entryBy(person, documentName, `suggestion-${after.status}`, entryDetail("suggestions", id, after), this.options.now()))
          .catch((error: Error) => this.options.log(`draft ${documentName}: an audit row was not written (${error.message})`));
      }
    });
  }

  /** Checks and logs one incoming content message before Hocuspocus applies and acknowledges it. */
  private async logIncoming(document: Document, connection: Connection<CollabContext>, payload: Uint8Array, person: Person, type: number): Promise<void> {
    if (payload.byteLength > this.options.maxUpdateBytes) {
      throw Object.assign(new Error("update too large"), { code: 1009, reason: `updates are limited to ${this.options.maxUpdateBytes} bytes` });
    }
    try {
      Y.decodeUpdate(payload);
    } catch {
      throw Object.assign(new Error("malformed update"), { code: 1007, reason: "malformed update" });
    }
    // A step 2 on reconnect often holds nothing new: nothing to log.
    if (type === SYNC_STEP_2 && Y.snapshotContainsUpdate(Y.snapshot(document), payload)) return;
    const state = this.logs.get(document.name);
    if (state && state.bytes + payload.byteLength > this.options.maxDocumentBytes) {
      throw Object.assign(new Error("document too large"), { code: 1009, reason: `drafts are limited to ${this.options.maxDocumentBytes} bytes` });
    }
    if (state) state.bytes += payload.byteLength;
    const now = this.options.now();
    // Before this update the server's copy holds nothing: it is the draft's text put there when
    // the draft was shared, not an edit of it.
    const first = document.store.clients.size === 0;
    const id = await this.storage.appendUpdate(document.name, payload, person.id, now);
    this.logs.get(document.name)?.inFlight.add(id);
    await this.noteEdit(document.name, person, now, first);
    const pending = this.pendingIds.get(connection) ?? [];
    pending.push({ id, update: payload });
    this.pendingIds.set(connection, pending);
  }

  /**
   * A comment from a reviewer (whose connection may not write the document): checked against
   * their role and core/sharedDraft's rule, then written into the draft's Y map for everyone,
   * logged before the reviewer is answered, and recorded in the audit trail. A refusal is
   * answered with its reason; a drafter writes comments through the document itself.
   */
  private async applyEntryChange(connection: Connection<CollabContext>, document: Document, payload: string): Promise<void> {
    if (payload.length > MAX_STATELESS_CHARS) return;
    let message: unknown;
    try { message = JSON.parse(payload); } catch { return; }
    const change = readEntryChange(message);
    if (!change) return;
    const refuse = (reason: string) => connection.sendStateless(JSON.stringify({ type: "entry-refused", id: change.id, reason }));
    const person = connection.context.person;
    const role = await this.storage.roleOf(document.name, person.id);
    if (role !== "reviewer" && role !== "drafter") return refuse(role === "viewer" ? "viewers read the draft; ask a drafter for the reviewer role to comment" : "you have no role on this draft");
    const map = document.getMap<SharedEntry>(SHARED_MAPS[change.map]);
    const current = map.get(change.id);
    const reason = reviewerRefusal(change, current?.value, { name: person.name, office: person.office });
    if (reason) return refuse(reason);
    const before = Y.encodeStateVector(document);
    let order = current?.order;
    if (order === undefined) { order = 0; for (const entry of map.values()) if (entry && entry.order >= order) order = entry.order + 1; }
    const entry: SharedEntry = { order, value: change.value };
    Y.transact(document, () => map.set(change.id, entry), SERVER_LOGGED);
    const update = Y.encodeStateAsUpdate(document, before);
    const now = this.options.now();
    const id = await this.storage.appendUpdate(document.name, update, person.id, now);
    const state = this.logs.get(document.name);
    if (state && id > state.appliedUpTo && state.inFlight.size === 0) state.appliedUpTo = id;
    const action = change.map === "suggestions" ? "suggestion-made" : "comment";
    await this.storage.appendAudit(entryBy(person, document.name, action, entryDetail(change.map, change.id, change.value), now));
  }

  /**
   * The audit trail records editing sessions, not keystrokes: a row when a person's edit of a
   * draft comes after a quiet time (or is their first since the server started). The draft's
   * first text (`first`) gets a row of its own, and starts its sharer's session.
   */
  private async noteEdit(draftId: string, person: Person, now: number, first: boolean): Promise<void> {
    const key = `${draftId}:${person.id}`;
    const last = this.lastEdits.get(key);
    this.lastEdits.set(key, now);
    if (first) {
      await this.storage.appendAudit(entryBy(person, draftId, "text-shared", "the draft's text as shared", now));
      return;
    }
    if (last !== undefined && now - last < (this.options.editSessionGapMs ?? EDIT_SESSION_GAP_MS)) return;
    await this.storage.appendAudit(entryBy(person, draftId, "edit", "began an editing session", now));
  }

  private async compact(documentName: string, document: Document): Promise<void> {
    const state = this.logs.get(documentName);
    if (!state || this.closed) return;
    const uptoId = state.inFlight.size > 0 ? Math.min(state.appliedUpTo, Math.min(...state.inFlight) - 1) : state.appliedUpTo;
    if (uptoId <= 0) return;
    const encoded = Y.encodeStateAsUpdate(document);
    await this.storage.compact(documentName, encoded, uptoId, this.options.now());
    if (state.inFlight.size === 0) state.bytes = encoded.byteLength;
  }
}
