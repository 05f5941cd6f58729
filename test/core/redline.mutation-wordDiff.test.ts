/**
 * What the word diff's fast paths must not change (mutation survivors of wordDiff.ts, stop 18):
 * the common prefix and suffix against a brute-force search, where insertions and deletions
 * slide against a reference that tries every placement, which characters make a word (and so
 * when a line counts as rewritten), and the rewrite threshold of a long line at its exact
 * boundary. Expected values come from the references and from counting by hand, never from the
 * code under test.
 */
import { describe, expect, it } from "vitest";
import { diffTokens } from "../../src/core/redline/linearDiff";
import { isPunctuation } from "../../src/core/redline/tokens";
import { DEFAULT_OPTIONS } from "../../src/core/redline/types";
import { commonAffixes, diffLine, slideHunks, type TokenHunk } from "../../src/core/redline/wordDiff";
import { Random } from "../../src/core/samples/random";

const isSpace = (c: string) => c.charCodeAt(0) <= 32 || c === "\u00a0";

/** The longest common prefix and suffix ending/starting at a space, found by trying every length. */
function referenceAffixes(a: string, b: string): { prefix: number; suffix: number } {
  if (a === b) return { prefix: a.length, suffix: 0 };
  let prefix = 0;
  for (let p = Math.min(a.length, b.length); p > 0; p--) {
    if (a.slice(0, p) === b.slice(0, p) && isSpace(a[p - 1]!)) { prefix = p; break; }
  }
  let suffix = 0;
  for (let s = Math.min(a.length, b.length) - prefix; s > 0; s--) {
    if (a.slice(a.length - s) === b.slice(b.length - s) && isSpace(a[a.length - s]!)) { suffix = s; break; }
  }
  return { prefix, suffix };
}

describe("commonAffixes", () => {
  it("equals a brute-force search over random strings of words, spaces and no-break spaces", () => {
    const random = new Random(918);
    const pieces = ["a", "bb", "a", " ", " ", "\u00a0", "\t", ".", "c"];
    const text = (n: number) => Array.from({ length: n }, () => pieces[random.int(0, pieces.length - 1)]).join("");
    for (let i = 0; i < 3000; i++) {
      const a = text(random.int(0, 12));
      const b = random.next() < 0.2 ? a : random.next() < 0.5 ? a.slice(0, random.int(0, a.length)) + text(random.int(0, 4)) + a.slice(random.int(0, a.length)) : text(random.int(0, 12));
      expect(commonAffixes(a, b), JSON.stringify([a, b])).toEqual(referenceAffixes(a, b));
    }
  });
});

/** The sequence with keys[from, to) taken out. */
const without = (keys: readonly string[], from: number, to: number) => [...keys.slice(0, from), ...keys.slice(to)].join("\u0000");

/**
 * slideHunks as its contract says, by trying every shift: the shifts that give the same edit
 * (taking the shifted run out leaves the same sequence), within one token after the previous
 * (already placed) hunk and one before the next, and the line's ends; the first from the left
 * whose run starts with a non-punctuation token right after a closing mark; else no shift.
 */
function referenceSlide(hunks: readonly TokenHunk[], keysA: readonly string[], keysB: readonly string[]): TokenHunk[] {
  const out: TokenHunk[] = [];
  hunks.forEach((hunk, index) => {
    const insertion = hunk.fromA === hunk.toA;
    const deletion = hunk.fromB === hunk.toB;
    if (!insertion && !deletion) { out.push(hunk); return; }
    const [keys, from, to] = insertion ? [keysB, hunk.fromB, hunk.toB] : [keysA, hunk.fromA, hunk.toA];
    const previous = out[out.length - 1];
    const next = hunks[index + 1];
    const lowest = previous ? previous.toA + 1 - hunk.fromA : -hunk.fromA;
    const highest = next ? next.fromA - 1 - hunk.toA : keysA.length - hunk.toA;
    const same = without(keys, from, to);
    let chosen = 0;
    // Shifts that keep the edit form one run around 0: walk out from 0 each way while they hold.
    let low = 0;
    while (low - 1 >= lowest && from + low - 1 >= 0 && without(keys, from + low - 1, to + low - 1) === same) low--;
    for (let shift = low; shift <= highest && to + shift <= keys.length; shift++) {
      if (without(keys, from + shift, to + shift) !== same) break;
      const before = keys[from + shift - 1];
      const first = keys[from + shift];
      if (before !== undefined && /^[.,;:?!)\]]$/.test(before) && first !== undefined && !isPunctuation(first)) { chosen = shift; break; }
    }
    out.push({ ...hunk, fromA: hunk.fromA + chosen, toA: hunk.toA + chosen, fromB: hunk.fromB + chosen, toB: hunk.toB + chosen });
  });
  return out;
}

