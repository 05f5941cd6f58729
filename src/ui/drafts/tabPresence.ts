/**
 * Two tabs on one draft never silently overwrite each other. A tab holds the draft it saves
 * through an exclusive Web Lock named after the draft; the browser releases it when the tab
 * closes, reloads or crashes. A tab that finds the lock taken is told (and the user chooses to
 * take the draft over or to continue as a copy), waits in line meanwhile, and is told again
 * when the other tab lets go. Taking over steals the lock; the tab it is stolen from is told
 * and stops saving the draft.
 *
 * Without Web Locks (old browsers, Node) every tab holds its draft: no conflicts are reported.
 */

export interface PresenceEvents {
  /** Another tab holds this draft: the user should choose; saving here waits. */
  readonly onConflict: () => void;
  /** The tab that held this draft let go (it closed or opened another draft): this tab holds it now. */
  readonly onFreed: () => void;
  /** Another tab took this draft over: stop saving it. */
  readonly onTakenOver: () => void;
}

const LOCK_PREFIX = "ordinance-redline-draft:";

interface Hold {
  readonly draftId: string;
  readonly controller: AbortController;
  readonly release: () => void;
  readonly released: Promise<void>;
  /** True once this tab was granted the lock. */
  held: boolean;
}

function lockManager(): LockManager | null {
  return typeof navigator !== "undefined" && navigator.locks ? navigator.locks : null;
}

export class TabPresence {
  private hold: Hold | null = null;

  constructor(private readonly events: PresenceEvents) {}

  /**
   * Claims `draftId` for this tab (letting go of the previous draft). Resolves true when this
   * tab holds it, false when another tab does (after onConflict was called).
   */
  open(draftId: string): Promise<boolean> {
    this.release();
    const locks = lockManager();
    if (!locks) return Promise.resolve(true);
    const hold = this.newHold(draftId);
    const name = LOCK_PREFIX + draftId;
    let answer!: (held: boolean) => void;
    const answered = new Promise<boolean>((resolve) => { answer = resolve; });
    void locks.request(name, { ifAvailable: true }, (lock) => {
      answer(lock !== null);
      if (this.hold !== hold) return undefined;
      if (lock) return this.keep(hold);
      this.events.onConflict();
      void locks.request(name, { signal: hold.controller.signal }, () => {
        if (this.hold !== hold) return undefined;
        this.events.onFreed();
        return this.keep(hold);
      }).catch(() => this.lost(hold));
      return undefined;
    }).catch(() => { answer(false); this.lost(hold); });
    return answered;
  }

  /** Takes the draft from the tab that holds it (that tab is told and stops saving). */
  takeOver(): void {
    const current = this.hold;
    const locks = lockManager();
    if (!current || !locks) return;
    current.controller.abort();
    const hold = this.newHold(current.draftId);
    void locks.request(LOCK_PREFIX + current.draftId, { steal: true }, () => (this.hold === hold ? this.keep(hold) : undefined)).catch(() => this.lost(hold));
  }

  /** Lets go of the draft (another draft is opened, or the session ends). */
  release(): void {
    const hold = this.hold;
    this.hold = null;
    if (!hold) return;
    hold.controller.abort();
    hold.release();
  }

  close(): void {
    this.release();
  }

  private newHold(draftId: string): Hold {
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    const hold: Hold = { draftId, controller: new AbortController(), release, released, held: false };
    this.hold = hold;
    return hold;
  }

  private keep(hold: Hold): Promise<void> {
    hold.held = true;
    return hold.released;
  }

  /** A request failed: stolen by another tab when this tab held the lock (else it was cancelled here). */
  private lost(hold: Hold): void {
    if (this.hold !== hold || !hold.held) return;
    this.hold = null;
    this.events.onTakenOver();
  }
}
