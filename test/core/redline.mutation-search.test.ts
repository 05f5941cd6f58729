/**
 * The search by content (sectionSearch.ts) called directly, on hand-made sections whose
 * paragraphs share no words unless the test says so: which pairs it finds equal, which it
 * scores and in which order, which A sections go on to the word-run search; and whether
 * searchHolds lets an edit pass exactly when a fresh search would look at the same pairs.
 *
 * Surviving mutants of sectionSearch.ts (StrykerJS, quick tests), and why no test can kill them:
 * - Postings.add `list.length <= this.cap` → `true`: the list grows past the cap; `get` still drops
 *   it, and searchHolds, seeing a complete list, computes exact weights (only memory differs).
 * - `claimed.size === 0 ? itemsB : filter` → always filter; `needRuns.length === 0` → `false`
 *   (builds an empty word-run index); `if (!seen)` → `true` (recomputes the cached A index):
 *   shortcuts with the same result.
 * - seenInA's `list[list.length - 1] !== i` → `true` and `length + 1`: an A section may be listed
 *   twice for a paragraph it holds twice; the affected set is a Set, so nothing changes.
 *   (`if (!list)` → `true`, `!== i` → `false` / `=== i` keep only one holder: killed by "looks
 *   again at every base section holding a paragraph an edit adds".)
 * - changedParagraphs' counting (`+ 1` ↔ `- 1`, `?? 0` → `&& 0`, no filter, filter `true`):
 *   each only adds texts to the changed list; searchHolds then recomputes more A sections, whose
 *   weights it counts exactly, so the verdict is the same (only the cost grows).
 * - `search.runs.size > 0 && ...` → `true` / `>= 0`: with no runs searched the run loops can
 *   never return (`search.runs.has` is false).
 * - `seen.paragraphs.get(text) ?? []` → `["Stryker was here"]`: adds a key `top` never has.
 * - `presence.get(j)?.has` → `presence.get(j).has`: a changed section in a paragraph's list was
 *   long before, and searchHolds returned already unless it is long now, so presence is set.
 * - NO_SEARCH `builtFrom: []` → `["Stryker was here"]`: rematchChapter never reads builtFrom of NO_SEARCH.
 */
import { describe, expect, it } from "vitest";
import type { Block, Section } from "../../src/core/model/document";
import { shingles } from "../../src/core/redline/sectionLikeness";
import { searchByContent, searchHolds, type ContentSearch } from "../../src/core/redline/sectionSearch";
import { Random } from "../../src/core/samples/random";

const THRESHOLD = 0.6;
const MIN_LENGTH = 80;
let ids = 0;

function section(number: string, paragraphs: readonly string[], catchline = "Test."): Section {
  const blocks: Block[] = paragraphs.map((text) => ({ kind: "paragraph", id: `p${ids++}`, enumerator: null, level: 0, text }));
  return { id: `s${ids++}`, number, catchline, blocks };
}

/** A paragraph of exactly `length` characters of words no other key shares. */
const own = (key: string, length = 100) => Array.from({ length: 80 }, (_, k) => `${key}${k}`).join(" ").slice(0, length);
const num = (k: number) => `2-173-${String(k * 10).padStart(3, "0")}`;
const all = (list: readonly unknown[]) => list.map((_, k) => k);
const none = () => -1;

function search(a: readonly Section[], b: readonly Section[], numberPartner: (i: number) => number = none): ContentSearch {
  return searchByContent(a, b, all(a), all(b), THRESHOLD, MIN_LENGTH, numberPartner);
}

