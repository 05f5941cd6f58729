/**
 * Suggestions: wording a reviewer proposes for words of a shared draft — a replacement, or a
 * deletion (empty wording) — anchored like a comment thread (section, paragraph, quoted words),
 * never by position. A drafter accepts one (the text changes) or rejects it; either way it stays
 * listed with who decided and when.
 */
import type { TextAnchor } from "../annotations/comments";
import { checkKnownKeys, isRecord, readIsoTime, readText, type ProblemList, readTextAnchor } from "../validation";

/** Where a suggestion stands. */
export type SuggestionStatus = "open" | "accepted" | "rejected";

export interface Suggestion {
  readonly id: string;
  /** The words it would replace. */
  readonly anchor: TextAnchor;
  /** The proposed wording ("" proposes deleting the words). */
  readonly replacement: string;
  readonly author: string;
  readonly office: string;
  /** ISO 8601 time it was made. */
  readonly time: string;
  readonly status: SuggestionStatus;
  /** Who accepted or rejected it, and when (absent while open). */
  readonly decidedBy?: string;
  readonly decidedAt?: string;
}

/** Limits of a suggestion's fields. */
export const SUGGESTION_LIMITS = { id: 100, replacement: 20_000, author: 200, office: 300, suggestions: 5_000 } as const;

const KEYS = ["id", "anchor", "replacement", "author", "office", "time", "status", "decidedBy", "decidedAt"] as const;
const STATUSES: readonly SuggestionStatus[] = ["open", "accepted", "rejected"];

/** Reads one suggestion; null, with every problem recorded under `path`, when it is not one. */
export function readSuggestion(value: unknown, path: string, problems: ProblemList): Suggestion | null {
  if (!isRecord(value)) { problems.push({ path, message: "must be an object with id, anchor, replacement, author, office, time and status" }); return null; }
  const before = problems.length;
  checkKnownKeys(value, KEYS, path, problems);
  const id = readText(value.id, `${path}.id`, { min: 1, max: SUGGESTION_LIMITS.id }, problems);
  const anchor = readTextAnchor(value.anchor, `${path}.anchor`, problems);
  const replacement = readText(value.replacement, `${path}.replacement`, { max: SUGGESTION_LIMITS.replacement }, problems);
  const author = readText(value.author, `${path}.author`, { min: 1, max: SUGGESTION_LIMITS.author }, problems);
  const office = readText(value.office, `${path}.office`, { max: SUGGESTION_LIMITS.office }, problems);
  const time = readIsoTime(value.time, `${path}.time`, problems);
  const status = STATUSES.includes(value.status as SuggestionStatus) ? (value.status as SuggestionStatus) : null;
  if (status === null) problems.push({ path: `${path}.status`, message: `must be one of ${STATUSES.join(", ")}` });
  const decidedBy = value.decidedBy === undefined ? undefined : readText(value.decidedBy, `${path}.decidedBy`, { min: 1, max: SUGGESTION_LIMITS.author }, problems);
  const decidedAt = value.decidedAt === undefined ? undefined : readIsoTime(value.decidedAt, `${path}.decidedAt`, problems);
  if (status === "open" && (value.decidedBy !== undefined || value.decidedAt !== undefined)) problems.push({ path, message: "an open suggestion has no decision" });
  if (problems.length > before || !id || !anchor || replacement === null || !author || office === null || !time || !status) return null;
  return {
    id, anchor, replacement, author, office, time, status,
    ...(decidedBy ? { decidedBy } : {}), ...(decidedAt ? { decidedAt } : {}),
  };
}

/** Reads a list of suggestions with unique ids; null when anything was wrong. */
export function readSuggestions(value: unknown, path: string, problems: ProblemList): Suggestion[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > SUGGESTION_LIMITS.suggestions) { problems.push({ path, message: `must be a list of at most ${SUGGESTION_LIMITS.suggestions} suggestions` }); return null; }
  const before = problems.length;
  const list = value.map((entry, index) => readSuggestion(entry, `${path}[${index}]`, problems));
  const ids = new Set<string>();
  for (const [index, suggestion] of list.entries()) {
    if (suggestion && ids.has(suggestion.id)) problems.push({ path: `${path}[${index}].id`, message: `the id "${suggestion.id}" is used twice` });
    if (suggestion) ids.add(suggestion.id);
  }
  return problems.length > before ? null : (list as Suggestion[]);
}

/** `suggestion` decided (accepted or rejected) by `who` at `time`. */
export function decideSuggestion(suggestion: Suggestion, status: "accepted" | "rejected", who: string, time: string): Suggestion {
  return { ...suggestion, status, decidedBy: who, decidedAt: time };
}
