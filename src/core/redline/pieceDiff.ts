/**
 * Diffs of matched pieces — a section pair, a chapter-head pair — into local changes, with
 * offsets relative to the start of each piece. A paragraph deleted or inserted whole covers
 * its separator and line, so the unchanged text between changes is identical on both sides.
 */
import type { Section } from "../model/document";
import { chapterHeadPiece, sectionPiece, type Piece, type PieceLine } from "../model/canonicalText";
import type { Chapter } from "../model/document";
import { alignSequences } from "./align";
import { textSimilarity } from "./similarity";
import type { ChangePart, ResolvedOptions } from "./types";
import { diffLine, type TextEdit } from "./wordDiff";

/** A change inside a pair of pieces; offsets relative to each piece's start. */
export interface LocalChange {
  readonly part: ChangePart;
  readonly fromA: number;
  readonly toA: number;
  readonly fromB: number;
  readonly toB: number;
  readonly precise: boolean;
  readonly blockIdA?: string;
  readonly blockIdB?: string;
}

const HEADING_OPTIONS_OVERRIDE = { rewriteThreshold: 1 } as const;

/** Local changes of a line pair's words, shifted to piece offsets. */
function wordChanges(part: ChangePart, a: Piece, lineA: PieceLine, b: Piece, lineB: PieceLine, options: ResolvedOptions, from = 0): LocalChange[] {
  const textA = a.text.slice(lineA.textFrom + from, lineA.to);
  const textB = b.text.slice(lineB.textFrom + from, lineB.to);
  return diffLine(textA, textB, options).map((edit: TextEdit) => ({
    part,
    fromA: lineA.textFrom + from + edit.fromA,
    toA: lineA.textFrom + from + edit.toA,
    fromB: lineB.textFrom + from + edit.fromB,
    toB: lineB.textFrom + from + edit.toB,
    precise: edit.precise,
  }));
}

/** A heading or contents line: the section number as one token, then the catchline's words. */
function headingChanges(catchlinePart: ChangePart, a: Piece, lineA: PieceLine, b: Piece, lineB: PieceLine, options: ResolvedOptions): LocalChange[] {
  const changes: LocalChange[] = [];
  if (lineA.key !== lineB.key) {
    changes.push({ part: "number", fromA: lineA.textFrom, toA: lineA.textFrom + lineA.key.length, fromB: lineB.textFrom, toB: lineB.textFrom + lineB.key.length, precise: true });
  }
  const rest = (line: PieceLine) => ({ ...line, textFrom: line.textFrom + line.key.length + 1 });
  changes.push(...wordChanges(catchlinePart, a, rest(lineA), b, rest(lineB), { ...options, ...HEADING_OPTIONS_OVERRIDE }));
  return changes;
}

/** The enumerator change of a paragraph pair: only the label when the indentation holds. */
function prefixChanges(a: Piece, lineA: PieceLine, b: Piece, lineB: PieceLine, ids: Pick<LocalChange, "blockIdA" | "blockIdB">): LocalChange[] {
  const prefixA = a.text.slice(lineA.lineFrom, lineA.textFrom);
  const prefixB = b.text.slice(lineB.lineFrom, lineB.textFrom);
  if (prefixA === prefixB) return [];
  const labelA = /^( *)\(([^)]*)\) $/.exec(prefixA);
  const labelB = /^( *)\(([^)]*)\) $/.exec(prefixB);
  if (labelA && labelB && labelA[1] === labelB[1]) {
    const at = labelA[1]!.length + 1;
    return [{ part: "enumerator", fromA: lineA.lineFrom + at, toA: lineA.textFrom - 2, fromB: lineB.lineFrom + at, toB: lineB.textFrom - 2, precise: true, ...ids }];
  }
  let common = 0;
  while (common < prefixA.length && common < prefixB.length && prefixA[common] === prefixB[common] && prefixA[common] === " ") common++;
  return [{ part: "enumerator", fromA: lineA.lineFrom + common, toA: lineA.textFrom, fromB: lineB.lineFrom + common, toB: lineB.textFrom, precise: true, ...ids }];
}

const sectionResults = new WeakMap<Section, WeakMap<Section, { options: ResolvedOptions; changes: LocalChange[] }>>();

/**
 * The changes between two versions of a section. Cached per (base, draft) section value, so a
 * caller that keeps untouched sections as the same objects re-diffs only the edited ones.
 */
