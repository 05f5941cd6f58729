/**
 * The draft being worked on, kept safe:
 * - saved to the browser's storage 300 ms after typing pauses, and at least once a second
 *   while typing goes on; at once when the page is hidden or closed;
 * - between saves, what was typed is journaled (see draftJournal): a patch of the touched
 *   sections written to storage at each idle moment, and the whole draft in localStorage when
 *   the page goes away or storage does not work. On reopening, a journal newer than the stored
 *   draft wins;
 * - a storage that fails, is missing or never answers is reported, with the download offered,
 *   never silent; nothing is editable until the stored draft is loaded (or storage gave up);
 * - two tabs on one draft never silently overwrite each other, and neither loses its typing:
 *   a tab paused because another has the draft keeps its typing as a copy (pausedCopy).
 * No React here: components subscribe.
 */
import type { EditorState } from "prosemirror-state";
import type { AmendmentContent } from "../../core/amendmentFile";
import type { DocumentEditor } from "../../editor/documentEditor";
import { makePatch, StorageError, type DraftStore, type DraftSummary, type VersionSummary } from "../../persistence";
import { draftContent, loadContent } from "./draftContent";
import { clearPageJournal, IdleWriter, writePageJournal } from "./draftJournal";
import { PausedCopy } from "./pausedCopy";
import { newToken, startSession } from "./sessionStartup";
import { DEFAULT_TIMINGS, type SessionTimings, type SessionView } from "./sessionView";
import { MaxWaitTimer } from "./maxWaitTimer";
import { TabPresence } from "./tabPresence";

export type { SaveStatus, SessionTimings, SessionView } from "./sessionView";
export { DEFAULT_TIMINGS, NOT_ANSWERING_MESSAGE } from "./sessionView";

const TAKEN_OVER_NOTICE = "Another tab took this draft over, so what you type in this tab is kept as “{name}”.";

/** The content a save wrote, under the token a journal refers to. */
interface Checkpoint {
  readonly token: string;
  readonly content: AmendmentContent;
}

export class DraftSession {
  private store: DraftStore | null = null;
  private view: SessionView = { status: { kind: "starting" }, draftId: null, name: "", notice: null };
  private readonly listeners = new Set<() => void>();
  private savedDoc: EditorState["doc"] | null = null;
  private savedAttrs: unknown = null;
  private readonly saveTimer: MaxWaitTimer;
  private readonly openTimeout: number;
  private readonly pageTimer: MaxWaitTimer;
  /** The last save issued (journals are written against it) and the last one that succeeded. */
  private checkpoint: Checkpoint | null = null;
  private committed: Checkpoint | null = null;
  /** The stored draft's updatedAt as this tab last knew it (loaded or saved). */
  private storedAt: string | null = null;
  private copying = false;
  private presence: TabPresence | null = null;
  private journal: IdleWriter | null = null;
  /** This tab's typing while another tab has the draft open (kept as a copy, see pausedCopy). */
  private readonly pausedCopy = new PausedCopy();
  private readonly cleanups: Array<() => void> = [];
  /** Bumped by every start and dispose, so a start that was superseded stops after its awaits. */
  private generation = 0;

  constructor(private readonly editor: DocumentEditor, private readonly defaultName: string, timings: SessionTimings = DEFAULT_TIMINGS) {
    this.saveTimer = new MaxWaitTimer(() => void this.flush(), timings.saveDelay, timings.saveMaxWait);
    this.pageTimer = new MaxWaitTimer(() => this.writeLocalJournal(), timings.saveDelay, timings.saveMaxWait);
    this.openTimeout = timings.openTimeout;
  }

