/**
 * What the collaboration server keeps, behind one interface so that a second database
 * (PostgreSQL) can be added beside the embedded SQLite one. Every method may be asynchronous;
 * the server awaits each before it answers or acknowledges anything.
 */

/** A draft role: drafters edit the text, reviewers read and comment, viewers read. */
export type Role = "drafter" | "reviewer" | "viewer";

/** Every role, most powerful first. */
export const ROLES: readonly Role[] = ["drafter", "reviewer", "viewer"];

/** A person with an account. */
export interface Person {
  readonly id: number;
  readonly name: string;
  readonly office: string;
  readonly isAdmin: boolean;
}

/** A person with the stored password hash (never sent to a client). */
export interface PersonWithSecret extends Person {
  readonly passwordHash: string;
}

/** A signed-in session; the token itself is never stored, only its hash. */
export interface SessionRecord {
  readonly tokenHash: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** A shared draft and the hash of its immutable base text. */
export interface DraftRecord {
  readonly id: string;
  readonly title: string;
  readonly baseHash: string;
  readonly createdBy: number;
  readonly createdAt: number;
}

/** One member of a draft: a person or a whole office, with one role. */
export type Member =
  | { readonly kind: "person"; readonly userId: number; readonly name: string; readonly office: string; readonly role: Role }
  | { readonly kind: "office"; readonly office: string; readonly role: Role };

/** Who a membership is for. */
export type MemberTarget = { readonly kind: "person"; readonly userId: number } | { readonly kind: "office"; readonly officeId: number };

/** One row of the append-only audit trail. */
export interface AuditRow {
  readonly id: number;
  readonly at: number;
  readonly userName: string | null;
  readonly office: string | null;
  readonly draftId: string | null;
  readonly action: string;
  readonly detail: string;
}

/** What is appended to the audit trail (the id and time are the storage's). */
export interface AuditEntry {
  readonly at: number;
  readonly userName: string | null;
  readonly office: string | null;
  readonly draftId: string | null;
  readonly action: string;
  readonly detail: string;
}

/** A draft's stored Yjs state: the latest snapshot (if any) and the log rows after it, in order. */
export interface StoredDocument {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  /** The log id of the last row included (the snapshot's when there are no rows; 0 when empty). */
  readonly lastId: number;
}

/** The storage the server runs on. */
export interface Storage {
  /** The schema version after migrations. */
  schemaVersion(): Promise<number>;
  countPeople(): Promise<number>;
  /** Finds or creates the office with this name (names compare without case). */
  ensureOffice(name: string): Promise<number>;
  findOffice(name: string): Promise<{ id: number; name: string } | null>;
  listOffices(): Promise<readonly string[]>;
  /** Adds a person; refuses (throws DuplicateError) a name already taken. */
  addPerson(person: { name: string; officeId: number; passwordHash: string; isAdmin: boolean; createdAt: number }): Promise<Person>;
  findPersonByName(name: string): Promise<PersonWithSecret | null>;
  findPersonById(id: number): Promise<Person | null>;
  listPeople(): Promise<readonly Person[]>;

  addSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: number): Promise<void>;

  /** Stores a base text under its hash; storing the same text again is a no-op. */
  putBaseText(hash: string, text: string): Promise<void>;
  getBaseText(hash: string): Promise<string | null>;
  addDraft(draft: DraftRecord): Promise<void>;
  findDraft(id: string): Promise<DraftRecord | null>;
  /** The drafts a person can open (through their own or their office's membership). */
  listDraftsFor(userId: number): Promise<readonly (DraftRecord & { role: Role })[]>;
  /** The role of a person on a draft: their own membership, else their office's; null if neither. */
  roleOf(draftId: string, userId: number): Promise<Role | null>;
  setMember(draftId: string, target: MemberTarget, role: Role): Promise<void>;
  /** Removes a membership; false when there was none. */
  removeMember(draftId: string, target: MemberTarget): Promise<boolean>;
  listMembers(draftId: string): Promise<readonly Member[]>;

  /** Appends one Yjs update to the draft's log, durably, before the call resolves; gives its log id (increasing). */
  appendUpdate(draftId: string, update: Uint8Array, userId: number | null, at: number): Promise<number>;
  /** Drops one log row (an update logged but then refused: its connection became read-only). */
  discardUpdate(draftId: string, id: number): Promise<void>;
  /** The snapshot and the log rows written after it. */
  loadDocument(draftId: string): Promise<StoredDocument>;
  /**
   * Replaces the snapshot by `state` and drops the log rows up to `uptoId`, which `state` must
   * include (the caller encodes it from the live document and knows which rows it has applied).
   */
  compact(draftId: string, state: Uint8Array, uptoId: number, at: number): Promise<void>;
  /** Number of log rows after the snapshot (for tests and health). */
  countUpdates(draftId: string): Promise<number>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Audit rows, oldest first; for one draft, or all when draftId is null. */
  listAudit(draftId: string | null): Promise<readonly AuditRow[]>;

  close(): Promise<void>;
}

/** The refusal when a database was migrated by a newer server than this one. */
export function newerSchemaMessage(found: number, newest: number): string {
  return `the database has schema version ${found}, newer than this server's ${newest}: upgrade the server`;
}

/** A unique name (person) already taken. */
export class DuplicateError extends Error {}
