/**
 * Monotone alignment of two sequences (paragraphs of a section, contents entries, sections of
 * a chapter): which item of A became which item of B, which were deleted and which inserted.
 * Equal keys anchor first; the gaps between anchors are paired by similarity.
 */
import { diffArrays } from "diff";
import { lcsPairs, SMALL_TABLE } from "./lcs";

/** One step of an alignment: a pair, an A item alone (deleted) or a B item alone (inserted). */
export type AlignStep =
  | { readonly a: number; readonly b: number }
  | { readonly a: number; readonly b?: undefined }
  | { readonly a?: undefined; readonly b: number };

/** Largest gap (A items × B items) paired by dynamic programming; larger gaps are not paired. */
const MAX_GAP_CELLS = 1600;

/**
 * Aligns A and B: items with equal keys anchor (longest common subsequence); between anchors,
 * items are paired when `similar(a, b)` reaches `threshold`, maximizing total similarity.
 * The result lists every item of A and B once, in order on both sides.
 */
export function alignSequences(
  keysA: readonly string[],
  keysB: readonly string[],
  similar: (a: number, b: number) => number,
  threshold: number,
): AlignStep[] {
  const steps: AlignStep[] = [];
  // Equal items at both ends anchor without a diff; most edits leave one small gap between them.
  let start = 0;
  while (start < keysA.length && start < keysB.length && keysA[start] === keysB[start]) steps.push({ a: start, b: start++ });
  let endA = keysA.length;
  let endB = keysB.length;
  while (endA > start && endB > start && keysA[endA - 1] === keysB[endB - 1]) { endA--; endB--; }
  const middleA = keysA.slice(start, endA) as string[];
  const middleB = keysB.slice(start, endB) as string[];
  const parts = middleA.length <= 1 || middleB.length <= 1
    ? oneWide(middleA, middleB)
    : middleA.length * middleB.length <= SMALL_TABLE
      ? partsFromPairs(lcsPairs(middleA, 0, middleA.length, middleB, 0, middleB.length), middleA.length, middleB.length)
      : diffArrays(middleA, middleB, { maxEditLength: 4000 })
        ?? [{ value: middleA, removed: true, added: false }, { value: middleB, added: true, removed: false }];
  let indexA = start;
  let indexB = start;
  let gapA: number[] = [];
  let gapB: number[] = [];
  for (const part of parts) {
    const count = part.value.length;
    if (part.removed) { for (let i = 0; i < count; i++) gapA.push(indexA++); continue; }
    if (part.added) { for (let i = 0; i < count; i++) gapB.push(indexB++); continue; }
    if (gapA.length > 0 || gapB.length > 0) {
      for (const step of pairGap(gapA, gapB, similar, threshold)) steps.push(step);
      gapA = [];
      gapB = [];
    }
    for (let i = 0; i < count; i++) steps.push({ a: indexA++, b: indexB++ });
  }
  if (gapA.length > 0 || gapB.length > 0) for (const step of pairGap(gapA, gapB, similar, threshold)) steps.push(step);
  for (; indexA < keysA.length; indexA++, indexB++) steps.push({ a: indexA, b: indexB });
  return steps;
}

interface Part {
  readonly value: readonly unknown[];
  readonly added: boolean;
  readonly removed: boolean;
}

/**
 * jsdiff-style parts of a middle one item wide on a side: that item anchors at its first equal
 * key on the other side, as a longest common subsequence would anchor it.
 */
function oneWide(middleA: readonly string[], middleB: readonly string[]): Part[] {
  const at = middleA.length === 1 ? middleB.indexOf(middleA[0]!) : middleB.length === 1 ? middleA.indexOf(middleB[0]!) : -1;
  if (at < 0) return [{ value: middleA, removed: true, added: false }, { value: middleB, removed: false, added: true }];
  const [longer, removed] = middleA.length === 1 ? [middleB, false] : [middleA, true];
  return [
    { value: longer.slice(0, at), removed, added: !removed },
    { value: [null], removed: false, added: false },
    { value: longer.slice(at + 1), removed, added: !removed },
  ];
}

/** jsdiff-style parts (removed, added, common runs) from matched index pairs. */
function partsFromPairs(pairs: ReadonlyArray<[number, number]>, lengthA: number, lengthB: number): Part[] {
  const parts: Part[] = [];
  let nextA = 0;
  let nextB = 0;
  for (const [i, j] of [...pairs, [lengthA, lengthB] as [number, number]]) {
    if (i > nextA) parts.push({ value: new Array(i - nextA), removed: true, added: false });
    if (j > nextB) parts.push({ value: new Array(j - nextB), removed: false, added: true });
    if (i < lengthA) parts.push({ value: [null], removed: false, added: false });
    nextA = i + 1;
    nextB = j + 1;
  }
  return parts;
}

