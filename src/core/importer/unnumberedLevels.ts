/**
 * The levels of a section's unnumbered paragraphs, settled once the whole section has been
 * read: the indentation of the pasted lines says which list an unnumbered paragraph belongs to.
 */
import type { Block } from "../model/document";

/** A block while its section is being read: indentation is kept to settle unnumbered levels. */
export interface PendingBlock {
  block: Block;
  indent: number;
  /** Set once a second line has been joined to the block. */
  joined?: boolean;
  /** The input line the block starts on. */
  line?: number;
}

/**
 * Gives each unnumbered paragraph its level: body text (0) when the section has no
 * indentation at all, otherwise the level of the last enumerated paragraph indented no deeper.
 * A section indented all at one column counts as indented: that is how the canonical text
 * writes a section with no body text at level 0 (a loop, not a spread: sections can hold any
 * number of paragraphs).
 */
export function settleUnnumberedLevels(pending: readonly PendingBlock[]): Block[] {
  const indented = pending.some((entry) => entry.indent > 0);
  const enumerated: { indent: number; level: number }[] = [];
  return pending.map(({ block, indent }) => {
    if (block.kind !== "paragraph") return block;
    if (block.enumerator !== null) {
      enumerated.push({ indent, level: block.level });
      return block;
    }
    let level = 0;
    if (indented) {
      for (let i = enumerated.length - 1; i >= 0; i--) {
        if (enumerated[i]!.indent <= indent) { level = enumerated[i]!.level; break; }
      }
    }
    return { ...block, level };
  });
}

