/**
 * A patch's walk (redline/unitWalk walkTouched) visits the touched units and every unit only
 * the base has exactly as the full walk (walkUnits) finds them — entry, place, position before,
 * lines — on multi-chapter titles with sections deleted, added and moved, and on the
 * demonstration chapter; the full walk is the oracle.
 */
import { describe, expect, it } from "vitest";
import { compare } from "../../src/core/redline";
import { Random } from "../../src/core/samples/random";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { amendedSample } from "../../src/core/samples/editScripts";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { toModel, toProseMirror } from "../../src/editor/convert";
import { unitPlaces } from "../../src/editor/redline/docLayout";
import { unitIndex, walkTouched, walkUnits, type WalkedUnit } from "../../src/editor/redline/unitWalk";
import { fixtureAmended, fixtureBase } from "../support/fixtures";

function describeUnit(unit: WalkedUnit, placeBefore?: number): string {
  const lines = unit.lines()?.map((line) => `${line.nodePos}:${line.hidden}`).join(",") ?? "none";
  return `${unit.entryIndex}|${unit.index}|${unit.entry.unit} ${unit.entry.numberA} ${unit.entry.numberB}|${unit.place?.pos ?? "-"}-${unit.place?.end ?? "-"}|${unit.before}|${lines}${placeBefore === undefined ? "" : `|${placeBefore}`}`;
}

function check(base: OrdinanceDocument, amended: OrdinanceDocument, random: Random): void {
  const doc = toProseMirror(amended);
  const draft = toModel(doc);
  const redline = compare(base, draft);
  const places = unitPlaces(doc);
  const units = unitIndex(redline);
  for (let trial = 0; trial < 5; trial++) {
    const touched = new Set<number>();
    for (let i = 0; i < places.length; i++) if (random.chance(trial === 0 ? 1 : 0.1)) touched.add(i);
    const expected: string[] = [];
    let lastPlaced = -1;
    walkUnits(doc, draft, redline, (unit) => {
      if (!unit.place) expected.push(describeUnit(unit, lastPlaced));
      else { if (touched.has(unit.index)) expected.push(describeUnit(unit, lastPlaced)); lastPlaced = unit.index; }
    }, places);
    const seen: string[] = [];
    walkTouched(doc, draft, redline, units, places, touched, (unit, placeBefore) => seen.push(describeUnit(unit, placeBefore)));
    expect(seen.sort()).toEqual(expected.sort());
  }
}

describe("the patch's walk over the units", () => {
  it("finds what the full walk finds, on the demonstration chapter", () => {
    check(fixtureBase(), fixtureAmended(), new Random(3));
  });

  it("finds what the full walk finds, on generated multi-chapter titles with sections deleted, added and moved", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const base = generateTitle(seed, 60_000, 1 + (seed % 3));
      check(base, amendedSample(base, seed), new Random(seed));
    }
  });
});
