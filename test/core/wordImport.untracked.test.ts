import { describe, expect, it } from "vitest";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { compare, formatText } from "../../src/core/redline";
import { Random } from "../../src/core/samples/random";
import { draftFromWordParagraphs, settleUntracked, untrackedEdits, type RunSide, type WordParagraph } from "../../src/core/wordImport";
import { fixtureAmended, fixtureBase } from "../support/fixtures";

const base = fixtureBase();
const amended = fixtureAmended();

/** The text redline read as Word paragraphs: one per line, [-…-] base only, {+…+} draft only. */
function paragraphsOf(redline: string): WordParagraph[] {
  const paragraphs: WordParagraph[] = [];
  let side: RunSide = "both";
  for (const line of redline.split("\n")) {
    const lead = /^ */.exec(line)![0].length;
    const runs: Array<{ text: string; side: RunSide }> = [];
    for (const piece of line.slice(lead).split(/(\[-|-\]|\{\+|\+\})/)) {
      if (piece === "[-") side = "base"; else if (piece === "{+") side = "draft"; else if (piece === "-]" || piece === "+}") side = "both";
      else if (piece !== "") runs.push({ text: piece, side });
    }
    if (runs.length > 0) paragraphs.push({ runs, indent: lead > 0 ? (lead / 4) * 720 : null });
  }
  return paragraphs;
}

const returned = paragraphsOf(formatText(compare(base, amended)));
const WORDS = ["promptly", "written", "federal", "each", "the", "reasonable"];

describe("untracked typing in a returned redline", () => {
  it("the pristine redline reads back to the draft and has no untracked edits", () => {
    expect(serializeDocument(draftFromWordParagraphs(base, returned).draft)).toBe(serializeDocument(amended));
    expect(untrackedEdits(base, returned)).toEqual([]);
  });

  for (let seed = 1; seed <= 80; seed++) {
    it(`seed ${seed}: a plain word typed, deleted or replaced is reported at its place, and either choice reads as it should`, () => {
      const random = new Random(seed);
      // A reprinted body paragraph (not a heading, not the contents) with plain words.
      const candidates = returned.map((p, i) => [p, i] as const).filter(([p, i]) => i > 14 && !/^\d+-\d+-\d+/.test(p.runs[0]!.text) && p.runs.some((r) => r.side === "both" && r.text.split(" ").length > 6));
      const [paragraph, index] = random.pick(candidates);
      const runIndex = paragraph.runs.findIndex((r) => r.side === "both" && r.text.split(" ").length > 6);
      const run = paragraph.runs[runIndex]!;
      const words = run.text.split(" ");
      const at = random.int(1, words.length - 2);
      const typedWord = random.pick(WORDS);
      const action = random.pick(["type", "delete", "replace"] as const);
      const changed = [...words];
      if (action === "type") changed.splice(at, 0, typedWord);
      else if (action === "delete") changed.splice(at, 1);
      else changed.splice(at, 1, typedWord);
      const mutated: WordParagraph = { ...paragraph, runs: paragraph.runs.map((r, k) => (k === runIndex ? { ...r, text: changed.join(" ") } : r)) };
      const paragraphs = returned.map((p, i) => (i === index ? mutated : p));

      const edits = untrackedEdits(base, paragraphs);
      if (action === "replace" && words[at] === typedWord) { expect(edits).toEqual([]); return; }
      expect(edits.map((e) => e.paragraph)).toEqual([index]);
      expect(edits[0]!.typed).toEqual(action === "delete" ? [] : [typedWord]);
      expect(edits[0]!.missing).toEqual(action === "type" ? [] : [words[at]]);
      expect(edits[0]!.section).toMatch(/^2-173-\d{3}$/);

      // Left out: the draft as the office's marks say. Taken: the draft as its text reads (the chapter's draft side).
      expect(serializeDocument(draftFromWordParagraphs(base, settleUntracked(base, paragraphs, new Set())).draft)).toBe(serializeDocument(amended));
      expect(serializeDocument(draftFromWordParagraphs(base, settleUntracked(base, paragraphs, new Set([index]))).draft)).toBe(serializeDocument(draftFromWordParagraphs(base, paragraphs).draft));
      // Settled either way, nothing is left untracked.
      expect(untrackedEdits(base, settleUntracked(base, paragraphs, new Set([index])))).toEqual([]);
      expect(untrackedEdits(base, settleUntracked(base, paragraphs, new Set()))).toEqual([]);
    });
  }
});