describe("searchByContent", () => {
  it("pairs a section equal apart from its number and leaves its partner out of the paragraph index", () => {
    const a = [section(num(0), [own("p"), own("q")]), section(num(1), [own("p"), own("r")])];
    const b = [section(num(5), [own("p"), own("q")]), section(num(1), [own("x")])];
    const found = search(a, b);
    expect(found.equal).toEqual([[0, 0]]);
    // A1 shares P only with the claimed B0: nothing to score, so it goes on to word runs.
    expect(found.top.get(1)).toEqual([]);
    expect(found.top.has(0)).toBe(false);
    expect(found.evaluated).toEqual([]);
    expect(found.matched.size).toBe(0);
    expect([...found.runs].sort()).toEqual([...new Set(shingles(a[1]!))].sort());
  });

  it("keeps an equal B section in the index when it is not surely claimed", () => {
    // Same number: not claimed by another number.
    const a = [section(num(0), [own("p"), own("q")]), section(num(1), [own("p"), own("r")])];
    const same = search(a, [section(num(0), [own("p"), own("q")]), section(num(1), [own("x")])]);
    expect(same.equal).toEqual([[0, 0]]);
    expect(same.top.get(1)).toEqual([0]);
    expect(same.evaluated[0]).toEqual([1, 0]);
    // Two A sections of its text: both pair with it, and it stays indexed.
    const twice = [...a, section(num(2), [own("p"), own("q")])];
    const both = search(twice, [section(num(5), [own("p"), own("q")]), section(num(1), [own("x")])]);
    expect(both.equal).toEqual([[0, 0], [2, 0]]);
    expect(both.top.get(1)).toEqual([0]);
    // Two B sections of its text: A0 pairs with both, and both stay indexed.
    const copies = search(a, [section(num(5), [own("p"), own("q")]), section(num(6), [own("p"), own("q")])]);
    expect(copies.equal).toEqual([[0, 0], [0, 1]]);
    expect(copies.top.get(1)).toEqual([0, 1]);
  });

  it("scores the three B sections sharing the most paragraph characters, ties in reading order", () => {
    const p1 = own("p1", 100);
    const p2 = own("p2", 90);
    const p3 = own("p3", 80);
    const p4 = own("p4", 70);
    const a = [section(num(0), [p1, p2, p3, p4])];
    const b = [
      section(num(10), [p4, own("z0")]), // 70
      section(num(11), [p1, own("z1")]), // 100
      section(num(12), [p2, p3, own("z2")]), // 170
      section(num(13), [p3, own("z3")]), // 80
      section(num(14), [p1, own("z4")]), // 100
    ];
    const found = search(a, b);
    expect(found.top.get(0)).toEqual([2, 1, 4]);
    expect(found.evaluated.slice(0, 3)).toEqual([[0, 2], [0, 1], [0, 4]]);
  });

  it("drops a paragraph held by more than eight B sections as boilerplate, counting a section once", () => {
    const a = [section(num(0), [own("p"), own("z")])];
    const holders = (count: number) => Array.from({ length: count }, (_, k) => section(num(k + 10), k === 0 ? [own("p"), own("p"), own(`w${k}`)] : [own("p"), own(`w${k}`)]));
    // Holder 0 holds "p" twice: counted once, its larger size ranks it last (counted twice, first).
    expect(search(a, holders(8)).top.get(0)).toEqual([1, 2, 3]);
    expect(search(a, holders(9)).top.get(0)).toEqual([]);
  });

  it("drops an identity key held by more than sixteen B sections", () => {
    const a = [section(num(0), [own("p")])];
    const copies = (count: number) => Array.from({ length: count }, (_, k) => section(num(k + 10), [own("p")]));
    expect(search(a, copies(16)).equal).toHaveLength(16);
    expect(search(a, copies(17)).equal).toEqual([]);
  });

  it("searches a section of at least 80 characters, and one shorter only for a unique equal", () => {
    const shortA = [section(num(0), ["Reserved."])];
    expect(search(shortA, [section(num(5), ["Reserved."])]).equal).toEqual([[0, 0]]);
    const twiceB = search(shortA, [section(num(5), ["Reserved."]), section(num(6), ["Reserved."])]);
    expect(twiceB.equal).toEqual([]);
    expect(twiceB.top.size).toBe(0);
    expect(twiceB.runs.size).toBe(0);
    const twiceA = search([...shortA, section(num(1), ["Reserved."])], [section(num(5), ["Reserved."])]);
    expect(twiceA.equal).toEqual([]);
    // Not equal and short: not searched at all.
    expect(search([section(num(0), [own("a", 79)])], [section(num(5), [own("a", 79) + "x"])]).top.size).toBe(0);
    expect(search([section(num(0), [own("a", 80)])], [section(num(5), [own("b", 80)])]).top.has(0)).toBe(true);
  });

  it("indexes only B sections of at least 80 characters", () => {
    const a = [section(num(0), [own("p", 79), own("z")])];
    expect(search(a, [section(num(5), [own("p", 79)])]).top.get(0)).toEqual([]);
    expect(search(a, [section(num(5), [own("p", 79), "x"])]).top.get(0)).toEqual([0]);
  });

  it("stops at paragraphs when a scored partner reaches the threshold", () => {
    const shared = [own("p"), own("q"), own("r")];
    const a = [section(num(0), [...shared, own("s"), own("t")])];
    const found = search(a, [section(num(7), [...shared, own("x"), own("y")])]); // 0.6 alike
    expect(found.matched).toEqual(new Set([0]));
    expect(found.runs.size).toBe(0);
    expect(found.evaluated).toEqual([[0, 0]]);
    const half = search(a, [section(num(7), [own("p"), own("q"), own("x"), own("y"), own("w")])]); // 0.4 alike
    expect(half.matched.size).toBe(0);
    expect(half.runs.size).toBeGreaterThan(0);
  });

  it("stops at paragraphs when the same-numbered partner reaches the threshold", () => {
    const a = [section(num(0), [own("p"), own("z")])];
    // B0 is A0 with each paragraph edited at its end (no paragraph shared); B1 shares P only.
    const b = [section(num(0), [`${own("p")}!`, `${own("z")}!`]), section(num(7), [own("p"), own("y")])];
    const withPartner = search(a, b, () => 0);
    expect(withPartner.matched).toEqual(new Set([0]));
    expect(withPartner.runs.size).toBe(0);
    expect(withPartner.evaluated).toEqual([[0, 1]]);
    const alone = search(a, b);
    expect(alone.matched.size).toBe(0);
    expect(alone.runs).toEqual(new Set(shingles(a[0]!)));
    // The word runs find B0 (sharing nearly all runs) before B1 (sharing those of P).
    expect(alone.evaluated).toEqual([[0, 1], [0, 0], [0, 1]]);
  });

  it("breaks ties in reading order whatever order the weights were found in", () => {
    const a = [section(num(0), [own("p1"), own("p2"), own("p3"), own("p4")])];
    const b = [section(num(10), [own("p4"), own("z0")]), section(num(11), [own("p3"), own("z1")]), section(num(12), [own("p2"), own("z2")]), section(num(13), [own("p1"), own("z3")])];
    expect(search(a, b).top.get(0)).toEqual([0, 1, 2]);
  });

  it("pairs a section of exactly 80 characters with each of its equals", () => {
    const a = [section(num(0), [own("a", 80)])];
    expect(search(a, [section(num(5), [own("a", 80)]), section(num(6), [own("a", 80)])]).equal).toEqual([[0, 0], [0, 1]]);
  });

  it("indexes by word runs only B sections of at least 80 characters", () => {
    const a = [section(num(0), [own("p"), own("z")])];
    const runsOf = (length: number) => section(num(5), [own("p", length)]);
    expect(shingles(runsOf(79)).filter((hash) => shingles(a[0]!).includes(hash)).length).toBeGreaterThan(0);
    expect(search(a, [runsOf(79)]).evaluated).toEqual([]);
    expect(search(a, [runsOf(80)]).evaluated).toEqual([[0, 0]]);
  });

  it("counts a same-numbered partner exactly at the threshold as reaching it", () => {
    const a = [section(num(0), [own("p"), own("q"), own("r"), own("s"), own("t")])];
    // The partner is not among the searched B sections, so only the partner test can match A0.
    const b = [section(num(0), [own("p"), own("q"), own("r"), own("x"), own("y")]), section(num(9), [own("w")])];
    const found = searchByContent(a, b, [0], [1], THRESHOLD, MIN_LENGTH, () => 0);
    expect(found.matched).toEqual(new Set([0]));
    expect(found.runs.size).toBe(0);
  });
});

