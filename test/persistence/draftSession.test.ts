// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { DraftStore } from "../../src/persistence";
import { DraftSession, NOT_ANSWERING_MESSAGE, type SessionTimings } from "../../src/ui/drafts/draftSession";
import { fixtureBase } from "../support/fixtures";
import { openSession, sleep, typeBeforeInvestigate, until } from "../support/draftSessions";

const sessions: DraftSession[] = [];

const open = (timings: SessionTimings) => openSession(sessions, timings);
const type = typeBeforeInvestigate;
const text = (editor: DocumentEditor) => editor.state.doc.textContent;

async function storedDraftText(): Promise<string> {
  const store = await DraftStore.open();
  try {
    const id = await store.lastOpened();
    const draft = id ? await store.loadDraft(id) : null;
    return draft ? JSON.stringify(draft.content.draft) : "";
  } finally {
    store.close();
  }
}

beforeEach(() => localStorage.clear());
afterEach(async () => {
  for (const session of sessions.splice(0)) session.dispose();
  vi.restoreAllMocks();
  await new Promise<void>((resolve) => { const request = indexedDB.deleteDatabase("ordinance-redline"); request.onsuccess = request.onerror = request.onblocked = () => resolve(); });
});

describe("the draft session", () => {
  it("saves at least once per maximum wait while typing never pauses", async () => {
    // A pause of 10 s is never reached here: only the maximum wait can save.
    const { editor, session } = open({ saveDelay: 10_000, saveMaxWait: 150, openTimeout: 2000 });
    await session.start();
    await until(() => session.snapshot.status.kind === "saved");
    const saves = vi.spyOn(DraftStore.prototype, "saveDraft");
    const started = Date.now();
    for (let key = 0; key < 40 || Date.now() - started < 1200; key++) {
      type(editor, "k");
      await sleep(25);
    }
    expect(saves.mock.calls.length).toBeGreaterThanOrEqual(2);
    await until(async () => (await storedDraftText()).includes("kkkkkkkkkk"));
  });

  it("brings back typing from the journal when the page died before any save", async () => {
    const first = open({ saveDelay: 60_000, saveMaxWait: 60_000, openTimeout: 2000 });
    await first.session.start();
    await until(() => first.session.snapshot.status.kind === "saved");
    type(first.editor, "Journaled ");
    const id = first.session.snapshot.draftId!;
    await until(async () => {
      const store = await DraftStore.open();
      try { return (await store.readJournal(id)) !== null; } finally { store.close(); }
    });
    expect(await storedDraftText()).not.toContain("Journaled");
    first.session.dispose();

    const second = open({ saveDelay: 60, saveMaxWait: 150, openTimeout: 2000 });
    expect(text(second.editor)).not.toContain("Journaled");
    await second.session.start();
    expect(text(second.editor)).toContain("Journaled investigate");
    await until(async () => (await storedDraftText()).includes("Journaled investigate"));
  });

  it("ignores a journal written against another save of the draft", async () => {
    const first = open({ saveDelay: 20, saveMaxWait: 50, openTimeout: 2000 });
    await first.session.start();
    await until(() => first.session.snapshot.status.kind === "saved");
    type(first.editor, "Saved ");
    await until(() => first.session.snapshot.status.kind === "saved");
    const id = first.session.snapshot.draftId!;
    first.session.dispose();
    // A journal entry from before that save, whose patch would remove the saved word.
    const store = await DraftStore.open();
    const stale = await store.loadDraft(id);
    const { makePatch } = await import("../../src/persistence");
    await store.writeJournal(id, { checkpoint: "some-older-save", writtenAt: new Date(Date.now() + 60_000).toISOString(), patch: makePatch(stale!.content, { ...stale!.content, draft: fixtureBase() }) });
    store.close();

    const second = open({ saveDelay: 20, saveMaxWait: 50, openTimeout: 2000 });
    await second.session.start();
    expect(text(second.editor)).toContain("Saved investigate");
  });

  it("reports a storage that never answers, keeps journaling, and recovers the typing next time", async () => {
    vi.spyOn(DraftStore, "open").mockReturnValueOnce(new Promise(() => {}));
    const stuck = open({ saveDelay: 20, saveMaxWait: 50, openTimeout: 1000 });
    void stuck.session.start();
    await sleep(50);
    expect(stuck.session.snapshot.status.kind).toBe("starting");
    await until(() => stuck.session.snapshot.status.kind === "no-storage");
    expect(stuck.session.snapshot.status).toEqual({ kind: "no-storage", message: NOT_ANSWERING_MESSAGE });
    type(stuck.editor, "Stranded ");
    await until(() => (localStorage.getItem("ordinance-redline:journal") ?? "").includes("Stranded investigate"));
    stuck.session.dispose();

    const later = open({ saveDelay: 20, saveMaxWait: 50, openTimeout: 2000 });
    await later.session.start();
    expect(text(later.editor)).toContain("Stranded investigate");
    expect(later.session.snapshot.name).toBe("Test draft (recovered)");
    await until(async () => (await storedDraftText()).includes("Stranded investigate"));
  });
});
