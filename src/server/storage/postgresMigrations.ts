/**
 * The PostgreSQL schema: the same tables, constraints and guards as the SQLite migrations of
 * the same numbers, in PostgreSQL's dialect (BIGINT times, BYTEA, case-blind unique names by
 * lower(), triggers that refuse to change base texts or the audit trail). The table
 * `schema_version` records the last one applied. Never edit a released migration: add the
 * next number, here and in migrations.ts together.
 */
export const POSTGRES_MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE offices (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL
      );
      CREATE UNIQUE INDEX offices_name ON offices (lower(name));
      CREATE TABLE users (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL,
        office_id BIGINT NOT NULL REFERENCES offices(id),
        password_hash TEXT NOT NULL,
        is_admin BOOLEAN NOT NULL DEFAULT FALSE,
        created_at BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX users_name ON users (lower(name));
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id BIGINT NOT NULL REFERENCES users(id),
        csrf_token TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions(expires_at);
      CREATE TABLE base_texts (
        hash TEXT PRIMARY KEY,
        text TEXT NOT NULL
      );
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END;
      $$;
      CREATE TRIGGER base_texts_immutable BEFORE UPDATE OR DELETE ON base_texts
        FOR EACH ROW EXECUTE FUNCTION refuse_change('base texts are immutable');
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        base_hash TEXT NOT NULL REFERENCES base_texts(hash),
        created_by BIGINT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL
      );
      CREATE TABLE memberships (
        id BIGSERIAL PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts(id),
        user_id BIGINT REFERENCES users(id),
        office_id BIGINT REFERENCES offices(id),
        role TEXT NOT NULL CHECK (role IN ('drafter', 'reviewer', 'viewer')),
        CHECK ((user_id IS NULL) <> (office_id IS NULL))
      );
      CREATE UNIQUE INDEX memberships_person ON memberships(draft_id, user_id) WHERE user_id IS NOT NULL;
      CREATE UNIQUE INDEX memberships_office ON memberships(draft_id, office_id) WHERE office_id IS NOT NULL;
      CREATE TABLE doc_updates (
        id BIGSERIAL PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts(id),
        data BYTEA NOT NULL,
        user_id BIGINT,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX doc_updates_draft ON doc_updates(draft_id, id);
      CREATE TABLE doc_snapshots (
        draft_id TEXT PRIMARY KEY REFERENCES drafts(id),
        data BYTEA NOT NULL,
        upto_update_id BIGINT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE audit (
        id BIGSERIAL PRIMARY KEY,
        at BIGINT NOT NULL,
        user_name TEXT,
        office TEXT,
        draft_id TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX audit_draft ON audit(draft_id, id);
      CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
        FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit trail is append-only');
    `,
  },
];
