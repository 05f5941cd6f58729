/**
 * What a reviewer may change in a shared draft without the right to edit it: open a comment
 * thread on words, reply to a thread, or comment on a change — each comment signed by the
 * reviewer. Everything else (the text, statuses, someone else's words, removing an entry) is the
 * drafters'. Pure: the server applies the rule to what it holds.
 */
import { readAnnotations } from "../amendmentFile";
import { readTextThreads } from "../validation";
import type { EntryChange } from "./shape";
import { readSuggestion } from "./suggestions";

/** Who is writing, as the server knows them from the session. */
export interface Writer {
  readonly name: string;
  readonly office: string;
}

interface WithComments {
  readonly id: string;
  readonly comments: ReadonlyArray<{ readonly author?: string; readonly office?: string }>;
}

/** Parses a message from a client into an entry change; null when it is not one. */
export function readEntryChange(message: unknown): EntryChange | null {
  if (typeof message !== "object" || message === null) return null;
  const { type, map, id, value } = message as Record<string, unknown>;
  if (type !== "entry" || (map !== "threads" && map !== "annotations" && map !== "suggestions") || typeof id !== "string" || id.length === 0 || id.length > 200) return null;
  return { map, id, value: value ?? null };
}

/**
 * Why `change` is refused for a reviewer `writer`, given the entry's current value (`current`,
 * undefined when there is none); null when it is allowed. The new value must be valid, keep
 * every existing comment as it is and add only comments signed by the writer.
 */
export function reviewerRefusal(change: EntryChange, current: unknown, writer: Writer): string | null {
  if (change.value === null) return change.map === "suggestions" ? "only drafters remove suggestions" : "only drafters remove comments";
  if (change.map === "suggestions") return suggestionRefusal(change, current, writer);
  const problems: { path: string; message: string }[] = [];
  const read = change.map === "threads" ? readTextThreads([change.value], "thread", problems) : readAnnotations([change.value], "annotation", problems);
  if (!read || read.length !== 1) return `not a valid ${change.map === "threads" ? "comment thread" : "annotation"}: ${problems[0] ? `${problems[0].path} ${problems[0].message}` : "unreadable"}`;
  const next = read[0] as unknown as WithComments;
  if (next.id !== change.id) return "the entry's id does not match";
  if (current === undefined && change.map === "annotations" && (next as unknown as { status: string }).status !== "proposed") return "a new annotation of a change starts as proposed";
  const before = (current ?? { ...(next as object), comments: [] }) as WithComments & Record<string, unknown>;
  const { comments: oldComments, ...oldRest } = before;
  const { comments: newComments, ...newRest } = next as WithComments & Record<string, unknown>;
  // A reply reopens a resolved thread (as it does for a drafter); nothing else but the comments changes.
  if (newRest.resolved === false) delete oldRest.resolved, delete newRest.resolved;
  if (current !== undefined && sortedJson(oldRest) !== sortedJson(newRest)) return "only the comments may change";
  if (newComments.length <= oldComments.length) return "nothing new to add";
  for (let i = 0; i < oldComments.length; i++) {
    if (sortedJson(oldComments[i] as Record<string, unknown>) !== sortedJson(newComments[i] as Record<string, unknown>)) return "earlier comments may not change";
  }
  for (const comment of newComments.slice(oldComments.length)) {
    if (!signedBy(comment, writer)) return "a comment must be signed by the person who writes it";
  }
  return null;
}

/** A reviewer makes a suggestion, open and signed by them; deciding one is the drafters'. */
function suggestionRefusal(change: EntryChange, current: unknown, writer: Writer): string | null {
  if (current !== undefined) return "only drafters accept or reject suggestions";
  const problems: { path: string; message: string }[] = [];
  const suggestion = readSuggestion(change.value, "suggestion", problems);
  if (!suggestion) return `not a valid suggestion: ${problems[0] ? `${problems[0].path} ${problems[0].message}` : "unreadable"}`;
  if (suggestion.id !== change.id) return "the entry's id does not match";
  if (suggestion.status !== "open") return "a new suggestion is open";
  if (!signedBy(suggestion, writer)) return "a suggestion must be signed by the person who makes it";
  return null;
}

/** Whether `entry` (a comment, a suggestion) names `writer` as its author and office, ignoring case and outer spaces. */
export function signedBy(entry: { readonly author?: unknown; readonly office?: unknown }, writer: Writer): boolean {
  const same = (a: unknown, b: string) => String(a ?? "").trim().toLowerCase() === b.trim().toLowerCase();
  return same(entry.author, writer.name) && same(entry.office, writer.office);
}

/** `value` as JSON with its keys in order: equal for two values exactly when they hold the same. */
export function sortedJson(value: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}
