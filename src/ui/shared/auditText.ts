/**
 * How an audit row reads in the People and history dialog: what was done in words, and its detail
 * with a base text's SHA-256 fingerprint cut to its first 12 digits and an entry's id left out
 * before the words that say what it is about (the whole detail stays in the row's tooltip and in
 * the CSV download, which keeps every row exactly as the server wrote it).
 */
import type { AuditRow } from "./serverApi";

const ACTIONS: Readonly<Record<string, string>> = {
  "draft-created": "Created the draft",
  "text-shared": "Shared the draft's text",
  edit: "Edited the text",
  comment: "Commented",
  "suggestion-made": "Suggested wording",
  "suggestion-accepted": "Accepted a suggestion",
  "suggestion-rejected": "Rejected a suggestion",
  "role-set": "Gave a role",
  "role-removed": "Removed from the draft",
  export: "Exported",
  "comment-refused": "Comment refused",
};

const FINGERPRINT = /\b[0-9a-f]{64}\b/g;
/** An entry's kind and id before the words the server gives for it ("suggestion g-1 in 2-173-020: …"). */
const ENTRY_ID = /^(?:thread|suggestion|change) \S+ (?=(?:in|on) )/;

/** The row as a person reads it: `what` in words (an unknown action as the server named it), `detail` shortened, `full` the detail as written. */
export function describeAuditRow(row: AuditRow): { readonly what: string; readonly detail: string; readonly full: string } {
  const detail = row.detail === "began an editing session" ? "an editing session began"
    : row.detail.replace(ENTRY_ID, "").replace(FINGERPRINT, (hash) => `text fingerprint ${hash.slice(0, 12)}…`);
  return { what: ACTIONS[row.action] ?? row.action, detail, full: row.detail };
}
