/**
 * Two tabs on one draft never silently overwrite each other. Each tab announces the draft it
 * has open on a BroadcastChannel; a tab that learns another tab already holds its draft is
 * told, and the user chooses to take the draft over here or to continue as a copy. The tab
 * that is taken over stops saving and says so.
 */

export type PresenceMessage =
  | { readonly type: "hello"; readonly tab: string; readonly draftId: string }
  | { readonly type: "holding"; readonly tab: string; readonly draftId: string; readonly to: string }
  | { readonly type: "take-over"; readonly tab: string; readonly draftId: string };

export interface PresenceEvents {
  /** Another tab holds this draft: the user should choose. */
  readonly onConflict: () => void;
  /** Another tab took this draft over: stop saving. */
  readonly onTakenOver: () => void;
}

const CHANNEL = "ordinance-redline-drafts";

export class TabPresence {
  readonly tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly channel: BroadcastChannel | null;
  private draftId: string | null = null;
  /** Set once another tab has taken this draft over: this tab no longer claims it. */
  private yielded = false;

  constructor(private readonly events: PresenceEvents) {
    this.channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
    this.channel?.addEventListener("message", (event: MessageEvent<PresenceMessage>) => this.receive(event.data));
  }

  /** Announces that this tab now has `draftId` open. */
  open(draftId: string): void {
    this.draftId = draftId;
    this.yielded = false;
    this.channel?.postMessage({ type: "hello", tab: this.tab, draftId } satisfies PresenceMessage);
  }

  /** Tells other tabs that this tab takes the draft over (they stop saving). */
  takeOver(): void {
    if (this.draftId) this.channel?.postMessage({ type: "take-over", tab: this.tab, draftId: this.draftId } satisfies PresenceMessage);
  }

  close(): void {
    this.channel?.close();
  }

  private receive(message: PresenceMessage): void {
    if (message.tab === this.tab || message.draftId !== this.draftId) return;
    if (message.type === "hello") {
      if (this.yielded) return;
      this.channel?.postMessage({ type: "holding", tab: this.tab, draftId: message.draftId, to: message.tab } satisfies PresenceMessage);
    } else if (message.type === "holding" && message.to === this.tab) {
      this.events.onConflict();
    } else if (message.type === "take-over") {
      this.yielded = true;
      this.events.onTakenOver();
    }
  }
}
