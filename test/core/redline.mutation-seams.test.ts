/**
 * Splits and joins by their meaning, over random sections: a paragraph cut in two at a word
 * (Enter in its middle), or two neighbours made one (Backspace at the second's start) — with or
 * without a word edited in the text and a paragraph added or removed away from it —
 * is one seam change of that kind, never a paragraph deleted and others inserted; and the
 * redline stays exact (it rebuilds each text from the other, in whole tokens). The same when the
 * paragraph right beside the seam is deleted, replaced by another, edited or joined by a new one:
 * the seam stays, and that neighbour's change is its own, marking no more words than it made.
 * And words edited in neighbouring paragraphs, with no paragraph split or joined, are no seam.
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare } from "../../src/core/redline";
import { Random } from "../../src/core/samples/random";
import { applyChanges, boundariesInsideTokens, revertChanges, slicesMatch } from "../support/redlineChecks";

const WORDS = "agency officer person record request status warrant notice council department license permit benefit service facility complaint hearing statement report finding".split(" ");

function sentence(random: Random, words: number): string {
  const text = Array.from({ length: words }, () => random.pick(WORDS)).join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

const chapter = (paragraphs: readonly string[]) => parseCodeText([
  "CHAPTER 2-173 WELCOMING CITY", "", "2-173-010 Reports.", "", ...paragraphs.flatMap((text) => [text, ""]), "(Added Coun. J. 9-12-12, p. 33879, \u00a7 1)", "",
].join("\n")).document;

/** One word of `text` (not its first or last) replaced by another. */
function withWordEdited(random: Random, text: string): string {
  const words = text.split(" ");
  const at = random.int(1, words.length - 2);
  words[at] = words[at] === "hearing" ? "statement" : "hearing";
  return words.join(" ");
}

describe("seams over random sections", () => {
  for (const kind of ["split", "join"] as const) {
    it(`shows a ${kind} as one ${kind} seam, exact, with edits away from it (300 sections)`, () => {
      const random = new Random(kind === "split" ? 5 : 6);
      for (let trial = 0; trial < 300; trial++) {
        const paragraphs = Array.from({ length: random.int(3, 6) }, () => sentence(random, random.int(12, 30)));
        const k = random.int(0, paragraphs.length - 2);
        let draft = [...paragraphs];
        if (kind === "split") {
          const words = paragraphs[k]!.split(" ");
          const cut = random.int(5, words.length - 5);
          draft.splice(k, 1, words.slice(0, cut).join(" "), words.slice(cut).join(" "));
        } else {
          draft.splice(k, 2, `${paragraphs[k]!} ${paragraphs[k + 1]!}`);
        }
        const extra = random.int(0, 3);
        // The seam's paragraphs in the draft: k and k + 1 for a split, k for a join.
        const lastOfSeam = kind === "split" ? k + 1 : k;
        if (extra === 1) draft[k] = withWordEdited(random, draft[k]!);
        // A paragraph added or removed away from the seam (one not next to it).
        if (extra === 2) {
          if (k >= 1) draft.splice(0, 0, sentence(random, 15));
          else if (lastOfSeam + 1 < draft.length) draft.push(sentence(random, 15));
        }
        if (extra === 3) {
          if (k >= 2) draft.splice(0, 1);
          else if (lastOfSeam + 2 < draft.length) draft.pop();
        }
        const redline = compare(chapter(paragraphs), chapter(draft));
        const label = `trial ${trial} (extra ${extra})`;
        const seams = redline.changes.filter((change) => change.seam);
        expect(seams.map((change) => change.seam), label).toEqual([kind]);
        expect(applyChanges(redline), label).toBe(redline.draftText);
        expect(revertChanges(redline), label).toBe(redline.baseText);
        expect(slicesMatch(redline), label).toEqual([]);
        expect(boundariesInsideTokens(redline), label).toEqual([]);
      }
    });
  }
});

/** Words (runs of letters) of a text. */
function wordCount(text: string): number {
  return text.match(/\p{L}+/gu)?.length ?? 0;
}

/** Words struck and underscored by the changes other than the seam. */
function markedWords(redline: ReturnType<typeof compare>): { deleted: number; inserted: number } {
  let deleted = 0;
  let inserted = 0;
  for (const change of redline.changes) {
    if (change.seam) continue;
    deleted += wordCount(change.deleted);
    inserted += wordCount(change.inserted);
  }
  return { deleted, inserted };
}

const NEIGHBOUR_EDITS = ["deleted", "replaced", "edited", "inserted"] as const;

