/**
 * Failures of browser storage in plain words, sorted into what the user can do about them:
 * storage unavailable (private browsing, disabled, blocked), storage full, a stored draft that
 * no longer reads, or anything else. Every failure of the draft store is a StorageError.
 */

export type StorageErrorKind = "unavailable" | "quota" | "corrupt" | "other";

export class StorageError extends Error {
  /** `cause` is the underlying error, when there is one (kept for diagnosis, never shown). */
  constructor(readonly kind: StorageErrorKind, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "StorageError";
  }
}

const UNAVAILABLE_NAMES = new Set(["MissingAPIError", "InvalidStateError", "SecurityError", "OpenFailedError", "DatabaseClosedError", "VersionError", "InvalidAccessError", "UpgradeError", "NotFoundError"]);

/** The error and the errors it wraps (Dexie's `inner`, the standard `cause`), outermost first. */
function chain(error: unknown): Array<{ name?: unknown; message?: unknown }> {
  const list: Array<{ name?: unknown; message?: unknown }> = [];
  let current: unknown = error;
  while (typeof current === "object" && current !== null && list.length < 5) {
    list.push(current as { name?: unknown });
    const next = (current as { inner?: unknown; cause?: unknown }).inner ?? (current as { cause?: unknown }).cause;
    current = next === current ? null : next;
  }
  return list;
}

export const QUOTA_MESSAGE = "The browser's storage for this site is full, so your latest changes are not saved here. Download the amendment file to keep them, and delete old drafts or versions to free space.";
export const UNAVAILABLE_MESSAGE = "Drafts cannot be stored in this browser (storage is unavailable — private browsing, a blocked or disabled site storage, or a newer version of Ordinance Redline open in another tab). Download the amendment file to keep your work.";

/**
 * A StorageError for a failure while doing `action` ("saving the draft"): quota errors anywhere
 * in the chain are "quota"; errors opening or reaching the database are "unavailable"; a
 * StorageError passes through; anything else is "other".
 */
export function toStorageError(error: unknown, action: string): StorageError {
  if (error instanceof StorageError) return error;
  const errors = chain(error);
  const names = errors.map((item) => String(item.name ?? ""));
  if (names.some((name) => name === "QuotaExceededError" || name === "QuotaExceeded")) return new StorageError("quota", QUOTA_MESSAGE, error);
  if (names.some((name) => UNAVAILABLE_NAMES.has(name))) return new StorageError("unavailable", UNAVAILABLE_MESSAGE, error);
  const detail = errors.map((item) => item.message).find((message) => typeof message === "string" && message !== "");
  return new StorageError("other", `Something went wrong while ${action}${detail ? `: ${String(detail)}` : ""}. Download the amendment file to keep your work.`, error);
}
