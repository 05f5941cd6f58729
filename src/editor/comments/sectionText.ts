/**
 * A section's words as one plain text — its heading's catchline, then each paragraph, history
 * note or editor's note, joined by line breaks — and the way between offsets of that text and
 * editor positions. Text threads quote and find their words in this text.
 */
import type { Node as PMNode } from "prosemirror-model";
import { codeSchema } from "../schema";

/** One text block of a section: where its words start in the section's text and in the editor. */
interface Segment {
  readonly textStart: number;
  /** Position of the block's first character. */
  readonly pos: number;
  readonly length: number;
  readonly node: PMNode;
}

/** A section of the editor's document with its text. */
export interface SectionText {
  readonly number: string;
  /** Position before the section node. */
  readonly pos: number;
  readonly end: number;
  readonly text: string;
  readonly segments: readonly Segment[];
}

/** The text of the section node `section` standing at `pos`. */
export function sectionText(section: PMNode, pos: number): SectionText {
  const segments: Segment[] = [];
  let text = "";
  section.forEach((child, offset) => {
    if (!child.isTextblock) return;
    if (segments.length > 0) text += "\n";
    segments.push({ textStart: text.length, pos: pos + 1 + offset + 1, length: child.content.size, node: child });
    text += child.textContent;
  });
  const number = (section.firstChild?.attrs.number as string | undefined) ?? "";
  return { number, pos, end: pos + section.nodeSize, text, segments };
}

/** Calls `visit` with each section node of `doc` and its position, in order, until it returns true. */
export function eachSection(doc: PMNode, visit: (section: PMNode, pos: number) => boolean | void): void {
  let stop = false;
  doc.forEach((chapter, chapterPos) => {
    if (stop || chapter.type !== codeSchema.nodes.chapter) return;
    chapter.forEach((child, offset) => {
      if (stop) return;
      const pos = chapterPos + 1 + offset;
      if (child.type === codeSchema.nodes.section) stop = visit(child, pos) === true;
      else if (child.type === codeSchema.nodes.section_group) child.forEach((section, inner) => { if (!stop) stop = visit(section, pos + 1 + inner) === true; });
    });
  });
}

/** The section numbered `number` in `doc`, with its text, or null. */
export function findSectionText(doc: PMNode, number: string): SectionText | null {
  let found: SectionText | null = null;
  eachSection(doc, (section, pos) => {
    if (section.firstChild?.attrs.number !== number) return false;
    found = sectionText(section, pos);
    return true;
  });
  return found;
}

/** The section holding position `pos`, with its text, or null when `pos` is outside every section. */
export function sectionTextAt(doc: PMNode, pos: number): SectionText | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type === codeSchema.nodes.section) return sectionText(node, $pos.before(depth));
  }
  return null;
}

/** The offset in the section's text of editor position `pos` (clamped into the nearest block). */
export function offsetOf(section: SectionText, pos: number): number {
  let offset = 0;
  for (const segment of section.segments) {
    if (pos < segment.pos) return offset;
    offset = segment.textStart + Math.min(pos - segment.pos, segment.length);
  }
  return offset;
}

/** The editor position of offset `offset` in the section's text. */
export function positionOf(section: SectionText, offset: number): number {
  let last = section.segments[0];
  for (const segment of section.segments) {
    if (segment.textStart > offset) break;
    last = segment;
  }
  if (!last) return section.pos + 1;
  return last.pos + Math.min(Math.max(0, offset - last.textStart), last.length);
}

/** The block whose words hold offset `offset`. */
export function blockAt(section: SectionText, offset: number): PMNode | null {
  let found: PMNode | null = null;
  for (const segment of section.segments) if (segment.textStart <= offset) found = segment.node;
  return found;
}

/** The range of the section's text taken by the block with this id, or null. */
export function blockRange(section: SectionText, id: string | null): { start: number; end: number } | null {
  if (id === null) return null;
  const segment = section.segments.find((each) => each.node.attrs.id === id);
  return segment ? { start: segment.textStart, end: segment.textStart + segment.length + 1 } : null;
}
