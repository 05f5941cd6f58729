/**
 * A token diff in linear memory with a time bound, for paragraphs of any length.
 *
 * Plan, per stretch of the two sequences (the whole of them first):
 * 1. common leading and trailing tokens are matched;
 * 2. a small stretch is solved exactly by the table of lcs.ts;
 * 3. otherwise Myers' O((N+M)·D) search with the middle snake, divided and conquered in
 *    linear memory, solves it exactly when its edit distance D is within what the stretch's
 *    size allows;
 * 4. otherwise the stretch is walked from its start: after each edit, the nearest place where
 *    a few tokens agree again ends a small gap, solved exactly — linear for scattered edits;
 * 5. where the walk cannot start, the stretch is cut at anchors: runs of k tokens that occur
 *    once in each side (k = 4, then 12, then single tokens), chained in order by a longest
 *    increasing subsequence; the pieces between anchors are solved from step 1;
 * 6. a stretch with no anchor and too costly for the exact search (truly pathological input)
 *    is compared sentence by sentence, and its changed sentences are marked imprecise.
 *
 * So small inputs get a minimal diff (the most unchanged tokens), long paragraphs with
 * scattered edits a word diff whose pieces are each minimal, and no input more than a bounded
 * amount of work per token.
 */
import { increasingChain, uniqueRunPairs } from "./anchors";
import { lcsPairs } from "./lcs";

/** Changed tokens: A tokens [fromA, toA) became B tokens [fromB, toB). */
export interface DiffHunk {
  readonly fromA: number;
  readonly toA: number;
  readonly fromB: number;
  readonly toB: number;
  /** False where the stretch was too costly to diff by words and was compared by sentences. */
  readonly precise: boolean;
}

export interface LinearDiffOptions {
  /** Largest edit distance the exact search (step 3) may reach in one stretch. */
  readonly maxEditLength: number;
  /** Tokens that end a sentence, for the fallback of step 6 (by default . ; : ? !). */
  readonly isSentenceEnd?: (token: string) => boolean;
  /** Equal tokens needed to resume the walk after an edit (4 by default; 1 for whole sentences). */
  readonly resyncRun?: number;
}

/** Largest table (A tokens × B tokens) solved by lcs.ts. */
const TABLE_CELLS = 4096;
/** Work (cells of the Myers search) the first, exact attempt may spend on one stretch. */
const EXACT_ATTEMPT = 1_000_000;
/** Work allowed for a whole diff: this much, plus PER_TOKEN for each token. */
const BASE_WORK = 20_000_000;
const PER_TOKEN = 200;
/** Tokens skipped at most on each side, and equal tokens needed, to resume a walk after an edit. */
const RESYNC_WINDOW = 48;
const RESYNC_RUN = 4;
/** Anchor lengths tried in turn: long runs are the surest, single tokens the most plentiful. */
const ANCHOR_LENGTHS = [4, 12, 1] as const;

const SENTENCE_END = /^[.;:?!]$/;

/**
 * The hunks that turn `a` into `b`, in order, none touching another. Every token outside the
 * hunks is matched to an equal token on the other side, so applying the hunks to A gives B.
 */
export function diffTokens(a: readonly string[], b: readonly string[], options: LinearDiffOptions): DiffHunk[] {
  const isEnd = options.isSentenceEnd ?? ((token: string) => SENTENCE_END.test(token));
  return new Differ(a, b, options.maxEditLength, options.resyncRun ?? RESYNC_RUN, isEnd).run();
}

/** Tokens, or ids standing for them (equal ids for equal tokens). */
type Sequence = readonly string[] | Int32Array;

/** The two sequences as ids, numbered in order of first appearance. */
function idsOf(a: Sequence, b: Sequence): [Int32Array, Int32Array] {
  if (a instanceof Int32Array && b instanceof Int32Array) return [a, b];
  const ids = new Map<string | number, number>();
  const number = (seq: Sequence) => {
    const out = new Int32Array(seq.length);
    for (let i = 0; i < seq.length; i++) {
      let id = ids.get(seq[i]!);
      if (id === undefined) { id = ids.size; ids.set(seq[i]!, id); }
      out[i] = id;
    }
    return out;
  };
  return [number(a), number(b)];
}

