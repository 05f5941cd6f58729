/**
 * Commands on whole sections, each one transaction (one undo step; the contents sync adds or
 * drops the section's contents line in the same step):
 *
 * - `repealSection`: the section goes from the draft, so the redline strikes it whole and the
 *   export repeals it (by formula or struck throughout, as the export settings say).
 * - `insertSection`: a new section after a given one, with its number and catchline, the caret
 *   in its first (empty) paragraph; the export inserts it underscored with "inserting a new
 *   Section …".
 * - `renumberSection`: gives a section another number and puts it where that number stands
 *   among its chapter's sections (only the Clerk renumbers; the UI warns before this runs).
 *
 * Numbers are checked by `sectionNumberProblem` (through core/numbers); a command given a
 * number it refuses does not apply. Which number a new section should take is the number
 * assistant's (numberAssistant.ts).
 */
import type { Node as PMNode } from "prosemirror-model";
import { Selection, TextSelection, type Command, type EditorState } from "prosemirror-state";
import { formatSectionNumber, parseSectionNumber, sameSectionNumber } from "../../core/numbers";
import { freshId } from "../plugins/blockIds";
import { recordRenumbering } from "../plugins/renumberLog";
import { codeSchema } from "../schema";
import { forEachSection } from "../sectionGroups";
import { sectionAt } from "./sectionOutline";

const { nodes } = codeSchema;

/** A section node of the document with its position and its chapter's (through any group the section stands in). */
export interface SectionPlace {
  readonly node: PMNode;
  readonly pos: number;
  readonly chapter: PMNode;
  readonly chapterPos: number;
  /** The section's number. */
  readonly number: string;
}

/** The section at `pos` (a section node's position), or the one holding `pos`. */
export function sectionPlace(doc: PMNode, pos: number): SectionPlace | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  const direct = doc.nodeAt(pos);
  const found = direct?.type === nodes.section ? { node: direct, pos } : sectionAt($pos);
  if (!found) return null;
  const $section = doc.resolve(found.pos);
  // The chapter is the document's child (depth 1), whether the section stands in a group or not.
  return { node: found.node, pos: found.pos, chapter: $section.node(1), chapterPos: $section.before(1), number: found.node.firstChild!.attrs.number as string };
}

/** The section the selection starts in. */
export function selectedSection(state: EditorState): SectionPlace | null {
  return sectionPlace(state.doc, state.selection.from);
}

/** The numbers of a chapter node's sections, in order. */
export function chapterSectionNumbers(chapter: PMNode): string[] {
  const numbers: string[] = [];
  forEachSection(chapter, -1, (section) => { numbers.push(section.firstChild!.attrs.number as string); });
  return numbers;
}

/** The chapter number of a chapter node. */
export function chapterNumberOf(chapter: PMNode): string {
  return chapter.firstChild!.attrs.number as string;
}

/**
 * Why `number` cannot be a section of `chapter` (other than the section `except`, which is the
 * one being renumbered), or null: it must be a section number of that chapter, and unused.
 */
export function sectionNumberProblem(chapter: PMNode, number: string, except?: string): string | null {
  const chapterNumber = chapterNumberOf(chapter);
  const parsed = parseSectionNumber(number);
  if (!parsed) return `"${number}" is not a section number: write title-chapter-section, such as ${formatSectionNumber(chapterNumber, 45)}.`;
  if (parsed.chapter !== chapterNumber) return `${number} belongs to Chapter ${parsed.chapter}, not to Chapter ${chapterNumber}.`;
  const user = chapterSectionNumbers(chapter).find((each) => each !== except && sameSectionNumber(each, number));
  if (user !== undefined) return `${number} is already used${user === number ? "" : ` (as ${user})`}; choose an unused number.`;
  return null;
}

/** Removes the section holding the selection (or at `pos`); refused for a chapter's only section. */
export function repealSection(pos?: number): Command {
  return (state, dispatch) => {
    const place = pos === undefined ? selectedSection(state) : sectionPlace(state.doc, pos);
    if (!place || chapterSectionNumbers(place.chapter).length < 2) return false;
    if (!dispatch) return true;
    const tr = state.tr.delete(place.pos, place.pos + place.node.nodeSize);
    const near = Math.min(place.pos, tr.doc.content.size);
    dispatch(tr.setSelection(Selection.near(tr.doc.resolve(near), near >= tr.doc.content.size ? -1 : 1)).scrollIntoView());
    return true;
  };
}

/** A new section node: its heading and one empty paragraph to type into. */
function newSectionNode(number: string, catchline: string): PMNode {
  const heading = nodes.section_heading.create({ number }, catchline ? codeSchema.text(catchline) : null);
  return nodes.section.create({ id: freshId("s") }, [heading, nodes.paragraph.create({ id: freshId("b") })]);
}

/** Where a new section goes for `pos`: after the section at `pos`, or before the first section of the chapter at `pos`. */
function insertionPoint(doc: PMNode, pos: number): { chapter: PMNode; at: number } | null {
  const node = doc.nodeAt(pos);
  if (node?.type === nodes.chapter) {
    let at = -1;
    forEachSection(node, pos, (_section, sectionPos) => { at = sectionPos; return true; });
    return at < 0 ? null : { chapter: node, at };
  }
  const place = sectionPlace(doc, pos);
  return place ? { chapter: place.chapter, at: place.pos + place.node.nodeSize } : null;
}

/** Inserts a new section numbered `number` right after the section at `pos` (before the first section when `pos` is a chapter's). */
export function insertSection(pos: number, number: string, catchline: string): Command {
  return (state, dispatch) => {
    const point = insertionPoint(state.doc, pos);
    if (!point || sectionNumberProblem(point.chapter, number) !== null) return false;
    if (!dispatch) return true;
    const { at } = point;
    const section = newSectionNode(number, catchline.trim().replace(/\s+/g, " "));
    const tr = state.tr.insert(at, section);
    const inside = at + 1 + section.firstChild!.nodeSize + 1;
    dispatch(tr.setSelection(TextSelection.create(tr.doc, inside)).scrollIntoView());
    return true;
  };
}

/**
 * Gives the section at `pos` the number `number` and moves it to stand after `afterNumber`
 * (null: first in its chapter; the caller orders numbers). The section keeps its id and text.
 */
export function renumberSection(pos: number, number: string, afterNumber: string | null): Command {
  return (state, dispatch) => {
    const place = sectionPlace(state.doc, pos);
    if (!place || sectionNumberProblem(place.chapter, number, place.number) !== null || number === place.number) return false;
    if (afterNumber !== null && !chapterSectionNumbers(place.chapter).includes(afterNumber)) return false;
    if (!dispatch) return true;
    const tr = recordRenumbering(state.tr.setNodeAttribute(place.pos + 1, "number", number), place.number, number);
    const moved = tr.doc.nodeAt(place.pos)!;
    let target = -1;
    forEachSection(place.chapter, place.chapterPos, (section, sectionPos) => {
      if (afterNumber === null ? target < 0 : section.firstChild!.attrs.number === afterNumber) {
        target = afterNumber === null ? sectionPos : sectionPos + section.nodeSize;
      }
    });
    if (target !== place.pos && target !== place.pos + moved.nodeSize) {
      tr.delete(place.pos, place.pos + moved.nodeSize);
      const insertAt = tr.mapping.map(target);
      tr.insert(insertAt, moved);
      tr.setSelection(TextSelection.near(tr.doc.resolve(insertAt + 1)));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}
