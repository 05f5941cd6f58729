/**
 * A role lowered while a drafter's update is being logged: Hocuspocus then refuses the update
 * (the connection is read-only by the time it applies), so the log must not keep it either,
 * or a restart would bring the refused text back.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { connect, firstAdmin, freshTestData, newDraft, openTestStorage, person, sleep, testServer, waitFor } from "./helpers";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe("role lowered during an update", () => {
  it("drops the logged update the server then refused", async () => {
    const data = await freshTestData();
    const storage = await openTestStorage(data);
    let gate: Promise<void> | null = null;
    let entered = false;
    const append = storage.appendUpdate.bind(storage);
    storage.appendUpdate = async (...args) => {
      const id = await append(...args);
      entered = true;
      if (gate) await gate;
      return id;
    };
    const server = await testServer({ data, storage });
    cleanups.push(() => server.close());
    const admin = await firstAdmin(server.url);
    const dee = await person(admin, "Dee Drafter", "Office of Ald. La Spata, 1st Ward");
    const draftId = await newDraft(admin);
    await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Dee Drafter", role: "drafter" });
    const peer = await connect(server.wsUrl, draftId, dee.cookie);
    cleanups.push(() => peer.destroy());
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    entered = false;
    peer.text.insert(0, "late edit");
    await waitFor(() => entered, 15_000, "the update to reach the log");
    expect((await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Dee Drafter", role: "viewer" })).status).toBe(200);
    release();
    gate = null;
    await sleep(200);
    expect(peer.provider.hasUnsyncedChanges).toBe(true);
    const reader = await connect(server.wsUrl, draftId, admin.cookie);
    cleanups.push(() => reader.destroy());
    expect(reader.text.toString()).toBe("");
    const stored = await server.storage.loadDocument(draftId);
    const doc = new Y.Doc();
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update);
    expect(doc.getText("t").toString()).toBe("");
  });
});