/** Whether two searches look at the same pairs and send the same A sections on to word runs. */
function sameLook(x: ContentSearch, y: ContentSearch): boolean {
  const key = (s: ContentSearch) => JSON.stringify([s.equal, s.evaluated, [...s.top], [...s.matched].sort(), [...s.runs].sort()]);
  return key(x) === key(y);
}

/** searchHolds for the search over `b`, after `after` replaced the sections at `changed`. */
function holds(a: readonly Section[], b: readonly Section[], after: readonly Section[], changed: readonly number[], numberPartner: (i: number) => number = none): { holds: boolean; same: boolean } {
  const before = search(a, b, numberPartner);
  // As rematchChapter: the A sections scored with j, and the one whose same-numbered partner j is.
  const pairedWith = (j: number) => [...before.evaluated.filter(([, k]) => k === j).map(([i]) => i), ...all(a).filter((i) => numberPartner(i) === j)];
  const result = searchHolds(before, a, after, new Set(changed), THRESHOLD, MIN_LENGTH, numberPartner, pairedWith);
  return { holds: result, same: sameLook(before, search(a, after, numberPartner)) };
}

const edit = (b: readonly Section[], j: number, paragraphs: readonly string[]) => b.map((s, k) => (k === j ? section(s.number, paragraphs) : s));