  /** What the UI shows: save status, draft id, name and notice. A new object after each change. */
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
    const presence = new TabPresence({
      onConflict: () => this.update({ status: { kind: "conflict" } }),
      onFreed: () => void this.freed(),
      onTakenOver: () => this.takenOver(),
    });
    this.presence = presence;
    const journal = new IdleWriter(() => this.writeJournal());
    this.journal = journal;
    this.cleanups.push(this.editor.subscribe((state) => this.changed(state)));
    const flushNow = () => { this.writeLocalJournal(); void this.flush(); };
    const onVisibility = () => { if (document.visibilityState === "hidden") flushNow(); };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flushNow);
    window.addEventListener("beforeunload", flushNow);
    this.cleanups.push(() => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flushNow);
      window.removeEventListener("beforeunload", flushNow);
      presence.close();
      journal.stop();
    });
    await startSession({
      editor: this.editor, defaultName: this.defaultName, openTimeout: this.openTimeout, presence, current,
      useStore: (store) => { this.store = store; },
      status: () => this.view.status.kind,
      show: (id, content, stored, claim) => this.show(id, content, stored, claim),
      adopt: (id, content, token, at) => this.adopt(id, content, token, at),
      update: (patch) => this.update(patch),
      flush: (force) => this.flush(force),
      content: () => this.content(),
      attempt: (action) => this.attempt(action),
    });
  }

  /** Stops listening and closes storage (a start still under way gives up). */
  dispose(): void {
    this.generation++;
    this.saveTimer.settle();
    this.pageTimer.settle();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.store?.close();
    this.store = null;
  }

  /** The current content, named as the draft is. */
  content(): AmendmentContent {
    return draftContent(this.editor.state, this.view.name || this.defaultName);
  }

  /** Whether this tab has typing that is in no save (asked before discarding it). */
  hasUnsavedTyping(): boolean {
    return !this.isSaved(this.editor.state);
  }

  dismissNotice(): void {
    this.update({ notice: null });
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
      this.show(id, stored.content, { token: stored.checkpoint, at: stored.updatedAt });
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
      const token = newToken();
      const id = await store.createDraft(content.name, content, token);
      await store.setLastOpened(id);
      this.show(id, content, { token, at: new Date().toISOString() });
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

  /** Whether the current draft can be kept as a version before it is replaced (storage works and it is stored). */
  canKeepVersions(): boolean {
    return this.store !== null && this.view.draftId !== null && this.canSave();
  }

  /**
   * Replaces draft `id` (default: the open one) with `content` and opens it, after keeping what
   * it held as a version named `keptAs` (its text, annotations, sponsors and settings: restoring
   * that version brings all of them back). The draft keeps its id and name. Where storage does
   * not work the content is loaded all the same (the UI says first that nothing can be kept).
   * Returns false when keeping the version failed, and then nothing was replaced.
   */
  async replaceDraft(content: AmendmentContent, keptAs: string, id = this.view.draftId): Promise<boolean> {
    if (!this.store || id === null) {
      loadContent(this.editor, { ...content, name: this.view.name || content.name });
      return true;
    }
    if (id === this.view.draftId) {
      const kept = await this.attempt((store) => store.createVersion(id, keptAs, this.content()));
      if (kept === undefined) return false;
      loadContent(this.editor, { ...content, name: this.view.name });
      await this.flush(true);
      return true;
    }
    await this.flush();
    const replaced = await this.attempt(async (store) => {
      const stored = await store.loadDraft(id);
      if (!stored) throw new StorageError("other", "That draft is no longer stored.");
      await store.createVersion(id, keptAs, stored.content);
      const named = { ...content, name: stored.name };
      const token = newToken();
      const at = await store.saveDraft(id, named, token);
      await store.setLastOpened(id);
      this.show(id, named, { token, at });
      return true;
    });
    return replaced === true;
  }

  /**
   * Another tab holds this draft: reopen it here from storage (this tab's unsaved typing is
   * discarded — the UI asks first, see hasUnsavedTyping) and make the other tab stop saving.
   */
  async takeOver(): Promise<void> {
    const id = this.view.draftId;
    if (!id) return;
    this.presence?.takeOver();
    await this.attempt(async (store) => {
      const stored = await store.loadDraft(id);
      if (stored) this.show(id, stored.content, { token: stored.checkpoint, at: stored.updatedAt }, false);
    });
  }

  /** Keeps this tab's text as a new draft, without reloading the editor (typing goes on). */
  async continueAsCopy(notice: string | null = null): Promise<void> {
    if (this.copying) return;
    this.copying = true;
    try {
      const content = { ...this.content(), name: `${this.view.name || this.defaultName} (copy)` };
      const state = this.editor.state;
      this.update({ status: { kind: "pending" } });
      await this.attempt(async (store) => {
        const token = newToken();
        const id = await store.createDraft(content.name, content, token);
        await store.setLastOpened(id);
        this.adopt(id, content, token, new Date().toISOString(), state);
        if (notice) this.update({ notice: notice.replace("{name}", content.name) });
      });
    } finally {
      this.copying = false;
    }
    if (this.hasUnsavedTyping()) this.changed(this.editor.state);
  }

  /** Saves now if anything changed (or when `force`d). Never throws: failures become the status. */
  async flush(force = false): Promise<void> {
    this.saveTimer.settle();
    const id = this.view.draftId;
    const state = this.editor.state;
    if (!this.store || !id || !this.canSave()) return;
    if (!force && this.isSaved(state)) return;
    const content = this.content();
    const checkpoint: Checkpoint = { token: newToken(), content };
    this.markSaved(state);
    this.checkpoint = checkpoint;
    await this.attempt(async (store) => {
      const at = await store.saveDraft(id, content, checkpoint.token);
      if (this.view.draftId !== id) return;
      this.committed = checkpoint;
      this.storedAt = at;
      clearPageJournal();
      if (this.editor.state === state && this.view.status.kind !== "taken-over" && this.view.status.kind !== "conflict") this.update({ status: { kind: "saved", at } });
    }, () => {
      this.savedDoc = null;
      if (this.checkpoint === checkpoint) { this.checkpoint = this.committed; this.journal?.request(); }
    });
  }

  private changed(state: EditorState): void {
    if (this.isSaved(state)) return;
    const kind = this.view.status.kind;
    if (kind === "taken-over") { void this.continueAsCopy(TAKEN_OVER_NOTICE); return; }
    // While storage does not work, the whole draft goes to localStorage (as often as saves would).
    if (kind === "no-storage") { this.pageTimer.poke(); return; }
    // While another tab has the draft, this tab's typing is kept as a copy (as often as saves would be).
    if (kind === "conflict") { this.pageTimer.poke(); return; }
    if (!this.view.draftId || !this.canSave()) return;
    if (kind !== "failed" && kind !== "pending") this.update({ status: { kind: "pending" } });
    this.journal?.request();
    this.saveTimer.poke();
  }

  /** One storage journal entry: what was typed since the last save issued, as a patch. */
  private async writeJournal(): Promise<void> {
    const id = this.view.draftId;
    const store = this.store;
    const checkpoint = this.checkpoint;
    if (!store || !id || !checkpoint || !this.canSave() || this.isSaved(this.editor.state)) return;
    const patch = makePatch(checkpoint.content, this.content());
    await store.writeJournal(id, { checkpoint: checkpoint.token, writtenAt: new Date().toISOString(), patch });
  }

  private canSave(): boolean {
    const kind = this.view.status.kind;
    return kind !== "conflict" && kind !== "taken-over" && kind !== "no-storage" && kind !== "starting";
  }

  private isSaved(state: EditorState): boolean {
    return state.doc === this.savedDoc || (this.savedDoc !== null && state.doc.eq(this.savedDoc) && state.doc.attrs === this.savedAttrs);
  }

  private markSaved(state: EditorState): void {
    this.savedDoc = state.doc;
    this.savedAttrs = state.doc.attrs;
  }

  /** Loads `content` into the editor as draft `id`, stored under `stored.token` at `stored.at`. */
  private show(id: string, content: AmendmentContent, stored: { token: string; at: string }, claim = true): void {
    loadContent(this.editor, content);
    this.adopt(id, content, stored.token, stored.at, this.editor.state, claim);
  }

  /** Makes `state` (default: the current one) the saved state of draft `id`, without touching the editor. */
  private adopt(id: string, content: AmendmentContent, token: string, at: string, state = this.editor.state, claim = true): void {
    this.saveTimer.settle();
    this.markSaved(state);
    // Journals patch against the editor's own reading of the content (its sections are shared).
    this.checkpoint = this.committed = { token, content: draftContent(state, content.name) };
    this.storedAt = at;
    this.update({ draftId: id, name: content.name, status: { kind: "saved", at: new Date().toISOString() } });
    this.pausedCopy.drop();
    if (claim) void this.presence?.open(id);
  }

  /** The tab that held this draft let go: resume saving without losing either tab's work. */
  private async freed(): Promise<void> {
    const id = this.view.draftId;
    if (!id || this.view.status.kind !== "conflict") return;
    await this.attempt(async (store) => {
      const stored = await store.loadDraft(id);
      if (this.view.draftId !== id || this.view.status.kind !== "conflict") return;
      const mine = this.hasUnsavedTyping();
      if (stored && !mine) {
        this.show(id, stored.content, { token: stored.checkpoint, at: stored.updatedAt }, false);
      } else if (stored && stored.updatedAt !== this.storedAt) {
        // Both tabs changed the draft: the stored one stays as the other tab left it.
        this.presence?.release();
        await this.continueAsCopy(`The other tab changed “${this.view.name}” too, so the typing in this tab is kept as “{name}”.`);
      } else {
        this.update({ status: { kind: "pending" } });
        await this.flush(true);
        if (this.isSaved(this.editor.state)) this.pausedCopy.drop();
      }
    });
  }

  /** Another tab took this draft over: stop saving it; unsaved or later typing becomes a copy. */
  private takenOver(): void {
    this.saveTimer.settle();
    this.update({ status: { kind: "taken-over" }, notice: null });
    if (this.hasUnsavedTyping()) void this.continueAsCopy(TAKEN_OVER_NOTICE);
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

  /** Writes the whole draft to localStorage, synchronously: the page may be gone before storage answers. */
  private writeLocalJournal(): void {
    const kind = this.view.status.kind;
    if (kind === "conflict" && !this.isSaved(this.editor.state)) {
      this.pausedCopy.write({ ...this.content(), name: `${this.view.name || this.defaultName} (copy)` });
      return;
    }
    if (kind === "conflict" || kind === "taken-over" || kind === "starting" || this.isSaved(this.editor.state)) return;
    if (kind !== "no-storage" && !this.view.draftId) return;
    writePageJournal(kind === "no-storage" && !this.store ? null : this.view.draftId, this.content());
  }

  private update(patch: Partial<SessionView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }
}
