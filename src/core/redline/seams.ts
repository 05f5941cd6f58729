/**
 * Splits and joins of paragraphs. A paragraph of the base that the draft cuts in two (Enter in
 * its middle), or two paragraphs that the draft makes one, are diffed as one text against the
 * other side's two joined, and the seam between the two becomes one change of its own
 * (`seam: "split"` or `"join"`): the line break with the second paragraph's indentation and
 * enumerator on one side, the space it stands for on the other. Renderers show it as a pilcrow
 * at the seam, underscored for a split and struck for a join, instead of a paragraph deleted
 * and others inserted.
 */
import type { LineInfo } from "../model/canonicalText";
import type { Section } from "../model/document";
import { pairGap, type AlignStep } from "./align";
import { textSimilarity, wordBag, wordCount } from "./similarity";
import type { ResolvedOptions } from "./types";
import { diffLine } from "./wordDiff";

/** Least similarity of the one paragraph to the other side's two joined for a split or join. */
export const SEAM_SIMILARITY = 0.8;

/** A step of a section's paragraph alignment, with splits and joins grouped. */
export type SeamStep =
  | { readonly seam?: undefined; readonly step: AlignStep }
  | { readonly seam: "split"; readonly a: number; readonly b: readonly [number, number] }
  | { readonly seam: "join"; readonly a: readonly [number, number]; readonly b: number };

/** A change of a paragraph split or join, offsets relative to the pieces (as LocalChange). */
export interface SeamEdit {
  readonly fromA: number;
  readonly toA: number;
  readonly fromB: number;
  readonly toB: number;
  readonly precise: boolean;
  readonly seam?: "split" | "join";
  /** Which paragraph of the side with two the edit lies in (0 first, 1 second). */
  readonly half: 0 | 1;
}

function isParagraph(section: Section, index: number | undefined): boolean {
  return index !== undefined && section.blocks[index]?.kind === "paragraph";
}

function textAt(section: Section, index: number): string {
  return section.blocks[index]!.text;
}

/** Each section's word counts by block, counted once (a run's search asks for each many times). */
const wordCounts = new WeakMap<Section, Array<number | undefined>>();

/** Word count and length of a paragraph's text, for bounding a seam's similarity cheaply. */
function sizeOf(section: Section, index: number): { words: number; length: number } {
  const text = textAt(section, index);
  let counts = wordCounts.get(section);
  if (!counts) wordCounts.set(section, (counts = []));
  return { words: (counts[index] ??= wordCount(text)), length: text.length };
}

/**
 * Whether the text of one paragraph could be SEAM_SIMILARITY alike to two others joined: the
 * word-bag score is at most the smaller word count's share, the shared-ends score at most the
 * shorter length's share of the longer.
 */
function mayBeSeam(one: { words: number; length: number }, first: { words: number; length: number }, second: { words: number; length: number }): boolean {
  const words = first.words + second.words;
  const length = first.length + second.length + 1;
  return (2 * Math.min(one.words, words)) / (one.words + words) >= SEAM_SIMILARITY
    || Math.min(one.length, length) / Math.max(one.length, length) >= SEAM_SIMILARITY;
}

/**
 * How alike block `one` of the side `oneSide` is to blocks `first`, `first + 1` of `twoSide`
 * joined, when all three are paragraphs with words; 0 otherwise.
 */
function seamSimilarity(oneSide: Section, one: number, twoSide: Section, first: number): number {
  if (!isParagraph(oneSide, one) || !isParagraph(twoSide, first) || !isParagraph(twoSide, first + 1)) return 0;
  const textOne = textAt(oneSide, one);
  const firstText = textAt(twoSide, first);
  const secondText = textAt(twoSide, first + 1);
  if (textOne === "" || firstText === "" || secondText === "") return 0;
  if (!mayBeSeam(sizeOf(oneSide, one), sizeOf(twoSide, first), sizeOf(twoSide, first + 1))) return 0;
  return textSimilarity(textOne, `${firstText} ${secondText}`);
}

/** The share of the words of `part` that `whole` has too (each as often as `part` has it). */
function containment(part: string, whole: string): number {
  const a = wordBag(part);
  const b = wordBag(whole);
  if (a.size === 0) return 0;
  let shared = 0;
  for (const [word, count] of a.counts) shared += Math.min(count, b.counts.get(word) ?? 0);
  return shared / a.size;
}

/** Largest run of unsettled steps (A items × B items) searched for seams. */
export const SEAM_SEARCH_CELLS = 1600;

/** Similarity of block a of A and block b of B (as the paragraph alignment scores a pair). */
export type PairSimilarity = (a: number, b: number) => number;

