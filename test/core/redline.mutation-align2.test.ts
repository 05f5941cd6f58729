/**
 * Sequence alignment on hand-worked cases the random tests leave open: which copy of a repeated
 * paragraph is kept when equal keys could anchor more than one way (equal items at the start
 * anchor first, then equal items at the end), a middle too different to diff (more than 4000
 * edits) left unpaired, a threshold of 0 (every pair counts), and the tie rule of
 * heaviestIncreasing (the chain found first) where the Fenwick query visits two nodes.
 */
import { describe, expect, it } from "vitest";
import { alignSequences, heaviestIncreasing, pairGap } from "../../src/core/redline/align";

const nothingSimilar = () => 0;

describe("alignSequences with repeated keys", () => {
  it("keeps equal paragraphs at the start: the last copy of a repeated paragraph is the one deleted", () => {
    // (a) Purpose, (b) Reserved, (c) Reserved → (a) Purpose, (b) Reserved.
    expect(alignSequences(["purpose", "reserved", "reserved"], ["purpose", "reserved"], nothingSimilar, 0.5))
      .toEqual([{ a: 0, b: 0 }, { a: 1, b: 1 }, { a: 2 }]);
    expect(alignSequences(["purpose", "reserved"], ["purpose", "reserved", "reserved"], nothingSimilar, 0.5))
      .toEqual([{ a: 0, b: 0 }, { a: 1, b: 1 }, { b: 2 }]);
  });

  it("keeps equal paragraphs at the end: a paragraph replaced by a copy of the next one is replaced in place", () => {
    // (a) Fees, (b) Reserved → (a) Reserved, (b) Reserved: the last ones anchor, the first is struck and inserted.
    expect(alignSequences(["fees", "reserved"], ["reserved", "reserved"], nothingSimilar, 0.5))
      .toEqual([{ a: 0 }, { b: 0 }, { a: 1, b: 1 }]);
    expect(alignSequences(["reserved", "reserved"], ["fees", "reserved"], nothingSimilar, 0.5))
      .toEqual([{ a: 0 }, { b: 0 }, { a: 1, b: 1 }]);
  });
});

describe("alignSequences past the diff's edit bound", () => {
  it("leaves a middle needing more than 4000 edits unpaired, deletions first", () => {
    const keys = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => `${prefix}${k}`);
    for (const [m, n] of [[2, 4001], [3, 3999]] as const) {
      const steps = alignSequences(keys("a", m), keys("b", n), () => 0.9, 0.5);
      expect(steps).toEqual([...keys("a", m).map((_, a) => ({ a })), ...keys("b", n).map((_, b) => ({ b }))]);
    }
  });

  it("still anchors the equal ends around such a middle", () => {
    const middleA = ["a0", "a1"];
    const middleB = Array.from({ length: 4001 }, (_, k) => `b${k}`);
    const steps = alignSequences(["head", ...middleA, "tail"], ["head", ...middleB, "tail"], nothingSimilar, 0.5);
    expect(steps[0]).toEqual({ a: 0, b: 0 });
    expect(steps.slice(1, 3)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(steps.slice(3, 3 + 4001)).toEqual(middleB.map((_, k) => ({ b: k + 1 })));
    expect(steps.at(-1)).toEqual({ a: 3, b: 4002 });
    expect(steps).toHaveLength(4005);
  });
});

describe("pairing with a threshold of 0", () => {
  it("pairs for the greatest total similarity and leaves the rest inserted before", () => {
    // One base paragraph, two draft paragraphs: it is 0.5 like the second, 0 like the first.
    const similar = (a: number, b: number) => (a === 0 && b === 1 ? 0.5 : 0);
    expect(pairGap([0], [0, 1], similar, 0)).toEqual([{ b: 0 }, { a: 0, b: 1 }]);
    expect(alignSequences(["a0"], ["b0", "b1"], similar, 0)).toEqual([{ b: 0 }, { a: 0, b: 1 }]);
  });

  it("pairs every base item when there are more draft items, the best total first", () => {
    // Base 0 is like draft 0 (0.5), base 1 like draft 2 (0.5): total 1 beats any other pairing.
    const similar = (a: number, b: number) => ((a === 0 && b === 0) || (a === 1 && b === 2) ? 0.5 : 0);
    expect(pairGap([0, 1], [0, 1, 2], similar, 0)).toEqual([{ a: 0, b: 0 }, { b: 1 }, { a: 1, b: 2 }]);
    // Draft items before any pair are inserted first.
    const late = (a: number, b: number) => ((a === 0 && b === 2) || (a === 1 && b === 3) ? 0.5 : 0);
    expect(pairGap([0, 1], [0, 1, 2, 3], late, 0)).toEqual([{ b: 0 }, { b: 1 }, { a: 0, b: 2 }, { a: 1, b: 3 }]);
  });
});

describe("heaviestIncreasing ties", () => {
  it("keeps the chain through the earlier item when chains of equal weight end below the same item", () => {
    // Items 0 (value 2) and 1 (value 0) each weigh 1 and both lie below item 2 (value 3): chains {0, 2} and {1, 2} weigh 2.
    expect([...heaviestIncreasing([2, 0, 3], [1, 1, 1], 4)].sort()).toEqual([0, 2]);
    expect([...heaviestIncreasing([6, 2, 7], [1, 1, 1], 8)].sort()).toEqual([0, 2]);
  });
});