export function diffSections(sectionA: Section, sectionB: Section, options: ResolvedOptions): readonly LocalChange[] {
  let byDraft = sectionResults.get(sectionA);
  const cached = byDraft?.get(sectionB);
  if (cached && cached.options === options) return cached.changes;
  const changes = computeSectionChanges(sectionA, sectionB, options);
  if (!byDraft) { byDraft = new WeakMap(); sectionResults.set(sectionA, byDraft); }
  byDraft.set(sectionB, { options, changes });
  return changes;
}

function computeSectionChanges(sectionA: Section, sectionB: Section, options: ResolvedOptions): LocalChange[] {
  const a = sectionPiece(sectionA);
  const b = sectionPiece(sectionB);
  const changes = headingChanges("catchline", a, a.lines[0]!, b, b.lines[0]!, options);
  const keys = (section: Section) => section.blocks.map((block) => `${block.kind}:${block.text}`);
  const similar = (i: number, j: number) => {
    const blockA = sectionA.blocks[i]!;
    const blockB = sectionB.blocks[j]!;
    return blockA.kind === blockB.kind ? textSimilarity(blockA.text, blockB.text) : 0;
  };
  let endA = a.lines[0]!.to;
  let endB = b.lines[0]!.to;
  for (const step of alignSequences(keys(sectionA), keys(sectionB), similar, options.paragraphSimilarity)) {
    const lineA = step.a === undefined ? undefined : a.lines[step.a + 1]!;
    const lineB = step.b === undefined ? undefined : b.lines[step.b + 1]!;
    const blockIdA = step.a === undefined ? undefined : sectionA.blocks[step.a]!.id;
    const blockIdB = step.b === undefined ? undefined : sectionB.blocks[step.b]!.id;
    const kind = (step.a === undefined ? sectionB.blocks[step.b!]! : sectionA.blocks[step.a]!).kind;
    const part: ChangePart = kind === "history" ? "history" : "text";
    if (lineA && lineB) {
      const ids = { blockIdA, blockIdB };
      changes.push(...prefixChanges(a, lineA, b, lineB, ids));
      changes.push(...wordChanges(part, a, lineA, b, lineB, options).map((change) => ({ ...change, ...ids })));
    } else if (lineA) {
      changes.push({ part, fromA: endA, toA: lineA.to, fromB: endB, toB: endB, precise: true, blockIdA });
    } else if (lineB) {
      changes.push({ part, fromA: endA, toA: endA, fromB: endB, toB: lineB.to, precise: true, blockIdB });
    }
    if (lineA) endA = lineA.to;
    if (lineB) endB = lineB.to;
  }
  return changes;
}

/**
 * The changes between two chapter heads: the CHAPTER line, then the contents entries aligned
 * by number (or by catchline when renumbered).
 */
export function diffChapterHeads(chapterA: Chapter, chapterB: Chapter, options: ResolvedOptions): LocalChange[] {
  const a = chapterHeadPiece(chapterA);
  const b = chapterHeadPiece(chapterB);
  const changes = wordChanges("chapter", a, a.lines[0]!, b, b.lines[0]!, options);
  const entriesA = a.lines.slice(1);
  const entriesB = b.lines.slice(1);
  // Entries are separated by "\n", the first from the CHAPTER line by "\n\n": when both sides
  // have contents, the extra newline belongs to the CHAPTER line so every entry reads "\n" + line.
  const both = entriesA.length > 0 && entriesB.length > 0 ? 1 : 0;
  let endA = a.lines[0]!.to + both;
  let endB = b.lines[0]!.to + both;
  const similar = (i: number, j: number) => textSimilarity(chapterA.toc[i]!.catchline, chapterB.toc[j]!.catchline);
  const steps = alignSequences(chapterA.toc.map((entry) => entry.number), chapterB.toc.map((entry) => entry.number), similar, 0.5);
  for (const step of steps) {
    const lineA = step.a === undefined ? undefined : entriesA[step.a]!;
    const lineB = step.b === undefined ? undefined : entriesB[step.b]!;
    if (lineA && lineB) changes.push(...headingChanges("toc", a, lineA, b, lineB, options));
    else if (lineA) changes.push({ part: "toc", fromA: endA, toA: lineA.to, fromB: endB, toB: endB, precise: true });
    else if (lineB) changes.push({ part: "toc", fromA: endA, toA: endA, fromB: endB, toB: lineB.to, precise: true });
    if (lineA) endA = lineA.to;
    if (lineB) endB = lineB.to;
  }
  return changes;
}
