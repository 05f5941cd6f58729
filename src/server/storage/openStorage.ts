/**
 * Choosing the storage from the command line's options: a `postgres://` database URL opens
 * PostgreSQL, anything else the embedded SQLite database in the data directory.
 */
import { isPostgresUrl, openPostgresStorage } from "./postgresStorage";
import { openSqliteStorage } from "./sqliteStorage";
import type { Storage } from "./storage";

/** The default data directory of the SQLite storage. */
export const DEFAULT_DATA_DIR = "ordinance-redline-data";

/** Where the data lives. */
export interface StorageChoice {
  /** A `postgres://user:password@host/db` URL; unset means SQLite in dataDir. */
  readonly database?: string;
  readonly dataDir?: string;
}

/** Opens (and migrates) the chosen storage; refuses a database option that is not a PostgreSQL URL. */
export async function openStorage(choice: StorageChoice): Promise<Storage> {
  if (choice.database !== undefined) {
    if (!isPostgresUrl(choice.database)) throw new Error(`--database takes a postgres:// URL, got "${describeStorage(choice)}"`);
    return openPostgresStorage(choice.database);
  }
  return openSqliteStorage(choice.dataDir ?? DEFAULT_DATA_DIR);
}

/** The storage in words for a log line, never with a password. */
export function describeStorage(choice: StorageChoice): string {
  if (choice.database === undefined) return `data in ${choice.dataDir ?? DEFAULT_DATA_DIR}`;
  try {
    const url = new URL(choice.database);
    if (url.password) url.password = "****";
    return `database ${url.toString()}`;
  } catch {
    return "database (an address that is not a URL)";
  }
}
