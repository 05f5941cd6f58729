/**
 * The unit table against a plain array: each unit's start is the origin plus the lengths of
 * the units before it, in each text, before and after replacing records in any blocks.
 */
import { describe, expect, it } from "vitest";
import type { SectionEntry } from "../../src/core/redline/sectionEntry";
import { BLOCK_SIZE, UnitTable, type UnitRecord } from "../../src/core/redline/unitTable";
import { Random } from "../../src/core/samples/random";

function record(random: Random): UnitRecord {
  return { entry: {} as SectionEntry, lengthA: random.int(0, 50), lengthB: random.int(0, 50) };
}

function check(table: UnitTable, records: readonly UnitRecord[], origin: number): void {
  expect(table.count).toBe(records.length);
  const starts: number[][] = [];
  const expected: number[][] = [];
  let a = origin;
  let b = origin;
  records.forEach((want, k) => {
    if (table.record(k) !== want) throw new Error(`record ${k} differs`);
    starts.push([table.startA(k), table.startB(k)]);
    expected.push([a, b]);
    a += want.lengthA;
    b += want.lengthB;
  });
  expect(starts).toEqual(expected);
}

describe("UnitTable", () => {
  it("gives each unit's record and starts, before and after replacements, over random tables", () => {
    const random = new Random(41);
    for (let round = 0; round < 40; round++) {
      const count = random.pick([0, 1, BLOCK_SIZE - 1, BLOCK_SIZE, BLOCK_SIZE + 1, random.int(2, 4 * BLOCK_SIZE)]);
      const origin = random.int(-2, 3);
      const records = Array.from({ length: count }, () => record(random));
      const table = UnitTable.of(records, origin);
      // Reading B first, then A, must not depend on which was summed first.
      if (count > 0) expect(table.startB(count - 1)).toBe(origin + records.slice(0, -1).reduce((sum, r) => sum + r.lengthB, 0));
      check(table, records, origin);
      for (let edit = 0; edit < 3 && count > 0; edit++) {
        const indices = [...new Set(Array.from({ length: random.int(1, 6) }, () => random.int(0, count - 1)))].sort((x, y) => x - y);
        const replacements = indices.map(() => record(random));
        const next = table.with(indices, replacements);
        const expected = records.slice();
        indices.forEach((index, k) => { expected[index] = replacements[k]!; });
        check(next, expected, origin);
        // The table replaced from is unchanged.
        check(table, records, origin);
      }
      expect(table.with([], [])).toBe(table);
    }
  });
});
