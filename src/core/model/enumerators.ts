/**
 * Enumerators — (a), (1), (A), (i) — and the inference of nesting from their sequence.
 * Chicago's Code nests (a) → (1) → (A) → (i), but a section may start its outermost list with
 * any style, so depth is inferred from the order in which styles appear, not from the style.
 */

export type EnumeratorStyle = "lower-alpha" | "digit" | "upper-alpha" | "lower-roman" | "upper-roman";

/** Matches an enumerator at the start of a line: "(a) ", "(12) ", "(iv) ", "(B)". */
const LEADING_ENUMERATOR = /^\(([a-z]{1,4}|[0-9]{1,3}|[A-Z]{1,4})\)(?=\s|$|["A-Z])/;

const ROMAN = /^(?=[ivxlc])c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** The label inside the parentheses when `line` starts with an enumerator, else null. */
export function leadingEnumerator(line: string): string | null {
  const match = LEADING_ENUMERATOR.exec(line);
  if (!match) return null;
  const label = match[1]!;
  // Multi-letter labels are only enumerators when they are roman numerals or doubled letters
  // ("aa"); "(Added" or "(See" never reach here because of the closing-parenthesis rule.
  if (/^[a-z]{2,}$/i.test(label) && !isRoman(label.toLowerCase()) && !isDoubledLetter(label)) return null;
  return label;
}

function isRoman(label: string): boolean {
  return ROMAN.test(label);
}

function isDoubledLetter(label: string): boolean {
  return /^([a-zA-Z])\1+$/.test(label);
}

/** The styles a label could belong to, most likely first. "i" could be alphabetic or roman. */
export function candidateStyles(label: string): EnumeratorStyle[] {
  if (/^[0-9]+$/.test(label)) return ["digit"];
  const lower = label === label.toLowerCase();
  const roman = isRoman(label.toLowerCase());
  const alpha = label.length === 1 || isDoubledLetter(label);
  const styles: EnumeratorStyle[] = [];
  if (alpha) styles.push(lower ? "lower-alpha" : "upper-alpha");
  if (roman) styles.push(lower ? "lower-roman" : "upper-roman");
  return styles;
}

/** The first label of a list in the given style. */
function firstLabel(style: EnumeratorStyle): string {
  switch (style) {
    case "lower-alpha": return "a";
    case "upper-alpha": return "A";
    case "digit": return "1";
    case "lower-roman": return "i";
    case "upper-roman": return "I";
  }
}

/** The ordinal (1-based) of a label within its style, or NaN when it does not belong. */
export function ordinal(label: string, style: EnumeratorStyle): number {
  switch (style) {
    case "digit": return Number(label);
    case "lower-alpha":
    case "upper-alpha": {
      const code = label.toLowerCase().charCodeAt(0) - 96;
      return (label.length - 1) * 26 + code;
    }
    case "lower-roman":
    case "upper-roman": return romanValue(label.toLowerCase());
  }
}

function romanValue(label: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const value = values[label[i]!] ?? NaN;
    const next = values[label[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

interface ListLevel {
  readonly style: EnumeratorStyle;
  readonly lastOrdinal: number;
  /** Indentation of the list's last line, when the input had indentation. */
  readonly indent: number | undefined;
}

/**
 * Infers nesting levels from a sequence of enumerators, one section at a time. Feed labels in
 * document order; each call returns the level (1 = outermost list) and whether the label was
 * in sequence. Immutable from the outside: create one per section.
 */
export class NestingInference {
  private stack: ListLevel[] = [];
  private indent: number | undefined;

  /**
   * Level of the next enumerated paragraph, and whether its label followed its predecessor.
   * `indent` (columns), when the input is indented, settles labels such as "(i)" that could
   * either continue an outer list after "(h)" or start a deeper roman list.
   */
  next(label: string, indent?: number): { level: number; inSequence: boolean } {
    const styles = candidateStyles(label);
    this.indent = indent;
    // 1. A label that continues an open list (deepest first) belongs to it, unless the line is
    //    indented deeper than that list and could start a new one.
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const open = this.stack[depth]!;
      if (styles.includes(open.style) && ordinal(label, open.style) === open.lastOrdinal + 1) {
        const couldOpen = styles.some((style) => style !== open.style && label === firstLabel(style));
        const deeper = indent !== undefined && open.indent !== undefined && indent > open.indent;
        if (couldOpen && deeper) break;
        return this.settle(depth, open.style, label, true);
      }
    }
    // 2. A label that starts a list opens a new, deeper level (unless its style is already open,
    //    in which case the list restarts at that level).
    for (const style of styles) {
      if (label !== firstLabel(style)) continue;
      const openAt = this.stack.findIndex((level) => level.style === style);
      if (openAt >= 0) return this.settle(openAt, style, label, false);
      return this.settle(this.stack.length, style, label, true);
    }
    // 3. Out of sequence: attach to an open list of the same style, else open a new level.
    const style = styles[0]!;
    const openAt = this.stack.findIndex((level) => styles.includes(level.style));
    if (openAt >= 0) return this.settle(openAt, this.stack[openAt]!.style, label, false);
    return this.settle(this.stack.length, style, label, false);
  }

  private settle(depth: number, style: EnumeratorStyle, label: string, inSequence: boolean) {
    this.stack = [...this.stack.slice(0, depth), { style, lastOrdinal: ordinal(label, style), indent: this.indent }];
    return { level: depth + 1, inSequence };
  }
}