/**
 * The alignment steps with each split (one A paragraph, two consecutive B paragraphs) and join
 * (two consecutive A paragraphs, one B paragraph) grouped. Seams are looked for in each run of
 * steps between paragraphs kept unchanged (a run of at most SEAM_SEARCH_CELLS items × items):
 * a seam is the one paragraph at least SEAM_SIMILARITY alike to the other side's two joined,
 * more alike than the pair the steps made of that paragraph, and each half the steps paired
 * with another paragraph has at least as many of its words in the one paragraph as in that other (so a
 * paragraph's kept tail beside a neighbour with words added is no split); the most alike seams
 * are taken first, never two sharing a paragraph or crossing. Whatever a seam took from a pair,
 * the rest of its run between seams is paired again by `similar` and `threshold` (as the
 * alignment pairs a gap), so a paragraph changed right beside a seam shows its own change.
 * With no seam, the steps are returned as they are.
 */
export function groupSeams(steps: readonly AlignStep[], sectionA: Section, sectionB: Section, similar: PairSimilarity, threshold: number): SeamStep[] {
  const grouped: SeamStep[] = [];
  let k = 0;
  while (k < steps.length) {
    if (isKept(steps[k]!, sectionA, sectionB)) { grouped.push({ step: steps[k++]! }); continue; }
    let end = k;
    while (end < steps.length && !isKept(steps[end]!, sectionA, sectionB)) end++;
    for (const step of seamsInRun(steps.slice(k, end), sectionA, sectionB, similar, threshold)) grouped.push(step);
    k = end;
  }
  return grouped;
}

/** A pair of blocks of the same kind and text: no seam goes through it. */
function isKept(step: AlignStep, sectionA: Section, sectionB: Section): boolean {
  if (step.a === undefined || step.b === undefined) return false;
  const blockA = sectionA.blocks[step.a]!;
  const blockB = sectionB.blocks[step.b]!;
  return blockA.kind === blockB.kind && blockA.text === blockB.text;
}

interface SeamCandidate {
  readonly score: number;
  readonly step: Exclude<SeamStep, { seam?: undefined }>;
  /** First and last A index, first and last B index. */
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
}

function seamsInRun(run: readonly AlignStep[], sectionA: Section, sectionB: Section, similar: PairSimilarity, threshold: number): SeamStep[] {
  const unchanged = run.map((step): SeamStep => ({ step }));
  // The run's items are consecutive on each side.
  const itemsA = run.filter((step) => step.a !== undefined).map((step) => step.a!);
  const itemsB = run.filter((step) => step.b !== undefined).map((step) => step.b!);
  if (itemsA.length + itemsB.length < 3 || itemsA.length === 0 || itemsB.length === 0 || itemsA.length * itemsB.length > SEAM_SEARCH_CELLS) return unchanged;
  const partnerOfA = new Map<number, number>();
  const partnerOfB = new Map<number, number>();
  for (const step of run) if (step.a !== undefined && step.b !== undefined) { partnerOfA.set(step.a, step.b); partnerOfB.set(step.b, step.a); }
  // A seam must be more alike than the pair its one paragraph is in, and each of its halves
  // paired with another paragraph must have as many of its words in the seam's one paragraph.
  const holds = (score: number, split: boolean, one: number, halves: readonly [number, number]) => {
    const [oneSide, halfSide] = split ? [sectionA, sectionB] : [sectionB, sectionA];
    const [partnerOfOne, partnerOfHalf] = split ? [partnerOfA, partnerOfB] : [partnerOfB, partnerOfA];
    const partner = partnerOfOne.get(one);
    if (partner !== undefined && score <= (split ? similar(one, partner) : similar(partner, one))) return false;
    return halves.every((half) => {
      const other = partnerOfHalf.get(half);
      return other === undefined || other === one || containment(textAt(halfSide, half), textAt(oneSide, one)) >= containment(textAt(halfSide, half), textAt(oneSide, other));
    });
  };
  const candidates: SeamCandidate[] = [];
  const consider = (score: number, step: SeamCandidate["step"], a: readonly [number, number], b: readonly [number, number]) => {
    if (score < SEAM_SIMILARITY) return;
    const split = step.seam === "split";
    if (holds(score, split, split ? a[0] : b[0], split ? [b[0], b[1]] : [a[0], a[1]])) candidates.push({ score, step, a, b });
  };
  const firstA = itemsA[0]!;
  const firstB = itemsB[0]!;
  for (const a of itemsA) {
    for (let b = firstB; b + 1 < firstB + itemsB.length; b++) consider(seamSimilarity(sectionA, a, sectionB, b), { seam: "split", a, b: [b, b + 1] }, [a, a], [b, b + 1]);
  }
  for (const b of itemsB) {
    for (let a = firstA; a + 1 < firstA + itemsA.length; a++) consider(seamSimilarity(sectionB, b, sectionA, a), { seam: "join", a: [a, a + 1], b }, [a, a + 1], [b, b]);
  }
  if (candidates.length === 0) return unchanged;
  candidates.sort((x, y) => y.score - x.score || x.a[0] - y.a[0] || x.b[0] - y.b[0]);
  const chosen: SeamCandidate[] = [];
  for (const candidate of candidates) {
    const fits = chosen.every((other) => (candidate.a[1] < other.a[0] && candidate.b[1] < other.b[0]) || (candidate.a[0] > other.a[1] && candidate.b[0] > other.b[1]));
    if (fits) chosen.push(candidate);
  }
  chosen.sort((x, y) => x.a[0] - y.a[0]);
  const result: SeamStep[] = [];
  let nextA = firstA;
  let nextB = firstB;
  for (const seam of [...chosen, null]) {
    const untilA = seam ? seam.a[0] : firstA + itemsA.length;
    const untilB = seam ? seam.b[0] : firstB + itemsB.length;
    for (const step of pairedBetween(run, nextA, untilA, nextB, untilB, similar, threshold)) result.push({ step });
    if (!seam) break;
    result.push(seam.step);
    nextA = seam.a[1] + 1;
    nextB = seam.b[1] + 1;
  }
  return result;
}

