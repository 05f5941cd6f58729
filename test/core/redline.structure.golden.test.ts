/**
 * Golden redlines of structural amendments, each read by eye line by line and kept: a section
 * renumbered in place (only the number, in the contents and the heading), a section inserted
 * with the later ones shifted up one number (the new section underscored, each shifted number
 * struck and underscored, bodies unmarked), a section moved (struck at its old place and
 * underscored at its new one, each naming the other), a title of two chapters with edits in
 * both, a section moved into another chapter with a word edit (labelled at both ends), and a chapter repealed (struck whole, the others unmarked). Inputs are canonical Code
 * text written for this project in test/golden/structure/. A change to the engine that alters
 * one must be looked at and the file updated on purpose.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, beforeEach } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare, formatText, type Redline } from "../../src/core/redline";
import { applyChanges, boundariesInsideTokens, revertChanges, slicesMatch } from "../support/redlineChecks";

const folder = join(dirname(fileURLToPath(import.meta.url)), "../golden/structure/");
const read = (name: string) => readFileSync(folder + name, "utf8");

/** Each case with the status of every section entry it must give, in reading order. */
const CASES: ReadonlyArray<[string, string[]]> = [
  ["renumbered", ["2-176-010 unchanged", "2-176-020 unchanged", "2-176-035 renumbered", "2-176-040 unchanged", "2-176-050 unchanged"]],
  ["insert-and-shift", ["2-176-010 unchanged", "2-176-020 inserted", "2-176-030 renumbered", "2-176-040 renumbered", "2-176-050 renumbered", "2-176-060 renumbered"]],
  ["moved", ["2-176-010 unchanged", "2-176-015 moved", "2-176-020 unchanged", "2-176-030 unchanged", "2-176-040 unchanged", "2-176-050 moved"]],
  ["title", ["2-176-010 unchanged", "2-176-020 changed", "2-176-030 unchanged", "2-176-040 changed", "2-176-050 unchanged", "2-178-010 unchanged", "2-178-020 unchanged", "2-178-025 inserted", "2-178-030 unchanged"]],
  ["moved-between-chapters", ["2-176-010 unchanged", "2-176-020 unchanged", "2-176-030 unchanged", "2-176-040 unchanged", "2-176-050 moved", "2-178-010 unchanged", "2-178-020 unchanged", "2-178-030 unchanged", "2-178-040 moved"]],
  ["chapter-repealed", ["2-176-010 unchanged", "2-176-020 unchanged", "2-176-030 unchanged", "2-176-040 unchanged", "2-176-050 unchanged", "2-177-010 deleted", "2-177-020 deleted", "2-178-010 unchanged", "2-178-020 unchanged", "2-178-030 unchanged"]],
];

describe("golden redlines of structural amendments", () => {
  for (const [name, statuses] of CASES) {
    describe(name, () => {
      const base = parseCodeText(read(`${name}.base.txt`)).document;
      const draft = parseCodeText(read(`${name}.draft.txt`)).document;
      // Computed per test (not once per file) so that mutation testing knows which tests cover each
      // mutant of the engine instead of running every test for it.
      let redline: Redline;
      beforeEach(() => {
        redline = compare(base, draft);
      });

      it("matches the golden redline", () => {
        expect(formatText(redline)).toBe(read(`${name}.redline.txt`));
      });

      it("gives each section the status a lawyer would", () => {
        expect(redline.sections.filter((s) => s.unit === "section").map((s) => `${s.numberB ?? s.numberA} ${s.status}`)).toEqual(statuses);
      });

      it("rebuilds the draft from the base and the base from the draft", () => {
        expect(applyChanges(redline)).toBe(redline.draftText);
        expect(revertChanges(redline)).toBe(redline.baseText);
        expect(slicesMatch(redline)).toEqual([]);
        expect(boundariesInsideTokens(redline)).toEqual([]);
      });
    });
  }
});
