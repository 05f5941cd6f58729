/**
 * The draft being worked on, kept safe: it is saved to the browser's storage within a moment of
 * every change, at once when the page is hidden or closed (with a synchronous journal in
 * localStorage in case the page dies before storage answers), and reopened as it was. Storage
 * failures are reported, never silent; two tabs on one draft never silently overwrite each
 * other. No React here: components subscribe.
 */
import type { EditorState } from "prosemirror-state";
import { parseAmendment, serializeAmendment, type AmendmentContent } from "../../core/amendmentFile";
import type { DocumentEditor } from "../../editor/documentEditor";
import { DraftStore, StorageError, type DraftSummary, type VersionSummary } from "../../persistence";
import { draftContent, loadContent } from "./draftContent";
import { TabPresence } from "./tabPresence";

export type SaveStatus =
  | { readonly kind: "starting" }
  | { readonly kind: "saved"; readonly at: string }
  | { readonly kind: "pending" }
  | { readonly kind: "failed"; readonly message: string }
  | { readonly kind: "no-storage"; readonly message: string }
  | { readonly kind: "conflict" }
  | { readonly kind: "taken-over" };

export interface SessionView {
  readonly status: SaveStatus;
  readonly draftId: string | null;
  readonly name: string;
}

const SAVE_DELAY_MS = 300;
const JOURNAL_KEY = "ordinance-redline:journal";
const JOURNAL_LIMIT = 4_000_000;

export class DraftSession {
  private store: DraftStore | null = null;
  private view: SessionView = { status: { kind: "starting" }, draftId: null, name: "" };
  private readonly listeners = new Set<() => void>();
  private savedDoc: EditorState["doc"] | null = null;
  private savedAttrs: unknown = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private presence: TabPresence | null = null;
  private readonly cleanups: Array<() => void> = [];
  /** Bumped by every start and dispose, so a start that was superseded stops after its awaits. */
  private generation = 0;

  constructor(private readonly editor: DocumentEditor, private readonly defaultName: string) {}

