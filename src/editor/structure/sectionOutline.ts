/**
 * A section node's paragraphs as an outline, for the structural commands: where the caret's
 * paragraph is, which paragraphs hang under it, and the steps that re-letter the lists an edit
 * touched (core/model/outline decides the labels).
 */
import type { Node as PMNode, ResolvedPos } from "prosemirror-model";
import type { Transaction } from "prosemirror-state";
import { reletteredEnumerators } from "../../core/model/outline";
import { codeSchema } from "../schema";

const { nodes } = codeSchema;

/** One block child of a section node with its position in the document. */
export interface SectionBlock {
  readonly node: PMNode;
  readonly pos: number;
  /** Its index among the section's children (the heading is 0). */
  readonly index: number;
}

/** The section node around a position, with its position, or null outside any section. */
export function sectionAt($pos: ResolvedPos): { node: PMNode; pos: number } | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    if ($pos.node(depth).type === nodes.section) return { node: $pos.node(depth), pos: $pos.before(depth) };
  }
  return null;
}

/** The block children of the section at `sectionPos` (heading left out), in order. */
export function sectionBlocks(doc: PMNode, sectionPos: number): SectionBlock[] {
  const section = doc.nodeAt(sectionPos)!;
  const blocks: SectionBlock[] = [];
  section.forEach((child, offset, index) => { if (index > 0) blocks.push({ node: child, pos: sectionPos + 1 + offset, index }); });
  return blocks;
}

/** The enumerated paragraph the selection starts in, with its section, or null. */
export function enumeratedAt($pos: ResolvedPos): { block: SectionBlock; sectionPos: number } | null {
  const parent = $pos.parent;
  if (parent.type !== nodes.paragraph || !parent.attrs.enumerator) return null;
  const section = sectionAt($pos);
  if (!section) return null;
  const pos = $pos.before();
  return { block: { node: parent, pos, index: $pos.index($pos.depth - 1) }, sectionPos: section.pos };
}

/** Level of a block (history notes end every list: -1). */
function levelOf(node: PMNode): number {
  return node.type === nodes.paragraph ? (node.attrs.level as number) : -1;
}

/**
 * The blocks that hang under `blocks[at]` (an enumerated paragraph): the paragraphs after it at
 * a deeper level, up to the next one at its level or shallower. Its subsection, less itself.
 */
export function descendantsOf(blocks: readonly SectionBlock[], at: number): SectionBlock[] {
  const level = levelOf(blocks[at]!.node);
  const under: SectionBlock[] = [];
  for (let i = at + 1; i < blocks.length && levelOf(blocks[i]!.node) > level; i++) under.push(blocks[i]!);
  return under;
}

/** The nearest enumerated paragraph before `blocks[at]` at `level`, with nothing shallower between, or -1. */
export function previousAtLevel(blocks: readonly SectionBlock[], at: number, level: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const node = blocks[i]!.node;
    const other = levelOf(node);
    if (other < level) return -1;
    if (other === level && node.attrs.enumerator) return i;
  }
  return -1;
}

/**
 * Adds to `tr` the enumerator changes that re-letter every list of the section at `sectionPos`
 * (in `tr.doc`) that holds a paragraph whose id is in `touched`. Other lists keep their labels.
 */
export function reletterSection(tr: Transaction, sectionPos: number, touched: ReadonlySet<string>): void {
  const blocks = sectionBlocks(tr.doc, sectionPos);
  const labels = reletteredEnumerators(blocks.map(({ node }) => ({
    enumerator: node.type === nodes.paragraph ? (node.attrs.enumerator as string | null) : null,
    level: node.type === nodes.paragraph ? (node.attrs.level as number) : 0,
    touched: touched.has(node.attrs.id as string),
  })));
  blocks.forEach(({ node, pos }, i) => {
    if (node.type === nodes.paragraph && labels[i] !== node.attrs.enumerator) tr.setNodeAttribute(pos, "enumerator", labels[i]);
  });
}
