/**
 * Diffs of matched pieces — a section pair, a chapter-head pair — into local changes, with
 * offsets relative to the start of each piece. A paragraph deleted or inserted whole covers
 * its separator and line, so the unchanged text between changes is identical on both sides.
 */
import type { Section } from "../model/document";
import { chapterHeadPiece, sectionLines, type LineInfo } from "../model/canonicalText";
import { chapterNotes, type Chapter } from "../model/document";
import { mergeInCodeOrder } from "./codeOrder";
import { alignSequences, type AlignStep } from "./align";
import { textSimilarity } from "./similarity";
import type { ChangePart, ResolvedOptions } from "./types";
import { diffLine, type TextEdit } from "./wordDiff";
import { groupSeams, seamEdits } from "./seams";

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
  /** Set on the seam of a paragraph split or join (see seams). */
  readonly seam?: "split" | "join";
}

const HEADING_OPTIONS_OVERRIDE = { rewriteThreshold: 1 } as const;

/** Local changes of two strings' words; `fromA`/`fromB` are where each string starts in its piece. */
function wordChanges(
  part: ChangePart, textA: string, fromA: number, textB: string, fromB: number, options: ResolvedOptions,
  ids?: Pick<LocalChange, "blockIdA" | "blockIdB">,
): LocalChange[] {
  return diffLine(textA, textB, options).map((edit: TextEdit) => ({
    part,
    fromA: fromA + edit.fromA,
    toA: fromA + edit.toA,
    fromB: fromB + edit.fromB,
    toB: fromB + edit.toB,
    precise: edit.precise,
    ...ids,
  }));
}

/** A heading or contents line: the section number as one token, then the catchline's words. */
function headingChanges(catchlinePart: ChangePart, lineA: LineInfo, lineB: LineInfo, options: ResolvedOptions): LocalChange[] {
  const changes: LocalChange[] = [];
  if (lineA.key !== lineB.key) {
    changes.push({ part: "number", fromA: lineA.textFrom, toA: lineA.textFrom + lineA.key.length, fromB: lineB.textFrom, toB: lineB.textFrom + lineB.key.length, precise: true });
  }
  const skipA = lineA.key.length + 1;
  const skipB = lineB.key.length + 1;
  changes.push(...wordChanges(catchlinePart, lineA.words.slice(skipA), lineA.textFrom + skipA, lineB.words.slice(skipB), lineB.textFrom + skipB, { ...options, ...HEADING_OPTIONS_OVERRIDE }));
  return changes;
}