describe("slideHunks", () => {
  it("places every insertion and deletion as the reference that tries every shift does", () => {
    const random = new Random(2026);
    const alphabet = ["a", "b", ".", ";", "c", ")", "a"];
    let slidSome = 0;
    for (let i = 0; i < 6000; i++) {
      const keysA = Array.from({ length: random.int(0, 9) }, () => alphabet[random.int(0, alphabet.length - 1)]!);
      const keysB = keysA.slice();
      for (let edits = random.int(1, 3); edits > 0; edits--) {
        const at = random.int(0, keysB.length);
        if (random.next() < 0.5 && keysB.length > 0) keysB.splice(Math.min(at, keysB.length - 1), random.int(1, 2));
        else keysB.splice(at, 0, ...Array.from({ length: random.int(1, 3) }, () => alphabet[random.int(0, alphabet.length - 1)]!));
      }
      const hunks = diffTokens(keysA, keysB, { maxEditLength: 2000 });
      const expected = referenceSlide(hunks, keysA, keysB);
      const slid = slideHunks(hunks, keysA, keysB);
      expect(slid, JSON.stringify({ keysA, keysB, hunks })).toEqual(expected);
      if (JSON.stringify(slid) !== JSON.stringify(hunks)) slidSome++;
    }
    // The cases must exercise sliding, not only leave hunks where they were.
    expect(slidSome).toBeGreaterThan(200);
  });
});

describe("which characters make a word", () => {
  // "c old" → "c new": one word of the middle changed. With c a word, half the line's words
  // changed is not more than half: only "old" is replaced. With c punctuation, the line's one
  // word changed: the line is rewritten and replaced whole (from its start).
  const words = ["0", "9", "A", "Z", "a", "z", "é", "Ж", "٣", "中"];
  const marks = ["/", ":", "@", "[", "`", "{", "§", "—"];
  it.each(words)("%s counts as a word", (c) => {
    const a = `${c} old`;
    expect(diffLine(a, `${c} new`, DEFAULT_OPTIONS)).toEqual([{ fromA: a.length - 3, toA: a.length, fromB: a.length - 3, toB: a.length, precise: true }]);
  });
  it.each(marks)("%s does not count as a word", (c) => {
    const a = `${c} old`;
    expect(diffLine(a, `${c} new`, DEFAULT_OPTIONS)).toEqual([{ fromA: 0, toA: a.length, fromB: 0, toB: a.length, precise: true }]);
  });
  it("counts words before and after the changed middle, however many", () => {
    // 3 of 7 words changed: not a rewrite; 4 of 7: a rewrite.
    const a = "one two three w1 w2 w3 end";
    expect(diffLine(a, "one two three x1 x2 x3 end", DEFAULT_OPTIONS)).toEqual([{ fromA: 14, toA: 22, fromB: 14, toB: 22, precise: true }]);
    expect(diffLine(a, "one two x0 x1 x2 x3 end", DEFAULT_OPTIONS)).toEqual([{ fromA: 0, toA: a.length, fromB: 0, toB: 23, precise: true }]);
  });
});

describe("a long line's rewrite threshold", () => {
  // Sentences of four words and a full stop, past the 40,000 characters at which a line is
  // first compared by sentences. Words are unique, so every replaced word is one struck and
  // one underscored word.
  const SENTENCES = 2200;
  const wordsA: string[] = [];
  for (let s = 0; s < SENTENCES; s++) for (let w = 0; w < 4; w++) wordsA.push(`w${s}x${w}`);
  const line = (words: readonly string[]) => words.map((word, i) => (i % 4 === 3 ? `${word}.` : word)).join(" ");
  const textA = line(wordsA);

  it("is past 40,000 characters", () => expect(textA.length).toBeGreaterThan(40_000));

  it("exactly half the words replaced is not a rewrite: the edits start after the first word", () => {
    const half = wordsA.map((word, i) => (i % 2 === 1 ? `n${i}` : word));
    const edits = diffLine(textA, line(half), DEFAULT_OPTIONS);
    expect(edits.length).toBeGreaterThan(0);
    expect(edits[0]!.fromA).toBe(wordsA[0]!.length + 1);
  });

  it("one word more than half is a rewrite: the whole line is replaced", () => {
    const more = wordsA.map((word, i) => (i % 2 === 1 || i === 0 ? `n${i}` : word));
    const textB = line(more);
    expect(diffLine(textA, textB, DEFAULT_OPTIONS)).toEqual([{ fromA: 0, toA: textA.length, fromB: 0, toB: textB.length, precise: true }]);
  });

  it("one word changed in a long line is one precise edit of that word", () => {
    const one = wordsA.slice();
    one[4001] = "changed";
    const textB = line(one);
    const at = textA.indexOf(wordsA[4001]!);
    expect(diffLine(textA, textB, DEFAULT_OPTIONS)).toEqual([{ fromA: at, toA: at + wordsA[4001]!.length, fromB: at, toB: at + "changed".length, precise: true }]);
  });
});
