/**
 * The numbered schema migrations, applied in order inside one transaction each; the
 * database's `user_version` records the last one applied. Never edit a released migration:
 * add the next number.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE offices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
      );
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        office_id INTEGER NOT NULL REFERENCES offices(id),
        password_hash TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions(expires_at);
      CREATE TABLE base_texts (
        hash TEXT PRIMARY KEY,
        text TEXT NOT NULL
      );
      CREATE TRIGGER base_texts_immutable_update BEFORE UPDATE ON base_texts
        BEGIN SELECT RAISE(ABORT, 'base texts are immutable'); END;
      CREATE TRIGGER base_texts_immutable_delete BEFORE DELETE ON base_texts
        BEGIN SELECT RAISE(ABORT, 'base texts are immutable'); END;
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        base_hash TEXT NOT NULL REFERENCES base_texts(hash),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL
      );
      CREATE TABLE memberships (
        id INTEGER PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts(id),
        user_id INTEGER REFERENCES users(id),
        office_id INTEGER REFERENCES offices(id),
        role TEXT NOT NULL CHECK (role IN ('drafter', 'reviewer', 'viewer')),
        CHECK ((user_id IS NULL) <> (office_id IS NULL))
      );
      CREATE UNIQUE INDEX memberships_person ON memberships(draft_id, user_id) WHERE user_id IS NOT NULL;
      CREATE UNIQUE INDEX memberships_office ON memberships(draft_id, office_id) WHERE office_id IS NOT NULL;
      CREATE TABLE doc_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        draft_id TEXT NOT NULL REFERENCES drafts(id),
        data BLOB NOT NULL,
        user_id INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX doc_updates_draft ON doc_updates(draft_id, id);
      CREATE TABLE doc_snapshots (
        draft_id TEXT PRIMARY KEY REFERENCES drafts(id),
        data BLOB NOT NULL,
        upto_update_id INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        user_name TEXT,
        office TEXT,
        draft_id TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX audit_draft ON audit(draft_id, id);
      CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `,
  },
];
