/**
 * Plain-text rendering of an export document: one paragraph per block, a blank line between
 * blocks, four spaces of indentation per level, struck language as [-…-] and underscored as
 * {+…+}. Spaces around a marked passage stay outside its marks; text that looks like a mark,
 * and backslashes, are escaped with a backslash (see redline's escapeMarks).
 */
import { escapeMarks } from "../redline";
import { withMarksOnWords, type ExportBlock, type ExportDocument, type Run } from "./exportDocument";

const MARKS: Record<Run["style"], [string, string]> = {
  plain: ["", ""],
  struck: ["[-", "-]"],
  underscored: ["{+", "+}"],
};

/** One block as a line of text with marks. */
export function blockToText(block: ExportBlock): string {
  const body = withMarksOnWords(block.runs).map((run) => {
    const [open, close] = MARKS[run.style];
    return `${open}${escapeMarks(run.text)}${close}`;
  }).join("");
  return "    ".repeat(block.level) + body;
}

/** The whole document as text; ends with one newline. */
export function writeText(exported: ExportDocument): string {
  return `${exported.blocks.map(blockToText).join("\n\n")}\n`;
}
