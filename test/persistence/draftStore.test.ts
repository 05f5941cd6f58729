import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AmendmentContent } from "../../src/core/amendmentFile";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { applyPatch, DraftStore, makePatch, StorageError } from "../../src/persistence";
import { fixtureAmended, fixtureBase } from "../support/fixtures";

let databaseCounter = 0;
let store: DraftStore;
let clock = 0;
/** A clock that advances one second per call, so every write has its own time. */
const now = () => new Date(Date.UTC(2026, 2, 1, 12, 0, clock++));

function content(name = "Welcoming City amendment"): AmendmentContent {
  return {
    name,
    base: fixtureBase(),
    draft: fixtureAmended(),
    sponsors: null,
    annotations: [{
      id: "a1",
      anchor: { section: "2-173-030", blockId: "s-2-173-030-b0", side: "deleted", quote: { exact: ", in any form,", prefix: "disclose", suffix: " information" }, changeId: "c1" },
      sponsorIds: [], justification: "", status: "proposed", comments: [],
    }],
    exportSettings: { grouping: "section" },
  };
}

async function storageError(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error("no error was thrown");
}

beforeEach(async () => {
  clock = 0;
  store = await DraftStore.open(`drafts-test-${++databaseCounter}`, { now });
});

afterEach(() => store.close());

describe("the draft store", () => {
  it("creates, saves and loads a draft whole", async () => {
    const id = await store.createDraft("  Welcoming City amendment ", content());
    const loaded = await store.loadDraft(id);
    expect(loaded).toEqual({ id, name: "Welcoming City amendment", createdAt: "2026-03-01T12:00:00.000Z", updatedAt: "2026-03-01T12:00:00.000Z", checkpoint: "", content: content() });

    const typed = parseCodeText("CHAPTER 2-173 WELCOMING CITY ORDINANCE\n\n2-173-005 Purpose and intent.\n\nOne new sentence.\n").document;
    const savedAt = await store.saveDraft(id, { ...content(), draft: typed });
    expect(savedAt).toBe("2026-03-01T12:00:01.000Z");
    const reloaded = await store.loadDraft(id);
    expect(reloaded?.content.draft).toEqual(typed);
    expect(reloaded?.updatedAt).toBe(savedAt);
    expect(reloaded?.createdAt).toBe("2026-03-01T12:00:00.000Z");
  });

  it("lists live drafts newest first, without their content", async () => {
    const first = await store.createDraft("First", content());
    const second = await store.createDraft("Second", content());
    await store.saveDraft(first, content());
    expect(await store.listDrafts()).toEqual([
      { id: first, name: "First", updatedAt: "2026-03-01T12:00:02.000Z" },
      { id: second, name: "Second", updatedAt: "2026-03-01T12:00:01.000Z" },
    ]);
  });

  it("renames and duplicates, the copy independent of the original", async () => {
    const id = await store.createDraft("Original", content());
    await store.renameDraft(id, "Sent to the 32nd Ward office");
    const copy = await store.duplicateDraft(id, "Copy for Law");
    expect((await store.loadDraft(id))?.name).toBe("Sent to the 32nd Ward office");
    expect((await store.loadDraft(copy))?.content.draft).toEqual(fixtureAmended());
    await store.saveDraft(copy, { ...content(), draft: fixtureBase() });
    expect((await store.loadDraft(id))?.content.draft).toEqual(fixtureAmended());
    expect((await store.listDrafts()).map((draft) => draft.name).sort()).toEqual(["Copy for Law", "Sent to the 32nd Ward office"]);
    await expect(store.renameDraft("nope", "x")).rejects.toThrow(StorageError);
    await expect(store.renameDraft(id, "   ")).rejects.toThrow(/1 to 200 characters/);
  });

  it("deletes softly: restore undoes it, purge makes it final with its versions", async () => {
    const keep = await store.createDraft("Keep", content());
    const gone = await store.createDraft("Gone", content());
    const version = await store.createVersion(gone, "Before the hearing", content());
    await store.setLastOpened(gone);
    await store.deleteDraft(gone);
    expect((await store.listDrafts()).map((draft) => draft.id)).toEqual([keep]);
    expect(await store.loadDraft(gone)).toBeNull();
    expect(await store.lastOpened()).toBeNull();

    expect(await store.restoreDraft(gone)).toBe(true);
    expect((await store.listDrafts()).map((draft) => draft.id).sort()).toEqual([gone, keep].sort());
    expect(await store.lastOpened()).toBe(gone);

    await store.deleteDraft(gone);
    expect(await store.purgeDeleted()).toBe(1);
    expect(await store.restoreDraft(gone)).toBe(false);
    expect(await store.loadVersion(version)).toBeNull();
    expect(await store.lastOpened()).toBeNull();
    expect(await store.loadDraft(keep)).not.toBeNull();
  });

  it("keeps named versions, listed oldest first without content, and loads each whole", async () => {
    const id = await store.createDraft("Draft", content());
    const sent = await store.createVersion(id, "Sent to the 32nd Ward office", content());
    const changed = { ...content(), draft: fixtureBase() };
    const after = await store.createVersion(id, "After the hearing", changed);
    expect(await store.listVersions(id)).toEqual([
      { id: sent, draftId: id, name: "Sent to the 32nd Ward office", createdAt: "2026-03-01T12:00:01.000Z" },
      { id: after, draftId: id, name: "After the hearing", createdAt: "2026-03-01T12:00:02.000Z" },
    ]);
    expect((await store.loadVersion(sent))?.content.draft).toEqual(fixtureAmended());
    expect((await store.loadVersion(after))?.content.draft).toEqual(fixtureBase());
    expect(await store.listVersions("other")).toEqual([]);
  });

  it("remembers the last opened draft", async () => {
    expect(await store.lastOpened()).toBeNull();
    const id = await store.createDraft("Draft", content());
    await store.setLastOpened(id);
    expect(await store.lastOpened()).toBe(id);
    await store.setLastOpened(null);
    expect(await store.lastOpened()).toBeNull();
  });

  it("reports a corrupt stored draft or version as corrupt, never half-loaded", async () => {
    const id = await store.createDraft("Draft", content());
    const record = (await store.db.drafts.get(id))!;
    await store.db.drafts.put({ ...record, content: record.content.replace('"schemaVersion":1', '"schemaVersion":"one"') });
    const error = await storageError(store.loadDraft(id));
    expect(error.kind).toBe("corrupt");
    expect(error.message).toMatch(/^The stored draft "Draft" is damaged and cannot be opened: .*schemaVersion/s);

    await store.db.drafts.put({ ...record, content: "{ truncated" });
    expect((await storageError(store.loadDraft(id))).kind).toBe("corrupt");
    await store.db.drafts.put({ ...record, content: 42 as unknown as string });
    expect((await storageError(store.loadDraft(id))).kind).toBe("corrupt");

    await store.db.versions.put({ id: "v1", draftId: id, name: "Broken", createdAt: "2026-03-01T12:00:00.000Z", content: '{"app":"ordinance-redline","schemaVersion":1}' });
    const versionError = await storageError(store.loadVersion("v1"));
    expect(versionError.kind).toBe("corrupt");
    expect(versionError.message).toContain('The stored version "Broken" is damaged');
  });

  it("maps a full disk to a quota error with a plain message", async () => {
    const id = await store.createDraft("Draft", content());
    const spy = vi.spyOn(store.db.drafts, "update").mockRejectedValue(new DOMException("The quota has been exceeded.", "QuotaExceededError"));
    const error = await storageError(store.saveDraft(id, content()));
    expect(error.kind).toBe("quota");
    expect(error.message).toContain("storage for this site is full");
    expect(error.message).toContain("Download the amendment file");
    spy.mockRejectedValue(Object.assign(new Error("Transaction aborted"), { name: "AbortError", inner: { name: "QuotaExceededError", message: "full" } }));
    expect((await storageError(store.saveDraft(id, content()))).kind).toBe("quota");
    spy.mockRejectedValue(new TypeError("something odd"));
    const other = await storageError(store.saveDraft(id, content()));
    expect(other.kind).toBe("other");
    expect(other.message).toContain("while saving the draft: something odd");
  });

  it("refuses to save a draft that is no longer stored", async () => {
    const error = await storageError(store.saveDraft("missing", content()));
    expect(error.kind).toBe("other");
    expect(error.message).toContain("no longer stored");
  });
});