/**
 * Pairs the items of one gap (A items and B items, each in order): every item listed once, in
 * order on both sides, pairs only at or above `threshold`, the total similarity greatest. Plan: a table best[i][j] of the highest total similarity for
 * the first i A items and first j B items, where a pair counts only at or above the
 * threshold; then walk back to read the pairs, emitting unpaired items around them.
 */
export function pairGap(gapA: readonly number[], gapB: readonly number[], similar: (a: number, b: number) => number, threshold: number): AlignStep[] {
  const m = gapA.length;
  const n = gapB.length;
  if (m === 0 || n === 0 || m * n > MAX_GAP_CELLS) {
    return [...gapA.map((a) => ({ a })), ...gapB.map((b) => ({ b }))];
  }
  if (m === 1 && n === 1) {
    return similar(gapA[0]!, gapB[0]!) >= threshold ? [{ a: gapA[0]!, b: gapB[0]! }] : [{ a: gapA[0]! }, { b: gapB[0]! }];
  }
  // Several paragraphs edited in place: when each pairs with the one at its own place, the
  // table is not needed.
  if (m === n && gapA.every((a, k) => similar(a, gapB[k]!) >= threshold)) {
    return gapA.map((a, k) => ({ a, b: gapB[k]! }));
  }
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  const score: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const s = similar(gapA[i - 1]!, gapB[j - 1]!);
      score[i - 1]![j - 1] = s;
      const pair = s >= threshold ? best[i - 1]![j - 1]! + s : -1;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, pair);
    }
  }
  const reversed: AlignStep[] = [];
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const s = i > 0 && j > 0 ? score[i - 1]![j - 1]! : 0;
    if (i > 0 && j > 0 && s >= threshold && best[i]![j] === best[i - 1]![j - 1]! + s) {
      reversed.push({ a: gapA[--i]!, b: gapB[--j]! });
    } else if (j > 0 && (i === 0 || best[i]![j] === best[i]![j - 1])) {
      reversed.push({ b: gapB[--j]! });
    } else {
      reversed.push({ a: gapA[--i]! });
    }
  }
  return orderUnpaired(reversed.reverse());
}

/** Within each run of unpaired items, puts deletions before insertions (a stable reading order). */
function orderUnpaired(steps: AlignStep[]): AlignStep[] {
  const ordered: AlignStep[] = [];
  let run: AlignStep[] = [];
  const flush = () => {
    ordered.push(...run.filter((step) => step.b === undefined), ...run.filter((step) => step.a === undefined));
    run = [];
  };
  for (const step of steps) {
    if (step.a !== undefined && step.b !== undefined) { flush(); ordered.push(step); } else run.push(step);
  }
  flush();
  return ordered;
}

/**
 * Indices (into `values`) of an increasing subsequence of greatest total weight; `values` are
 * distinct integers in [0, size). Ties keep the chain found first. O(n log size) with a
 * Fenwick tree of prefix maxima.
 */
export function heaviestIncreasing(values: readonly number[], weights: readonly number[], size: number): Set<number> {
  const bestAt = new Float64Array(size + 1);
  const itemAt = new Int32Array(size + 1).fill(-1);
  const total = new Float64Array(values.length);
  const previous = new Int32Array(values.length).fill(-1);
  let bestItem = -1;
  for (let k = 0; k < values.length; k++) {
    // Best chain ending below values[k]: prefix maximum over positions 1..values[k].
    let best = 0;
    let from = -1;
    for (let p = values[k]!; p > 0; p -= p & -p) {
      if (itemAt[p]! >= 0 && bestAt[p]! > best) { best = bestAt[p]!; from = itemAt[p]!; }
    }
    total[k] = best + weights[k]!;
    previous[k] = from;
    for (let p = values[k]! + 1; p <= size; p += p & -p) {
      if (itemAt[p]! < 0 || total[k]! > bestAt[p]!) { bestAt[p] = total[k]!; itemAt[p] = k; }
    }
    if (bestItem < 0 || total[k]! > total[bestItem]!) bestItem = k;
  }
  const chosen = new Set<number>();
  for (let k = bestItem; k >= 0; k = previous[k]!) chosen.add(k);
  return chosen;
}