  /** What the UI shows: save status, draft id and name. A new object after each change. */
  get snapshot(): SessionView {
    return this.view;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens storage, returns to the last draft (or stores the current one as a new draft). */
  async start(): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.presence = new TabPresence({
      onConflict: () => this.update({ status: { kind: "conflict" } }),
      onTakenOver: () => this.update({ status: { kind: "taken-over" } }),
    });
    this.cleanups.push(this.editor.subscribe((state) => this.changed(state)));
    const flushNow = () => { this.writeJournal(); void this.flush(); };
    const onVisibility = () => { if (document.visibilityState === "hidden") flushNow(); };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flushNow);
    window.addEventListener("beforeunload", flushNow);
    this.cleanups.push(() => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flushNow);
      window.removeEventListener("beforeunload", flushNow);
      this.presence?.close();
    });
    let store: DraftStore;
    try {
      store = await DraftStore.open();
    } catch (error) {
      if (current()) this.update({ status: { kind: "no-storage", message: error instanceof Error ? error.message : String(error) }, name: this.defaultName });
      return;
    }
    if (!current()) return;
    this.store = store;
    await this.attempt(async () => {
      const lastId = await store.lastOpened();
      const last = lastId ? await store.loadDraft(lastId) : null;
      if (!current()) return;
      if (last) {
        const journal = this.readJournal(last.id, last.updatedAt);
        this.show(last.id, journal ?? last.content);
        if (journal) await this.flush(true);
        return;
      }
      const name = this.defaultName;
      const id = await store.createDraft(name, draftContent(this.editor.state, name));
      await store.setLastOpened(id);
      this.markSaved(this.editor.state);
      this.update({ draftId: id, name, status: { kind: "saved", at: new Date().toISOString() } });
      this.presence?.open(id);
    });
  }

  /** Stops listening (a start still under way gives up). */
  dispose(): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** The current content, named as the draft is. */
  content(): AmendmentContent {
    return draftContent(this.editor.state, this.view.name || this.defaultName);
  }

  /** The stored drafts, newest first. */
  async drafts(): Promise<DraftSummary[]> {
    return (await this.attempt((store) => store.listDrafts())) ?? [];
  }

  /** Saves the current draft, then opens another one. */
  async open(id: string): Promise<void> {
    await this.flush();
    await this.attempt(async (store) => {
      const stored = await store.loadDraft(id);
      if (!stored) throw new StorageError("other", "That draft is no longer stored.");
      await store.setLastOpened(id);
      this.show(id, stored.content);
    });
  }

  /** Stores `content` as a new draft and opens it (an imported amendment file, a copy, a fresh start). */
  async openAsNew(content: AmendmentContent): Promise<void> {
    await this.flush();
    if (!this.store) {
      loadContent(this.editor, content);
      this.update({ name: content.name });
      return;
    }
    await this.attempt(async (store) => {
      const id = await store.createDraft(content.name, content);
      await store.setLastOpened(id);
      this.show(id, content);
    });
  }

  async rename(name: string): Promise<void> {
    const id = this.view.draftId;
    this.update({ name });
    if (id) await this.attempt(async (store) => { await store.renameDraft(id, name); });
    await this.flush(true);
  }

  async renameOther(id: string, name: string): Promise<void> {
    if (id === this.view.draftId) return this.rename(name);
    await this.attempt((store) => store.renameDraft(id, name));
  }

  async duplicate(id: string, name: string): Promise<void> {
    await this.flush();
    await this.attempt((store) => store.duplicateDraft(id, name));
  }

  /** Moves a draft to the bin; `restore` brings it back. The open draft cannot be deleted. */
  async remove(id: string): Promise<boolean> {
    if (id === this.view.draftId) return false;
    await this.attempt((store) => store.deleteDraft(id));
    return true;
  }

  async restore(id: string): Promise<void> {
    await this.attempt((store) => store.restoreDraft(id));
  }

  async versions(): Promise<VersionSummary[]> {
    const id = this.view.draftId;
    return id ? (await this.attempt((store) => store.listVersions(id))) ?? [] : [];
  }

  /** Saves a named snapshot of the current draft. */
  async saveVersion(name: string): Promise<void> {
    const id = this.view.draftId;
    if (!id) return;
    await this.attempt((store) => store.createVersion(id, name, this.content()));
  }

  async loadVersion(id: string): Promise<AmendmentContent | null> {
    return (await this.attempt((store) => store.loadVersion(id)))?.content ?? null;
  }

  /** Restores a version into the draft; the current text is first kept as a version of its own. */
  async restoreVersion(id: string): Promise<void> {
    const version = await this.attempt((store) => store.loadVersion(id));
    if (!version) return;
    await this.saveVersion(`Before restoring “${version.name}”`);
    loadContent(this.editor, { ...version.content, name: this.view.name });
    await this.flush(true);
  }

  /** Another tab holds this draft: reopen it here from storage and tell the other tab. */
  async takeOver(): Promise<void> {
    const id = this.view.draftId;
    if (!id) return;
    this.presence?.takeOver();
    await this.attempt(async (store) => {
      const stored = await store.loadDraft(id);
      if (stored) this.show(id, stored.content);
    });
  }

  /** Another tab holds this draft: keep this tab's text as a new draft. */
  async continueAsCopy(): Promise<void> {
    const content = { ...this.content(), name: `${this.view.name} (copy)` };
    this.update({ status: { kind: "pending" } });
    await this.openAsNew(content);
  }

  /** Saves now if anything changed (or when `force`d). Never throws: failures become the status. */
  async flush(force = false): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    const id = this.view.draftId;
    const state = this.editor.state;
    if (!this.store || !id || !this.canSave()) return;
    if (!force && this.isSaved(state)) return;
    const content = this.content();
    this.markSaved(state);
    await this.attempt(async (store) => {
      const at = await store.saveDraft(id, content);
      this.clearJournal();
      if (this.editor.state === state) this.update({ status: { kind: "saved", at } });
    }, () => { this.savedDoc = null; });
  }

  private changed(state: EditorState): void {
    if (this.isSaved(state) || !this.view.draftId || !this.canSave()) return;
    if (this.view.status.kind !== "failed") this.update({ status: { kind: "pending" } });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  private canSave(): boolean {
    const kind = this.view.status.kind;
    return kind !== "conflict" && kind !== "taken-over" && kind !== "no-storage";
  }

  private isSaved(state: EditorState): boolean {
    return state.doc === this.savedDoc || (this.savedDoc !== null && state.doc.eq(this.savedDoc) && state.doc.attrs === this.savedAttrs);
  }

  private markSaved(state: EditorState): void {
    this.savedDoc = state.doc;
    this.savedAttrs = state.doc.attrs;
  }

  private show(id: string, content: AmendmentContent): void {
    loadContent(this.editor, content);
    this.markSaved(this.editor.state);
    this.update({ draftId: id, name: content.name, status: { kind: "saved", at: new Date().toISOString() } });
    this.presence?.open(id);
  }

  /** Runs a storage action; a failure becomes the "failed" status (and runs `onFail`). */
  private async attempt<T>(action: (store: DraftStore) => Promise<T>, onFail?: () => void): Promise<T | undefined> {
    if (!this.store) return undefined;
    try {
      return await action(this.store);
    } catch (error) {
      onFail?.();
      this.update({ status: { kind: "failed", message: error instanceof Error ? error.message : String(error) } });
      return undefined;
    }
  }

  /** Writes the draft synchronously to localStorage: the page may be gone before storage answers. */
  private writeJournal(): void {
    const id = this.view.draftId;
    if (!id || !this.canSave() || this.isSaved(this.editor.state)) return;
    try {
      const text = serializeAmendment(this.content(), new Date());
      if (text.length < JOURNAL_LIMIT) localStorage.setItem(JOURNAL_KEY, JSON.stringify({ draftId: id, savedAt: new Date().toISOString(), text }));
    } catch {
      // A full or blocked localStorage leaves the regular save as the only copy.
    }
  }

  /** The journal's content for `draftId` when it is newer than the stored draft. */
  private readJournal(draftId: string, storedAt: string): AmendmentContent | null {
    try {
      const raw = localStorage.getItem(JOURNAL_KEY);
      if (!raw) return null;
      const journal = JSON.parse(raw) as { draftId: string; savedAt: string; text: string };
      if (journal.draftId !== draftId || journal.savedAt <= storedAt) return null;
      return parseAmendment(journal.text);
    } catch {
      return null;
    }
  }

  private clearJournal(): void {
    try { localStorage.removeItem(JOURNAL_KEY); } catch { /* nothing to clear */ }
  }

  private update(patch: Partial<SessionView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }
}
