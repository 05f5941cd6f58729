/**
 * The boxes of sections and section groups on the page, each with the height it will about
 * have before the browser has laid it out. Off-screen sections and groups skip layout
 * (content-visibility, styles.css) and stand at their `contain-intrinsic-size` until drawn; a
 * fixed guess (a group of 32 sections as 15,360 px) put a section scrolled into view a screen
 * or more away from where it came to rest once the boxes around it took their real heights.
 * The guess here comes from the section's own text; the schema writes it on the box when the
 * box is made (schema.ts), and `auto` keeps a box's real height once it has been drawn.
 */
import type { Node as PMNode } from "prosemirror-model";

/**
 * Pixels a section takes on the page at its full width (46rem, styles.css): a fixed part for
 * the heading and margins, a part per paragraph (its margin and last, partly filled line) and
 * a part per character. Fitted to generated chapters in Chromium (median error 2–3% a section).
 */
export const SECTION_HEIGHT = { fixed: 44, perBlock: 24, perCharacter: 0.3 } as const;

/** About how tall `section` stands on the page, in pixels (see SECTION_HEIGHT). */
export function estimatedSectionHeight(section: PMNode): number {
  const blocks = Math.max(0, section.childCount - 1);
  // The node's size counts its characters and two for each child's open and close.
  const characters = Math.max(0, section.content.size - 2 * section.childCount);
  return SECTION_HEIGHT.fixed + SECTION_HEIGHT.perBlock * blocks + SECTION_HEIGHT.perCharacter * characters;
}

/** About how tall a group of sections stands on the page: its sections' heights together. */
export function estimatedGroupHeight(group: PMNode): number {
  let height = 0;
  group.forEach((section) => { if (section.type.name === "section") height += estimatedSectionHeight(section); });
  return height;
}

/**
 * The style attribute that gives a box of `height` pixels until it is drawn (none for an empty
 * box). Set when the box is made and kept through edits: once drawn, the browser keeps its real height.
 */
export function estimatedBoxStyle(height: number): Record<string, string> {
  return height > 0 ? { style: `contain-intrinsic-size: auto ${Math.round(height)}px;` } : {};
}
