/**
 * `mergeInCodeOrder` against a plain stable sort: when both lists are in Code order, the merge
 * is their concatenation (struck first) sorted by section number, ties keeping the struck item
 * first; in any case every item comes out once and each list keeps its own order.
 */
import { describe, expect, it } from "vitest";
import { mergeInCodeOrder } from "../../src/core/redline/codeOrder";
import { compareSectionNumbers } from "../../src/core/numbers";
import { Random } from "../../src/core/samples/random";

interface Item { readonly side: "struck" | "inserted"; readonly number: string; readonly index: number }

function numbers(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => `2-173-${String(random.int(1, 12) * 5).padStart(3, "0")}${random.chance(0.2) ? ".1" : ""}`);
}

const items = (side: Item["side"], list: string[]): Item[] => list.map((number, index) => ({ side, number, index }));

describe("mergeInCodeOrder", () => {
  it("equals a stable sort of struck-then-inserted by number, for 2,000 random lists in Code order", () => {
    const random = new Random(3);
    for (let trial = 0; trial < 2000; trial++) {
      const struck = items("struck", numbers(random, random.int(0, 6)).sort(compareSectionNumbers));
      const inserted = items("inserted", numbers(random, random.int(0, 6)).sort(compareSectionNumbers));
      const merged = mergeInCodeOrder(struck, inserted, (item) => item.number, (item) => item.number);
      const expected = [...struck, ...inserted].sort((x, y) => compareSectionNumbers(x.number, y.number));
      expect(merged).toEqual(expected);
    }
  });

  it("puts the struck item first on a tie, and keeps every item of lists in any order", () => {
    const tie = mergeInCodeOrder(items("struck", ["2-173-030"]), items("inserted", ["2-173-030"]), (item) => item.number, (item) => item.number);
    expect(tie.map((item) => item.side)).toEqual(["struck", "inserted"]);
    const random = new Random(4);
    for (let trial = 0; trial < 500; trial++) {
      const struck = items("struck", numbers(random, random.int(0, 6)));
      const inserted = items("inserted", numbers(random, random.int(0, 6)));
      const merged = mergeInCodeOrder(struck, inserted, (item) => item.number, (item) => item.number);
      expect(merged.filter((item) => item.side === "struck")).toEqual(struck);
      expect(merged.filter((item) => item.side === "inserted")).toEqual(inserted);
    }
  });
});
