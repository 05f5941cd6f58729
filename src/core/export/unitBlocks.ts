/**
 * Merged lines and units turned into export blocks: a line's parts become runs (deleted →
 * struck, inserted → underscored), indentation becomes the block's level, and text left out of
 * a reprinted passage becomes an omitted-text marker. Markers in a row collapse into one line.
 */
import { plainBlock, normalizeRuns, type BlockKind, type ExportBlock, type Run } from "./exportDocument";
import { isMarked, roleOf, type LinePart, type MergedLine } from "./mergedLines";
import { isHistoryLine, type ChapterUnit, type SectionUnit } from "./units";

/** Stands for text left out of the reprint; see collapseOmitted. */
export const OMITTED = Symbol("omitted");
export type Item = ExportBlock | typeof OMITTED;

const STYLE_OF_MARK: Record<LinePart["mark"], Run["style"]> = { same: "plain", deleted: "struck", inserted: "underscored" };

/** The line's parts as runs, with the line's indentation removed (it becomes the block level). */
function lineRuns(line: MergedLine, bold: boolean): Run[] {
  const runs: Run[] = [];
  let leading = true;
  for (const part of line.parts) {
    const text = leading ? part.text.replace(/^\s+/, "") : part.text;
    if (text === "") continue;
    leading = false;
    const style = STYLE_OF_MARK[part.mark];
    runs.push({
      text, style,
      ...(bold ? { bold: true } : {}),
      ...(style !== "plain" && part.change ? { changeId: part.change.id } : {}),
      ...(part.pilcrow ? { pilcrow: true as const } : {}),
    });
  }
  return normalizeRuns(runs);
}

const KIND_OF_ROLE: Record<ReturnType<typeof roleOf>["kind"], BlockKind> = {
  title: "chapter-heading", chapter: "chapter-heading", toc: "toc", heading: "code-heading", paragraph: "code-paragraph", history: "history", "chapter-note": "history",
};

/** The block printing one merged line; headings are bold, paragraphs keep their nesting level. */
export function lineBlock(line: MergedLine, label?: string): ExportBlock {
  const role = roleOf(line);
  const bold = role.kind === "heading" || role.kind === "chapter";
  const runs = lineRuns(line, bold);
  if (label) runs.push({ text: ` (${label})`, style: "plain" });
  return { kind: KIND_OF_ROLE[role.kind], level: role.kind === "paragraph" ? role.block.level : 0, runs };
}

/**
 * A section that exists on both sides and was amended: its heading line (redlined in place,
 * labelled when the section moved here from another chapter), then each marked paragraph; unmarked paragraphs become omitted-text markers. History notes
 * are never reprinted and do not count as omitted text.
 */
export function amendedSectionItems(unit: SectionUnit): Item[] {
  const items: Item[] = [lineBlock(unit.heading, moveLabel(unit))];
  for (const line of unit.body) {
    if (isHistoryLine(line)) continue;
    items.push(isMarked(line) ? lineBlock(line) : OMITTED);
  }
  return items;
}

/** A section inserted or deleted whole: every line, all underscored or all struck; moves are labelled. */
export function wholeSectionItems(unit: SectionUnit, withMoveLabel: boolean): Item[] {
  return [lineBlock(unit.heading, withMoveLabel ? moveLabel(unit) : undefined), ...unit.body.filter((line) => !isHistoryLine(line)).map((line) => lineBlock(line))];
}

/**
 * A section enacted as new text: its draft text, every word underscored — a section of a
 * chapter inserted whole, or one moved out of a chapter the ordinance repeals. A moved section
 * (whose merged lines mark only its real edits) reads so too, labelled with where it came from. Its runs
 * name no change (one underscored run per line, as for the chapter's other new lines).
 */
export function underscoredSectionItems(unit: SectionUnit): Item[] {
  const inserted = (line: MergedLine): MergedLine => ({
    ...line,
    parts: line.parts.filter((part) => part.mark !== "deleted" && !part.pilcrow).map((part) => ({ text: part.text, mark: "inserted" as const })),
  });
  const lines = [unit.heading, ...unit.body.filter((line) => !isHistoryLine(line))].filter((line) => line.b !== null).map(inserted);
  return lines.map((line, k) => lineBlock(line, k === 0 ? moveLabel(unit) : undefined));
}

/** "moved to 2-178-040" / "moved from 2-176-050" for a moved section's heading, else undefined. */
function moveLabel(unit: SectionUnit): string | undefined {
  return unit.move ? `${unit.move.role === "source" ? "moved to" : "moved from"} ${unit.move.otherSection}` : undefined;
}

/**
 * A chapter's heading line and its table of contents: the whole table when any entry changed
 * (redlined), otherwise an omitted-text marker standing for it.
 */
export function chapterHeadItems(unit: ChapterUnit): Item[] {
  const items: Item[] = [lineBlock(unit.heading)];
  if (unit.toc.some(isMarked)) items.push(...unit.toc.map((line) => lineBlock(line)));
  else if (unit.toc.length > 0) items.push(OMITTED);
  return items;
}

/** Items with each run of omitted-text markers replaced by one omitted-text line. */
export function collapseOmitted(items: readonly Item[], omittedText: string): ExportBlock[] {
  const blocks: ExportBlock[] = [];
  let previousOmitted = false;
  for (const item of items) {
    if (item === OMITTED) {
      if (!previousOmitted) blocks.push(plainBlock("omitted", omittedText));
      previousOmitted = true;
    } else {
      blocks.push(item);
      previousOmitted = false;
    }
  }
  return blocks;
}