/** One diff: the two sequences, and the matched runs found so far, in order. */
class Differ {
  /** Matched runs as triples (start in A, start in B, length), in increasing order. */
  private readonly runs: number[] = [];
  /** Starts ("fromA:fromB") of gaps left by the sentence fallback. */
  private readonly imprecise = new Set<string>();
  private workLeft: number;
  private forward = new Int32Array(0);
  private backward = new Int32Array(0);
  private snake = [0, 0, 0, 0];

  /** The sequences as ids, made when anchors or sentences first need them. */
  private ids: [Int32Array, Int32Array] | null = null;
  /** Sentence ends of each side (1 after a sentence-ending token), made when step 6 first needs them. */
  private sentenceEnds: [Uint8Array, Uint8Array] | null = null;

  constructor(
    private readonly a: Sequence,
    private readonly b: Sequence,
    private readonly maxEditLength: number,
    private readonly resyncRun: number,
    /** Null where the sequences are ids that step 6 has made of sentences already. */
    private readonly isSentenceEnd: ((token: string) => boolean) | null,
  ) {
    this.workLeft = BASE_WORK + PER_TOKEN * (a.length + b.length);
  }

  run(): DiffHunk[] {
    this.solve(0, this.a.length, 0, this.b.length);
    return this.hunks();
  }

  /** The matched runs, for a caller that diffs units made of tokens. */
  matchedRuns(): readonly number[] {
    this.solve(0, this.a.length, 0, this.b.length);
    return this.runs;
  }

  private match(i: number, j: number, length: number): void {
    if (length <= 0) return;
    const runs = this.runs;
    const last = runs.length - 3;
    if (last >= 0 && runs[last]! + runs[last + 2]! === i && runs[last + 1]! + runs[last + 2]! === j) runs[last + 2]! += length;
    else runs.push(i, j, length);
  }

  private hunks(): DiffHunk[] {
    const hunks: DiffHunk[] = [];
    let nextA = 0;
    let nextB = 0;
    const runs = this.runs;
    for (let r = 0; r <= runs.length; r += 3) {
      const i = r < runs.length ? runs[r]! : this.a.length;
      const j = r < runs.length ? runs[r + 1]! : this.b.length;
      if (i > nextA || j > nextB) {
        hunks.push({ fromA: nextA, toA: i, fromB: nextB, toB: j, precise: !this.imprecise.has(`${nextA}:${nextB}`) });
      }
      if (r < runs.length) { nextA = i + runs[r + 2]!; nextB = j + runs[r + 2]!; }
    }
    return hunks;
  }

  /**
   * Matches what it can of A[aLo, aHi) and B[bLo, bHi), appending runs in order; `small` says
   * the stretch's edit distance is known to be small enough for the exact search.
   */
  private solve(aLo: number, aHi: number, bLo: number, bHi: number, small = false): void {
    const { a, b } = this;
    const start = aLo;
    const startB = bLo;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) { aLo++; bLo++; }
    this.match(start, startB, aLo - start);
    let endA = aHi;
    let endB = bHi;
    while (endA > aLo && endB > bLo && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
    this.middle(aLo, endA, bLo, endB, small);
    this.match(endA, endB, aHi - endA);
  }

  /** A stretch with no common first or last token. */
  private middle(aLo: number, aHi: number, bLo: number, bHi: number, small = false): void {
    const n = aHi - aLo;
    const m = bHi - bLo;
    // An empty side (n · m = 0) goes to the table too, which matches nothing.
    if (n * m <= TABLE_CELLS) { this.table(aLo, aHi, bLo, bHi); return; }
    if (small) { this.middleSnake(aLo, aHi, bLo, bHi, Infinity); this.conquer(aLo, aHi, bLo, bHi); return; }
    const size = n + m;
    const first = Math.min(this.maxEditLength, Math.floor(Math.min(EXACT_ATTEMPT, this.workLeft) / size));
    if (first >= 2 && this.exactWithin(aLo, aHi, bLo, bHi, first)) return;
    if (this.walk(aLo, aHi, bLo, bHi)) return;
    for (const k of ANCHOR_LENGTHS) {
      if (this.splitAtAnchors(aLo, aHi, bLo, bHi, k)) return;
    }
    const second = Math.min(this.maxEditLength, Math.floor(this.workLeft / size));
    if (second > first && this.exactWithin(aLo, aHi, bLo, bHi, second)) return;
    this.bySentence(aLo, aHi, bLo, bHi);
  }

