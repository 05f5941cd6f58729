/**
 * Each section entry of a redline by its meaning, checked against the texts themselves (not
 * against another redline, which would share any fault): its piece starts, on each side where
 * it exists (for a move's destination, the draft side only), with a blank line and then its heading — the number and catchline it reports — in
 * a fresh compare and after updateRedline has shifted it, over random multi-chapter titles.
 */
import { describe, expect, it } from "vitest";
import { compare, updateRedline, type Redline } from "../../src/core/redline";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { randomlyRestructured } from "../../src/core/samples/structuralEdits";
import { randomKeystroke } from "../support/keystrokes";

/** The entries whose piece does not start with their heading on a side where they exist. */
function misplaced(redline: Redline): string[] {
  const wrong: string[] = [];
  for (const entry of redline.sections) {
    if (entry.unit !== "section") continue;
    const sides = [["A", entry.numberA, entry.catchlineA, redline.baseText, entry.startA], ["B", entry.numberB, entry.catchlineB, redline.draftText, entry.startB]] as const;
    for (const [side, number, catchline, text, start] of sides) {
      // A move's destination names its source's number, but its base text is at the source.
      if (number === null || (entry.status === "moved" && side === "A" && entry.numberB !== null)) continue;
      const heading = `\n\n${number} ${catchline}`;
      if (text.slice(start, start + heading.length) !== heading) wrong.push(`${side} ${number} at ${start}: ${JSON.stringify(text.slice(start, start + 40))}`);
    }
  }
  return wrong;
}

describe("section entries", () => {
  it("start where their headings stand in both texts, fresh and after keystrokes shift them", () => {
    let checked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const base = generateTitle(seed, 20_000, 3);
      const draft = randomlyRestructured(base, seed, 6);
      let redline = compare(base, draft);
      expect(misplaced(redline), `seed ${seed}`).toEqual([]);
      const random = new Random(seed);
      let current = draft;
      for (let k = 0; k < 8; k++) {
        current = randomKeystroke(current, random);
        redline = updateRedline(redline, current);
        expect(misplaced(redline), `seed ${seed} keystroke ${k + 1}`).toEqual([]);
      }
      checked += redline.sections.length;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("report the catchlines of their own sections on each side", () => {
    const base = generateTitle(4, 10_000, 2);
    const draft = randomlyRestructured(base, 4, 5);
    const redline = compare(base, draft);
    const catchlines = (doc: typeof base) => new Map(doc.chapters.flatMap((chapter) => chapter.sections.map((section) => [section.number, section.catchline] as const)));
    const [inA, inB] = [catchlines(base), catchlines(draft)];
    for (const entry of redline.sections.filter((each) => each.unit === "section")) {
      if (entry.numberA) expect(entry.catchlineA).toBe(inA.get(entry.numberA));
      if (entry.numberB) expect(entry.catchlineB).toBe(inB.get(entry.numberB));
    }
  });
});
