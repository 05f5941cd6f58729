/**
 * sameSteps (whether an updated plan keeps every section pairing, so updateRedline may keep its
 * units) against the slow truth: structural equality of the two step lists, moves included.
 */
import { describe, expect, it } from "vitest";
import { isDeepStrictEqual } from "node:util";
import { sameSteps, type SectionStep } from "../../src/core/redline/alignSections";
import { Random } from "../../src/core/samples/random";

/** A random step with small indices, so that random lists often agree or differ in one field. */
function randomStep(r: Random): SectionStep {
  const small = () => r.int(0, 2);
  const roll = r.int(0, 2);
  if (roll === 0) return { kind: "pair", a: small(), b: small() };
  if (roll === 1) {
    if (r.chance(0.4)) return { kind: "delete", a: small() };
    return r.chance(0.5) ? { kind: "delete", a: small(), moveTo: small() } : { kind: "delete", a: small(), moveTo: small(), moveToChapter: small() };
  }
  if (r.chance(0.4)) return { kind: "insert", b: small() };
  return r.chance(0.5) ? { kind: "insert", b: small(), moveFrom: small() } : { kind: "insert", b: small(), moveFrom: small(), moveFromChapter: small() };
}

/** A copy of the list with one step changed in one field (or not at all), or one step more or fewer. */
function variant(steps: readonly SectionStep[], r: Random): SectionStep[] {
  const copy = steps.map((step) => ({ ...step })) as SectionStep[];
  const roll = r.int(0, 4);
  if (roll === 0) return copy;
  if (roll === 1) { copy.push(randomStep(r)); return copy; }
  if (roll === 2 && copy.length > 0) { copy.splice(r.int(0, copy.length - 1), 1); return copy; }
  if (copy.length === 0) return copy;
  const k = r.int(0, copy.length - 1);
  const step = copy[k]! as Record<string, unknown>;
  const fields = Object.keys(step).filter((key) => key !== "kind");
  if (roll === 3 && fields.length > 0) { const field = r.pick(fields); step[field] = (step[field] as number) + 1; }
  else copy[k] = randomStep(r);
  return copy;
}

describe("sameSteps", () => {
  it("agrees with structural equality of the steps on 5,000 random pairs of lists", () => {
    const r = new Random(91);
    let equal = 0;
    for (let round = 0; round < 5_000; round++) {
      const first = Array.from({ length: r.int(0, 4) }, () => randomStep(r));
      const second = variant(first, r);
      const truth = isDeepStrictEqual(first, second);
      if (truth) equal++;
      expect(sameSteps(first, second)).toBe(truth);
      expect(sameSteps(second, first)).toBe(truth);
    }
    expect(equal).toBeGreaterThan(500);
    expect(equal).toBeLessThan(4_500);
  });

  it("tells apart steps that differ only in kind, index or the other end of a move", () => {
    expect(sameSteps([{ kind: "pair", a: 0, b: 0 }], [{ kind: "delete", a: 0 }])).toBe(false);
    expect(sameSteps([{ kind: "delete", a: 0 }], [{ kind: "insert", b: 0 }])).toBe(false);
    expect(sameSteps([{ kind: "insert", b: 0 }], [{ kind: "pair", a: 0, b: 0 }])).toBe(false);
    expect(sameSteps([{ kind: "delete", a: 0, moveTo: 1 }], [{ kind: "delete", a: 0, moveTo: 1, moveToChapter: 0 }])).toBe(false);
    expect(sameSteps([{ kind: "insert", b: 0, moveFrom: 1 }], [{ kind: "insert", b: 0, moveFrom: 1, moveFromChapter: 0 }])).toBe(false);
    expect(sameSteps([], [])).toBe(true);
  });
});
