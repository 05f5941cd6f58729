/**
 * The SQLite storage: the data directory and schema made on first start, migrations applied
 * once, a newer schema refused, WAL with synchronous commits, and the update log's
 * compaction (snapshot + newer rows) checked against the Yjs state built from every update.
 */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DATABASE_FILE, openSqliteStorage } from "../../src/server";
import { tempDataDir } from "./helpers";

async function withDraft(dataDir: string, id: string) {
  const storage = openSqliteStorage(dataDir);
  const office = await storage.ensureOffice("Advancing Justice | Chicago");
  const p = await storage.addPerson({ name: "Ada", officeId: office, passwordHash: "x", isAdmin: true, createdAt: 1 });
  await storage.putBaseText("h", "base");
  await storage.addDraft({ id, title: "T", baseHash: "h", createdBy: p.id, createdAt: 1 });
  return storage;
}

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

  it("loads snapshot + newer rows to the same state as every update applied, whatever the compaction points", async () => {
    const dataDir = tempDataDir();
    const storage = await withDraft(dataDir, "d1");
    const live = new Y.Doc();
    const truth = new Y.Doc();
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let lastId = 0;
    for (let i = 0; i < 300; i++) {
      const text = live.getText("t");
      const before = Y.encodeStateVector(live);
      if (text.length > 0 && random() < 0.3) text.delete(Math.floor(random() * text.length), 1);
      else text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
      const update = Y.encodeStateAsUpdate(live, before);
      Y.applyUpdate(truth, update);
      lastId = await storage.appendUpdate("d1", update, null, i);
      if (random() < 0.05) await storage.compact("d1", Y.encodeStateAsUpdate(live), lastId, i);
    }
    const stored = await storage.loadDocument("d1");
    expect(stored.lastId).toBe(lastId);
    const loaded = new Y.Doc();
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(loaded, update);
    expect(loaded.getText("t").toString()).toBe(truth.getText("t").toString());
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBe(await storage.countUpdates("d1"));
    // An older compaction point never replaces a newer snapshot.
    await storage.compact("d1", new Uint8Array([0, 0]), 1, 999);
    const after = await storage.loadDocument("d1");
    expect(after.snapshot).toEqual(stored.snapshot);
    await storage.close();
  });
});
