/**
 * The second storage, for deployments that outgrow one machine: a PostgreSQL database named
 * by a `postgres://` URL. Same records and guarantees as the SQLite storage: a resolved
 * `appendUpdate` is committed (PostgreSQL's default synchronous commit), loading reads the
 * snapshot and its newer rows in one consistent transaction, and migrations run once, under
 * an advisory lock, so several servers starting together do not race.
 */
import pg from "pg";
import { POSTGRES_MIGRATIONS } from "./postgresMigrations";
import { auditFromRow, bufferOf, bytesFromValue, draftFromRow, personFromRow, sessionFromRow, type Row } from "./rows";
import {
  DuplicateError, newerSchemaMessage, type AuditEntry, type AuditRow, type DraftRecord, type Member, type MemberTarget,
  type Person, type PersonWithSecret, type Role, type SessionRecord, type Storage, type StoredDocument,
} from "./storage";

/** Whether a database option names a PostgreSQL server. */
export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

/** Connects to the database at `url` and applies the migrations it lacks. */
export async function openPostgresStorage(url: string): Promise<PostgresStorage> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's network error must not crash the server; the next query reports it.
  pool.on("error", () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStorage(pool);
}

const PERSON = "SELECT u.id, u.name, o.name AS office, u.is_admin, u.password_hash FROM users u JOIN offices o ON o.id = u.office_id";

