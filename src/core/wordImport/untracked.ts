/**
 * Plain, untracked typing inside a returned redline: words of a reprinted paragraph that are
 * neither struck nor underscored yet differ from the base paragraph they reprint. Each is
 * reported with its place (section, paragraph, the words), and settled one way or the other
 * before the redline is read: taken (typed words become underscored, words missing from the
 * reprint struck) or left out (typed words dropped, missing words restored as plain text).
 * Either way the paragraph's base side then equals the base paragraph, so the merge reads it.
 */
import { blockPrefix } from "../model/canonicalText";
import type { Block, OrdinanceDocument, Section } from "../model/document";
import { findSection } from "../model/document";
import { readHeadingLine } from "./lines";
import type { RunSide, WordParagraph, WordRun } from "./readDocx";
import { matchKey, sideText } from "./sides";

/** One paragraph's untracked difference from the base paragraph it reprints. */
export interface UntrackedEdit {
  /** Index of the Word (or pasted) paragraph, 0-based, in the list given. */
  readonly paragraph: number;
  /** The section the paragraph reprints. */
  readonly section: string;
  /** The base paragraph's label: its enumerator, or "paragraph N" (1-based within the section). */
  readonly place: string;
  /** Plain words of the reprint that the base paragraph does not have, in order. */
  readonly typed: readonly string[];
  /** Words of the base paragraph that the reprint leaves out without striking them, in order. */
  readonly missing: readonly string[];
}

/** Longest product of word counts compared; longer paragraphs are not searched for untracked edits. */
const MAX_CELLS = 4_000_000;

interface Char { readonly text: string; readonly side: RunSide }

/** A word of the paragraph's base side: its text, the indexes of its characters, whether all are plain. */
interface SideWord { text: string; chars: number[]; plain: boolean }

function charsOf(runs: readonly WordRun[]): Char[] {
  const list: Char[] = [];
  for (const run of runs) for (const text of run.text) list.push({ text, side: run.side });
  return list;
}

/**
 * The base side's words (plain and struck characters; underscored ones skipped, as sideText
 * does), with punctuation left standing alone by a skipped insertion joined to its neighbour.
 */
function baseSideWords(chars: readonly Char[]): SideWord[] {
  const words: SideWord[] = [];
  let current: SideWord | null = null;
  chars.forEach((char, index) => {
    if (char.side === "draft") return;
    if (/\s/.test(char.text)) { current = null; return; }
    if (!current) { current = { text: "", chars: [], plain: true }; words.push(current); }
    current.text += char.text;
    current.chars.push(index);
    if (char.side !== "both") current.plain = false;
  });
  const joined: SideWord[] = [];
  for (const word of words) {
    const previous = joined[joined.length - 1];
    if (previous && (/^[.,;:!?)\]]+$/.test(word.text) || /^[([]+$/.test(previous.text))) {
      previous.text += word.text;
      previous.chars.push(...word.chars);
      previous.plain &&= word.plain;
    } else joined.push({ ...word, chars: [...word.chars] });
  }
  return joined;
}

const norm = (word: string) => matchKey(word);

/** Pairs of equal words (indexes into a and b) of a longest common subsequence; null when too costly. */
function commonWords(a: readonly string[], b: readonly string[]): Array<[number, number]> | null {
  const n = a.length, m = b.length;
  if (n * m > MAX_CELLS) return null;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) { pairs.push([i, j]); i++; j++; } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++; else j++;
  }
  return pairs;
}

function blockLine(block: Block): string {
  return block.kind === "paragraph" ? blockPrefix(block) + block.text : block.text;
}

interface Comparison { readonly block: number; readonly baseWords: string[]; readonly pairs: Array<[number, number]> }

/** The base block of `section` that the paragraph's base side reprints (most words in common, at least 60%), or null. */
function reprinted(section: Section, reprintWords: readonly string[]): Comparison | null {
  let best: Comparison | null = null;
  let bestShare = 0.6;
  section.blocks.forEach((block, index) => {
    const baseWords = blockLine(block).split(/\s+/).filter((word) => word !== "").map(norm);
    const pairs = commonWords(reprintWords, baseWords);
    if (!pairs) return;
    const share = (2 * pairs.length) / (reprintWords.length + baseWords.length);
    if (share > bestShare || (share === 1 && bestShare < 1)) { best = { block: index, baseWords, pairs }; bestShare = share; }
  });
  return best;
}