describe("seams with the paragraph right beside them changed", () => {
  for (const kind of ["split", "join"] as const) {
    it(`shows a ${kind} as one ${kind} seam and the neighbour's change as its own (300 sections)`, () => {
      const random = new Random(kind === "split" ? 15 : 16);
      const tried = new Map<string, number>();
      for (let trial = 0; trial < 300; trial++) {
        const paragraphs = Array.from({ length: random.int(3, 6) }, () => sentence(random, random.int(12, 30)));
        const k = random.int(0, paragraphs.length - 2);
        const draft = [...paragraphs];
        if (kind === "split") {
          const words = paragraphs[k]!.split(" ");
          const cut = random.int(5, words.length - 5);
          draft.splice(k, 1, words.slice(0, cut).join(" "), words.slice(cut).join(" "));
        } else {
          draft.splice(k, 2, `${paragraphs[k]!} ${paragraphs[k + 1]!}`);
        }
        // The draft's paragraphs right before and right after the seam's.
        const before = k - 1;
        const after = kind === "split" ? k + 2 : k + 1;
        const sides = [before >= 0 ? before : null, after < draft.length ? after : null].filter((at): at is number => at !== null);
        const edit = random.pick(NEIGHBOUR_EDITS);
        const wordEdit = random.chance(0.3);
        let ideal = { deleted: 0, inserted: 0 };
        // Where the seam's first draft paragraph stands after the neighbour's edit.
        let seamAt = k;
        if (edit === "inserted") {
          const added = sentence(random, random.int(10, 20));
          const at = random.chance(0.5) ? k : after;
          draft.splice(at, 0, added);
          if (at === k) seamAt = k + 1;
          ideal = { deleted: 0, inserted: wordCount(added) };
        } else {
          if (sides.length === 0) continue;
          const at = random.pick(sides);
          const old = draft[at]!;
          if (edit === "deleted") { draft.splice(at, 1); ideal = { deleted: wordCount(old), inserted: 0 }; if (at < k) seamAt = k - 1; }
          if (edit === "replaced") { draft[at] = sentence(random, random.int(10, 20)); ideal = { deleted: wordCount(old), inserted: wordCount(draft[at]!) }; }
          if (edit === "edited") { draft[at] = withWordEdited(random, old); ideal = { deleted: 1, inserted: 1 }; }
        }
        // A word of the seam's own text edited too, in some trials.
        if (wordEdit) {
          const at = seamAt + (kind === "split" ? random.int(0, 1) : 0);
          draft[at] = withWordEdited(random, draft[at]!);
          ideal = { deleted: ideal.deleted + 1, inserted: ideal.inserted + 1 };
        }
        tried.set(edit, (tried.get(edit) ?? 0) + 1);
        const redline = compare(chapter(paragraphs), chapter(draft));
        const label = `trial ${trial} (neighbour ${edit}${wordEdit ? ", a seam word edited" : ""})`;
        expect(redline.changes.filter((change) => change.seam).map((change) => change.seam), label).toEqual([kind]);
        const marked = markedWords(redline);
        expect(marked.deleted, `${label}: words struck`).toBeLessThanOrEqual(ideal.deleted);
        expect(marked.inserted, `${label}: words underscored`).toBeLessThanOrEqual(ideal.inserted);
        expect(applyChanges(redline), label).toBe(redline.draftText);
        expect(revertChanges(redline), label).toBe(redline.baseText);
        expect(slicesMatch(redline), label).toEqual([]);
        expect(boundariesInsideTokens(redline), label).toEqual([]);
      }
      for (const edit of NEIGHBOUR_EDITS) expect(tried.get(edit) ?? 0, edit).toBeGreaterThan(45);
    });
  }
});

describe("no seam where nothing was split or joined", () => {
  it("words struck from one paragraph's start or end and added to its neighbour are word changes, never a seam (400 sections)", () => {
    const random = new Random(17);
    let edited = 0;
    for (let trial = 0; trial < 400; trial++) {
      const paragraphs = Array.from({ length: random.int(3, 6) }, () => sentence(random, random.int(12, 30)));
      const k = random.int(0, paragraphs.length - 2);
      const draft = [...paragraphs];
      const words = paragraphs[k]!.split(" ");
      const cut = random.int(2, 6);
      draft[k] = (random.chance(0.5) ? words.slice(cut) : words.slice(0, words.length - cut)).join(" ");
      const next = draft[k + 1]!.split(" ");
      next.splice(random.int(1, next.length - 1), 0, ...Array.from({ length: random.int(1, 4) }, () => random.pick(WORDS)));
      draft[k + 1] = next.join(" ");
      const redline = compare(chapter(paragraphs), chapter(draft));
      const label = `trial ${trial}`;
      expect(redline.changes.filter((change) => change.seam), label).toEqual([]);
      expect(applyChanges(redline), label).toBe(redline.draftText);
      expect(revertChanges(redline), label).toBe(redline.baseText);
      edited++;
    }
    expect(edited).toBe(400);
  });
});
