/**
 * Parsing is linear in the number of sections (issue 11, item 9): a chapter of many short
 * sections with its contents, at two sizes four times apart, parses in about four times the
 * time (the contents lookups were linear per section, which made it sixteen). Best of five
 * runs each, so a busy machine does not decide; `npm run bench` prints the 2 MB and 20 MB rows.
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";

function chapterText(sections: number): string {
  const numbers = Array.from({ length: sections }, (_, i) => `2-173-${String(i + 1).padStart(5, "0")}`);
  const toc = numbers.map((number) => `${number} Rule.`).join("\n");
  const body = numbers.map((number) => `${number} Rule.\n\nText.`).join("\n\n");
  return `CHAPTER 2-173 RULES\n\n${toc}\n\n${body}\n`;
}

function bestOf(text: string): number {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const began = performance.now();
    parseCodeText(text);
    best = Math.min(best, performance.now() - began);
  }
  return best;
}

describe("parse time", () => {
  it("grows linearly with the number of sections (4× the sections: well under 16× the time)", () => {
    const small = chapterText(4_000);
    const large = chapterText(16_000);
    bestOf(small);
    const ratio = bestOf(large) / bestOf(small);
    expect(ratio).toBeLessThan(10);
  }, 120_000);
});
