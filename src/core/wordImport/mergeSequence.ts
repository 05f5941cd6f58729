/**
 * Merges the reprinted lines of one passage (a section's paragraphs, or a table of contents)
 * into the base's lines. Each reprinted line has a base side and a draft side; an omitted-text
 * line stands for base lines left out of the reprint.
 *
 * Plan:
 * 1. Match: each reprinted line with a base side is matched to the first unmatched base line
 *    with the same key at or after the previous match (failing that, anywhere unmatched);
 *    lines that match nothing are returned as unmatched, and their base line stays.
 * 2. Place insertions (reprinted lines with no base side) in the gap between the matches
 *    around them: right after the previous match when no omitted-text line separates them from
 *    it; otherwise right before the next match (or at the end) when no omitted-text line
 *    separates them from that; otherwise the gap is ambiguous and `placeAmbiguous` chooses (or
 *    the start of the gap is taken, flagged uncertain).
 * 3. Emit steps in base order: inserts due before each base line, then keep / replace / delete.
 */

/** A reprinted line: its two sides ("" when absent) and anything the caller carries along. */
export interface ReprintedLine {
  readonly base: string;
  readonly draft: string;
}

export type ReprintEntry<T extends ReprintedLine> = { readonly kind: "line"; readonly line: T } | { readonly kind: "omitted" };

export type MergeStep<B, T> =
  | { readonly kind: "keep"; readonly base: B; readonly index: number }
  | { readonly kind: "replace"; readonly base: B; readonly index: number; readonly line: T }
  | { readonly kind: "delete"; readonly base: B; readonly index: number; readonly line: T }
  | { readonly kind: "insert"; readonly line: T; readonly uncertain: boolean };

export interface MergeInput<B, T extends ReprintedLine> {
  readonly base: readonly B[];
  /** A base line's key, or null for lines a reprint never shows (history notes). */
  readonly baseKey: (item: B) => string | null;
  readonly lineKey: (text: string) => string;
  readonly entries: readonly ReprintEntry<T>[];
  /** Where "the end" is for insertions after the last match (default: after the last keyed line). */
  readonly end?: number;
  /** For an insertion with omitted text on both sides: a base index in [from, to] to insert before, or null. */
  readonly placeAmbiguous?: (line: T, from: number, to: number) => number | null;
}

export interface MergeResult<B, T> {
  readonly steps: readonly MergeStep<B, T>[];
  /** Reprinted lines whose base side matches no base line (their base line, if any, is kept). */
  readonly unmatched: readonly T[];
}

/** Merges reprinted entries into base lines (see the module comment). Pure. */
export function mergeSequence<B, T extends ReprintedLine>(input: MergeInput<B, T>): MergeResult<B, T> {
  const { base, entries } = input;
  const keys = base.map((item) => input.baseKey(item));
  const matchOf = new Map<number, number>(); // entry index → base index
  const matched = new Set<number>();
  const unmatched: T[] = [];
  let cursor = 0;
  entries.forEach((entry, entryIndex) => {
    if (entry.kind !== "line" || entry.line.base === "") return;
    const key = input.lineKey(entry.line.base);
    const find = (from: number) => keys.findIndex((candidate, index) => index >= from && candidate === key && !matched.has(index));
    let found = find(cursor);
    if (found < 0) found = find(0);
    if (found < 0) { unmatched.push(entry.line); return; }
    matchOf.set(entryIndex, found);
    matched.add(found);
    if (found >= cursor) cursor = found + 1;
  });

  const lastKeyed = keys.reduce((last, key, index) => (key === null ? last : index), -1);
  const end = input.end ?? lastKeyed + 1;
  const insertsBefore = new Map<number, Array<{ line: T; uncertain: boolean }>>();
  let previousMatch = -1;
  let omittedSinceMatch = false;
  entries.forEach((entry, entryIndex) => {
    if (entry.kind === "omitted") { omittedSinceMatch = true; return; }
    const at = matchOf.get(entryIndex);
    if (at !== undefined) { previousMatch = at; omittedSinceMatch = false; return; }
    if (entry.line.base !== "" || entry.line.draft === "") return;
    const gapStart = previousMatch + 1;
    const next = nextMatch(entries, matchOf, entryIndex);
    const gapEnd = Math.max(gapStart, next?.base ?? end);
    let position = gapStart;
    let uncertain = false;
    if (omittedSinceMatch) {
      if (!next?.omittedBefore && !(next === null && omittedAfter(entries, entryIndex))) position = gapEnd;
      else {
        const chosen = input.placeAmbiguous?.(entry.line, gapStart, gapEnd) ?? null;
        position = chosen ?? gapStart;
        uncertain = chosen === null && gapEnd > gapStart;
      }
    }
    const list = insertsBefore.get(position) ?? [];
    list.push({ line: entry.line, uncertain });
    insertsBefore.set(position, list);
  });

  const lineOfBase = new Map<number, T>();
  for (const [entryIndex, baseIndex] of matchOf) lineOfBase.set(baseIndex, (entries[entryIndex] as { line: T }).line);
  const steps: MergeStep<B, T>[] = [];
  for (let index = 0; index <= base.length; index++) {
    for (const insert of insertsBefore.get(index) ?? []) steps.push({ kind: "insert", ...insert });
    if (index === base.length) break;
    const item = base[index]!;
    const line = lineOfBase.get(index);
    if (!line) steps.push({ kind: "keep", base: item, index });
    else steps.push(line.draft === "" ? { kind: "delete", base: item, index, line } : { kind: "replace", base: item, index, line });
  }
  return { steps, unmatched };
}

/** The next matched entry after `entryIndex`: its base index and whether an omitted line comes first. */
function nextMatch<T extends ReprintedLine>(entries: readonly ReprintEntry<T>[], matchOf: ReadonlyMap<number, number>, entryIndex: number): { base: number; omittedBefore: boolean } | null {
  let omittedBefore = false;
  for (let index = entryIndex + 1; index < entries.length; index++) {
    if (entries[index]!.kind === "omitted") omittedBefore = true;
    const at = matchOf.get(index);
    if (at !== undefined) return { base: at, omittedBefore };
  }
  return null;
}

function omittedAfter<T extends ReprintedLine>(entries: readonly ReprintEntry<T>[], entryIndex: number): boolean {
  return entries.slice(entryIndex + 1).some((entry) => entry.kind === "omitted");
}
