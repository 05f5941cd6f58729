/** What the draft session shows the UI, and its timings. */

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
  /** Something the user should know that is not a warning (a copy was made to keep typing). */
  readonly notice: string | null;
}

/** Timings, in milliseconds (tests may shorten them). */
export interface SessionTimings {
  /** Save this long after the last change… */
  readonly saveDelay: number;
  /** …but never later than this after the first unsaved change. */
  readonly saveMaxWait: number;
  /** Give up waiting for storage to open after this long (it may still answer later). */
  readonly openTimeout: number;
}

export const DEFAULT_TIMINGS: SessionTimings = { saveDelay: 300, saveMaxWait: 1000, openTimeout: 4000 };

export const NOT_ANSWERING_MESSAGE = "The browser's storage is not answering, so this draft is not being saved here. Download the amendment file to keep your work; this tab keeps a copy of your typing for the next visit.";

