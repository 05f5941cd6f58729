/**
 * The embedded default storage: one SQLite file (better-sqlite3) in the data directory, in
 * WAL mode with synchronous=FULL, so a resolved `appendUpdate` has reached the disk.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS } from "./migrations";
import { auditFromRow, bufferOf, bytesFromValue, draftFromRow, personFromRow, sessionFromRow, type Row } from "./rows";
import {
  DuplicateError, newerSchemaMessage, type AuditEntry, type AuditRow, type DraftRecord, type Member, type MemberTarget, type Person,
  type PersonWithSecret, type Role, type SessionRecord, type Storage, type StoredDocument,
} from "./storage";

/** The database file's name inside the data directory. */
export const DATABASE_FILE = "ordinance-redline.sqlite";

/** Opens (creating the directory and the file on first start) and migrates the database. */
export function openSqliteStorage(dataDir: string): SqliteStorage {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteStorage(new Database(join(dataDir, DATABASE_FILE)));
}

/** Storage on one SQLite database. */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;

  /** Takes an open database and applies the migrations it lacks. */
  constructor(db: Database.Database) {
    this.db = db;
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  }

  async schemaVersion(): Promise<number> {
    return Number(this.db.pragma("user_version", { simple: true }));
  }

  async countPeople(): Promise<number> {
    return Number((this.db.prepare("SELECT count(*) AS n FROM users").get() as Row).n);
  }

  async ensureOffice(name: string): Promise<number> {
    this.db.prepare("INSERT INTO offices (name) VALUES (?) ON CONFLICT (name) DO NOTHING").run(name);
    return Number((this.db.prepare("SELECT id FROM offices WHERE name = ?").get(name) as Row).id);
  }

  async findOffice(name: string): Promise<{ id: number; name: string } | null> {
    const row = this.db.prepare("SELECT id, name FROM offices WHERE name = ?").get(name) as Row | undefined;
    return row ? { id: Number(row.id), name: String(row.name) } : null;
  }

  async listOffices(): Promise<readonly string[]> {
    return (this.db.prepare("SELECT name FROM offices ORDER BY name").all() as Row[]).map((row) => String(row.name));
  }

  async addPerson(p: { name: string; officeId: number; passwordHash: string; isAdmin: boolean; createdAt: number }): Promise<Person> {
    try {
      const result = this.db.prepare("INSERT INTO users (name, office_id, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?)")
        .run(p.name, p.officeId, p.passwordHash, p.isAdmin ? 1 : 0, p.createdAt);
      return (await this.findPersonById(Number(result.lastInsertRowid)))!;
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new DuplicateError(`a person named "${p.name}" already exists`);
      throw error;
    }
  }

  private static readonly PERSON = "SELECT u.id, u.name, o.name AS office, u.is_admin, u.password_hash FROM users u JOIN offices o ON o.id = u.office_id";

  async findPersonByName(name: string): Promise<PersonWithSecret | null> {
    const row = this.db.prepare(`${SqliteStorage.PERSON} WHERE u.name = ?`).get(name) as Row | undefined;
    return row ? { ...personFromRow(row), passwordHash: String(row.password_hash) } : null;
  }

  async findPersonById(id: number): Promise<Person | null> {
    const row = this.db.prepare(`${SqliteStorage.PERSON} WHERE u.id = ?`).get(id) as Row | undefined;
    return row ? personFromRow(row) : null;
  }

  async listPeople(): Promise<readonly Person[]> {
    return (this.db.prepare(`${SqliteStorage.PERSON} ORDER BY u.name`).all() as Row[]).map(personFromRow);
  }

  async addSession(s: SessionRecord): Promise<void> {
    this.db.prepare("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
      .run(s.tokenHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.db.prepare("SELECT * FROM sessions WHERE token_hash = ?").get(tokenHash) as Row | undefined;
    return row ? sessionFromRow(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash);
  }

  async deleteExpiredSessions(now: number): Promise<void> {
    this.db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(now);
  }

  async putBaseText(hash: string, text: string): Promise<void> {
    this.db.prepare("INSERT INTO base_texts (hash, text) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING").run(hash, text);
  }

  async getBaseText(hash: string): Promise<string | null> {
    const row = this.db.prepare("SELECT text FROM base_texts WHERE hash = ?").get(hash) as Row | undefined;
    return row ? String(row.text) : null;
  }

  async addDraft(d: DraftRecord): Promise<void> {
    this.db.prepare("INSERT INTO drafts (id, title, base_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
      .run(d.id, d.title, d.baseHash, d.createdBy, d.createdAt);
  }

  async findDraft(id: string): Promise<DraftRecord | null> {
    const row = this.db.prepare("SELECT * FROM drafts WHERE id = ?").get(id) as Row | undefined;
    return row ? draftFromRow(row) : null;
  }

  async listDraftsFor(userId: number): Promise<readonly (DraftRecord & { role: Role })[]> {
    const rows = this.db.prepare("SELECT id FROM drafts ORDER BY created_at, id").all() as Row[];
    const result: (DraftRecord & { role: Role })[] = [];
    for (const row of rows) {
      const role = await this.roleOf(String(row.id), userId);
      if (role) result.push({ ...(await this.findDraft(String(row.id)))!, role });
    }
    return result;
  }

  async roleOf(draftId: string, userId: number): Promise<Role | null> {
    const own = this.db.prepare("SELECT role FROM memberships WHERE draft_id = ? AND user_id = ?").get(draftId, userId) as Row | undefined;
    if (own) return own.role as Role;
    const office = this.db.prepare(
      "SELECT m.role FROM memberships m JOIN users u ON u.office_id = m.office_id WHERE m.draft_id = ? AND u.id = ?",
    ).get(draftId, userId) as Row | undefined;
    return office ? (office.role as Role) : null;
  }

  async setMember(draftId: string, target: MemberTarget, role: Role): Promise<void> {
    if (target.kind === "person") {
      this.db.prepare("INSERT INTO memberships (draft_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (draft_id, user_id) WHERE user_id IS NOT NULL DO UPDATE SET role = excluded.role")
        .run(draftId, target.userId, role);
    } else {
      this.db.prepare("INSERT INTO memberships (draft_id, office_id, role) VALUES (?, ?, ?) ON CONFLICT (draft_id, office_id) WHERE office_id IS NOT NULL DO UPDATE SET role = excluded.role")
        .run(draftId, target.officeId, role);
    }
  }

  async removeMember(draftId: string, target: MemberTarget): Promise<boolean> {
    const result = target.kind === "person"
      ? this.db.prepare("DELETE FROM memberships WHERE draft_id = ? AND user_id = ?").run(draftId, target.userId)
      : this.db.prepare("DELETE FROM memberships WHERE draft_id = ? AND office_id = ?").run(draftId, target.officeId);
    return result.changes > 0;
  }

  async listMembers(draftId: string): Promise<readonly Member[]> {
    const rows = this.db.prepare(`
      SELECT m.role, m.user_id, u.name AS user_name, uo.name AS user_office, o.name AS office
      FROM memberships m LEFT JOIN users u ON u.id = m.user_id LEFT JOIN offices uo ON uo.id = u.office_id
      LEFT JOIN offices o ON o.id = m.office_id WHERE m.draft_id = ? ORDER BY m.id`).all(draftId) as Row[];
    return rows.map((row): Member => row.user_id !== null
      ? { kind: "person", userId: Number(row.user_id), name: String(row.user_name), office: String(row.user_office), role: row.role as Role }
      : { kind: "office", office: String(row.office), role: row.role as Role });
  }

  async appendUpdate(draftId: string, update: Uint8Array, userId: number | null, at: number): Promise<number> {
    const result = this.db.prepare("INSERT INTO doc_updates (draft_id, data, user_id, created_at) VALUES (?, ?, ?, ?)")
      .run(draftId, bufferOf(update), userId, at);
    return Number(result.lastInsertRowid);
  }

  async discardUpdate(draftId: string, id: number): Promise<void> {
    this.db.prepare("DELETE FROM doc_updates WHERE draft_id = ? AND id = ?").run(draftId, id);
  }

  async loadDocument(draftId: string): Promise<StoredDocument> {
    return this.db.transaction((): StoredDocument => {
      const snapshot = this.db.prepare("SELECT data, upto_update_id FROM doc_snapshots WHERE draft_id = ?").get(draftId) as Row | undefined;
      const after = snapshot ? Number(snapshot.upto_update_id) : 0;
      const rows = this.db.prepare("SELECT id, data FROM doc_updates WHERE draft_id = ? AND id > ? ORDER BY id").all(draftId, after) as Row[];
      const lastId = rows.length > 0 ? Number(rows.at(-1)!.id) : after;
      return { snapshot: snapshot ? bytesFromValue(snapshot.data) : null, updates: rows.map((row) => bytesFromValue(row.data)), lastId };
    })();
  }

  async compact(draftId: string, state: Uint8Array, uptoId: number, at: number): Promise<void> {
    this.db.transaction(() => {
      const current = this.db.prepare("SELECT upto_update_id FROM doc_snapshots WHERE draft_id = ?").get(draftId) as Row | undefined;
      if (current && Number(current.upto_update_id) > uptoId) return;
      this.db.prepare(`INSERT INTO doc_snapshots (draft_id, data, upto_update_id, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (draft_id) DO UPDATE SET data = excluded.data, upto_update_id = excluded.upto_update_id, created_at = excluded.created_at`)
        .run(draftId, bufferOf(state), uptoId, at);
      this.db.prepare("DELETE FROM doc_updates WHERE draft_id = ? AND id <= ?").run(draftId, uptoId);
    })();
  }

  async countUpdates(draftId: string): Promise<number> {
    const snapshot = this.db.prepare("SELECT upto_update_id FROM doc_snapshots WHERE draft_id = ?").get(draftId) as Row | undefined;
    return Number((this.db.prepare("SELECT count(*) AS n FROM doc_updates WHERE draft_id = ? AND id > ?").get(draftId, snapshot ? Number(snapshot.upto_update_id) : 0) as Row).n);
  }

  async appendAudit(e: AuditEntry): Promise<void> {
    this.db.prepare("INSERT INTO audit (at, user_name, office, draft_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)")
      .run(e.at, e.userName, e.office, e.draftId, e.action, e.detail);
  }

  async listAudit(draftId: string | null): Promise<readonly AuditRow[]> {
    const rows = (draftId === null
      ? this.db.prepare("SELECT * FROM audit ORDER BY id").all()
      : this.db.prepare("SELECT * FROM audit WHERE draft_id = ? ORDER BY id").all(draftId)) as Row[];
    return rows.map(auditFromRow);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Applies the migrations newer than the database's user_version, each in its own transaction. */
function migrate(db: Database.Database): void {
  const current = Number(db.pragma("user_version", { simple: true }));
  const newest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > newest) throw new Error(newerSchemaMessage(current, newest));
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
