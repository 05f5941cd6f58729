/**
 * The outline of a section's enumerated paragraphs, and re-lettering it after a structural
 * edit. A paragraph's place in the outline is its level (1 = outermost list); its list is the
 * run of paragraphs at that level under the same parent (the nearest enumerated paragraph
 * above it at a shallower level). The Code nests (a) → (1) → (A) → (i); a list keeps the style
 * its untouched members show, so a section whose outermost list is "(1)" stays so.
 */
import type { Block, OrdinanceDocument, Section } from "./document";
import { candidateStyles, ordinal, type EnumeratorStyle } from "./enumerators";

/** The Code's order of list styles from the outermost list inward. */
export const CODE_STYLE_ORDER: readonly EnumeratorStyle[] = ["lower-alpha", "digit", "upper-alpha", "lower-roman", "upper-roman"];

/** The style of a list nested inside a list of `style`, in the Code's order. */
export function childStyle(style: EnumeratorStyle | null): EnumeratorStyle {
  if (style === null) return CODE_STYLE_ORDER[0]!;
  return CODE_STYLE_ORDER[(CODE_STYLE_ORDER.indexOf(style) + 1) % CODE_STYLE_ORDER.length]!;
}

const ROMAN_DIGITS: ReadonlyArray<[number, string]> = [[100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];

function roman(value: number): string {
  let rest = value;
  let out = "";
  for (const [worth, digits] of ROMAN_DIGITS) while (rest >= worth) { out += digits; rest -= worth; }
  return out;
}

/**
 * The label (without parentheses) of the `position`-th item (1-based) of a list in `style`:
 * "c" for 3 in lower-alpha, "27" for 27 in digits, "aa" for 27 in lower-alpha (the Code doubles
 * letters past z), "iv" for 4 in lower-roman.
 */
export function labelAt(style: EnumeratorStyle, position: number): string {
  if (!Number.isInteger(position) || position < 1) throw new RangeError(`no list item ${position}`);
  switch (style) {
    case "digit": return String(position);
    case "lower-alpha":
    case "upper-alpha": {
      const letter = String.fromCharCode(96 + ((position - 1) % 26) + 1).repeat(Math.floor((position - 1) / 26) + 1);
      return style === "upper-alpha" ? letter.toUpperCase() : letter;
    }
    case "lower-roman": return roman(position);
    case "upper-roman": return roman(position).toUpperCase();
  }
}

/** One paragraph of a section, as the re-lettering sees it. */
export interface OutlineItem {
  /** The enumerator with its parentheses ("(b)"), or null for an unnumbered paragraph. */
  readonly enumerator: string | null;
  /** 0 for body text, 1 for the outermost list, and so on. */
  readonly level: number;
  /** True when the edit made, moved or re-levelled this paragraph, or removed its neighbour: its list is re-lettered. */
  readonly touched: boolean;
}

interface List {
  readonly parentStyle: () => EnumeratorStyle | null;
  readonly members: number[];
  style: EnumeratorStyle | null;
}

function strip(enumerator: string): string {
  return enumerator.replace(/^\(|\)$/g, "");
}

/** The style an untouched label shows in a list under `parent`: the Code's next style when the label could be it. */
function styleOf(label: string, parent: EnumeratorStyle | null): EnumeratorStyle {
  const styles = candidateStyles(label);
  const expected = childStyle(parent);
  return styles.includes(expected) ? expected : styles[0] ?? expected;
}

/**
 * The enumerators the section's paragraphs get after an edit: every list holding a touched
 * paragraph is lettered in sequence from its first untouched label's place (from the first
 * label when its first member is touched) in the style its untouched members show (the Code's
 * next style under the parent when all are touched); lists with nothing touched keep their
 * labels exactly, and an untouched label that restarts its style ("(a)" after "(c)") starts a
 * new list as the importer reads it. Unnumbered paragraphs keep null.
 */
export function reletteredEnumerators(items: readonly OutlineItem[]): Array<string | null> {
  const result: Array<string | null> = items.map((item) => item.enumerator);
  const listOf = new Map<number, List>();
  const lists: List[] = [];
  // Open lists by level along the current path: stack[level - 1] is the list at that level.
  let stack: List[] = [];
  items.forEach((item, index) => {
    if (item.enumerator === null || item.level < 1) return;
    const depth = item.level;
    stack = stack.slice(0, depth);
    let list = stack[depth - 1];
    const label = strip(item.enumerator);
    if (list && !item.touched && list.style !== null && label === labelAt(list.style, 1)) list = undefined;
    if (!list) {
      const parentList = depth >= 2 ? stack[depth - 2] : undefined;
      list = { parentStyle: () => parentList?.style ?? null, members: [], style: null };
      lists.push(list);
      while (stack.length < depth - 1) stack.push(list);
      stack[depth - 1] = list;
    }
    if (list.style === null && !item.touched) list.style = styleOf(label, list.parentStyle());
    list.members.push(index);
    listOf.set(index, list);
  });
  for (const list of lists) {
    if (!list.members.some((index) => items[index]!.touched)) continue;
    const style = list.style ?? childStyle(list.parentStyle());
    list.style = style;
    const first = items[list.members[0]!]!;
    const start = first.touched ? 1 : ordinal(strip(first.enumerator!), style);
    const from = Number.isInteger(start) && start >= 1 ? start : 1;
    list.members.forEach((index, place) => { result[index] = `(${labelAt(style, from + place)})`; });
  }
  return result;
}

/**
 * The document with every empty enumerated paragraph that has nothing under it left out (an
 * item opened with Enter and never written), and each list it stood in re-lettered over the
 * gap: what an exported text shows, so no bare enumerator is ever printed. Sections without
 * such a paragraph, and the document when none has one, are returned as they are.
 */
export function withoutEmptyItems(document: OrdinanceDocument): OrdinanceDocument {
  let changed = false;
  const chapters = document.chapters.map((chapter) => {
    let chapterChanged = false;
    const sections = chapter.sections.map((section) => {
      const tidied = sectionWithoutEmptyItems(section);
      if (tidied !== section) chapterChanged = true;
      return tidied;
    });
    if (!chapterChanged) return chapter;
    changed = true;
    return { ...chapter, sections };
  });
  return changed ? { ...document, chapters } : document;
}

function isEmptyItem(blocks: readonly Block[], index: number): boolean {
  const block = blocks[index]!;
  if (block.kind !== "paragraph" || block.enumerator === null || block.text.trim() !== "") return false;
  const next = blocks[index + 1];
  return !(next && next.kind === "paragraph" && next.level > block.level);
}

function sectionWithoutEmptyItems(section: Section): Section {
  const { blocks } = section;
  if (!blocks.some((_, index) => isEmptyItem(blocks, index))) return section;
  const kept: Block[] = [];
  const touched = new Set<number>();
  let pending = false;
  blocks.forEach((block, index) => {
    if (isEmptyItem(blocks, index)) { pending = true; return; }
    if (pending && block.kind === "paragraph" && block.enumerator !== null) { touched.add(kept.length); pending = false; }
    kept.push(block);
  });
  const labels = reletteredEnumerators(kept.map((block, index) => (block.kind === "paragraph"
    ? { enumerator: block.enumerator, level: block.level, touched: touched.has(index) }
    : { enumerator: null, level: 0, touched: false })));
  return {
    ...section,
    blocks: kept.map((block, index) => (block.kind === "paragraph" && labels[index] !== block.enumerator ? { ...block, enumerator: labels[index]! } : block)),
  };
}
