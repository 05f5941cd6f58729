/**
 * The words of one line as the model keeps them: single-spaced, trimmed, straight quotes, no
 * invisible characters — the form the importer reads any line into (importer/normalize). Text
 * typed in the editor is held as typed; the model read from it takes this form, so that what
 * is saved reads back as the same model, and `wordsColumn` maps a column of the model's words
 * back to the typed text, so that redline offsets still land where the words are on screen.
 */

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const DOUBLE_QUOTE = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const SINGLE_QUOTE = /[\u2018\u2019\u201a\u201b\u2032]/;
/** Any character this normalisation changes or drops, or a space where one could be dropped. */
const UNTIDY = /[\u200b-\u200d\u2060\ufeff\u00ad\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2018\u2019\u201a\u201b\u2032\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\n\r\v\f]|^ | $| {2}/;

/** True when `raw` is already in the model's form (the common case: nothing to map). */
export function isTidyWords(raw: string): boolean {
  return !UNTIDY.test(raw);
}

/** One typed character as the model's form has it: "" for an invisible one, " " for any space, a straight quote for a curly one. */
export function modelChar(ch: string): string {
  if (INVISIBLE.test(ch)) return "";
  if (SPACE.test(ch)) return " ";
  return DOUBLE_QUOTE.test(ch) ? '"' : SINGLE_QUOTE.test(ch) ? "'" : ch;
}

/** `raw` in the model's form: spaces collapsed to one, trimmed, quotes straight, invisibles dropped. */
export function tidyWords(raw: string): string {
  if (isTidyWords(raw)) return raw;
  let out = "";
  let pendingSpace = false;
  for (const ch of raw) {
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) { pendingSpace = out.length > 0; continue; }
    if (pendingSpace) { out += " "; pendingSpace = false; }
    out += DOUBLE_QUOTE.test(ch) ? '"' : SINGLE_QUOTE.test(ch) ? "'" : ch;
  }
  return out;
}

/** Column → raw offset tables of untidy texts seen lately (a few: the lines being edited). */
const tables = new Map<string, Int32Array>();

function columnTable(raw: string): Int32Array {
  let table = tables.get(raw);
  if (table) return table;
  const offsets: number[] = [];
  let pendingSpace = false;
  let lastEnd = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (offsets.length > 0 && !pendingSpace) { pendingSpace = true; offsets.push(i); lastEnd = i + 1; }
      continue;
    }
    // A kept space is only kept when words follow it: a trailing one is dropped.
    pendingSpace = false;
    offsets.push(i);
    lastEnd = i + 1;
  }
  if (pendingSpace) { offsets.pop(); lastEnd = offsets.length ? offsets[offsets.length - 1]! + 1 : 0; }
  offsets.push(lastEnd);
  table = Int32Array.from(offsets);
  if (tables.size >= 8) tables.delete(tables.keys().next().value!);
  tables.set(raw, table);
  return table;
}

/**
 * The offset in `raw` of column `column` of its tidy form (`tidyLength` characters long): where
 * the raw character that became it stands, or for the end column, just past the last kept
 * character. Exact for every column. O(1) when nothing was dropped (the tidy form is then as
 * long as `raw` and columns are offsets); one pass for untidy text, cached for a few texts.
 */
export function wordsColumn(raw: string, tidyLength: number, column: number): number {
  const clamped = Math.max(0, Math.min(column, tidyLength));
  if (raw.length === tidyLength) return clamped;
  const table = columnTable(raw);
  return table[Math.min(clamped, table.length - 1)]!;
}