describe("opening the store", () => {
  it("reports a browser without IndexedDB as unavailable", async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, "indexedDB")!;
    Object.defineProperty(globalThis, "indexedDB", { value: undefined, configurable: true, writable: true });
    try {
      const error = await storageError(DraftStore.open("no-indexeddb"));
      expect(error.kind).toBe("unavailable");
      expect(error.message).toContain("Download the amendment file");
    } finally {
      Object.defineProperty(globalThis, "indexedDB", saved);
    }
  });

  it("reports a database that fails to open as unavailable", async () => {
    // A database left at a higher version (a newer app in another tab) cannot be opened by this one.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open("from-the-future", 1000);
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    });
    const error = await storageError(DraftStore.open("from-the-future"));
    expect(error.kind).toBe("unavailable");
  });

  it("keeps one journal entry per draft, dropped by the next save, and the checkpoint it refers to", async () => {
    const id = await store.createDraft("Journaled", content(), "first-save");
    expect((await store.loadDraft(id))?.checkpoint).toBe("first-save");
    expect(await store.readJournal(id)).toBeNull();
    const patch = makePatch(content(), { ...content(), draft: fixtureBase() });
    await store.writeJournal(id, { checkpoint: "first-save", writtenAt: "2026-03-01T12:00:05.000Z", patch });
    await store.writeJournal(id, { checkpoint: "first-save", writtenAt: "2026-03-01T12:00:06.000Z", patch });
    const entry = await store.readJournal(id);
    expect(entry?.writtenAt).toBe("2026-03-01T12:00:06.000Z");
    expect(applyPatch((await store.loadDraft(id))!.content, entry!.patch)?.draft).toEqual(fixtureBase());
    await store.saveDraft(id, content(), "second-save");
    expect(await store.readJournal(id)).toBeNull();
    expect((await store.loadDraft(id))?.checkpoint).toBe("second-save");
  });

  it("keeps the journal when the save that would replace it fails", async () => {
    const id = await store.createDraft("Journaled", content(), "first-save");
    await store.writeJournal(id, { checkpoint: "first-save", writtenAt: "2026-03-01T12:00:05.000Z", patch: makePatch(content(), content()) });
    await expect(store.saveDraft("no-such-draft", content(), "x")).rejects.toThrow(StorageError);
    expect(await store.readJournal(id)).not.toBeNull();
    vi.spyOn(store.db.drafts, "update").mockRejectedValueOnce(new DOMException("full", "QuotaExceededError"));
    expect((await storageError(store.saveDraft(id, content(), "second-save"))).kind).toBe("quota");
    expect((await store.readJournal(id))?.checkpoint).toBe("first-save");
    expect((await store.loadDraft(id))?.checkpoint).toBe("first-save");
  });
});