function placeOf(section: Section, index: number): string {
  const block = section.blocks[index]!;
  if (block.kind === "paragraph" && block.enumerator) return block.enumerator;
  if (block.kind === "history") return "history note";
  return `paragraph ${index + 1}`;
}

interface Found { readonly edit: UntrackedEdit; readonly chars: Char[]; readonly words: SideWord[]; readonly baseLine: string[]; readonly comparison: Comparison }

function findAll(base: OrdinanceDocument, paragraphs: readonly WordParagraph[]): Found[] {
  const found: Found[] = [];
  let section: Section | undefined;
  paragraphs.forEach((paragraph, index) => {
    const baseSide = sideText(paragraph, "base");
    if (baseSide === "") return;
    const heading = readHeadingLine(baseSide, false) ?? readHeadingLine(sideText(paragraph, "draft"), false);
    if (heading && findSection(base, heading.number)) { section = findSection(base, heading.number); return; }
    if (!section || section.blocks.some((block) => matchKey(blockLine(block)) === matchKey(baseSide))) return;
    const chars = charsOf(paragraph.runs);
    const words = baseSideWords(chars);
    const comparison = reprinted(section, words.map((word) => norm(word.text)));
    if (!comparison) return;
    const matchedReprint = new Set(comparison.pairs.map(([i]) => i));
    const matchedBase = new Set(comparison.pairs.map(([, j]) => j));
    const typed = words.filter((word, i) => !matchedReprint.has(i) && word.plain).map((word) => word.text);
    const baseLine = blockLine(section.blocks[comparison.block]!).split(/\s+/).filter((word) => word !== "");
    const missing = baseLine.filter((_, j) => !matchedBase.has(j));
    if (typed.length === 0 && missing.length === 0) return;
    found.push({ edit: { paragraph: index, section: section.number, place: placeOf(section, comparison.block), typed, missing }, chars, words, baseLine, comparison });
  });
  return found;
}

/**
 * The untracked edits of a returned redline against `base`, in paragraph order. A paragraph is
 * compared with the base paragraph of its section (the last heading before it) that it shares
 * most words with; paragraphs that match a base paragraph exactly, wholly new ones and headings
 * are never reported. Struck words absent from the base are not untracked typing and are left alone.
 */
export function untrackedEdits(base: OrdinanceDocument, paragraphs: readonly WordParagraph[]): UntrackedEdit[] {
  return findAll(base, paragraphs).map((item) => item.edit);
}

/**
 * The paragraphs with every untracked edit settled: those whose paragraph index is in `take`
 * marked as tracked (typed words underscored, missing words struck at their place), the others
 * undone (typed words dropped, missing words restored as plain text). Other paragraphs are the
 * same values.
 */
export function settleUntracked(base: OrdinanceDocument, paragraphs: readonly WordParagraph[], take: ReadonlySet<number>): WordParagraph[] {
  const result = [...paragraphs];
  for (const { edit, chars, words, baseLine, comparison } of findAll(base, paragraphs)) {
    const taking = take.has(edit.paragraph);
    const matchedBase = new Map(comparison.pairs.map(([i, j]) => [j, i] as const));
    const matchedReprint = new Set(comparison.pairs.map(([i]) => i));
    const typedChars = new Set(words.filter((word, i) => !matchedReprint.has(i) && word.plain).flatMap((word) => word.chars));
    // Base words left out go before the first character of the reprint word that follows them in the base (or at the end).
    const insertBefore = new Map<number, string[]>();
    let pending: string[] = [];
    baseLine.forEach((word, j) => {
      const at = matchedBase.get(j);
      if (at === undefined) { pending.push(word); return; }
      if (pending.length > 0) { insertBefore.set(words[at]!.chars[0]!, pending); pending = []; }
    });
    const runs: WordRun[] = [];
    const push = (text: string, side: RunSide) => {
      const last = runs[runs.length - 1];
      if (last && last.side === side) runs[runs.length - 1] = { text: last.text + text, side };
      else runs.push({ text, side });
    };
    const missingSide: RunSide = taking ? "base" : "both";
    chars.forEach((char, at) => {
      const restored = insertBefore.get(at);
      if (restored) { push(restored.join(" "), missingSide); push(" ", "both"); }
      if (typedChars.has(at)) {
        if (taking) push(char.text, "draft");
        return;
      }
      push(char.text, char.side);
    });
    if (pending.length > 0) { push(" ", "both"); push(pending.join(" "), missingSide); }
    result[edit.paragraph] = { ...paragraphs[edit.paragraph]!, runs: runs.filter((run) => run.text !== "") };
  }
  return result;
}
