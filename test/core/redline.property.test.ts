/**
 * Invariants over random edit scripts: applying the changes to the base gives the draft, and
 * reversing them gives the base; every change's texts are the slices its offsets name; no
 * change starts or ends inside a token; an incremental re-compare equals a fresh one.
 */
import { describe, expect, it } from "vitest";
import { compare, updateRedline } from "../../src/core/redline";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { randomlyEdited } from "../../src/core/samples/editScripts";
import { fixtureBase } from "../support/fixtures";
import { generateDocument } from "../../src/core/samples/generateChapter";
import { applyChanges, boundariesInsideTokens, revertChanges, slicesMatch } from "../support/redlineChecks";

function check(base: OrdinanceDocument, seed: number): void {
  const draft = randomlyEdited(base, seed, 1 + (seed % 6));
  const redline = compare(base, draft);
  const label = `seed ${seed}`;
  expect(applyChanges(redline), label).toBe(redline.draftText);
  expect(revertChanges(redline), label).toBe(redline.baseText);
  expect(slicesMatch(redline), label).toEqual([]);
  expect(boundariesInsideTokens(redline), label).toEqual([]);
}

describe("redline invariants over random edit scripts", () => {
  it("hold for 600 scripts on the Welcoming City fixture", () => {
    const base = fixtureBase();
    for (let seed = 1; seed <= 600; seed++) check(base, seed);
  });

  it("hold for 600 scripts on generated chapters", () => {
    for (let seed = 1; seed <= 600; seed++) check(generateDocument(seed, 5000), seed + 10_000);
  });

  it("give the same redline incrementally as from scratch", () => {
    const base = generateDocument(3, 40_000);
    let draft = base;
    let previous = compare(base, draft);
    for (let seed = 1; seed <= 60; seed++) {
      draft = randomlyEdited(draft, seed, 1);
      const incremental = updateRedline(previous, draft);
      const fresh = compare(JSON.parse(JSON.stringify(base)), JSON.parse(JSON.stringify(draft)));
      expect(incremental.changes, `seed ${seed}`).toEqual(fresh.changes);
      previous = incremental;
    }
    expect(previous.changes.length).toBeGreaterThan(0);
  });
});
