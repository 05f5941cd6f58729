/**
 * `looksBinary` against its definition, written out plainly here: NUL anywhere in the first
 * 64 KiB, or more than 1% of that sample's code units being U+FFFD or a control character other
 * than newline, return and tab. Random texts mix words, emoji (surrogate pairs), controls and
 * replacement characters around the 1% threshold.
 */
import { describe, expect, it } from "vitest";
import { looksBinary } from "../../src/core/importer/normalize";
import { Random } from "../../src/core/samples/random";

function definition(input: string): boolean {
  const sample = input.slice(0, 65536);
  if (sample.includes("\u0000")) return true;
  const suspicious = [...sample].filter((ch) => ch === "\ufffd" || (/[\u0001-\u001f]/.test(ch) && !"\n\r\t".includes(ch))).length;
  return sample.length > 0 && suspicious / sample.length > 0.01;
}

const PIECES = ["shall ", "residents ", "§ 2-173-020 ", "\n", "\r\n", "\t", "😀", "é", "\ufffd", "\u0001", "\u001b", "\u000c", "\u0000"];

describe("looksBinary", () => {
  it("agrees with its definition on 3,000 random texts near the 1% threshold", () => {
    const random = new Random(7);
    let binary = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const rare = random.next() * 0.04;
      const length = random.int(0, 400);
      let text = "";
      for (let i = 0; i < length; i++) text += random.chance(rare) ? random.pick(PIECES.slice(7)) : random.pick(PIECES.slice(0, 7));
      if (random.chance(0.5)) text = text.replaceAll("\u0000", "");
      const expected = definition(text);
      if (expected) binary++;
      expect(looksBinary(text), JSON.stringify(text)).toBe(expected);
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(binary).toBeGreaterThan(300);
    expect(binary).toBeLessThan(2700);
  });

  it("reads only the first 64 KiB", () => {
    expect(looksBinary("a".repeat(65536) + "\u0000")).toBe(false);
    expect(looksBinary("a".repeat(65535) + "\u0000")).toBe(true);
  });
});
