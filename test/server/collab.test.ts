/**
 * The collaboration WebSocket with real clients (@hocuspocus/provider over ws): convergence,
 * role enforcement (a reviewer's or viewer's text update refused and never stored), the
 * update log across a restart, compaction, and connections refused without a session or role.
 */
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { connect, firstAdmin, newDraft, openTestStorage, person, sleep, testServer, waitFor, type Peer, type TestData } from "./helpers";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function started(options: Parameters<typeof testServer>[0] = {}) {
  const server = await testServer(options);
  cleanups.push(() => server.close());
  return server;
}

function peer(p: Peer): Peer {
  cleanups.push(() => p.destroy());
  return p;
}

/** y-protocols variable-length unsigned integer. */
function encodeUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

function encodeBytes(bytes: Uint8Array): number[] {
  return [...encodeUint(bytes.length), ...bytes];
}

function encodeString(text: string): number[] {
  return encodeBytes(new TextEncoder().encode(text));
}

/** A Hocuspocus message: the document name, then the type numbers, then the payload. */
function frame(documentName: string, types: number[], payload: number[]): Uint8Array {
  return new Uint8Array([...encodeString(documentName), ...types.flatMap(encodeUint), ...payload]);
}

/** The text of a draft as the storage would load it, read through a fresh Y.Doc. */
async function storedText(data: TestData, draftId: string): Promise<string> {
  const storage = await openTestStorage(data);
  try {
    const stored = await storage.loadDocument(draftId);
    const doc = new Y.Doc();
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update);
    return doc.getText("t").toString();
  } finally {
    await storage.close();
  }
}