/**
 * The steps of A items [fromA, toA) and B items [fromB, toB) between seams: the run's own steps
 * when none of them pairs an item inside with one outside, else the items paired afresh.
 */
function pairedBetween(run: readonly AlignStep[], fromA: number, toA: number, fromB: number, toB: number, similar: PairSimilarity, threshold: number): AlignStep[] {
  const insideA = (a: number | undefined) => a !== undefined && a >= fromA && a < toA;
  const insideB = (b: number | undefined) => b !== undefined && b >= fromB && b < toB;
  const own = run.filter((step) => insideA(step.a) || insideB(step.b));
  if (own.every((step) => (step.a === undefined || insideA(step.a)) && (step.b === undefined || insideB(step.b)))) return own;
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  return pairGap(range(fromA, toA), range(fromB, toB), similar, threshold);
}

/**
 * The changes of a split: `line` (the A paragraph) against `first` and `second` (the B
 * paragraphs), offsets in the pieces. For a join pass the sides swapped (`swap`): the edits are
 * then read back with A and B exchanged.
 */
export function seamEdits(line: LineInfo, first: LineInfo, second: LineInfo, options: ResolvedOptions, swap: boolean): SeamEdit[] {
  const joinedLength = first.words.length;
  const virtual = `${first.words} ${second.words}`;
  const edits = swap ? diffLine(virtual, line.words, options).map(flip) : diffLine(line.words, virtual, options);
  // Virtual offset v of the two-paragraph side → its piece offset.
  const real = (v: number) => (v <= joinedLength ? first.textFrom + v : second.textFrom + v - joinedLength - 1);
  const seamFrom = first.to;
  const seamTo = second.textFrom;
  const result: SeamEdit[] = [];
  let delta = 0; // virtual offset minus one-side offset, over the unchanged text so far
  let placed = false;
  const kind = swap ? "join" : "split";
  const seamEdit = (at: number): SeamEdit => ({ fromA: line.textFrom + at, toA: line.textFrom + at, fromB: seamFrom, toB: seamTo, precise: true, seam: kind, half: 1 });
  for (const edit of edits) {
    if (!placed && edit.fromB > joinedLength) {
      // The seam's space lies in unchanged text before this edit.
      const at = joinedLength - delta;
      result.push({ ...seamEdit(at), toA: line.textFrom + at + 1 });
      placed = true;
    }
    if (!placed && edit.toB > joinedLength) {
      // The edit covers the seam: its first paragraph's part, the seam, its second's part.
      if (edit.toA > edit.fromA || joinedLength > edit.fromB) {
        result.push({ fromA: line.textFrom + edit.fromA, toA: line.textFrom + edit.toA, fromB: real(edit.fromB), toB: first.textFrom + joinedLength, precise: edit.precise, half: 0 });
      }
      result.push(seamEdit(edit.toA));
      if (edit.toB > joinedLength + 1) {
        result.push({ fromA: line.textFrom + edit.toA, toA: line.textFrom + edit.toA, fromB: second.textFrom, toB: real(edit.toB), precise: edit.precise, half: 1 });
      }
      placed = true;
    } else {
      result.push({ fromA: line.textFrom + edit.fromA, toA: line.textFrom + edit.toA, fromB: real(edit.fromB), toB: real(edit.toB), precise: edit.precise, half: edit.fromB > joinedLength ? 1 : 0 });
    }
    delta += (edit.toB - edit.fromB) - (edit.toA - edit.fromA);
  }
  if (!placed) {
    const at = joinedLength - delta;
    result.push({ ...seamEdit(at), toA: line.textFrom + at + 1 });
  }
  return swap ? result.map(flip) : result;
}

function flip<T extends { fromA: number; toA: number; fromB: number; toB: number }>(edit: T): T {
  return { ...edit, fromA: edit.fromB, toA: edit.toB, fromB: edit.fromA, toB: edit.toA };
}