/** The enumerator change of a paragraph pair: only the label when the indentation holds. */
function prefixChanges(lineA: LineInfo, lineB: LineInfo, ids: Pick<LocalChange, "blockIdA" | "blockIdB">): LocalChange[] {
  const prefixA = lineA.prefix;
  const prefixB = lineB.prefix;
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

/** Keys that anchor equal blocks; history notes carry a mark paragraphs cannot contain. */
function blockKeys(section: Section): string[] {
  return section.blocks.map((block) => (block.kind === "history" ? `\u0000${block.text}` : block.kind === "note" ? `\u0001${block.text}` : block.text));
}

/** Similarity of block i of A and block j of B; blocks of different kinds never pair. */
function blockSimilarity(sectionA: Section, sectionB: Section, i: number, j: number): number {
  const blockA = sectionA.blocks[i]!;
  const blockB = sectionB.blocks[j]!;
  return blockA.kind === blockB.kind ? textSimilarity(blockA.text, blockB.text) : 0;
}

function computeSectionChanges(sectionA: Section, sectionB: Section, options: ResolvedOptions): LocalChange[] {
  const linesA = sectionLines(sectionA);
  const linesB = sectionLines(sectionB);
  const changes = headingChanges("catchline", linesA[0]!, linesB[0]!, options);
  const similar = blockSimilarity.bind(null, sectionA, sectionB);
  let endA = linesA[0]!.to;
  let endB = linesB[0]!.to;
  const steps = alignSequences(blockKeys(sectionA), blockKeys(sectionB), similar, options.paragraphSimilarity);
  for (const grouped of groupSeams(steps, sectionA, sectionB, similar, options.paragraphSimilarity)) {
    if (grouped.seam === "split") {
      const lineA = linesA[grouped.a + 1]!;
      const [first, second] = [linesB[grouped.b[0] + 1]!, linesB[grouped.b[1] + 1]!];
      const blockIdA = sectionA.blocks[grouped.a]!.id;
      const ids = [sectionB.blocks[grouped.b[0]]!.id, sectionB.blocks[grouped.b[1]]!.id];
      changes.push(...prefixChanges(lineA, first, { blockIdA, blockIdB: ids[0]! }));
      for (const { half, ...edit } of seamEdits(lineA, first, second, options, false)) {
        changes.push({ part: "text", ...edit, blockIdA, blockIdB: ids[edit.seam ? 0 : half]! });
      }
      endA = lineA.to;
      endB = second.to;
      continue;
    }
    if (grouped.seam === "join") {
      const lineB = linesB[grouped.b + 1]!;
      const [first, second] = [linesA[grouped.a[0] + 1]!, linesA[grouped.a[1] + 1]!];
      const blockIdB = sectionB.blocks[grouped.b]!.id;
      const ids = [sectionA.blocks[grouped.a[0]]!.id, sectionA.blocks[grouped.a[1]]!.id];
      changes.push(...prefixChanges(first, lineB, { blockIdA: ids[0]!, blockIdB }));
      for (const { half, ...edit } of seamEdits(lineB, first, second, options, true)) {
        changes.push({ part: "text", ...edit, blockIdA: ids[half]!, blockIdB });
      }
      endA = second.to;
      endB = lineB.to;
      continue;
    }
    const step = grouped.step;
    const lineA = step.a === undefined ? undefined : linesA[step.a + 1]!;
    const lineB = step.b === undefined ? undefined : linesB[step.b + 1]!;
    const blockIdA = step.a === undefined ? undefined : sectionA.blocks[step.a]!.id;
    const blockIdB = step.b === undefined ? undefined : sectionB.blocks[step.b]!.id;
    const kind = (step.a === undefined ? sectionB.blocks[step.b!]! : sectionA.blocks[step.a]!).kind;
    // Editor's notes, like history notes, are Code apparatus the ordinance never reprints.
    const part: ChangePart = kind === "paragraph" ? "text" : "history";
    if (lineA && lineB) {
      const ids = { blockIdA, blockIdB };
      changes.push(...prefixChanges(lineA, lineB, ids));
      if (lineA.words !== lineB.words) {
        changes.push(...wordChanges(part, lineA.words, lineA.textFrom, lineB.words, lineB.textFrom, options, ids));
      }
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

const NO_RENUMBERING: ReadonlyMap<string, string> = new Map();

/**
 * Keys of the draft's contents entries: the base number of the section each was paired with;
 * a number whose base section went to another number is marked so it pairs with nothing by key.
 */
function contentsKeys(head: Chapter, baseNumberOf: ReadonlyMap<string, string>): string[] {
  if (baseNumberOf.size === 0) return head.toc.map((entry) => entry.number);
  const taken = new Set(baseNumberOf.values());
  return head.toc.map(({ number }) => baseNumberOf.get(number) ?? (taken.has(number) ? `\u0001${number}` : number));
}

/**
 * The contents steps with each run of unpaired lines (struck and inserted) merged in the
 * Code's order of their numbers, as the sections themselves are (see alignSections): a
 * repealed section's contents line is struck where its number stands among new ones.
 */
function inCodeOrder(steps: readonly AlignStep[], headA: Chapter, headB: Chapter): AlignStep[] {
  const ordered: AlignStep[] = [];
  let k = 0;
  while (k < steps.length) {
    if (steps[k]!.a !== undefined && steps[k]!.b !== undefined) { ordered.push(steps[k++]!); continue; }
    const struck: AlignStep[] = [];
    const inserted: AlignStep[] = [];
    for (; k < steps.length && (steps[k]!.a === undefined || steps[k]!.b === undefined); k++) (steps[k]!.b === undefined ? struck : inserted).push(steps[k]!);
    for (const step of mergeInCodeOrder(struck, inserted, (step) => headA.toc[step.a!]!.number, (step) => headB.toc[step.b!]!.number)) ordered.push(step);
  }
  return ordered;
}

/**
 * The changes between two chapter heads: the CHAPTER line, then the contents entries aligned
 * by number, where `baseNumberOf` maps a draft section number to the base number of the section
 * it was paired with (a renumbered or moved section), so each contents line pairs as its section
 * did; entries still unpaired pair by catchline.
 */
export function diffChapterHeads(headA: Chapter, headB: Chapter, options: ResolvedOptions, baseNumberOf: ReadonlyMap<string, string> = NO_RENUMBERING): LocalChange[] {
  const a = chapterHeadPiece(headA);
  const b = chapterHeadPiece(headB);
  const chapterA = a.lines[0]!;
  const chapterB = b.lines[0]!;
  const changes = wordChanges("chapter", chapterA.words, chapterA.textFrom, chapterB.words, chapterB.textFrom, options);
  const entriesA = a.lines.slice(1, 1 + headA.toc.length);
  const entriesB = b.lines.slice(1, 1 + headB.toc.length);
  // Entries are separated by "\n", the first from the CHAPTER line by "\n\n": when both sides
  // have contents, the extra newline belongs to the CHAPTER line so every entry reads "\n" + line.
  const both = entriesA.length > 0 && entriesB.length > 0 ? 1 : 0;
  let endA = a.lines[0]!.to + both;
  let endB = b.lines[0]!.to + both;
  const similar = (i: number, j: number) => textSimilarity(headA.toc[i]!.catchline, headB.toc[j]!.catchline);
  const steps = inCodeOrder(alignSequences(headA.toc.map((entry) => entry.number), contentsKeys(headB, baseNumberOf), similar, 0.5), headA, headB);
  for (const step of steps) {
    const lineA = step.a === undefined ? undefined : entriesA[step.a]!;
    const lineB = step.b === undefined ? undefined : entriesB[step.b]!;
    if (lineA && lineB) changes.push(...headingChanges("toc", lineA, lineB, options));
    else if (lineA) changes.push({ part: "toc", fromA: endA, toA: lineA.to, fromB: endB, toB: endB, precise: true });
    else if (lineB) changes.push({ part: "toc", fromA: endA, toA: endA, fromB: endB, toB: lineB.to, precise: true });
    if (lineA) endA = lineA.to;
    if (lineB) endB = lineB.to;
  }
  changes.push(...chapterNoteChanges(headA, headB, a.lines.slice(1 + headA.toc.length), b.lines.slice(1 + headB.toc.length), endA, endB, options));
  return changes;
}

/**
 * The changes of a chapter's editor's notes, which follow its contents: notes aligned by their
 * words, a note added or removed whole with its blank line. Part "history": Code apparatus
 * the ordinance never reprints. `endA`/`endB` are where the contents end on each side.
 */
function chapterNoteChanges(headA: Chapter, headB: Chapter, linesA: readonly LineInfo[], linesB: readonly LineInfo[], endA: number, endB: number, options: ResolvedOptions): LocalChange[] {
  if (linesA.length === 0 && linesB.length === 0) return [];
  const notesA = chapterNotes(headA);
  const notesB = chapterNotes(headB);
  const changes: LocalChange[] = [];
  const similar = (i: number, j: number) => textSimilarity(notesA[i]!.text, notesB[j]!.text);
  for (const step of alignSequences(notesA.map((note) => note.text), notesB.map((note) => note.text), similar, options.paragraphSimilarity)) {
    const lineA = step.a === undefined ? undefined : linesA[step.a]!;
    const lineB = step.b === undefined ? undefined : linesB[step.b]!;
    const ids = { ...(step.a === undefined ? {} : { blockIdA: notesA[step.a]!.id }), ...(step.b === undefined ? {} : { blockIdB: notesB[step.b]!.id }) };
    if (lineA && lineB) {
      if (lineA.words !== lineB.words) changes.push(...wordChanges("history", lineA.words, lineA.textFrom, lineB.words, lineB.textFrom, options, ids));
    } else if (lineA) changes.push({ part: "history", fromA: endA, toA: lineA.to, fromB: endB, toB: endB, precise: true, ...ids });
    else if (lineB) changes.push({ part: "history", fromA: endA, toA: endA, fromB: endB, toB: lineB.to, precise: true, ...ids });
    if (lineA) endA = lineA.to;
    if (lineB) endB = lineB.to;
  }
  return changes;
}
