/**
 * One reprinted section applied to its base section, and a new section built from a wholly
 * underscored reprint. Paragraph levels come from Word's indentation when it agrees with the
 * base (see levels.ts), otherwise from the base paragraph or the enumerators around it.
 */
import { blockPrefix } from "../model/canonicalText";
import type { Block, Paragraph, Section } from "../model/document";
import { NestingInference } from "../model/enumerators";
import { classifyLine } from "../importer/lineKinds";
import { follows, guessLevel, keepsLevel, levelFromIndent, type Neighbour } from "./levels";
import { mergeSequence, type MergeStep } from "./mergeSequence";
import { warningAt, type IdSource, type ParagraphLine, type SectionReprint, type WordImportWarning } from "./reprints";
import { matchKey } from "./sides";

/** A base block's line as a reprint shows it: enumerator and words; null for history notes. */
export function blockKey(block: Block): string | null {
  return block.kind !== "paragraph" ? null : matchKey(blockPrefix(block) + block.text);
}

/** A block from a line of draft text: a history note, an enumerated or an unnumbered paragraph. */
function blockFromText(text: string, id: string, level: (enumerator: string | null) => number): Block {
  const kind = classifyLine(text);
  if (kind.kind === "history") return { kind: "history", id, text };
  if (kind.kind === "note") return { kind: "note", id, text: kind.text };
  if (kind.kind === "enumerated") return { kind: "paragraph", id, enumerator: kind.enumerator, level: level(kind.enumerator), text: kind.text };
  return { kind: "paragraph", id, enumerator: null, level: level(null), text };
}

function neighbour(block: Block): Neighbour | null {
  return block.kind === "paragraph" ? { enumerator: block.enumerator, level: block.level } : null;
}

/** For an insertion between omitted text: after the base paragraph its label follows, else before its namesake. */
function placeByEnumerator(blocks: readonly Block[]) {
  return (line: ParagraphLine, from: number, to: number): number | null => {
    const kind = classifyLine(line.draft);
    if (kind.kind !== "enumerated") return null;
    const label = kind.enumerator.slice(1, -1);
    for (let index = to - 1; index >= from; index--) {
      const block = blocks[index]!;
      if (block.kind === "paragraph" && block.enumerator && follows(label, block.enumerator.slice(1, -1))) return index + 1;
    }
    for (let index = from; index < to; index++) {
      const block = blocks[index]!;
      if (block.kind === "paragraph" && block.enumerator === kind.enumerator) return index;
    }
    return null;
  };
}

/** The blocks after merging; levels of new paragraphs are settled in reading order. */
function mergedBlocks(steps: readonly MergeStep<Block, ParagraphLine>[], section: Section, unit: number | null, ids: IdSource, warnings: WordImportWarning[]): Block[] {
  const blocks: Block[] = [];
  steps.forEach((step, stepIndex) => {
    if (step.kind === "keep") { blocks.push(step.base); return; }
    if (step.kind === "delete") return;
    const before = () => blocks.map(neighbour).filter((item) => item !== null).reverse();
    const after = () => steps.slice(stepIndex + 1).flatMap((next) => (next.kind === "keep" || next.kind === "replace" ? [next.base] : [])).map(neighbour).filter((item) => item !== null);
    if (step.kind === "replace") {
      const baseLevel = step.base.kind === "paragraph" ? step.base.level : null;
      const level = (enumerator: string | null) => (unit !== null ? levelFromIndent(step.line.indent, unit) : baseLevel ?? guessLevel(enumerator, before(), after()));
      blocks.push(blockFromText(step.line.draft, step.base.id, level));
      return;
    }
    const level = (enumerator: string | null) => (unit !== null ? levelFromIndent(step.line.indent, unit) : guessLevel(enumerator, before(), after()));
    blocks.push(blockFromText(step.line.draft, ids.fresh(section.id), level));
    if (step.uncertain) warnings.push(warningAt(step.line.source, `the new paragraph's place in section ${section.number} is uncertain (omitted text on both sides); it was put after the last reprinted paragraph before it`));
  });
  return blocks;
}

