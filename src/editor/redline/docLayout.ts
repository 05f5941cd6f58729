/**
 * Where the units of a Code document stand in ProseMirror positions, in reading order, and how
 * an offset inside a unit's canonical piece maps to a ProseMirror position.
 */
import type { Node as PMNode } from "prosemirror-model";
import { chapterHeadPiece, sectionLines, type LineInfo } from "../../core/model/canonicalText";
import type { Chapter, Section } from "../../core/model/document";
import { wordsColumn } from "../../core/model/lineText";
import { isWordless } from "../convert";
import { codeSchema } from "../schema";

/** A unit of the draft in the editor: a chapter head (heading, contents and the chapter's editor's notes) or a section. */
export interface UnitPlace {
  readonly kind: "chapter" | "section";
  /** Position before the unit's first node (the chapter heading, or the section node). */
  readonly pos: number;
  /** Position after the unit's last node. */
  readonly end: number;
  /** The unit's top nodes in order: [heading, toc?, notes…] for a chapter head, [section] for a section. */
  readonly nodes: readonly PMNode[];
}

/** Every unit of `doc` in reading order. O(number of sections). */
export function unitPlaces(doc: PMNode): UnitPlace[] {
  const places: UnitPlace[] = [];
  doc.forEach((chapter, chapterOffset) => {
    if (chapter.type !== codeSchema.nodes.chapter) return;
    const start = chapterOffset + 1;
    const head: PMNode[] = [];
    let headEnd = start;
    let headPlaced = false;
    const placeHead = () => {
      places.push({ kind: "chapter", pos: start, end: headEnd, nodes: head });
      headPlaced = true;
    };
    chapter.forEach((child, offset) => {
      const pos = start + offset;
      if (child.type === codeSchema.nodes.chapter_heading || child.type === codeSchema.nodes.toc || child.type === codeSchema.nodes.editor_note) {
        head.push(child);
        headEnd = pos + child.nodeSize;
        return;
      }
      // A section, or a group of sections (sectionGroups.ts) whose sections are the units.
      if (!headPlaced) placeHead();
      if (child.type === codeSchema.nodes.section) places.push({ kind: "section", pos, end: pos + child.nodeSize, nodes: [child] });
      else child.forEach((section, inner) => { places.push({ kind: "section", pos: pos + 1 + inner, end: pos + 1 + inner + section.nodeSize, nodes: [section] }); });
    });
    if (!headPlaced) placeHead();
  });
  return places;
}

/** A line of a unit's piece and the ProseMirror node that renders it. */
export interface PlacedLine {
  readonly line: LineInfo;
  /** Position before the node that holds the line's words. */
  readonly nodePos: number;
  readonly node: PMNode;
  /** Characters of the line's words that the node does not hold (a heading's number and space). */
  readonly hidden: number;
}

/** The lines of a section at `place`, each with its node (a wordless node has no line: convert.isWordless). */
export function placedSectionLines(place: UnitPlace, model: Section): PlacedLine[] {
  const section = place.nodes[0]!;
  const lines = sectionLines(model);
  const placed: PlacedLine[] = [];
  let next = 0;
  section.forEach((child, offset, index) => {
    if (index > 0 && isWordless(child)) return;
    const line = lines[next++]!;
    placed.push({ line, nodePos: place.pos + 1 + offset, node: child, hidden: index === 0 ? model.number.length + 1 : 0 });
  });
  return placed;
}

/** The lines of a chapter head at `place`: the CHAPTER line, each contents entry, then each editor's note with words. */
export function placedHeadLines(place: UnitPlace, model: Chapter): PlacedLine[] {
  const lines = chapterHeadPiece(model).lines;
  const placed: PlacedLine[] = [{ line: lines[0]!, nodePos: place.pos, node: place.nodes[0]!, hidden: `CHAPTER ${model.number} `.length }];
  let next = 1;
  let pos = place.pos + place.nodes[0]!.nodeSize;
  for (const node of place.nodes.slice(1)) {
    if (node.type === codeSchema.nodes.toc) {
      const tocPos = pos;
      node.forEach((entry, offset) => {
        placed.push({ line: lines[next++]!, nodePos: tocPos + 1 + offset, node: entry, hidden: (entry.attrs.number as string).length + 1 });
      });
    } else if (!isWordless(node)) {
      placed.push({ line: lines[next++]!, nodePos: pos, node, hidden: 0 });
    }
    pos += node.nodeSize;
  }
  return placed;
}

/**
 * Where a chapter's editor's note stands when it comes after line `index` of the chapter head at
 * `place`: after that note, or — after the heading or a contents entry — after the contents (a
 * note is never inside the contents).
 */
export function chapterNotePosition(place: UnitPlace, lines: readonly PlacedLine[], index: number): number {
  const line = lines[index];
  if (line && line.node.type === codeSchema.nodes.editor_note) return line.nodePos + line.node.nodeSize;
  const [heading, second] = place.nodes;
  return place.pos + heading!.nodeSize + (second?.type === codeSchema.nodes.toc ? second.nodeSize : 0);
}

/** Where a local piece offset falls: inside line `index` at ProseMirror `pos`, or after it. */
export interface MappedOffset {
  readonly index: number;
  readonly pos: number;
  /** True when the offset lies in the separator after line `index` (between nodes). */
  readonly between: boolean;
}

/** Maps an offset inside a unit's piece to a ProseMirror position. */
export function mapOffset(lines: readonly PlacedLine[], offset: number): MappedOffset {
  for (let index = lines.length - 1; index >= 0; index--) {
    const placed = lines[index]!;
    if (offset >= placed.line.lineFrom) {
      if (offset > placed.line.to) return { index, pos: placed.nodePos + placed.node.nodeSize, between: true };
      // The line holds the node's words in their tidy form (convert.ts): map the column back.
      const column = Math.max(0, offset - placed.line.textFrom - placed.hidden);
      const tidyLength = Math.max(0, placed.line.to - placed.line.textFrom - placed.hidden);
      const size = placed.node.content.size;
      const at = size === tidyLength ? Math.min(column, size) : wordsColumn(placed.node.textContent, tidyLength, column);
      return { index, pos: placed.nodePos + 1 + at, between: false };
    }
  }
  return { index: -1, pos: lines[0] ? lines[0].nodePos : 0, between: true };
}
