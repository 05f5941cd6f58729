/**
 * The input's cleaned lines with what each is, worked out once: whether it is page furniture
 * and, if not, its line kind. The parser looks ahead over a section's lines before reading
 * them (to see whether they are indented), so without this every line would be classified twice.
 */
import { furnitureKind } from "./furniture";
import { classifyLine, type LineKind } from "./lineKinds";
import type { SourceLine } from "./normalize";

export class ClassifiedLines {
  private readonly furnitures: Array<string | null | undefined>;
  private readonly kinds: Array<LineKind | undefined>;

  constructor(readonly lines: readonly SourceLine[]) {
    this.furnitures = new Array<string | null | undefined>(lines.length);
    this.kinds = new Array<LineKind | undefined>(lines.length);
  }

  get length(): number {
    return this.lines.length;
  }

  /** What page furniture line `index` is (furnitureKind of its text), or null. */
  furniture(index: number): string | null {
    let found = this.furnitures[index];
    if (found === undefined) {
      found = furnitureKind(this.lines[index]!.text);
      this.furnitures[index] = found;
    }
    return found;
  }

  /** Blank or page furniture: a line that is no part of the text. */
  skipped(index: number): boolean {
    return this.lines[index]!.text === "" || this.furniture(index) !== null;
  }

  /**
   * classifyLine of line `index`'s text, dropped from the cache: for the parser's own reading of
   * the line, after which only a rare look back needs it (and classifies it again), so a long
   * input does not keep every line's kind alive.
   */
  take(index: number): LineKind {
    const found = this.kind(index);
    this.kinds[index] = undefined;
    return found;
  }

  /** classifyLine of line `index`'s text (the same object each time; never mutated). */
  kind(index: number): LineKind {
    let found = this.kinds[index];
    if (found === undefined) {
      found = classifyLine(this.lines[index]!.text);
      this.kinds[index] = found;
    }
    return found;
  }
}
