/**
 * The one way the app writes a moment for people to read (comments, versions, drafts, audit,
 * authorship): the date in the medium style and the time to the minute, in the reader's locale
 * and time zone, e.g. "3 Dec 2026, 14:05". A value that is no date is shown as it is.
 */
const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** `iso` (an ISO 8601 time, or anything `Date` reads) as the app shows times. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : FORMAT.format(date);
}
