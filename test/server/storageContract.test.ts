/**
 * Both storages keep the same contract: the same tests run on SQLite and on a real PostgreSQL
 * server, and a random sequence of operations gives the same answers from both (the SQLite
 * storage, the older and simpler one, is the oracle for the PostgreSQL one).
 */
import Database from "better-sqlite3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DATABASE_FILE, openPostgresStorage, openSqliteStorage, type Storage } from "../../src/server";
import { tempDataDir } from "./helpers";
import { freshPostgresDatabase, POSTGRES_MISSING, queryAsAdmin, reportMissingPostgres } from "./postgres";

interface Opened {
  readonly storage: Storage;
  /** Opens the same data again (a restart). */
  reopen(): Promise<Storage>;
  /** Marks the data as migrated by a newer server (schema version 99). */
  pretendNewerSchema(): Promise<void>;
}

const sqlite = async (): Promise<Opened> => {
  const dir = tempDataDir();
  return {
    storage: openSqliteStorage(dir),
    reopen: async () => openSqliteStorage(dir),
    pretendNewerSchema: async () => {
      const db = new Database(join(dir, DATABASE_FILE));
      db.pragma("user_version = 99");
      db.close();
    },
  };
};

const postgres = async (): Promise<Opened> => {
  const url = await freshPostgresDatabase();
  return {
    storage: await openPostgresStorage(url),
    reopen: () => openPostgresStorage(url),
    pretendNewerSchema: () => queryAsAdmin(url, "UPDATE schema_version SET version = 99"),
  };
};

const BACKENDS: readonly [string, () => Promise<Opened>][] = POSTGRES_MISSING ? [["SQLite", sqlite]] : [["SQLite", sqlite], ["PostgreSQL", postgres]];

async function withDraft(storage: Storage, id = "d1") {
  const office = await storage.ensureOffice("Advancing Justice | Chicago");
  const person = await storage.addPerson({ name: "Ada", officeId: office, passwordHash: "scrypt$x", isAdmin: true, createdAt: 1_700_000_000_000 });
  await storage.putBaseText("h", "base");
  await storage.addDraft({ id, title: "Welcoming City amendment", baseHash: "h", createdBy: person.id, createdAt: 1_700_000_000_001 });
  return { office, person };
}

