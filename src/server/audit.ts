/**
 * The audit trail's outputs: rows as JSON for the API and as CSV for a spreadsheet (cells that
 * a spreadsheet would read as a formula are quoted with a leading apostrophe).
 */
import { entryWords, type SharedListMap } from "../core/sharedDraft";
import type { AuditEntry, AuditRow, Person } from "./storage/storage";

const ENTRY_LABEL: Readonly<Record<SharedListMap, string>> = { threads: "thread", suggestions: "suggestion", annotations: "change" };

/**
 * The detail of an audit row about an entry of a shared draft's list maps: its kind and id (what
 * a program matches on), then what it is about in words when its value says
 * ("suggestion g-1 in 2-173-020: “investigate” → “inquire into”").
 */
export function entryDetail(map: SharedListMap, id: string, value: unknown): string {
  const words = entryWords(map, value);
  return `${ENTRY_LABEL[map]} ${id}${words ? ` ${words}` : ""}`;
}

/** An audit entry for something a person did. */
export function entryBy(person: Person | null, draftId: string | null, action: string, detail: string, at: number): AuditEntry {
  return { at, userName: person?.name ?? null, office: person?.office ?? null, draftId, action, detail };
}

/** The JSON form of an audit row (time as ISO 8601). */
export function auditJson(row: AuditRow): Record<string, unknown> {
  return { id: row.id, at: new Date(row.at).toISOString(), person: row.userName, office: row.office, draft: row.draftId, action: row.action, detail: row.detail };
}

function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The audit rows as CSV with a header line, CRLF line ends (RFC 4180). */
export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [["id", "at", "person", "office", "draft", "action", "detail"].join(",")];
  for (const row of rows) {
    lines.push([row.id, new Date(row.at).toISOString(), row.userName, row.office, row.draftId, row.action, row.detail].map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