/**
 * The base section with the reprint applied: matched paragraphs replaced by their draft side
 * (deleted when it is empty), new paragraphs inserted, everything else — omitted text and
 * history notes — kept. Number and catchline come from the heading's draft side. Returns null
 * when the heading is wholly struck (the section is deleted), and `section` itself when the
 * reprint changes nothing.
 */
export function mergeSection(section: Section, reprint: SectionReprint, unit: number | null, ids: IdSource, warnings: WordImportWarning[]): Section | null {
  const { heading } = reprint;
  if (!heading.draft) {
    const kept = reprint.entries.filter((entry) => entry.kind === "line" && entry.line.draft !== "");
    if (kept.length > 0) warnings.push(warningAt(heading.source, `section ${section.number} is struck through as a whole, but ${kept.length} of its paragraphs have text that is not struck; the section was deleted`));
    return null;
  }
  if (heading.base && matchKey(heading.base.catchline) !== matchKey(section.catchline)) {
    warnings.push(warningAt(heading.source, `the reprinted catchline of section ${section.number} differs from the base ("${section.catchline}")`));
  }
  const { steps, unmatched } = mergeSequence({
    base: section.blocks,
    baseKey: blockKey,
    lineKey: matchKey,
    entries: reprint.entries,
    placeAmbiguous: placeByEnumerator(section.blocks),
  });
  for (const line of unmatched) {
    warnings.push(warningAt(line.source, `this reprinted paragraph matches no paragraph of section ${section.number} in the base; the base text was kept and this change was not applied`));
  }
  const { number, catchline } = heading.draft;
  const untouched = steps.every((step) => step.kind === "keep") && number === section.number && catchline === section.catchline;
  if (untouched) return section; // the same object, as the editor leaves untouched sections
  return { ...section, number, catchline, blocks: mergedBlocks(steps, section, unit, ids, warnings) };
}

/**
 * A section reprinted wholly underscored: its heading and paragraphs as a new section.
 * `history` (the notes of the section it was moved from, if any) is appended.
 */
export function newSection(reprint: SectionReprint, id: string, unit: number | null, ids: IdSource, history: readonly Block[], warnings: WordImportWarning[]): Section | null {
  const { heading } = reprint;
  if (!heading.draft) return null;
  const nesting = new NestingInference();
  const blocks: Block[] = [];
  for (const entry of reprint.entries) {
    if (entry.kind === "omitted") continue;
    if (entry.line.base !== "") warnings.push(warningAt(entry.line.source, `section ${heading.draft.number} is new, but this paragraph has struck text; only its underscored and plain text was used`));
    if (entry.line.draft === "") continue;
    const level = (enumerator: string | null) =>
      unit !== null ? levelFromIndent(entry.line.indent, unit) : enumerator === null ? 0 : nesting.next(enumerator.slice(1, -1)).level;
    blocks.push(blockFromText(entry.line.draft, ids.fresh(id, `${id}-b${blocks.length}`), level));
  }
  for (const block of history) blocks.push({ ...block, id: ids.fresh(id, `${id}-b${blocks.length}`) });
  return { id, number: heading.draft.number, catchline: heading.draft.catchline, blocks };
}

/** The enumerator a line of text starts with, if any. */
function enumeratorOf(text: string): string | null {
  const kind = classifyLine(text);
  return kind.kind === "enumerated" ? kind.enumerator : null;
}

/**
 * Paragraphs of a reprint paired with the level of the base paragraph they match, for
 * indentUnit: only those whose enumerator keeps its list (keepsLevel), since Word's indentation
 * shows the draft's level.
 */
export function levelEvidence(section: Section, reprint: SectionReprint): Array<{ indent: number | null; level: number }> {
  const byKey = new Map<string, Paragraph>();
  for (const block of section.blocks) {
    const key = blockKey(block);
    if (key !== null && block.kind === "paragraph" && !byKey.has(key)) byKey.set(key, block);
  }
  return reprint.entries.flatMap((entry) => {
    if (entry.kind !== "line" || entry.line.base === "" || entry.line.draft === "") return [];
    const block = byKey.get(matchKey(entry.line.base));
    if (!block || !keepsLevel(enumeratorOf(entry.line.base), enumeratorOf(entry.line.draft))) return [];
    return [{ indent: entry.line.indent, level: block.level }];
  });
}
