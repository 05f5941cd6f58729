/**
 * The model's form of a line's words, against a slow truth: tidyWords equals what the importer
 * makes of the same line, and wordsColumn maps every column back to the raw character that became it.
 */
import { describe, expect, it } from "vitest";
import { toSourceLines } from "../../src/core/importer/normalize";
import { isTidyWords, tidyWords, wordsColumn } from "../../src/core/model/lineText";
import { Random } from "../../src/core/samples/random";

const PIECES = ["a", "bc", " ", "  ", "\t", "\u00a0", "\u200b", "\u201c", "\u2019", "x.", "\u00ad", "(1)", "\n"];

function randomRaw(random: Random): string {
  let raw = "";
  const count = random.int(0, 12);
  for (let i = 0; i < count; i++) raw += random.pick(PIECES);
  return raw;
}

describe("tidy words", () => {
  it("are the importer's reading of the same line, and columns map back exactly", () => {
    const random = new Random(7);
    for (let trial = 0; trial < 5000; trial++) {
      const raw = randomRaw(random);
      const tidy = tidyWords(raw);
      // The importer reads a line break as a new line; within one line it reads as a space.
      const truth = toSourceLines(raw.replace(/\n/g, " "))[0]!.text;
      expect(tidy, JSON.stringify(raw)).toBe(truth);
      expect(isTidyWords(tidy)).toBe(true);
      expect(tidyWords(tidy)).toBe(tidy);
      // Slow truth for columns: the raw offset of each kept character, found by tidying prefixes.
      for (let column = 0; column < tidy.length; column++) {
        const at = wordsColumn(raw, tidy.length, column);
        const where = `${JSON.stringify(raw)} column ${column}`;
        // The raw text before `at` tidies to the tidy text before the column...
        expect(tidyWords(raw.slice(0, at)), where).toBe(tidy.slice(0, column).trimEnd());
        // ...and the raw character at `at` is the one that became the column's character.
        if (tidy[column] === " ") expect(tidyWords(`x${raw[at]!}x`), where).toBe("x x");
        else expect(tidyWords(raw[at]!), where).toBe(tidy[column]);
      }
      const end = wordsColumn(raw, tidy.length, tidy.length);
      expect(tidyWords(raw.slice(0, end))).toBe(tidy);
      expect(tidyWords(raw.slice(end))).toBe("");
    }
  });
});