describe("collaboration", () => {
  it("two drafters' concurrent edits converge", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const other = await person(admin, "Bea Drafter", "Office of Ald. Ramirez-Rosa, 35th Ward");
    const draftId = await newDraft(admin);
    expect((await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Bea Drafter", role: "drafter" })).status).toBe(200);
    const a = peer(await connect(server.wsUrl, draftId, admin.cookie));
    const b = peer(await connect(server.wsUrl, draftId, other.cookie));
    for (let i = 0; i < 20; i++) {
      a.text.insert(0, `a${i} `);
      b.text.insert(b.text.length, `b${i} `);
      if (i % 5 === 0) await sleep(5);
    }
    await waitFor(() => a.text.toString() === b.text.toString() && a.text.length === 2 * (3 * 10 + 4 * 10), 15_000, "convergence");
    for (let i = 0; i < 20; i++) {
      expect(a.text.toString()).toContain(`a${i} `);
      expect(a.text.toString()).toContain(`b${i} `);
    }
    await a.acknowledged();
    await b.acknowledged();
  });

  for (const role of ["reviewer", "viewer"] as const) {
    it(`refuses a ${role}'s text update and never stores it`, async () => {
      const server = await started();
      const admin = await firstAdmin(server.url);
      const other = await person(admin, `Rae ${role}`, "Office of Ald. Vasquez, 40th Ward");
      const draftId = await newDraft(admin);
      await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: `Rae ${role}`, role });
      const drafter = peer(await connect(server.wsUrl, draftId, admin.cookie));
      drafter.text.insert(0, "drafted text");
      await drafter.acknowledged();
      const forger = peer(await connect(server.wsUrl, draftId, other.cookie));
      await waitFor(() => forger.text.toString() === "drafted text", 15_000, "the read-only client to load the draft");
      forger.text.insert(0, "FORGED ");
      await sleep(300);
      expect(forger.provider.hasUnsyncedChanges).toBe(true);
      // The drafter sees nothing of it; a new client loading from the server neither.
      expect(drafter.text.toString()).toBe("drafted text");
      const fresh = peer(await connect(server.wsUrl, draftId, admin.cookie));
      expect(fresh.text.toString()).toBe("drafted text");
      await server.close();
      expect(await storedText(server.data, draftId)).toBe("drafted text");
    });
  }

  it("refuses a forged update sent as a raw sync message on a viewer's own socket", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const viewer = await person(admin, "Vic Viewer", "Office of Ald. Hopkins, 2nd Ward");
    const draftId = await newDraft(admin);
    await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Vic Viewer", role: "viewer" });
    const drafter = peer(await connect(server.wsUrl, draftId, admin.cookie));
    const forged = new Y.Doc();
    forged.getText("t").insert(0, "FORGED");
    const replies: Uint8Array[] = [];
    const ws = new WebSocket(server.wsUrl, { headers: { cookie: viewer.cookie } });
    cleanups.push(() => ws.terminate());
    ws.on("message", (data: Buffer) => replies.push(new Uint8Array(data)));
    await new Promise((resolve) => ws.on("open", resolve));
    // Auth (type 2, token sub-type 0, empty token), then a sync update (type 0, sub-type 2).
    ws.send(frame(draftId, [2, 0], encodeString("")));
    await waitFor(() => replies.length > 0, 15_000, "the authentication answer");
    ws.send(frame(draftId, [0, 2], encodeBytes(Y.encodeStateAsUpdate(forged))));
    await sleep(300);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(drafter.text.toString()).toBe("");
    const fresh = peer(await connect(server.wsUrl, draftId, admin.cookie));
    expect(fresh.text.toString()).toBe("");
    expect(await server.storage.countUpdates(draftId)).toBe(0);
  });

  it("refuses a connection without a session, and one without a role on the draft", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const stranger = await person(admin, "Sam Stranger", "Elsewhere");
    const draftId = await newDraft(admin);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(server.wsUrl);
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => {});
    });
    expect(status).toBe(401);
    await expect(connect(server.wsUrl, draftId, stranger.cookie)).rejects.toThrow();
    const refused = await connect(server.wsUrl, draftId, stranger.cookie, { expectRefusal: true });
    refused.destroy();
  });

  it("keeps acknowledged edits across a restart, and compacts the log into a snapshot", async () => {
    const first = await testServer({ debounceMs: 60_000, maxDebounceMs: 60_000 });
    const admin = await firstAdmin(first.url);
    const draftId = await newDraft(admin);
    const a = await connect(first.wsUrl, draftId, admin.cookie);
    for (let i = 0; i < 10; i++) a.text.insert(a.text.length, `edit ${i}. `);
    await a.acknowledged();
    // Nothing compacted yet (long debounce): the log holds the edits.
    expect(await first.storage.countUpdates(draftId)).toBeGreaterThan(0);
    const expected = a.text.toString();
    // Read by another database connection while the server runs: the log already holds every acknowledged edit.
    expect(await storedText(first.data, draftId)).toBe(expected);
    a.destroy();
    await first.close();

    const second = await started({ data: first.data });
    const b = peer(await connect(second.wsUrl, draftId, admin.cookie));
    expect(b.text.toString()).toBe(expected);
    // close() compacted: the snapshot holds everything and the log is empty.
    expect(await second.storage.countUpdates(draftId)).toBe(0);
    b.text.insert(0, "after restart. ");
    await b.acknowledged();
    expect(await second.storage.countUpdates(draftId)).toBeGreaterThan(0);
  });

  it("applies a role change to an open connection at once", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const other = await person(admin, "Dee Drafter", "Office of Ald. La Spata, 1st Ward");
    const draftId = await newDraft(admin);
    await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Dee Drafter", role: "drafter" });
    const watcher = peer(await connect(server.wsUrl, draftId, admin.cookie));
    const dee = peer(await connect(server.wsUrl, draftId, other.cookie));
    const told: string[] = [];
    dee.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
    dee.text.insert(0, "allowed ");
    await dee.acknowledged();
    await waitFor(() => watcher.text.toString() === "allowed ", 15_000, "the drafter's edit");
    expect((await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Dee Drafter", role: "viewer" })).status).toBe(200);
    await waitFor(() => told.length > 0, 15_000, "the role message");
    expect(JSON.parse(told[0]!)).toEqual({ type: "role", role: "viewer" });
    dee.text.insert(0, "refused ");
    await sleep(300);
    expect(dee.provider.hasUnsyncedChanges).toBe(true);
    expect(watcher.text.toString()).toBe("allowed ");
  });

  it("closes a client's socket when its session is signed out, or expires", async () => {
    let now = Date.parse("2026-12-01T09:00:00Z");
    const server = await started({ now: () => now, sessionSweepMs: 30, accounts: { sessionTtlMs: 60 * 60 * 1000 } });
    const admin = await firstAdmin(server.url);
    const draftId = await newDraft(admin);
    const expiring = await person(admin, "Eve Expiring", "Office of Ald. Hadden, 49th Ward");
    await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Eve Expiring", role: "drafter" });
    const signedOut = peer(await connect(server.wsUrl, draftId, admin.cookie));
    const expired = peer(await connect(server.wsUrl, draftId, expiring.cookie));
    const closes: string[] = [];
    signedOut.provider.on("close", () => closes.push("signed out"));
    expired.provider.on("close", () => closes.push("expired"));
    expect((await admin.call("DELETE", "/api/session")).status).toBe(200);
    await waitFor(() => closes.includes("signed out"), 15_000, "the signed-out socket to close");
    await sleep(100);
    expect(closes).toEqual(["signed out"]);
    now += 61 * 60 * 1000;
    await waitFor(() => closes.includes("expired"), 15_000, "the expired socket to close");
  });
});
