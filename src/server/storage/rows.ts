/**
 * Turning database rows into the storage's records, shared by the SQLite and PostgreSQL
 * storages so both give the same values (numbers as numbers, nulls as nulls).
 */
import type { AuditRow, DraftRecord, Person, SessionRecord } from "./storage";

/** A row as a database driver gives it. */
export type Row = Record<string, unknown>;

/** A person from a row with id, name, office and is_admin (1/0 or true/false). */
export function personFromRow(row: Row): Person {
  return { id: Number(row.id), name: String(row.name), office: String(row.office), isAdmin: row.is_admin === 1 || row.is_admin === true };
}

/** A draft record from a drafts row. */
export function draftFromRow(row: Row): DraftRecord {
  return { id: String(row.id), title: String(row.title), baseHash: String(row.base_hash), createdBy: Number(row.created_by), createdAt: Number(row.created_at) };
}

/** A session from a sessions row. */
export function sessionFromRow(row: Row): SessionRecord {
  return { tokenHash: String(row.token_hash), userId: Number(row.user_id), csrfToken: String(row.csrf_token), createdAt: Number(row.created_at), expiresAt: Number(row.expires_at) };
}

/** An audit row from an audit table row. */
export function auditFromRow(row: Row): AuditRow {
  return {
    id: Number(row.id), at: Number(row.at), userName: row.user_name === null ? null : String(row.user_name),
    office: row.office === null ? null : String(row.office), draftId: row.draft_id === null ? null : String(row.draft_id),
    action: String(row.action), detail: String(row.detail),
  };
}

/** The bytes of a BLOB/BYTEA value (a Node Buffer) as a Uint8Array over the same memory. */
export function bytesFromValue(value: unknown): Uint8Array {
  const buffer = value as Buffer;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A Uint8Array as a Buffer over the same memory, for a driver's parameter. */
export function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