  private table(aLo: number, aHi: number, bLo: number, bHi: number): void {
    for (const [i, j] of lcsPairs<string | number>(this.a, aLo, aHi, this.b, bLo, bHi)) this.match(i, j, 1);
  }

  /** The exact diff of the stretch when its edit distance is at most `maxD`; false otherwise. */
  private exactWithin(aLo: number, aHi: number, bLo: number, bHi: number, maxD: number): boolean {
    this.workLeft -= (aHi - aLo + bHi - bLo) * Math.min(maxD, aHi - aLo + bHi - bLo);
    if (!this.middleSnake(aLo, aHi, bLo, bHi, maxD)) return false;
    this.conquer(aLo, aHi, bLo, bHi);
    return true;
  }

  /** Divide and conquer around the middle snake found last (this.snake) for this stretch. */
  private conquer(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const [x0, y0, x1, y1] = this.snake as [number, number, number, number];
    this.solve(aLo, x0, bLo, y0, true);
    this.match(x0, y0, x1 - x0);
    this.solve(x1, aHi, y1, bHi, true);
  }

  /**
   * Myers' middle snake of A[aLo, aHi) and B[bLo, bHi): searches forward from the start and
   * backward from the end, d edits at a time, until the two meet; stores the snake where they
   * meet (from x0, y0 to x1, y1) in this.snake. False when the edit distance exceeds maxD.
   */
  private middleSnake(aLo: number, aHi: number, bLo: number, bHi: number, maxD: number): boolean {
    const { a, b } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    const half = Math.min(Math.ceil((n + m) / 2), Math.ceil(maxD / 2));
    const offset = half + 1;
    const size = 2 * half + 3;
    if (this.forward.length < size) { this.forward = new Int32Array(size); this.backward = new Int32Array(size); }
    const vf = this.forward;
    const vb = this.backward;
    vf[offset + 1] = 0;
    vb[offset + 1] = 0;
    for (let d = 0; d <= half; d++) {
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && vf[offset + k - 1]! < vf[offset + k + 1]!) ? vf[offset + k + 1]! : vf[offset + k - 1]! + 1;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) { x++; y++; }
        vf[offset + k] = x;
        const kb = delta - k;
        if (odd && kb >= 1 - d && kb <= d - 1 && x + vb[offset + kb]! >= n) {
          if (2 * d - 1 > maxD) return false;
          this.snake = [aLo + x0, bLo + y0, aLo + x, bLo + y];
          return true;
        }
      }
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && vb[offset + k - 1]! < vb[offset + k + 1]!) ? vb[offset + k + 1]! : vb[offset + k - 1]! + 1;
        let y = x - k;
        const x0 = x;
        const y0 = y;
        while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) { x++; y++; }
        vb[offset + k] = x;
        const kf = delta - k;
        if (!odd && kf >= -d && kf <= d && vf[offset + kf]! + x >= n) {
          if (2 * d > maxD) return false;
          this.snake = [aHi - x, bHi - y, aHi - x0, bHi - y0];
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Walks a long stretch with scattered edits from its start: past each run of equal tokens,
   * finds the nearest place (fewest tokens skipped on both sides, at most RESYNC_WINDOW on
   * each) where `resyncRun` tokens agree again, and solves the small gap before it exactly.
   * Linear in the stretch for sparse edits. Where no such place is near, the rest of the
   * stretch is solved afresh (from step 1); false when that happens at the very start.
   */
  private walk(aLo: number, aHi: number, bLo: number, bHi: number): boolean {
    const { a, b } = this;
    let i = aLo;
    let j = bLo;
    for (;;) {
      const startA = i;
      const startB = j;
      while (i < aHi && j < bHi && a[i] === b[j]) { i++; j++; }
      this.match(startA, startB, i - startA);
      if (i === aHi || j === bHi) { this.middle(i, aHi, j, bHi); return true; }
      const resync = this.nearestAgreement(i, aHi, j, bHi);
      if (resync === null) {
        if (i === aLo && j === bLo) return false;
        this.solve(i, aHi, j, bHi);
        return true;
      }
      this.middle(i, i + resync[0], j, j + resync[1]);
      i += resync[0];
      j += resync[1];
    }
  }

  /** The skips [di, dj] with the least di + dj after which `resyncRun` tokens agree; null when none is near. */
  private nearestAgreement(i: number, aHi: number, j: number, bHi: number): [number, number] | null {
    const { a, b } = this;
    const run = this.resyncRun;
    const maxA = Math.min(RESYNC_WINDOW, aHi - i - run);
    const maxB = Math.min(RESYNC_WINDOW, bHi - j - run);
    for (let d = 1; d <= maxA + maxB; d++) {
      for (let di = Math.max(0, d - maxB); di <= Math.min(d, maxA); di++) {
        const dj = d - di;
        let t = 0;
        while (t < run && a[i + di + t] === b[j + dj + t]) t++;
        if (t === run) return [di, dj];
      }
    }
    return null;
  }

  /**
   * Cuts the stretch at runs of k tokens that occur exactly once in each side, chained in
   * order; solves the pieces between them. False when there is no such run.
   */
  private splitAtAnchors(aLo: number, aHi: number, bLo: number, bHi: number, k: number): boolean {
    if (aHi - aLo < k || bHi - bLo < k) return false;
    this.workLeft -= (aHi - aLo + bHi - bLo) * (k + 2);
    this.ids ??= idsOf(this.a, this.b);
    const [a, b] = this.ids;
    const { pairsA, pairsB } = uniqueRunPairs(a, aLo, aHi, b, bLo, bHi, k);
    if (pairsA.length === 0) return false;
    let nextA = aLo;
    let nextB = bLo;
    for (const index of increasingChain(pairsB)) {
      const i = pairsA[index]!;
      const j = pairsB[index]!;
      if (i < nextA || j < nextB) continue;
      this.solve(nextA, i, nextB, j);
      this.match(i, j, k);
      nextA = i + k;
      nextB = j + k;
    }
    this.solve(nextA, aHi, nextB, bHi);
    return true;
  }

  /**
   * Step 6: the stretch compared as sentences (each ends with a sentence-ending token or at
   * the stretch's end); equal sentences are matched, the rest is left as imprecise gaps.
   */
  private bySentence(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const isEnd = this.isSentenceEnd;
    if (!isEnd) return;
    const endsOf = (seq: Sequence) => Uint8Array.from(seq as readonly string[], (token) => (isEnd(token) ? 1 : 0));
    const [endsA, endsB] = (this.sentenceEnds ??= [endsOf(this.a), endsOf(this.b)]);
    this.ids ??= idsOf(this.a, this.b);
    const unitsA = units(this.ids[0], endsA, aLo, aHi);
    const unitsB = units(this.ids[1], endsB, bLo, bHi);
    const keys = new Map<string, number>();
    const unitIds = (list: Unit[]) => Int32Array.from(list, (unit) => {
      let id = keys.get(unit.key);
      if (id === undefined) { id = keys.size; keys.set(unit.key, id); }
      return id;
    });
    const inner = new Differ(unitIds(unitsA), unitIds(unitsB), this.maxEditLength, 1, null);
    const runs = inner.matchedRuns();
    let nextA = aLo;
    let nextB = bLo;
    for (let r = 0; r < runs.length; r += 3) {
      const first = unitsA[runs[r]!]!;
      const last = unitsA[runs[r]! + runs[r + 2]! - 1]!;
      const firstB = unitsB[runs[r + 1]!]!;
      if (first.from > nextA || firstB.from > nextB) this.imprecise.add(`${nextA}:${nextB}`);
      this.match(first.from, firstB.from, last.to - first.from);
      nextA = last.to;
      nextB = firstB.from + (last.to - first.from);
    }
    if (aHi > nextA || bHi > nextB) this.imprecise.add(`${nextA}:${nextB}`);
  }
}

interface Unit {
  readonly from: number;
  readonly to: number;
  readonly key: string;
}

/** The sentences of seq[from, to): each ends after a sentence-ending token, the last at `to`. */
function units(seq: Int32Array, ends: Uint8Array, from: number, to: number): Unit[] {
  const list: Unit[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (ends[i] || i === to - 1) {
      list.push({ from: start, to: i + 1, key: seq.subarray(start, i + 1).join(",") });
      start = i + 1;
    }
  }
  return list;
}