describe("searchHolds", () => {
  const shared = [own("p"), own("q"), own("r")];
  const a = [section(num(0), [...shared, own("s"), own("t")])];
  const b = [section(num(7), [...shared, own("x"), own("y")])];

  it("lets pass an edit to a paragraph no base section holds", () => {
    expect(holds(a, b, edit(b, 0, [...shared, own("x"), own("y2")]), [0])).toEqual({ holds: true, same: true });
  });

  it("stops an edit that takes a scored pair under the threshold", () => {
    expect(holds(a, b, edit(b, 0, [own("p"), own("q"), own("x"), own("y"), own("w")]), [0])).toEqual({ holds: false, same: false });
  });

  it("stops an edit that makes a scored section too short to index", () => {
    expect(holds(a, b, edit(b, 0, ["Reserved."]), [0])).toEqual({ holds: false, same: false });
  });

  it("stops an edit to or from a text equal to a base section", () => {
    const twoA = [...a, section(num(1), [own("u"), own("v")])];
    const twoB = [...b, section(num(8), [own("u"), own("v")])];
    expect(holds(twoA, twoB, edit(twoB, 1, [own("u"), own("v2")]), [1])).toEqual({ holds: false, same: false });
    const other = [...b, section(num(8), [own("u"), own("w")])];
    expect(holds(twoA, other, edit(other, 1, [own("u"), own("v")]), [1])).toEqual({ holds: false, same: false });
  });

  it("stops an edit that changes the order of the scored sections", () => {
    const base = [section(num(0), [own("p"), own("q"), own("z")])];
    const draft = [section(num(7), [own("p"), own("y0")]), section(num(8), [own("q"), own("y1")])];
    expect(search(base, draft).top.get(0)).toEqual([0, 1]);
    expect(holds(base, draft, edit(draft, 1, [own("p"), own("q"), own("y1")]), [1])).toEqual({ holds: false, same: false });
    expect(holds(base, draft, edit(draft, 1, [own("q"), own("y1"), own("extra")]), [1])).toEqual({ holds: true, same: true });
  });

  it("stops an edit that changes the word runs a searched section shares, and passes one that does not", () => {
    const base = [section(num(0), [own("p"), own("z")])];
    const draft = [section(num(7), [`${own("p")}!`, own("y")])];
    const before = search(base, draft);
    expect(before.runs.size).toBeGreaterThan(0);
    expect(before.evaluated).toEqual([[0, 0]]);
    expect(holds(base, draft, edit(draft, 0, [own("w"), own("y")]), [0])).toEqual({ holds: false, same: false });
    expect(holds(base, draft, edit(draft, 0, [`${own("p")}!`, own("y2")]), [0])).toEqual({ holds: true, same: true });
  });

  it("stops an edit that brings a boilerplate paragraph back under the cap", () => {
    const base = [section(num(0), [own("p"), own("z")])];
    // The last draft section is the base section's same-numbered partner, alike enough that no word runs are searched.
    const partner = section(num(0), [`${own("p")}!`, `${own("z")}!`]);
    const holders = [...Array.from({ length: 10 }, (_, k) => section(num(k + 10), [own("p"), own(`w${k}`)])), partner];
    const last = () => holders.length - 1;
    expect(search(base, holders, last).top.get(0)).toEqual([]);
    expect(search(base, holders, last).runs.size).toBe(0);
    // Ten holders, one edit: nine left, still boilerplate.
    expect(holds(base, holders, edit(holders, 3, [own("w3"), own("n")]), [3], last)).toEqual({ holds: true, same: true });
    // Two edits: eight left, no longer boilerplate, and the index kept only nine of the ten.
    const twice = edit(edit(holders, 3, [own("w3"), own("n")]), 9, [own("w9"), own("n")]);
    expect(holds(base, holders, twice, [3, 9], last)).toEqual({ holds: false, same: false });
    // Nine holders, one edit: eight left.
    const nine = [...holders.slice(0, 9), partner];
    expect(holds(base, nine, edit(nine, 3, [own("w3"), own("n")]), [3], () => 9)).toEqual({ holds: false, same: false });
  });

  describe("with the base section matched by its same-numbered partner (no word runs searched)", () => {
    /** The base section's paragraphs each edited at the end: alike, sharing no paragraph. */
    const partnerOf = (paragraphs: readonly string[]) => section(num(0), paragraphs.map((text) => `${text}!`));

    it("stops an edit adding base paragraphs to a section not scored with it", () => {
      const base = [section(num(0), [own("p"), own("q"), own("z")])];
      const draft = [section(num(7), [own("p"), own("y0")]), section(num(8), [own("q"), own("y1")]), section(num(9), [own("w"), own("y2")]), partnerOf(base[0]!.blocks.map((block) => block.text))];
      const partner = () => 3;
      expect(search(base, draft, partner).top.get(0)).toEqual([0, 1]);
      expect(holds(base, draft, edit(draft, 2, [own("p"), own("q"), own("y2")]), [2], partner)).toEqual({ holds: false, same: false });
      // Only the order changes: the same two scored.
      expect(holds(base, draft, edit(draft, 1, [own("p"), own("q"), own("y1")]), [1], partner)).toEqual({ holds: false, same: false });
    });

    it("lets pass an edit that keeps paragraph weights of different sizes", () => {
      const base = [section(num(0), [own("p"), own("q"), own("r", 150), own("z")])];
      const draft = [section(num(7), [own("p"), own("q"), own("y0")]), section(num(8), [own("r", 150), own("y1")]), partnerOf(base[0]!.blocks.map((block) => block.text))];
      expect(search(base, draft, () => 2).top.get(0)).toEqual([0, 1]);
      expect(holds(base, draft, edit(draft, 1, [own("r", 150), own("y1"), own("extra")]), [1], () => 2)).toEqual({ holds: true, same: true });
    });

    it("lets pass edits to short sections and to sections of exactly 80 characters", () => {
      const base = [section(num(0), [own("p"), "Reserved.", own("z")])];
      const draft = [section(num(7), [own("w", 80)]), section(num(8), ["Repealed."]), partnerOf(base[0]!.blocks.map((block) => block.text))];
      expect(holds(base, draft, edit(draft, 1, ["Reserved."]), [1], () => 2)).toEqual({ holds: true, same: true });
      expect(holds(base, draft, edit(draft, 0, [own("v", 100)]), [0], () => 2)).toEqual({ holds: true, same: true });
      const eighty = edit(draft, 0, [own("v", 100)]);
      expect(holds(base, eighty, edit(eighty, 0, [own("w", 80)]), [0], () => 2)).toEqual({ holds: true, same: true });
    });

    it("stops an edit giving a section of exactly 80 characters a base paragraph", () => {
      const base = [section(num(0), [own("p"), own("q", 80), own("z")])];
      const draft = [section(num(7), [own("w", 80)]), partnerOf(base[0]!.blocks.map((block) => block.text))];
      expect(holds(base, draft, edit(draft, 0, [own("q", 80)]), [0], () => 1)).toEqual({ holds: false, same: false });
    });

    it("counts boilerplate holders exactly when edits keep or add the paragraph", () => {
      const base = [section(num(0), [own("p"), own("z")])];
      const holders = Array.from({ length: 10 }, (_, k) => section(num(k + 10), [own("p"), own(`w${k}`)]));
      const withPartner = (list: readonly Section[]) => [...list, partnerOf(base[0]!.blocks.map((block) => block.text))];
      const ten = withPartner(holders);
      const partnerTen = () => 10;
      // Two holders edited, each keeping the paragraph: still ten, still boilerplate.
      const kept = edit(edit(ten, 3, [own("p"), own("n3")]), 9, [own("p"), own("n9")]);
      expect(holds(base, ten, kept, [3, 9], partnerTen)).toEqual({ holds: true, same: true });
      // A short section edited beside the partner: it neither held nor holds the paragraph.
      const nine = withPartner([...holders.slice(0, 9), section(num(30), ["Repealed."])]);
      const shortEdit = edit(edit(nine, 9, ["Reserved."]), 10, base[0]!.blocks.map((block) => `${block.text}?`));
      expect(holds(base, nine, shortEdit, [9, 10], () => 10)).toEqual({ holds: true, same: true });
      // Eight holders and a ninth taking the paragraph: now boilerplate, the three scored are dropped.
      const eight = withPartner([...holders.slice(0, 8), section(num(30), [own("w8"), own("n")])]);
      expect(search(base, eight, () => 9).top.get(0)).toEqual([0, 1, 2]);
      expect(holds(base, eight, edit(eight, 8, [own("p"), own("w8"), own("n")]), [8], () => 9)).toEqual({ holds: false, same: false });
    });

    it("looks again at every base section holding a paragraph an edit adds, first or last", () => {
      const changing = [own("p"), own("z")];
      const steady = [own("p"), own("u1", 300), own("u2", 300), own("u3", 300)];
      for (const order of [[changing, steady], [steady, changing]]) {
        const base = order.map((paragraphs, i) => section(num(i), paragraphs));
        const draft = [
          section(num(7), [own("p"), own("y0")]), section(num(8), [own("u1", 300), own("y1")]), section(num(9), [own("u2", 300), own("y2")]),
          section(num(10), [own("u3", 300), own("y3")]), section(num(11), [own("w"), own("yn")]),
          ...base.map((s) => partnerOf(s.blocks.map((block) => block.text))).map((s, i) => section(num(i), s.blocks.map((block) => block.text))),
        ];
        const partner = (i: number) => 5 + i;
        // Only the section holding P and Z sees its scored sections change.
        expect(holds(base, draft, edit(draft, 4, [own("p"), own("w"), own("yn")]), [4], partner)).toEqual({ holds: false, same: false });
      }
    });

    it("stops an edit when the index kept only part of a paragraph's holders and the missing one would now count", () => {
      const base = [section(num(0), [own("p"), own("q", 300), own("r", 300), own("s", 300), own("t", 50)])];
      const draft = [
        ...Array.from({ length: 9 }, (_, k) => section(num(k + 10), [own("p"), own(`w${k}`)])),
        section(num(19), [own("p"), own("q", 300)]), section(num(20), [own("r", 300), own("t", 50)]), section(num(21), [own("s", 300)]),
        partnerOf(base[0]!.blocks.map((block) => block.text)),
      ];
      const partner = () => 12;
      // Shares of text in common: 10 (r, t) 350/1400, 11 (s) 300/1350, 9 (q; p is boilerplate) 300/1450.
      expect(search(base, draft, partner).top.get(0)).toEqual([10, 11, 9]);
      const edited = edit(edit(draft, 3, [own("w3"), own("n")]), 4, [own("w4"), own("n")]);
      expect(search(base, edited, partner).top.get(0)).toEqual([9, 10, 11]);
      expect(holds(base, draft, edited, [3, 4], partner)).toEqual({ holds: false, same: false });
    });
  });

  it("stops an edit adding word runs a searched section shares, and passes an edit to a short section's runs", () => {
    const base = [section(num(0), [own("p"), own("z")])];
    const draft = [section(num(7), [own("y")]), section(num(8), [own("p", 60)])];
    expect(search(base, draft).runs.size).toBeGreaterThan(0);
    expect(holds(base, draft, edit(draft, 0, [own("y"), `${own("p")}!`]), [0])).toEqual({ holds: false, same: false });
    expect(holds(base, draft, edit(draft, 0, [own("p", 80)]), [0])).toEqual({ holds: false, same: false });
    expect(holds(base, draft, edit(draft, 1, ["Reserved."]), [1])).toEqual({ holds: true, same: true });
  });

  it("never lets pass an edit after which a fresh search looks elsewhere, over random chapters", () => {
    const r = new Random(91);
    const pool = Array.from({ length: 14 }, (_, k) => own(`t${k}x`, 90 + k));
    const pick = () => (r.chance(0.1) ? "Reserved." : pool[r.int(0, pool.length - 1)]!);
    let passed = 0;
    for (let round = 0; round < 300; round++) {
      const base = Array.from({ length: r.int(1, 5) }, (_, k) => section(num(k), Array.from({ length: r.int(1, 3) }, pick)));
      const draft = Array.from({ length: r.int(1, 6) }, (_, k) => section(num(k + 20), Array.from({ length: r.int(1, 3) }, pick)));
      const j = r.int(0, draft.length - 1);
      const old = draft[j]!.blocks.map((block) => block.text);
      const roll = r.next();
      const paragraphs = roll < 0.3 ? [...old, pick()] : roll < 0.5 ? old.slice(1).concat(own(`n${round}`)) : roll < 0.7 ? old.map((text) => `${text}!`) : [own(`m${round}`), ...old];
      const result = holds(base, draft, edit(draft, j, paragraphs), [j], (i) => (i < draft.length ? i : -1));
      if (result.holds) { passed++; expect(result.same, `round ${round}`).toBe(true); }
    }
    expect(passed).toBeGreaterThan(60);
  });
});
