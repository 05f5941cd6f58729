/**
 * Section likeness: the quick paths (the same paragraphs in order; a few paragraphs edited in
 * place) give exactly what the plain multiset count gives, over thousands of random pairs
 * built to hit every path — repeated paragraphs, paragraphs moved, added, removed, edited in
 * place, a paragraph edited into the text of another one, equal and different catchlines.
 */
import { describe, expect, it } from "vitest";
import type { Block, Section } from "../../src/core/model/document";
import { likeness, likenessByCount } from "../../src/core/redline/sectionLikeness";
import { Random } from "../../src/core/samples/random";

const WORDS = ["the", "city", "shall", "not", "any", "agent", "of", "person", "request", "status", "notice", "department"];

function sentence(random: Random): string {
  const length = random.int(1, 9);
  return Array.from({ length }, () => random.pick(WORDS)).join(" ");
}

/** A section of these paragraphs; `history` puts a history note at that block index (clamped), or none when negative. */
function section(catchline: string, texts: readonly string[], history: number): Section {
  const blocks: Block[] = texts.map((text, k) => ({ kind: "paragraph", id: `p${k}`, enumerator: null, level: 0, text }));
  if (history >= 0) blocks.splice(Math.min(history, blocks.length), 0, { kind: "history", id: "h", text: "(Added Coun. J. 1-1-2020)" });
  return { id: "s", number: "2-173-010", catchline, blocks };
}

/** A random variant of the paragraph list: edits in place, swaps, copies of other paragraphs, insertions and removals. */
function variant(random: Random, texts: readonly string[]): string[] {
  const out = [...texts];
  const edits = random.int(0, 4);
  for (let e = 0; e < edits; e++) {
    const k = random.int(0, Math.max(0, out.length - 1));
    const roll = random.next();
    if (out.length === 0 || roll < 0.15) out.splice(random.int(0, out.length), 0, sentence(random));
    else if (roll < 0.5) out[k] = random.chance(0.5) ? `${out[k]} ${random.pick(WORDS)}` : sentence(random);
    else if (roll < 0.65) out[k] = random.pick(out); // the text of another paragraph of the section
    else if (roll < 0.75 && texts.length > 0) out[k] = random.pick(texts);
    else if (roll < 0.85) out.splice(k, 1);
    else { const j = random.int(0, out.length - 1); [out[k], out[j]] = [out[j]!, out[k]!]; }
  }
  return out;
}

describe("section likeness", () => {
  it("agrees exactly with the multiset count on 20,000 random pairs", () => {
    const random = new Random(17);
    for (let round = 0; round < 20_000; round++) {
      const pool = Array.from({ length: random.int(1, 4) }, () => sentence(random));
      const texts = Array.from({ length: random.int(0, 10) }, () => (random.chance(0.3) ? random.pick(pool) : sentence(random)));
      const catchline = random.chance(0.8) ? "Definitions." : "Scope.";
      const a = section("Definitions.", texts, random.int(-3, 12));
      const b = section(catchline, variant(random, texts), random.int(-3, 12));
      expect(likeness(a, b), `round ${round}`).toBe(likenessByCount(a, b));
    }
  });
});