describe("storage contract", () => {
  reportMissingPostgres();

  describe.each(BACKENDS)("%s", (_name, open) => {
    it("migrates once, keeps data across a restart and refuses a newer schema", async () => {
      const { storage, reopen, pretendNewerSchema } = await open();
      expect(await storage.schemaVersion()).toBe(1);
      await storage.ensureOffice("Kept");
      await storage.close();
      const again = await reopen();
      expect(await again.schemaVersion()).toBe(1);
      expect(await again.listOffices()).toEqual(["Kept"]);
      await again.close();
      await pretendNewerSchema();
      await expect(reopen()).rejects.toThrow(/schema version 99, newer than this server's 1/);
    });

    it("names of offices and people are unique without regard to case, and times keep their milliseconds", async () => {
      const { storage } = await open();
      const a = await storage.ensureOffice("Office of Ald. Ramirez-Rosa, 35th Ward");
      expect(await storage.ensureOffice("office of ald. ramirez-rosa, 35th ward")).toBe(a);
      expect((await storage.findOffice("OFFICE OF ALD. RAMIREZ-ROSA, 35TH WARD"))?.name).toBe("Office of Ald. Ramirez-Rosa, 35th Ward");
      expect(await storage.findOffice("Nobody")).toBeNull();
      const ada = await storage.addPerson({ name: "Ada", officeId: a, passwordHash: "hash", isAdmin: false, createdAt: 1_733_000_000_123 });
      expect(ada).toEqual({ id: ada.id, name: "Ada", office: "Office of Ald. Ramirez-Rosa, 35th Ward", isAdmin: false });
      await expect(storage.addPerson({ name: "ADA", officeId: a, passwordHash: "h2", isAdmin: true, createdAt: 2 })).rejects.toThrow(/a person named "ADA" already exists/);
      expect(await storage.findPersonByName("aDa")).toEqual({ ...ada, passwordHash: "hash" });
      expect(await storage.countPeople()).toBe(1);
      await storage.addSession({ tokenHash: "t1", userId: ada.id, csrfToken: "c", createdAt: 1_733_000_000_123, expiresAt: 1_733_000_100_456 });
      expect(await storage.findSession("t1")).toEqual({ tokenHash: "t1", userId: ada.id, csrfToken: "c", createdAt: 1_733_000_000_123, expiresAt: 1_733_000_100_456 });
      await storage.deleteExpiredSessions(1_733_000_100_455);
      expect(await storage.findSession("t1")).not.toBeNull();
      await storage.deleteExpiredSessions(1_733_000_100_456);
      expect(await storage.findSession("t1")).toBeNull();
      await storage.close();
    });

    it("base texts never change, memberships give roles through a person or an office, and the audit trail keeps order", async () => {
      const { storage } = await open();
      const { person } = await withDraft(storage);
      await storage.putBaseText("h", "another text under the same hash");
      expect(await storage.getBaseText("h")).toBe("base");
      const ward = await storage.ensureOffice("Office of Ald. Example, 1st Ward");
      const bo = await storage.addPerson({ name: "Bo", officeId: ward, passwordHash: "x", isAdmin: false, createdAt: 3 });
      expect(await storage.roleOf("d1", bo.id)).toBeNull();
      await storage.setMember("d1", { kind: "office", officeId: ward }, "viewer");
      expect(await storage.roleOf("d1", bo.id)).toBe("viewer");
      await storage.setMember("d1", { kind: "person", userId: bo.id }, "reviewer");
      await storage.setMember("d1", { kind: "person", userId: bo.id }, "drafter");
      expect(await storage.roleOf("d1", bo.id)).toBe("drafter");
      expect(await storage.listMembers("d1")).toEqual([
        { kind: "office", office: "Office of Ald. Example, 1st Ward", role: "viewer" },
        { kind: "person", userId: bo.id, name: "Bo", office: "Office of Ald. Example, 1st Ward", role: "drafter" },
      ]);
      expect(await storage.removeMember("d1", { kind: "person", userId: bo.id })).toBe(true);
      expect(await storage.removeMember("d1", { kind: "person", userId: bo.id })).toBe(false);
      expect(await storage.roleOf("d1", bo.id)).toBe("viewer");
      expect((await storage.listDraftsFor(bo.id)).map((d) => [d.id, d.role, d.createdAt])).toEqual([["d1", "viewer", 1_700_000_000_001]]);
      expect(await storage.listDraftsFor(person.id)).toEqual([]);
      for (let i = 0; i < 5; i++) await storage.appendAudit({ at: 10 + i, userName: i % 2 ? "Bo" : null, office: null, draftId: i < 3 ? "d1" : null, action: `a${i}`, detail: "" });
      expect((await storage.listAudit("d1")).map((row) => row.action)).toEqual(["a0", "a1", "a2"]);
      expect((await storage.listAudit(null)).map((row) => [row.action, row.userName, row.at])).toEqual([["a0", null, 10], ["a1", "Bo", 11], ["a2", null, 12], ["a3", "Bo", 13], ["a4", null, 14]]);
      await storage.close();
    });

    it("the update log loads to the state of every update applied, whatever the compaction points, and keeps big updates whole", async () => {
      const { storage, reopen } = await open();
      await withDraft(storage);
      const live = new Y.Doc();
      const truth = new Y.Doc();
      let seed = 11;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      let lastId = 0;
      for (let i = 0; i < 150; i++) {
        const text = live.getText("t");
        const before = Y.encodeStateVector(live);
        if (text.length > 0 && random() < 0.3) text.delete(Math.floor(random() * text.length), 1);
        else text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
        const update = Y.encodeStateAsUpdate(live, before);
        Y.applyUpdate(truth, update);
        const id = await storage.appendUpdate("d1", update, null, i);
        expect(id).toBeGreaterThan(lastId);
        lastId = id;
        if (random() < 0.06) await storage.compact("d1", Y.encodeStateAsUpdate(live), lastId, i);
      }
      const refused = await storage.appendUpdate("d1", new Uint8Array([1, 2, 3]), null, 999);
      await storage.discardUpdate("d1", refused);
      const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) % 256);
      const bigDoc = new Y.Doc();
      bigDoc.getMap("m").set("blob", big);
      const bigUpdate = Y.encodeStateAsUpdate(bigDoc);
      await storage.close();
      const restarted = await reopen();
      const stored = await restarted.loadDocument("d1");
      expect(stored.lastId).toBe(lastId);
      expect(stored.updates.length).toBe(await restarted.countUpdates("d1"));
      const loaded = new Y.Doc();
      for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(loaded, update);
      expect(loaded.getText("t").toString()).toBe(truth.getText("t").toString());
      await restarted.compact("d1", new Uint8Array([0, 0]), 1, 999);
      expect((await restarted.loadDocument("d1")).snapshot).toEqual(stored.snapshot);
      const bigId = await restarted.appendUpdate("d1", bigUpdate, 7, 1000);
      const withBig = await restarted.loadDocument("d1");
      expect(withBig.lastId).toBe(bigId);
      // (Buffer.equals: a deep equality over 3 MB element by element takes seconds.)
      expect(Buffer.from(withBig.updates.at(-1)!).equals(Buffer.from(bigUpdate))).toBe(true);
      await restarted.close();
    });

    it("appends made at once each get their own increasing id and all load, in order", async () => {
      const { storage } = await open();
      await withDraft(storage);
      const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => storage.appendUpdate("d1", new Uint8Array([i]), null, i)));
      expect(new Set(ids).size).toBe(60);
      const stored = await storage.loadDocument("d1");
      const byId = [...ids.keys()].sort((a, b) => ids[a]! - ids[b]!);
      expect(stored.updates.map((u) => u[0])).toEqual(byId);
      await storage.close();
    });
  });

  it.skipIf(POSTGRES_MISSING !== null)("PostgreSQL answers a random sequence of operations exactly as SQLite does", async () => {
    const a = (await sqlite()).storage;
    const b = (await postgres()).storage;
    let seed = 2026;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const names = ["Ada", "ada", "Bo", "Cy", "Dee"];
    const offices = ["Office A", "office a", "Office B"];
    const roles = ["drafter", "reviewer", "viewer"] as const;
    // Ids are each storage's own (PostgreSQL's sequences skip numbers after a refused insert):
    // people and offices are chosen by name and reported by name, log rows without their ids.
    const personId = async (storage: Storage) => (await storage.findPersonByName(names[random(5)]!))?.id ?? -1;
    const officeId = async (storage: Storage) => (await storage.findOffice(offices[random(3)]!))?.id ?? -1;
    const withoutIds = (value: unknown): unknown => value === undefined ? "done" : JSON.parse(JSON.stringify(value, (key, v) => (key === "id" || key === "userId" || key === "lastId" || key === "createdBy" ? undefined : v)));
    const answers = async (storage: Storage, step: number): Promise<unknown> => {
      const choice = step % 9;
      const draft = `d${step % 3}`;
      try {
        switch (choice) {
          case 0: await storage.ensureOffice(offices[random(3)]!); return "ok";
          case 1: return await storage.addPerson({ name: names[random(5)]!, officeId: await officeId(storage), passwordHash: "h", isAdmin: random(2) === 0, createdAt: step });
          case 2: return await storage.putBaseText(`h${random(2)}`, `text ${step}`);
          case 3: return await storage.addDraft({ id: draft, title: `t${step}`, baseHash: "h0", createdBy: Math.max(1, await personId(storage)), createdAt: step });
          case 4: return await storage.setMember(draft, random(2) ? { kind: "person", userId: await personId(storage) } : { kind: "office", officeId: await officeId(storage) }, roles[random(3)]!);
          case 5: return [await storage.roleOf(draft, await personId(storage)), await storage.listMembers(draft), await storage.removeMember(draft, { kind: "person", userId: await personId(storage) })];
          case 6: await storage.appendUpdate(draft, new Uint8Array([step % 256]), null, step); return "ok";
          case 7: return [await storage.listPeople(), await storage.listOffices(), await storage.listDraftsFor(await personId(storage))];
          default: return [await storage.loadDocument(draft), await storage.countUpdates(draft), await storage.getBaseText(`h${random(2)}`)];
        }
      } catch (error) {
        // The same refusal from both (a duplicate name, a missing reference), in words or not.
        return `refused: ${(error as Error).constructor.name === "DuplicateError" ? (error as Error).message : "constraint"}`;
      }
    };
    for (let step = 0; step < 400; step++) {
      const saved = seed;
      const fromSqlite = await answers(a, step);
      seed = saved;
      const fromPostgres = await answers(b, step);
      expect(withoutIds(fromPostgres), `step ${step}`).toEqual(withoutIds(fromSqlite));
    }
    await a.close();
    await b.close();
  }, 120_000);
});
