/**
 * The collaboration server: one process serving the app, the JSON API and the Hocuspocus
 * WebSocket, on SQLite by default or PostgreSQL.
 */
export { startServer, COLLAB_PATH, type RunningServer, type ServerOptions } from "./server";
export { runServerCommand, ServerUsageError, type ServerCommandStreams } from "./cli";
export { openSqliteStorage, SqliteStorage, DATABASE_FILE } from "./storage/sqliteStorage";
export { openPostgresStorage, PostgresStorage, isPostgresUrl } from "./storage/postgresStorage";
export { openStorage, describeStorage, DEFAULT_DATA_DIR, type StorageChoice } from "./storage/openStorage";
export type { Storage, Role, Person, AuditRow } from "./storage/storage";
export { CSRF_HEADER, REQUESTED_WITH_HEADER, REQUESTED_WITH_VALUE, SESSION_COOKIE } from "./sessions";
