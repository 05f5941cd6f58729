/**
 * What an entry of a shared draft's list maps is about, in words a person reads in the audit
 * trail: which section, and the words (a suggestion's old and new wording; the words a comment
 * thread is on; the change an annotation's comments are on). Reads the value defensively: an
 * entry of an unknown shape gives "".
 */
import type { SharedListMap } from "./shape";

/** Longest quote kept, in characters (a longer one is cut at a word and ends with "…"). */
const QUOTE_LIMIT = 60;

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= QUOTE_LIMIT) return `“${flat}”`;
  const cut = flat.slice(0, QUOTE_LIMIT);
  const space = cut.lastIndexOf(" ");
  return `“${(space > QUOTE_LIMIT / 2 ? cut.slice(0, space) : cut).trimEnd()}…”`;
}

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/**
 * The entry `value` of list map `map` in words: "in 2-173-020: “investigate” → “inquire into”"
 * for a suggestion (“…” struck out for a deletion), "on “words” in 2-173-005" for a comment
 * thread or a change's comments. "" when the value does not say.
 */
export function entryWords(map: SharedListMap, value: unknown): string {
  const section = field(value, "anchor", "section");
  const exact = field(value, "anchor", "quote", "exact");
  if (typeof section !== "string" || typeof exact !== "string") return "";
  if (map === "suggestions") {
    const replacement = field(value, "replacement");
    if (typeof replacement !== "string") return "";
    return replacement === "" ? `in ${section}: strike ${quoted(exact)}` : `in ${section}: ${quoted(exact)} → ${quoted(replacement)}`;
  }
  const struck = map === "annotations" && field(value, "anchor", "side") === "deleted";
  return `on ${struck ? "the struck " : ""}${quoted(exact)} in ${section}`;
}
