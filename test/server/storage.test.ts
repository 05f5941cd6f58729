/**
 * What only the SQLite storage does: the data directory and schema made on first start,
 * migrations applied once, a newer schema refused, WAL mode. What both storages do is in
 * storageContract.test.ts.
 */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATABASE_FILE, openSqliteStorage } from "../../src/server";
import { tempDataDir } from "./helpers";

describe("SQLite storage", () => {
  it("creates the data directory and the schema on first start, and migrates only once", async () => {
    const dataDir = join(tempDataDir(), "nested", "data");
    const storage = openSqliteStorage(dataDir);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    expect(await storage.schemaVersion()).toBe(1);
    await storage.ensureOffice("Kept");
    await storage.close();
    const again = openSqliteStorage(dataDir);
    expect(await again.listOffices()).toEqual(["Kept"]);
    await again.close();
    const db = new Database(join(dataDir, DATABASE_FILE));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.pragma("user_version = 99");
    db.close();
    expect(() => openSqliteStorage(dataDir)).toThrow(/schema version 99, newer than this server's 1/);
  });
});
