/**
 * Nesting levels for paragraphs read from Word, where indentation is a paragraph property (in
 * twips) rather than leading spaces. When the file's indentation agrees with the levels of the
 * base paragraphs it reprints, levels are read from it; otherwise a new paragraph's level is
 * guessed from its enumerator and its neighbours, as the importer infers nesting.
 */
import { candidateStyles, ordinal, type EnumeratorStyle } from "../model/enumerators";

/** A reprinted paragraph whose base level is known, with the indentation Word gave it. */
export interface LevelEvidence {
  readonly indent: number | null;
  readonly level: number;
}

/** Word's usual indentation per list level: half an inch. */
export const DEFAULT_INDENT_UNIT = 720;

/**
 * The indentation of one nesting level in twips, when the evidence supports one: every
 * paragraph's indentation (none counts as 0) divided by that unit gives its level. With no
 * indented evidence, `fallback` is used when nothing contradicts it. Null when the evidence
 * disagrees, or when there is none and no fallback.
 */
export function indentUnit(evidence: readonly LevelEvidence[], fallback: number | null = null): number | null {
  const ratios = evidence.filter((item) => item.level > 0 && (item.indent ?? 0) > 0).map((item) => item.indent! / item.level).sort((a, b) => a - b);
  const unit = ratios[Math.floor(ratios.length / 2)] ?? fallback;
  if (unit === null || unit <= 0) return null;
  const agreeing = evidence.filter((item) => Math.round((item.indent ?? 0) / unit) === item.level).length;
  return agreeing >= evidence.length * 0.9 ? unit : null;
}

/** The level an indentation stands for under `unit`. */
export function levelFromIndent(indent: number | null, unit: number): number {
  return Math.max(0, Math.round((indent ?? 0) / unit));
}

/** A paragraph as level guessing sees it. */
export interface Neighbour {
  readonly enumerator: string | null;
  readonly level: number;
}

function labelOf(enumerator: string): string {
  return enumerator.slice(1, -1);
}

function firstLabel(style: EnumeratorStyle): string {
  return { "lower-alpha": "a", "upper-alpha": "A", digit: "1", "lower-roman": "i", "upper-roman": "I" }[style];
}

/** Whether the label `label` follows the label `previous` in some style both can have ("c" after "b"). */
export function follows(label: string, previous: string): boolean {
  return candidateStyles(label).some((style) => candidateStyles(previous).includes(style) && ordinal(label, style) === ordinal(previous, style) + 1);
}

function sameStyle(a: string, b: string): boolean {
  return candidateStyles(a).some((style) => candidateStyles(b).includes(style));
}

/**
 * Whether a reprinted paragraph whose base side has enumerator `base` and draft side `draft`
 * can witness its base level: both unnumbered, or both labels of one style (re-lettered
 * "(c)" → "(b)" keeps its list). A label of another style ("(A)" → "(1)") or a number added or
 * dropped usually comes with a new level, which the file's indentation then shows instead.
 */
export function keepsLevel(base: string | null, draft: string | null): boolean {
  if (base === null || draft === null) return base === draft;
  return sameStyle(labelOf(base), labelOf(draft));
}

/**
 * The level of a new paragraph from its enumerator and its neighbours (nearest first in
 * `before`, in reading order in `after`): an unnumbered paragraph is body text (0); a label
 * that continues an earlier list takes that list's level; a label that starts a list nests
 * under the paragraph before it; otherwise the level of a following paragraph of its style,
 * else of the enumerated paragraph before it, else 1.
 */
export function guessLevel(enumerator: string | null, before: readonly Neighbour[], after: readonly Neighbour[]): number {
  if (enumerator === null) return 0;
  const label = labelOf(enumerator);
  for (const neighbour of before) {
    if (neighbour.enumerator && follows(label, labelOf(neighbour.enumerator))) return neighbour.level;
  }
  const previous = before.find((neighbour) => neighbour.enumerator !== null);
  const starts = candidateStyles(label).some((style) => firstLabel(style) === label);
  if (starts && previous) return sameStyle(label, labelOf(previous.enumerator!)) ? previous.level : previous.level + 1;
  const following = after.find((neighbour) => neighbour.enumerator !== null && sameStyle(label, labelOf(neighbour.enumerator)));
  if (following) return following.level;
  return previous?.level ?? 1;
}
