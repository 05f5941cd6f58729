// @vitest-environment happy-dom
/**
 * Two tabs on one draft, with Web Locks faked across two "tabs" in one page: the tab that
 * opens second is paused and reads none of the first tab's journal (the draft is claimed
 * before its journal is read); what it types meanwhile is kept as a copy, and when that tab
 * dies the next start turns its typing into a draft of its own. A pause that ends with the
 * typing saved leaves no copy behind.
 */
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { DraftStore } from "../../src/persistence";
import { DraftSession, type SessionTimings } from "../../src/ui/drafts/draftSession";
import { LockRegistry, useTab, type FakeTab } from "../support/fakeLocks";
import { openSession, typeBeforeInvestigate, until } from "../support/draftSessions";

const sessions: DraftSession[] = [];
const FAST: SessionTimings = { saveDelay: 20, saveMaxWait: 50, openTimeout: 2000 };

function open(tab: FakeTab, timings = FAST): { editor: DocumentEditor; session: DraftSession } {
  useTab(tab);
  return openSession(sessions, timings);
}

const type = typeBeforeInvestigate;

const pausedCopies = () => Object.keys(localStorage).filter((key) => key.startsWith("ordinance-redline:paused-copy:"));

async function storedDrafts(): Promise<Array<{ name: string; text: string }>> {
  const store = await DraftStore.open();
  try {
    const list = await store.listDrafts();
    return Promise.all(list.map(async (summary) => ({ name: summary.name, text: JSON.stringify((await store.loadDraft(summary.id))!.content.draft) })));
  } finally {
    store.close();
  }
}

let registry: LockRegistry;
beforeEach(() => { localStorage.clear(); registry = new LockRegistry(); });
afterEach(async () => {
  for (const session of sessions.splice(0)) session.dispose();
  await new Promise<void>((resolve) => { const request = indexedDB.deleteDatabase("ordinance-redline"); request.onsuccess = request.onerror = request.onblocked = () => resolve(); });
});

describe("a tab paused because another tab has the draft", () => {
  it("does not read the other tab's journal: it shows the stored draft", async () => {
    const first = open(registry.tab(), { saveDelay: 60_000, saveMaxWait: 60_000, openTimeout: 2000 });
    await first.session.start();
    await until(() => first.session.snapshot.status.kind === "saved");
    type(first.editor, "Unsaved ");
    const id = first.session.snapshot.draftId!;
    await until(async () => {
      const store = await DraftStore.open();
      try { return (await store.readJournal(id)) !== null; } finally { store.close(); }
    });
    const second = open(registry.tab());
    await second.session.start();
    expect(second.session.snapshot.status.kind).toBe("conflict");
    expect(second.editor.state.doc.textContent).not.toContain("Unsaved");
    expect(first.editor.state.doc.textContent).toContain("Unsaved investigate");
  });

  it("keeps its typing as a copy, which the next start stores as a draft when that tab died", async () => {
    const first = open(registry.tab());
    await first.session.start();
    await until(() => first.session.snapshot.status.kind === "saved");
    const pausedTab = registry.tab();
    const second = open(pausedTab);
    await second.session.start();
    expect(second.session.snapshot.status.kind).toBe("conflict");
    type(second.editor, "Paused ");
    await until(() => pausedCopies().length === 1);
    expect(localStorage.getItem(pausedCopies()[0]!)).toContain("Paused investigate");
    // Nothing of it reached the draft the first tab holds.
    expect((await storedDrafts()).map((draft) => draft.text).join()).not.toContain("Paused");

    // While the paused tab lives, a new start leaves its copy alone.
    const third = open(registry.tab());
    await third.session.start();
    expect(pausedCopies()).toHaveLength(1);

    pausedTab.kill();
    second.session.dispose();
    const fourth = open(registry.tab());
    await fourth.session.start();
    expect(pausedCopies()).toEqual([]);
    const drafts = await storedDrafts();
    expect(drafts.filter((draft) => draft.text.includes("Paused investigate")).map((draft) => draft.name)).toEqual(["Test draft (copy)"]);
    expect(fourth.session.snapshot.notice).toContain("“Test draft (copy)”");
  });

  it("leaves no copy when the other tab closes and the typing is saved to the draft", async () => {
    const holderTab = registry.tab();
    const first = open(holderTab);
    await first.session.start();
    await until(() => first.session.snapshot.status.kind === "saved");
    const second = open(registry.tab());
    await second.session.start();
    type(second.editor, "Later ");
    await until(() => pausedCopies().length === 1);
    first.session.dispose();
    holderTab.kill();
    await until(() => second.session.snapshot.status.kind === "saved");
    await until(() => pausedCopies().length === 0);
    expect((await storedDrafts()).map((draft) => draft.text).join()).toContain("Later investigate");
  });
});
