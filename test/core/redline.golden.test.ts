/**
 * The golden redline of the Welcoming City fixture: read by eye once (it marks what a lawyer
 * would mark: re-lettered definitions by label, whole new sections underscored, the renamed
 * catchline in place in the contents and the heading) and kept. A change to the engine that
 * alters it must be looked at and the file updated on purpose.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, beforeEach } from "vitest";
import { compare, formatText, type Redline } from "../../src/core/redline";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { applyChanges, boundariesInsideTokens, revertChanges, slicesMatch } from "../support/redlineChecks";

const golden = readFileSync(new URL("../golden/welcoming-city.redline.txt", import.meta.url), "utf8");

describe("the Welcoming City redline", () => {
  // Computed per test (not once per file) so that mutation testing knows which tests cover each
  // mutant of the engine instead of running every test for it.
  let redline: Redline;
  beforeEach(() => {
    redline = compare(fixtureBase(), fixtureAmended());
  });

  it("matches the golden redline", () => {
    expect(formatText(redline)).toBe(golden);
  });

  it("rebuilds the amended text from the base and the base from the amended text", () => {
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(revertChanges(redline)).toBe(redline.baseText);
    expect(slicesMatch(redline)).toEqual([]);
    expect(boundariesInsideTokens(redline)).toEqual([]);
  });

  it("lists the sections with their status", () => {
    expect(redline.sections.filter((s) => s.unit === "section").map((s) => `${s.numberB ?? s.numberA} ${s.status}`)).toEqual([
      "2-173-005 changed", "2-173-010 changed", "2-173-020 unchanged", "2-173-030 changed", "2-173-040 changed",
      "2-173-042 unchanged", "2-173-045 inserted", "2-173-047 inserted", "2-173-050 changed", "2-173-060 changed", "2-173-070 unchanged",
    ]);
  });

  it("is the same however often it is computed", () => {
    const again = compare(JSON.parse(JSON.stringify(fixtureBase())), JSON.parse(JSON.stringify(fixtureAmended())));
    expect(again.changes).toEqual(redline.changes);
  });
});
