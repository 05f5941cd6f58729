/**
 * The units of one redline (title heading, chapter heads, sections) in reading order, kept so
 * that the next version after a keystroke costs about the same at any document size.
 *
 * Each unit is a record: its entry with local offsets (as if its pieces started at 0) and its
 * piece lengths. Records
 * are immutable and shared between versions. They sit in blocks of `BLOCK_SIZE`; a block knows
 * where each of its units starts relative to the block and its total lengths. A unit's global
 * start is its block's start plus its start within the block, and block starts are prefix
 * sums over the blocks, computed once per version on first use. Replacing one unit therefore
 * copies one block and the list of blocks — O(BLOCK_SIZE + units / BLOCK_SIZE) — and no unit
 * after it is touched, however far its offsets shift.
 */
import type { SectionEntry } from "./sectionEntry";

/** One unit of the walk. */
export interface UnitRecord {
  /** The unit's entry with its pieces starting at 0 in both texts. */
  readonly entry: SectionEntry;
  readonly lengthA: number;
  readonly lengthB: number;
}

const BLOCK_BITS = 7;
/** Units per block. */
export const BLOCK_SIZE = 1 << BLOCK_BITS;

interface Block {
  readonly records: readonly UnitRecord[];
  /** Start of each unit relative to the block's start. */
  readonly startA: Float64Array;
  readonly startB: Float64Array;
  readonly lengthA: number;
  readonly lengthB: number;
}

function makeBlock(records: readonly UnitRecord[]): Block {
  const startA = new Float64Array(records.length);
  const startB = new Float64Array(records.length);
  let a = 0;
  let b = 0;
  for (let i = 0; i < records.length; i++) {
    startA[i] = a;
    startB[i] = b;
    a += records[i]!.lengthA;
    b += records[i]!.lengthB;
  }
  return { records, startA, startB, lengthA: a, lengthB: b };
}

/** An immutable table of unit records with lazily summed global starts. */
export class UnitTable {
  private blockStartA: Float64Array | undefined;
  private blockStartB: Float64Array | undefined;

  private constructor(private readonly blocks: readonly Block[], readonly count: number, private readonly origin: number) {}

  /** A table of `records` in order; the first unit starts at `origin` in both texts. */
  static of(records: readonly UnitRecord[], origin: number): UnitTable {
    const blocks: Block[] = [];
    for (let i = 0; i < records.length; i += BLOCK_SIZE) blocks.push(makeBlock(records.slice(i, i + BLOCK_SIZE)));
    return new UnitTable(blocks, records.length, origin);
  }

  record(index: number): UnitRecord {
    return this.blocks[index >> BLOCK_BITS]!.records[index & (BLOCK_SIZE - 1)]!;
  }

  /**
   * A table equal to this one with the records at `indices` (ascending, each once) replaced by
   * `records`. Costs one block copy per block touched plus the list of blocks.
   */
  with(indices: readonly number[], records: readonly UnitRecord[]): UnitTable {
    if (indices.length === 0) return this;
    const blocks = this.blocks.slice();
    let k = 0;
    while (k < indices.length) {
      const blockIndex = indices[k]! >> BLOCK_BITS;
      const copy = blocks[blockIndex]!.records.slice();
      for (; k < indices.length && indices[k]! >> BLOCK_BITS === blockIndex; k++) copy[indices[k]! & (BLOCK_SIZE - 1)] = records[k]!;
      blocks[blockIndex] = makeBlock(copy);
    }
    return new UnitTable(blocks, this.count, this.origin);
  }

  /** Where unit `index`'s piece starts in the base text. */
  startA(index: number): number {
    if (!this.blockStartA) this.sumBlocks();
    return this.blockStartA![index >> BLOCK_BITS]! + this.blocks[index >> BLOCK_BITS]!.startA[index & (BLOCK_SIZE - 1)]!;
  }

  /** Where unit `index`'s piece starts in the draft text. */
  startB(index: number): number {
    if (!this.blockStartB) this.sumBlocks();
    return this.blockStartB![index >> BLOCK_BITS]! + this.blocks[index >> BLOCK_BITS]!.startB[index & (BLOCK_SIZE - 1)]!;
  }

  private sumBlocks(): void {
    const startA = new Float64Array(this.blocks.length);
    const startB = new Float64Array(this.blocks.length);
    let a = this.origin;
    let b = this.origin;
    for (let k = 0; k < this.blocks.length; k++) {
      startA[k] = a;
      startB[k] = b;
      a += this.blocks[k]!.lengthA;
      b += this.blocks[k]!.lengthB;
    }
    this.blockStartA = startA;
    this.blockStartB = startB;
  }
}
