/**
 * The typing of a tab paused because another tab has its draft open. Such a tab saves nothing
 * to the draft (the other tab does), so what it types is kept as a copy: the whole content, in
 * localStorage under a key of this tab's own (never the shared page journal, which the other
 * tab writes and clears), written as often as saves would be and when the page goes away.
 * While the tab lives it holds a Web Lock named after its key; a tab that starts later turns
 * every copy whose lock is free (its tab closed, reloaded or was killed) into a stored draft
 * and removes it. The copy is dropped when the pause ends with the typing saved or kept.
 */
import { parseAmendment, serializeAmendment, type AmendmentContent } from "../../core/amendmentFile";
import type { DraftStore } from "../../persistence";

const PREFIX = "ordinance-redline:paused-copy:";
const LOCK_PREFIX = "ordinance-redline-paused-copy:";

function locks(): LockManager | null {
  return typeof navigator !== "undefined" && navigator.locks ? navigator.locks : null;
}

/** One tab's paused typing: `write` it while paused, `drop` it when the pause ends. */
export class PausedCopy {
  private readonly key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  private release: (() => void) | null = null;

  /** Keeps `content` (named as the copy will be) for this tab now, synchronously. False when refused. */
  write(content: AmendmentContent): boolean {
    if (!this.release) this.holdLock();
    try {
      localStorage.setItem(PREFIX + this.key, serializeAmendment(content, new Date()));
      return true;
    } catch {
      return false;
    }
  }

  /** The pause ended with the typing saved or kept elsewhere: forget the copy. */
  drop(): void {
    try { localStorage.removeItem(PREFIX + this.key); } catch { /* nothing kept */ }
    this.release?.();
    this.release = null;
  }

  private holdLock(): void {
    const manager = locks();
    if (!manager) { this.release = () => {}; return; }
    const held = new Promise<void>((resolve) => { this.release = resolve; });
    void manager.request(LOCK_PREFIX + this.key, () => held).catch(() => {});
  }
}

/** Whether the tab that wrote the copy under `key` is gone (its lock is free). */
async function ownerGone(key: string): Promise<boolean> {
  const manager = locks();
  if (!manager) return true;
  return manager.request(LOCK_PREFIX + key, { ifAvailable: true }, (lock) => lock !== null);
}

/**
 * Stores as new drafts the paused typing of tabs that are gone, and removes it from
 * localStorage. Returns the names of the drafts made (copies that do not read are dropped).
 */
export async function recoverPausedCopies(store: DraftStore): Promise<string[]> {
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (name?.startsWith(PREFIX)) keys.push(name.slice(PREFIX.length));
    }
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const key of keys) {
    if (!(await ownerGone(key))) continue;
    const text = localStorage.getItem(PREFIX + key);
    let content: AmendmentContent | null = null;
    try { content = text ? parseAmendment(text) : null; } catch { content = null; }
    if (content) { await store.createDraft(content.name, content); names.push(content.name); }
    localStorage.removeItem(PREFIX + key);
  }
  return names;
}
