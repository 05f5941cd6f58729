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
import type { AlignStep } from "./align";
import { textSimilarity } from "./similarity";
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

/**
 * Whether block `one` of the side `oneSide` is blocks `first`, `first + 1` of `twoSide` joined:
 * all three paragraphs with words, and the joined text closer to it than `pairedWith` (the block
 * it is paired with now, if any).
 */
function isSeam(oneSide: Section, one: number, twoSide: Section, first: number, pairedWith: number | undefined): boolean {
  if (!isParagraph(oneSide, one) || !isParagraph(twoSide, first) || !isParagraph(twoSide, first + 1)) return false;
  const textOne = textAt(oneSide, one);
  const firstText = textAt(twoSide, first);
  const secondText = textAt(twoSide, first + 1);
  if (textOne === "" || firstText === "" || secondText === "") return false;
  const joined = textSimilarity(textOne, `${firstText} ${secondText}`);
  if (joined < SEAM_SIMILARITY) return false;
  return pairedWith === undefined || joined > textSimilarity(textOne, textAt(twoSide, pairedWith));
}

/**
 * The alignment steps with each split (one A paragraph, two consecutive B paragraphs) and join
 * (two consecutive A paragraphs, one B paragraph) grouped, when the steps leave one of the two
 * unpaired next to the other: paired-then-unpaired, unpaired-then-paired, or all unpaired.
 */
export function groupSeams(steps: readonly AlignStep[], sectionA: Section, sectionB: Section): SeamStep[] {
  const grouped: SeamStep[] = [];
  let k = 0;
  while (k < steps.length) {
    const found = seamAt(steps, k, sectionA, sectionB);
    if (found) { grouped.push(found.step); k += found.length; continue; }
    grouped.push({ step: steps[k++]! });
  }
  return grouped;
}

function seamAt(steps: readonly AlignStep[], k: number, sectionA: Section, sectionB: Section): { step: SeamStep; length: number } | null {
  const s0 = steps[k]!;
  const s1 = steps[k + 1];
  const s2 = steps[k + 2];
  if (!s1) return null;
  const onlyA = (s: AlignStep | undefined) => s !== undefined && s.a !== undefined && s.b === undefined;
  const onlyB = (s: AlignStep | undefined) => s !== undefined && s.b !== undefined && s.a === undefined;
  const paired = (s: AlignStep | undefined) => s !== undefined && s.a !== undefined && s.b !== undefined;
  const split = (a: number, first: number, pairedWith: number | undefined, length: number) =>
    isSeam(sectionA, a, sectionB, first, pairedWith) ? { step: { seam: "split", a, b: [first, first + 1] } as const, length } : null;
  const join = (b: number, first: number, pairedWith: number | undefined, length: number) =>
    isSeam(sectionB, b, sectionA, first, pairedWith) ? { step: { seam: "join", a: [first, first + 1], b } as const, length } : null;
  // Splits.
  if (paired(s0) && onlyB(s1) && s1.b === s0.b! + 1) { const r = split(s0.a!, s0.b!, s0.b, 2); if (r) return r; }
  if (onlyB(s0) && paired(s1) && s1.b === s0.b! + 1) { const r = split(s1.a!, s0.b!, s1.b, 2); if (r) return r; }
  if (onlyA(s0) && onlyB(s1) && onlyB(s2) && s2!.b === s1.b! + 1) { const r = split(s0.a!, s1.b!, undefined, 3); if (r) return r; }
  // Joins.
  if (paired(s0) && onlyA(s1) && s1.a === s0.a! + 1) { const r = join(s0.b!, s0.a!, s0.a, 2); if (r) return r; }
  if (onlyA(s0) && paired(s1) && s1.a === s0.a! + 1) { const r = join(s1.b!, s0.a!, s1.a, 2); if (r) return r; }
  if (onlyA(s0) && onlyA(s1) && onlyB(s2) && s1.a === s0.a! + 1) { const r = join(s2!.b!, s0.a!, undefined, 3); if (r) return r; }
  return null;
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
