/**
 * The journals that keep what was typed between two saves of the draft.
 *
 * - The storage journal: a patch against the last saved draft (only the touched sections),
 *   written to IndexedDB at most once per idle moment while typing, so a browser that is killed
 *   loses at most the last moment's typing. Its writes never overlap: one in flight, at most
 *   one more asked for.
 * - The page journal: the whole draft in localStorage, written synchronously when the page is
 *   hidden or closed, and while browser storage is unavailable or not answering.
 */
import { parseAmendment, serializeAmendment, type AmendmentContent } from "../../core/amendmentFile";
import { applyPatch, type DraftStore, type StoredDraft } from "../../persistence";

/** Runs `work` when the page is next idle (or within `timeout` ms at the latest). */
function whenIdle(work: () => void, timeout: number): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(work, { timeout });
  else setTimeout(work, 16);
}

/** Coalesces journal writes: `request` asks for one; at most one runs at a time. */
export class IdleWriter {
  private asked = false;
  private running = false;
  private again = false;
  private stopped = false;

  /** `write` takes and stores the journal entry; its failures are ignored (the save reports them). */
  constructor(private readonly write: () => Promise<void>, private readonly timeout = 100) {}

  request(): void {
    if (this.asked || this.stopped) return;
    if (this.running) { this.again = true; return; }
    this.asked = true;
    whenIdle(() => { this.asked = false; void this.run(); }, this.timeout);
  }

  stop(): void {
    this.stopped = true;
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    this.running = true;
    try {
      await this.write();
    } catch {
      // A journal that cannot be written leaves the regular save, whose failure is shown.
    } finally {
      this.running = false;
      if (this.again) { this.again = false; this.request(); }
    }
  }
}

const PAGE_JOURNAL_KEY = "ordinance-redline:journal";
const PAGE_JOURNAL_LIMIT = 4_000_000;

export interface PageJournal {
  /** The draft it belongs to; null when storage never opened, so no draft was known. */
  readonly draftId: string | null;
  readonly savedAt: string;
  readonly content: AmendmentContent;
}

/** Writes the whole draft to localStorage now. False when it is too large or refused. */
export function writePageJournal(draftId: string | null, content: AmendmentContent): boolean {
  try {
    const now = new Date();
    const text = serializeAmendment(content, now);
    if (text.length >= PAGE_JOURNAL_LIMIT) return false;
    localStorage.setItem(PAGE_JOURNAL_KEY, JSON.stringify({ draftId, savedAt: now.toISOString(), text }));
    return true;
  } catch {
    return false;
  }
}

/** The page journal, or null when there is none or it does not read. */
export function readPageJournal(): PageJournal | null {
  try {
    const raw = localStorage.getItem(PAGE_JOURNAL_KEY);
    if (!raw) return null;
    const journal = JSON.parse(raw) as { draftId: unknown; savedAt: unknown; text: unknown };
    if ((journal.draftId !== null && typeof journal.draftId !== "string") || typeof journal.savedAt !== "string" || typeof journal.text !== "string") return null;
    return { draftId: journal.draftId, savedAt: journal.savedAt, content: parseAmendment(journal.text) };
  } catch {
    return null;
  }
}

export function clearPageJournal(): void {
  try { localStorage.removeItem(PAGE_JOURNAL_KEY); } catch { /* nothing to clear */ }
}

/**
 * The newest journaled content of the stored draft `last` — its storage journal when written
 * against the same save, or the page journal `page` — when a journal is newer than it, else null.
 */
export async function journaledContent(store: DraftStore, last: StoredDraft, page: { savedAt: string; content: AmendmentContent } | null): Promise<AmendmentContent | null> {
  let best: { at: string; content: AmendmentContent } | null = null;
  const entry = await store.readJournal(last.id).catch(() => null);
  if (entry && entry.checkpoint === last.checkpoint && entry.writtenAt >= last.updatedAt) {
    const patched = applyPatch(last.content, entry.patch);
    if (patched) best = { at: entry.writtenAt, content: patched };
  }
  if (page && page.savedAt > last.updatedAt && (!best || page.savedAt > best.at)) best = { at: page.savedAt, content: page.content };
  if (!best) return null;
  // Through the file format once, so ids and anchors read exactly as a stored draft's would.
  return { ...parseAmendment(serializeAmendment(best.content, new Date())), name: last.name };
}