/** Storage on one PostgreSQL database, through a connection pool. */
export class PostgresStorage implements Storage {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, values: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, values as unknown[])).rows as Row[];
  }

  private async row(sql: string, values: readonly unknown[] = []): Promise<Row | undefined> {
    return (await this.rows(sql, values))[0];
  }

  /** Runs `work` in one transaction on one connection, rolling back if it throws. */
  private async transaction<T>(isolation: "READ COMMITTED" | "REPEATABLE READ", work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async schemaVersion(): Promise<number> {
    return Number((await this.row("SELECT version FROM schema_version"))!.version);
  }

  async countPeople(): Promise<number> {
    return Number((await this.row("SELECT count(*) AS n FROM users"))!.n);
  }

  async ensureOffice(name: string): Promise<number> {
    await this.pool.query("INSERT INTO offices (name) VALUES ($1) ON CONFLICT ((lower(name))) DO NOTHING", [name]);
    return Number((await this.row("SELECT id FROM offices WHERE lower(name) = lower($1)", [name]))!.id);
  }

  async findOffice(name: string): Promise<{ id: number; name: string } | null> {
    const row = await this.row("SELECT id, name FROM offices WHERE lower(name) = lower($1)", [name]);
    return row ? { id: Number(row.id), name: String(row.name) } : null;
  }

  async listOffices(): Promise<readonly string[]> {
    return (await this.rows("SELECT name FROM offices ORDER BY lower(name) COLLATE \"C\"")).map((row) => String(row.name));
  }

  async addPerson(p: { name: string; officeId: number; passwordHash: string; isAdmin: boolean; createdAt: number }): Promise<Person> {
    try {
      const row = await this.row("INSERT INTO users (name, office_id, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        [p.name, p.officeId, p.passwordHash, p.isAdmin, p.createdAt]);
      return (await this.findPersonById(Number(row!.id)))!;
    } catch (error) {
      if ((error as { code?: string }).code === "23505") throw new DuplicateError(`a person named "${p.name}" already exists`);
      throw error;
    }
  }

  async findPersonByName(name: string): Promise<PersonWithSecret | null> {
    const row = await this.row(`${PERSON} WHERE lower(u.name) = lower($1)`, [name]);
    return row ? { ...personFromRow(row), passwordHash: String(row.password_hash) } : null;
  }

  async findPersonById(id: number): Promise<Person | null> {
    const row = await this.row(`${PERSON} WHERE u.id = $1`, [id]);
    return row ? personFromRow(row) : null;
  }

  async listPeople(): Promise<readonly Person[]> {
    return (await this.rows(`${PERSON} ORDER BY lower(u.name) COLLATE "C"`)).map(personFromRow);
  }

  async addSession(s: SessionRecord): Promise<void> {
    await this.pool.query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
      [s.tokenHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt]);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = await this.row("SELECT * FROM sessions WHERE token_hash = $1", [tokenHash]);
    return row ? sessionFromRow(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash]);
  }

  async deleteExpiredSessions(now: number): Promise<void> {
    await this.pool.query("DELETE FROM sessions WHERE expires_at <= $1", [now]);
  }

  async putBaseText(hash: string, text: string): Promise<void> {
    await this.pool.query("INSERT INTO base_texts (hash, text) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING", [hash, text]);
  }

  async getBaseText(hash: string): Promise<string | null> {
    const row = await this.row("SELECT text FROM base_texts WHERE hash = $1", [hash]);
    return row ? String(row.text) : null;
  }

  async addDraft(d: DraftRecord): Promise<void> {
    await this.pool.query("INSERT INTO drafts (id, title, base_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5)",
      [d.id, d.title, d.baseHash, d.createdBy, d.createdAt]);
  }

  async findDraft(id: string): Promise<DraftRecord | null> {
    const row = await this.row("SELECT * FROM drafts WHERE id = $1", [id]);
    return row ? draftFromRow(row) : null;
  }

  async listDraftsFor(userId: number): Promise<readonly (DraftRecord & { role: Role })[]> {
    const rows = await this.rows("SELECT id FROM drafts ORDER BY created_at, id COLLATE \"C\"");
    const result: (DraftRecord & { role: Role })[] = [];
    for (const row of rows) {
      const role = await this.roleOf(String(row.id), userId);
      if (role) result.push({ ...(await this.findDraft(String(row.id)))!, role });
    }
    return result;
  }

  async roleOf(draftId: string, userId: number): Promise<Role | null> {
    const own = await this.row("SELECT role FROM memberships WHERE draft_id = $1 AND user_id = $2", [draftId, userId]);
    if (own) return own.role as Role;
    const office = await this.row(
      "SELECT m.role FROM memberships m JOIN users u ON u.office_id = m.office_id WHERE m.draft_id = $1 AND u.id = $2", [draftId, userId]);
    return office ? (office.role as Role) : null;
  }

  async setMember(draftId: string, target: MemberTarget, role: Role): Promise<void> {
    if (target.kind === "person") {
      await this.pool.query("INSERT INTO memberships (draft_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (draft_id, user_id) WHERE user_id IS NOT NULL DO UPDATE SET role = excluded.role",
        [draftId, target.userId, role]);
    } else {
      await this.pool.query("INSERT INTO memberships (draft_id, office_id, role) VALUES ($1, $2, $3) ON CONFLICT (draft_id, office_id) WHERE office_id IS NOT NULL DO UPDATE SET role = excluded.role",
        [draftId, target.officeId, role]);
    }
  }

  async removeMember(draftId: string, target: MemberTarget): Promise<boolean> {
    const result = target.kind === "person"
      ? await this.pool.query("DELETE FROM memberships WHERE draft_id = $1 AND user_id = $2", [draftId, target.userId])
      : await this.pool.query("DELETE FROM memberships WHERE draft_id = $1 AND office_id = $2", [draftId, target.officeId]);
    return (result.rowCount ?? 0) > 0;
  }

  async listMembers(draftId: string): Promise<readonly Member[]> {
    const rows = await this.rows(`
      SELECT m.role, m.user_id, u.name AS user_name, uo.name AS user_office, o.name AS office
      FROM memberships m LEFT JOIN users u ON u.id = m.user_id LEFT JOIN offices uo ON uo.id = u.office_id
      LEFT JOIN offices o ON o.id = m.office_id WHERE m.draft_id = $1 ORDER BY m.id`, [draftId]);
    return rows.map((row): Member => row.user_id !== null
      ? { kind: "person", userId: Number(row.user_id), name: String(row.user_name), office: String(row.user_office), role: row.role as Role }
      : { kind: "office", office: String(row.office), role: row.role as Role });
  }

  async appendUpdate(draftId: string, update: Uint8Array, userId: number | null, at: number): Promise<number> {
    const row = await this.row("INSERT INTO doc_updates (draft_id, data, user_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
      [draftId, bufferOf(update), userId, at]);
    return Number(row!.id);
  }

  async discardUpdate(draftId: string, id: number): Promise<void> {
    await this.pool.query("DELETE FROM doc_updates WHERE draft_id = $1 AND id = $2", [draftId, id]);
  }

  async loadDocument(draftId: string): Promise<StoredDocument> {
    return this.transaction("REPEATABLE READ", async (client) => {
      const snapshot = (await client.query("SELECT data, upto_update_id FROM doc_snapshots WHERE draft_id = $1", [draftId])).rows[0] as Row | undefined;
      const after = snapshot ? Number(snapshot.upto_update_id) : 0;
      const rows = (await client.query("SELECT id, data FROM doc_updates WHERE draft_id = $1 AND id > $2 ORDER BY id", [draftId, after])).rows as Row[];
      const lastId = rows.length > 0 ? Number(rows.at(-1)!.id) : after;
      return { snapshot: snapshot ? bytesFromValue(snapshot.data) : null, updates: rows.map((row) => bytesFromValue(row.data)), lastId };
    });
  }

  async compact(draftId: string, state: Uint8Array, uptoId: number, at: number): Promise<void> {
    await this.transaction("READ COMMITTED", async (client) => {
      // The draft's row lock orders concurrent compactions of one draft.
      await client.query("SELECT id FROM drafts WHERE id = $1 FOR UPDATE", [draftId]);
      const current = (await client.query("SELECT upto_update_id FROM doc_snapshots WHERE draft_id = $1", [draftId])).rows[0] as Row | undefined;
      if (current && Number(current.upto_update_id) > uptoId) return;
      await client.query(`INSERT INTO doc_snapshots (draft_id, data, upto_update_id, created_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (draft_id) DO UPDATE SET data = excluded.data, upto_update_id = excluded.upto_update_id, created_at = excluded.created_at`,
      [draftId, bufferOf(state), uptoId, at]);
      await client.query("DELETE FROM doc_updates WHERE draft_id = $1 AND id <= $2", [draftId, uptoId]);
    });
  }

  async countUpdates(draftId: string): Promise<number> {
    const snapshot = await this.row("SELECT upto_update_id FROM doc_snapshots WHERE draft_id = $1", [draftId]);
    const row = await this.row("SELECT count(*) AS n FROM doc_updates WHERE draft_id = $1 AND id > $2", [draftId, snapshot ? Number(snapshot.upto_update_id) : 0]);
    return Number(row!.n);
  }

  async appendAudit(e: AuditEntry): Promise<void> {
    await this.pool.query("INSERT INTO audit (at, user_name, office, draft_id, action, detail) VALUES ($1, $2, $3, $4, $5, $6)",
      [e.at, e.userName, e.office, e.draftId, e.action, e.detail]);
  }

  async listAudit(draftId: string | null): Promise<readonly AuditRow[]> {
    const rows = draftId === null
      ? await this.rows("SELECT * FROM audit ORDER BY id")
      : await this.rows("SELECT * FROM audit WHERE draft_id = $1 ORDER BY id", [draftId]);
    return rows.map(auditFromRow);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Key of the advisory lock held while migrating (any constant shared by every server). */
const MIGRATION_LOCK = 73_173_2;

/** Applies the migrations newer than the recorded schema version, each in its own transaction. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const recorded = (await client.query("SELECT version FROM schema_version")).rows[0] as Row | undefined;
    if (!recorded) await client.query("INSERT INTO schema_version (version) VALUES (0)");
    const current = recorded ? Number(recorded.version) : 0;
    const newest = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;
    if (current > newest) throw new Error(newerSchemaMessage(current, newest));
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("UPDATE schema_version SET version = $1", [migration.version]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
