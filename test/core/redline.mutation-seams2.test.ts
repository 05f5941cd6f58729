/**
 * Splits and joins change by change, with the expected redline worked out by hand: where the
 * seam stands (the space of the one paragraph that becomes the line break, or a point in it when
 * an edit covers the seam), which words of each half are marked, in which paragraph each change
 * lies, and how a section with several seams, or with none that may be taken, reads.
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare, type Redline } from "../../src/core/redline";
import { Random } from "../../src/core/samples/random";
import { applyChanges, boundariesInsideTokens, revertChanges, slicesMatch } from "../support/redlineChecks";

const SECTION = "2-173-020";

/** A chapter of one section "2-173-020 Definitions." with these paragraphs (and a history note). */
function chapter(paragraphs: readonly string[]): string {
  return ["CHAPTER 2-173 WELCOMING CITY", "", `${SECTION} Definitions.`, "", ...paragraphs.flatMap((text) => [text, ""]), "(Added Coun. J. 9-12-12, p. 33879, \u00a7 1)", ""].join("\n");
}

/** The id of paragraph k of the section (in the base or the draft). */
const id = (k: number) => `s-${SECTION}-b${k}`;

function redlineOf(base: readonly string[], draft: readonly string[]): Redline {
  const redline = compare(parseCodeText(chapter(base)).document, parseCodeText(chapter(draft)).document);
  expect(applyChanges(redline)).toBe(redline.draftText);
  expect(revertChanges(redline)).toBe(redline.baseText);
  expect(slicesMatch(redline)).toEqual([]);
  expect(boundariesInsideTokens(redline)).toEqual([]);
  return redline;
}

/** Each change as [seam or null, struck text, underscored text]. */
function texts(redline: Redline): Array<[string | null, string, string]> {
  return redline.changes.map((change) => [change.seam ?? null, change.deleted, change.inserted]);
}

/** Each change other than a seam as [struck text, underscored text, base paragraph id, draft paragraph id]. */
function placed(redline: Redline): Array<[string, string, string | undefined, string | undefined]> {
  return redline.changes.filter((change) => !change.seam).map((change) => [change.deleted, change.inserted, change.blockIdA, change.blockIdB]);
}

/** Where the seam change starts in the base and in the draft, as the text just before it. */
function seamContext(redline: Redline, width = 12): Array<[string, string]> {
  return redline.changes.filter((change) => change.seam).map((change) => [
    redline.baseText.slice(change.fromA - width, change.fromA), redline.draftText.slice(change.fromB - width, change.fromB),
  ]);
}

const KEEP = "The clerk shall keep each record and the board shall hear each appeal.";
const OTHER = "Every notice under this chapter shall be given in writing.";

describe("a split, change by change", () => {
  it("at a space with no word changed: only that space becomes the line break", () => {
    const redline = redlineOf([KEEP, OTHER], ["The clerk shall keep each record", "and the board shall hear each appeal.", OTHER]);
    expect(texts(redline)).toEqual([["split", " ", "\n\n"]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"]]);
    expect(redline.changes[0]!.precise).toBe(true);
    expect(redline.changes[0]!.kind).toBe("replace");
  });

  it("with the first half's last mark changed: the mark, then the space after it as the seam", () => {
    const redline = redlineOf(
      ["The clerk shall keep each record, and the board shall hear each appeal.", OTHER],
      ["The clerk shall keep each record.", "and the board shall hear each appeal.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, ",", "."], ["split", " ", "\n\n"]]);
    expect(placed(redline)).toEqual([[",", ".", id(0), id(0)]]);
    expect(seamContext(redline)).toEqual([["each record,", "each record."]]);
  });

  it("with the first half's last mark struck: the mark struck in the first paragraph, the space after it the seam", () => {
    const redline = redlineOf(
      ["The clerk shall keep each record, and the board shall hear each appeal.", OTHER],
      ["The clerk shall keep each record", "and the board shall hear each appeal.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, ",", ""], ["split", " ", "\n\n"]]);
    expect(placed(redline)).toEqual([[",", "", id(0), id(0)]]);
    const struck = redline.changes[0]!;
    expect(redline.draftText.slice(struck.fromB - 6, struck.fromB + 2)).toBe("record\n\n");
    expect(seamContext(redline)).toEqual([["each record,", " each record"]]);
  });

  it("with a word replaced in the first half: the seam is still the space after the first half's last word", () => {
    const redline = redlineOf([KEEP, OTHER], ["The commissioner shall keep each record", "and the board shall hear each appeal.", OTHER]);
    expect(texts(redline)).toEqual([[null, "clerk", "commissioner"], ["split", " ", "\n\n"]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"]]);
  });

  it("with words replaced in both halves: each in its own paragraph, the seam between them", () => {
    const redline = redlineOf([KEEP, OTHER], ["The commissioner shall keep each record", "and the board shall hear every appeal.", OTHER]);
    expect(texts(redline)).toEqual([[null, "clerk", "commissioner"], ["split", " ", "\n\n"], [null, "each", "every"]]);
    expect(placed(redline)).toEqual([["clerk", "commissioner", id(0), id(0)], ["each", "every", id(0), id(1)]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"]]);
  });

  it("with a word replaced in the second half only: the seam is the space before it", () => {
    const redline = redlineOf([KEEP, OTHER], ["The clerk shall keep each record", "and the board shall hear every appeal.", OTHER]);
    expect(texts(redline)).toEqual([["split", " ", "\n\n"], [null, "each", "every"]]);
    expect(placed(redline)).toEqual([["each", "every", id(0), id(1)]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"]]);
  });

  it("with words added at the second half's start: the seam where the first half ends, the words in the second paragraph", () => {
    const redline = redlineOf(
      ["Each license shall be posted. The licensee shall renew it yearly.", OTHER],
      ["Each license shall be posted", "in the office. The licensee shall renew it yearly.", OTHER],
    );
    expect(texts(redline)).toEqual([["split", "", "\n\n"], [null, "", "in the office"]]);
    expect(placed(redline)).toEqual([["", "in the office", id(0), id(1)]]);
    expect(seamContext(redline)).toEqual([["ll be posted", "ll be posted"]]);
  });

  it("with a word added at the first half's end: the word in the first paragraph, then the seam", () => {
    const redline = redlineOf(
      ["The clerk shall keep the record of every notice.", OTHER],
      ["The clerk shall keep the record daily", "of every notice.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, "", "daily"], ["split", "", "\n\n"]]);
    expect(placed(redline)).toEqual([["", "daily", id(0), id(0)]]);
    expect(seamContext(redline)).toEqual([[" the record ", "record daily"]]);
  });

  it("with an edit across the seam: the first half's part, the seam, the second half's part", () => {
    const redline = redlineOf(
      ["The clerk shall keep each record; the board shall hear each appeal.", OTHER],
      ["The clerk shall keep each record.", "The board shall hear each appeal.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, "; the", "."], ["split", "", "\n\n"], [null, "", "The"]]);
    expect(placed(redline)).toEqual([["; the", ".", id(0), id(0)], ["", "The", id(0), id(1)]]);
    expect(seamContext(redline)).toEqual([[" record; the", "each record."]]);
  });

  it("with the first half's closing words replaced by words that start the second: the first half's part struck, the seam, the new words", () => {
    const redline = redlineOf(
      ["Each license shall be posted. The licensee shall renew it yearly.", OTHER],
      ["Each license shall be posted", "and the licensee shall renew it yearly.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, ". The", ""], ["split", "", "\n\n"], [null, "", "and the"]]);
    expect(placed(redline)).toEqual([[". The", "", id(0), id(0)], ["", "and the", id(0), id(1)]]);
  });

  it("of a lettered paragraph: the seam carries the new item's indentation and letter, the later items re-lettered", () => {
    const redline = redlineOf(
      ["As used in this chapter:", `(a) ${KEEP}`, "(b) The board shall meet monthly."],
      ["As used in this chapter:", "(a) The clerk shall keep each record", "(b) and the board shall hear each appeal.", "(c) The board shall meet monthly."],
    );
    expect(texts(redline)).toEqual([["split", " ", "\n\n    (b) "], [null, "b", "c"]]);
    expect(redline.changes.map((change) => change.part)).toEqual(["text", "enumerator"]);
  });
});

describe("a join, change by change", () => {
  it("with no word changed: the line break becomes a space", () => {
    const redline = redlineOf(["The clerk shall keep each record", "and the board shall hear each appeal.", OTHER], [KEEP, OTHER]);
    expect(texts(redline)).toEqual([["join", "\n\n", " "]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"]]);
    expect(redline.changes[0]!.kind).toBe("replace");
  });

  it("with a mark added at the first paragraph's end: the mark, then the seam", () => {
    const redline = redlineOf(
      ["The clerk shall keep each record", "and the board shall hear each appeal.", OTHER],
      ["The clerk shall keep each record, and the board shall hear each appeal.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, "", ","], ["join", "\n\n", " "]]);
    expect(placed(redline)).toEqual([["", ",", id(0), id(0)]]);
    expect(seamContext(redline)).toEqual([[" each record", "each record,"]]);
  });

  it("with the mark changed at the first paragraph's end: the mark, then the seam", () => {
    const redline = redlineOf(
      ["The clerk shall keep each record.", "and the board shall hear each appeal.", OTHER],
      ["The clerk shall keep each record, and the board shall hear each appeal.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, ".", ","], ["join", "\n\n", " "]]);
    expect(placed(redline)).toEqual([[".", ",", id(0), id(0)]]);
  });

  it("with words replaced in both paragraphs: each struck in its own base paragraph", () => {
    const redline = redlineOf(["The commissioner shall keep each record", "and the board shall hear every appeal.", OTHER], [KEEP, OTHER]);
    expect(texts(redline)).toEqual([[null, "commissioner", "clerk"], ["join", "\n\n", " "], [null, "every", "each"]]);
    expect(placed(redline)).toEqual([["commissioner", "clerk", id(0), id(0)], ["every", "each", id(1), id(0)]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"]]);
  });

  it("with the second paragraph's first words struck: the seam, then those words struck in the second paragraph", () => {
    const redline = redlineOf(
      ["Each license shall be posted", "in the office. The licensee shall renew it yearly.", OTHER],
      ["Each license shall be posted. The licensee shall renew it yearly.", OTHER],
    );
    expect(texts(redline)).toEqual([["join", "\n\n", ""], [null, "in the office", ""]]);
    expect(placed(redline)).toEqual([["in the office", "", id(1), id(0)]]);
  });

  it("with an edit across the seam: the first paragraph's part, the seam, the second's part", () => {
    const redline = redlineOf(
      ["The clerk shall keep each record.", "The board shall hear each appeal.", OTHER],
      ["The clerk shall keep each record; the board shall hear each appeal.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, ".", "; the"], ["join", "\n\n", ""], [null, "The", ""]]);
    expect(placed(redline)).toEqual([[".", "; the", id(0), id(0)], ["The", "", id(1), id(0)]]);
  });

  it("of two lettered items: the seam strikes the second item's letter, the later items re-lettered", () => {
    const redline = redlineOf(
      ["As used in this chapter:", "(a) The clerk shall keep each record", "(b) and the board shall hear each appeal.", "(c) The board shall meet monthly."],
      ["As used in this chapter:", `(a) ${KEEP}`, "(b) The board shall meet monthly."],
    );
    expect(texts(redline)).toEqual([["join", "\n\n    (b) ", " "], [null, "c", "b"]]);
  });
});

describe("several seams in one section", () => {
  const FIRST = "The clerk shall keep each record and the board shall hear each appeal.";
  const SECOND = "Each license shall be posted in the office and the licensee shall renew it yearly.";
  const THIRD = "The director may waive any fee for a person who shows that payment would be a hardship.";

  it("two splits with a kept paragraph between them: both seams, in reading order", () => {
    const redline = redlineOf(
      [FIRST, OTHER, SECOND],
      ["The clerk shall keep each record", "and the board shall hear each appeal.", OTHER, "Each license shall be posted in the office", "and the licensee shall renew it yearly."],
    );
    expect(texts(redline)).toEqual([["split", " ", "\n\n"], ["split", " ", "\n\n"]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"], ["n the office", "n the office"]]);
  });

  it("two neighbours each split: both seams, in reading order", () => {
    const redline = redlineOf(
      [FIRST, SECOND, OTHER],
      ["The clerk shall keep each record", "and the board shall hear each appeal.", "Each license shall be posted in the office", "and the licensee shall renew it yearly.", OTHER],
    );
    expect(texts(redline)).toEqual([["split", " ", "\n\n"], ["split", " ", "\n\n"]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"], ["n the office", "n the office"]]);
  });

  it("a split and, right after it, a join: the split's seam, then the join's", () => {
    const redline = redlineOf(
      [FIRST, "Each license shall be posted in the office", "and the licensee shall renew it yearly.", OTHER],
      ["The clerk shall keep each record", "and the board shall hear each appeal.", SECOND, OTHER],
    );
    expect(texts(redline)).toEqual([["split", " ", "\n\n"], ["join", "\n\n", " "]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"], ["n the office", "n the office"]]);
  });

  it("a join and, right after it, a split: the join's seam, then the split's", () => {
    const redline = redlineOf(
      ["The clerk shall keep each record", "and the board shall hear each appeal.", SECOND, THIRD],
      [FIRST, "Each license shall be posted in the office", "and the licensee shall renew it yearly.", THIRD],
    );
    expect(texts(redline)).toEqual([["join", "\n\n", " "], ["split", " ", "\n\n"]]);
  });

  it("three neighbours each split, the middle one with a word replaced: three seams and that word", () => {
    const redline = redlineOf(
      [FIRST, SECOND, THIRD],
      [
        "The clerk shall keep each record", "and the board shall hear each appeal.",
        "Each license shall be posted in the office", "and the licensee shall renew it annually.",
        "The director may waive any fee for a person", "who shows that payment would be a hardship.",
      ],
    );
    expect(texts(redline)).toEqual([["split", " ", "\n\n"], ["split", " ", "\n\n"], [null, "yearly", "annually"], ["split", " ", "\n\n"]]);
    expect(placed(redline)).toEqual([["yearly", "annually", id(1), id(3)]]);
  });
});

describe("how long a run of changed paragraphs is searched for seams", () => {
  const WORDS = "agency officer person record request status warrant notice council department license permit benefit service facility complaint finding report".split(" ");

  /** `count` paragraphs of ten words each, the same for a seed. */
  function paragraphs(seed: number, count: number): string[] {
    const random = new Random(seed);
    return Array.from({ length: count }, () => {
      const words = Array.from({ length: 10 }, () => random.pick(WORDS));
      return `${words[0]![0]!.toUpperCase()}${words.join(" ").slice(1)}.`;
    });
  }

  /** The fifth word of a paragraph replaced: every paragraph is edited, none kept. */
  const edited = (text: string) => text.split(" ").map((word, k) => (k === 4 ? (word === "hearing" ? "statement" : "hearing") : word)).join(" ");

  /** The base's paragraphs and the draft: each edited, paragraph `at` cut after its fifth word, `drop` left out. */
  function drafted(base: readonly string[], at: number, drop?: number): string[] {
    const draft: string[] = [];
    for (const [k, text] of base.entries()) {
      if (k === drop) continue;
      if (k === at) {
        const words = text.split(" ");
        draft.push(words.slice(0, 5).join(" "), words.slice(5).join(" "));
      } else draft.push(edited(text));
    }
    return draft;
  }

  it("39 paragraphs each edited and one of them split (39 × 40 items): the split is a seam", () => {
    const base = paragraphs(3, 39);
    const redline = redlineOf(base, drafted(base, 20));
    const seams = redline.changes.filter((change) => change.seam);
    expect(seams.map((change) => [change.seam, change.deleted, change.inserted])).toEqual([["split", " ", "\n\n"]]);
    const words = base[20]!.split(" ");
    expect(redline.baseText.slice(seams[0]!.fromA - words[4]!.length, seams[0]!.fromA)).toBe(words[4]);
    expect(redline.changes.filter((change) => !change.seam).map((change) => change.inserted)).toEqual(Array.from({ length: 38 }, () => "hearing"));
  });

  it("40 paragraphs, one split and another deleted (40 × 40 items, the largest run searched): the split is a seam", () => {
    const base = paragraphs(4, 40);
    const redline = redlineOf(base, drafted(base, 10, 30));
    expect(redline.changes.filter((change) => change.seam).map((change) => [change.seam, change.deleted, change.inserted])).toEqual([["split", " ", "\n\n"]]);
    expect(redline.changes.filter((change) => change.deleted.includes(base[30]!))).toHaveLength(1);
  });

  it("40 paragraphs each edited and one of them split (40 × 41 items): too long a run, no seam", () => {
    const base = paragraphs(4, 40);
    const redline = redlineOf(base, drafted(base, 10));
    expect(redline.changes.filter((change) => change.seam)).toEqual([]);
  });
});

describe("which seams are taken", () => {
  it("a split whose halves gained long words is a seam by its words, however much longer the text grew", () => {
    // 14 words against 16, all 14 shared; 71 characters against 96.
    const redline = redlineOf(
      [KEEP, OTHER],
      ["Notwithstanding the clerk shall keep each record", "and the board shall hear each appeal forthwith.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, "The", "Notwithstanding the"], ["split", " ", "\n\n"], [null, "", " forthwith"]]);
    expect(placed(redline)).toEqual([["The", "Notwithstanding the", id(0), id(0)], ["", " forthwith", id(0), id(1)]]);
  });

  it("a join of two paragraphs whose long words the draft struck is a seam by its words", () => {
    const redline = redlineOf(
      ["Notwithstanding the clerk shall keep each record", "and the board shall hear each appeal forthwith.", OTHER],
      [KEEP, OTHER],
    );
    expect(texts(redline)).toEqual([[null, "Notwithstanding the", "The"], ["join", "\n\n", " "], [null, " forthwith", ""]]);
    expect(placed(redline)).toEqual([["Notwithstanding the", "The", id(0), id(0)], [" forthwith", "", id(1), id(0)]]);
  });

  it("a split with many short words become two long ones is a seam by its shared beginning and end", () => {
    // 17 words against 11 (their counts too far apart), but 130 of 158 characters at the ends shared.
    const head = "Notwithstanding intergovernmental understandings, departmental administrators shall,";
    const redline = redlineOf(
      [`${head} as far as it is at all possible, coordinate enforcement responsibilities.`, OTHER],
      [head, "wherever practicable, coordinate enforcement responsibilities.", OTHER],
    );
    expect(texts(redline)).toEqual([["split", " ", "\n\n"], [null, "as far as it is at all possible", "wherever practicable"]]);
    expect(placed(redline)).toEqual([["as far as it is at all possible", "wherever practicable", id(0), id(1)]]);
  });

  it("a split exactly as alike as the least a seam needs (0.8) is a seam", () => {
    // 8 words against 12, all 8 shared: 16 / 20. The pair the alignment made scores 12 / 18.
    const redline = redlineOf(
      ["The clerk shall keep each record for inspection.", OTHER],
      ["Henceforth and without delay the clerk shall keep each record", "for inspection.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, "The", "Henceforth and without delay the"], ["split", " ", "\n\n"]]);
  });

  it("a split no more alike than the paragraph's own pair (both 0.8) is no seam: the words added, the new paragraph inserted", () => {
    // The split: 16 / 20; the base paragraph and the draft's first: 12 / 15.
    const redline = redlineOf(
      ["The clerk shall keep each record for inspection.", OTHER],
      ["Henceforth the clerk shall keep each record", "for public inspection without delay.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, "The", "Henceforth the"], [null, " for inspection.", ""], [null, "", "\n\nfor public inspection without delay."]]);
  });

  it("with a strict paragraph similarity the halves pair with nothing, and the split is still one seam", () => {
    const base = parseCodeText(chapter([KEEP, OTHER])).document;
    const draft = parseCodeText(chapter(["The clerk shall keep each record", "and the board shall hear each appeal.", OTHER])).document;
    const redline = compare(base, draft, { paragraphSimilarity: 0.95 });
    expect(texts(redline)).toEqual([["split", " ", "\n\n"]]);
    expect(applyChanges(redline)).toBe(redline.draftText);
  });

  it("a paragraph's tail struck when the next paragraph already reads the same is no split", () => {
    const redline = redlineOf([KEEP, "The board shall hear each appeal.", OTHER], ["The clerk shall keep each record.", "The board shall hear each appeal.", OTHER]);
    expect(texts(redline)).toEqual([[null, " and the board shall hear each appeal", ""]]);
    expect(placed(redline)).toEqual([[" and the board shall hear each appeal", "", id(0), id(0)]]);
  });

  it("two neighbours split, the first with a word replaced (the second more alike): both seams, in reading order", () => {
    const redline = redlineOf(
      [KEEP, "Each license shall be posted in the office and the licensee shall renew it yearly.", OTHER],
      ["The commissioner shall keep each record", "and the board shall hear each appeal.", "Each license shall be posted in the office", "and the licensee shall renew it yearly.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, "clerk", "commissioner"], ["split", " ", "\n\n"], ["split", " ", "\n\n"]]);
    expect(seamContext(redline)).toEqual([[" each record", " each record"], ["n the office", "n the office"]]);
  });

  it("two neighbours joined, the first pair with a word replaced (the second more alike): both seams, in reading order", () => {
    const redline = redlineOf(
      ["The commissioner shall keep each record", "and the board shall hear each appeal.", "Each license shall be posted in the office", "and the licensee shall renew it yearly.", OTHER],
      [KEEP, "Each license shall be posted in the office and the licensee shall renew it yearly.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, "commissioner", "clerk"], ["join", "\n\n", " "], ["join", "\n\n", " "]]);
  });

  it("words moved from a paragraph's start to the end of the one before, as alike read as a join or a split: the join, which starts first", () => {
    // Each candidate scores 16 / 20; each half paired elsewhere has half its words on either side.
    const redline = redlineOf(
      ["Commissioners coordinate interdepartmental enforcement.", "and they file it notwithstanding contrary administrative regulations.", OTHER],
      ["Commissioners coordinate interdepartmental enforcement and they file it", "notwithstanding contrary administrative regulations.", OTHER],
    );
    expect(texts(redline)).toEqual([
      [null, ".", ""], ["join", "\n\n", " "], [null, " notwithstanding contrary administrative regulations.", ""], [null, "", "\n\nnotwithstanding contrary administrative regulations."],
    ]);
  });
});

describe("blocks that take no part in a seam", () => {
  const LONG = "The clerk shall keep each record and the board shall hear each appeal within thirty days of the notice";

  it("an editor's note run into the paragraph before it is the note struck and its words added, not a join", () => {
    const redline = redlineOf([`${LONG}.`, "Editor's note – Amended by the council.", OTHER], [`${LONG}. Editor's note – Amended by the council.`, OTHER]);
    expect(redline.changes.filter((change) => change.seam)).toEqual([]);
    expect(texts(redline)).toEqual([[null, "", " Editor's note – Amended by the council."], [null, "\n\nEditor's note – Amended by the council.", ""]]);
  });

  it("a paragraph whose end the draft sets apart as an editor's note is words struck and a note added, not a split", () => {
    const redline = redlineOf([`${LONG}. Editor's note – Amended by the council.`, OTHER], [`${LONG}.`, "Editor's note – Amended by the council.", OTHER]);
    expect(redline.changes.filter((change) => change.seam)).toEqual([]);
    expect(texts(redline)).toEqual([[null, " Editor's note – Amended by the council.", ""], [null, "", "\n\nEditor's note – Amended by the council."]]);
  });

  it("two editor's notes made one is no join", () => {
    const redline = redlineOf(
      [KEEP, "Editor's note – Amended by the council on first reading.", "Editor's note – Corrected by the clerk on second reading.", OTHER],
      [KEEP, "Editor's note – Amended by the council on first reading. Editor's note – Corrected by the clerk on second reading.", OTHER],
    );
    expect(redline.changes.filter((change) => change.seam)).toEqual([]);
  });

  const EDITED = "(b) Each departmental head shall coordinate the enforcement of this chapter.";
  const ORIGINAL = "(b) Each departmental administrator shall coordinate the enforcement of this chapter.";

  it("an empty item inserted before an edited one is an item inserted, not a split", () => {
    const redline = redlineOf(["As used in this chapter:", "(a) The clerk shall keep each record.", ORIGINAL], ["As used in this chapter:", "(a) The clerk shall keep each record.", "(b)", EDITED.replace("(b)", "(c)")]);
    expect(redline.changes.filter((change) => change.seam)).toEqual([]);
    const inserted = redline.changes.filter((change) => change.deleted === "" && change.inserted.trim() === "(b)");
    expect(inserted).toHaveLength(1);
    expect(redline.changes.filter((change) => change.part === "text" && change !== inserted[0]).map((change) => [change.deleted, change.inserted])).toEqual([["administrator", "head"]]);
  });

  it("an empty item inserted after an edited one is an item inserted, not a split", () => {
    const redline = redlineOf(
      ["As used in this chapter:", ORIGINAL, "(c) The board shall meet monthly."],
      ["As used in this chapter:", EDITED, "(c)", "(d) The board shall meet monthly."],
    );
    expect(redline.changes.filter((change) => change.seam)).toEqual([]);
    const inserted = redline.changes.filter((change) => change.deleted === "" && change.inserted.trim() === "(c)");
    expect(inserted).toHaveLength(1);
    expect(redline.changes.filter((change) => change.part === "text" && change !== inserted[0]).map((change) => [change.deleted, change.inserted])).toEqual([["administrator", "head"]]);
  });
});

describe("no join where nothing was joined", () => {
  it("words moved from a paragraph's end to its neighbour's start are word changes, never a join", () => {
    // The draft's second paragraph is 18 / 22 alike to the base's two joined, more than to its own
    // pair (12 / 15); but the base's first paragraph keeps more of its words (4 of 7) in the draft's first.
    const redline = redlineOf(
      ["The clerk shall publish each annual report", "and a board must review it.", OTHER],
      ["The clerk shall publish", "each annual report and a board must review it.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, " each annual report", ""], [null, "", "each annual report "]]);
    expect(placed(redline)).toEqual([[" each annual report", "", id(0), id(0)], ["", "each annual report ", id(1), id(1)]]);
  });

  it("and the same moved back is no split", () => {
    const redline = redlineOf(
      ["The clerk shall publish", "each annual report and a board must review it.", OTHER],
      ["The clerk shall publish each annual report", "and a board must review it.", OTHER],
    );
    expect(texts(redline)).toEqual([[null, "", " each annual report"], [null, "each annual report ", ""]]);
  });
});

describe("the paragraphs of a run beside its seams", () => {
  const Z = "Every notice under this chapter shall be given in writing and shall state the date, the place and the purpose of the hearing.";
  const Z2 = Z.replace("the place", "a place");
  const P1 = "The clerk shall keep each record";
  const P2 = "and the board shall hear each appeal.";

  /** The redline with paragraphs paired only when 0.9 alike: the halves of a seam pair with nothing. */
  function strict(base: readonly string[], draft: readonly string[]): Redline {
    const redline = compare(parseCodeText(chapter(base)).document, parseCodeText(chapter(draft)).document, { paragraphSimilarity: 0.9 });
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(revertChanges(redline)).toBe(redline.baseText);
    expect(slicesMatch(redline)).toEqual([]);
    return redline;
  }

  it("strictly paired, a split before an edited paragraph: the seam, then that paragraph's word", () => {
    expect(texts(strict([KEEP, Z, OTHER], [P1, P2, Z2, OTHER]))).toEqual([["split", " ", "\n\n"], [null, "the", "a"]]);
  });

  it("strictly paired, a split after an edited paragraph: that paragraph's word, then the seam", () => {
    expect(texts(strict([Z, KEEP, OTHER], [Z2, P1, P2, OTHER]))).toEqual([[null, "the", "a"], ["split", " ", "\n\n"]]);
  });

  it("strictly paired, a join before an edited paragraph: the seam, then that paragraph's word", () => {
    expect(texts(strict([P1, P2, Z, OTHER], [KEEP, Z2, OTHER]))).toEqual([["join", "\n\n", " "], [null, "the", "a"]]);
  });

  it("strictly paired, a join after an edited paragraph: that paragraph's word, then the seam", () => {
    expect(texts(strict([Z, P1, P2, OTHER], [Z2, KEEP, OTHER]))).toEqual([[null, "the", "a"], ["join", "\n\n", " "]]);
  });

  it("a paragraph deleted before a split whose first half it resembles: struck whole, the paragraph before it keeps its word change", () => {
    const W = "As used in this chapter the following words and phrases have the meanings given to them in this section.";
    const redline = redlineOf([W, "The clerk shall keep each record.", KEEP, OTHER], [W.replace("phrases", "terms"), P1, P2, OTHER]);
    expect(texts(redline)).toEqual([[null, "phrases", "terms"], [null, "\n\nThe clerk shall keep each record.", ""], ["split", " ", "\n\n"]]);
    expect(placed(redline)).toEqual([["phrases", "terms", id(0), id(0)], ["\n\nThe clerk shall keep each record.", "", id(1), undefined]]);
  });

  it("the paragraphs before a seam keep the pairing of the whole run: the near-copy paired, a new paragraph inserted and a dropped one struck", () => {
    // The base's first paragraph and the draft's second differ in one mark (0.99); pairing each
    // with the one at its place instead would score 0.46 + 0.50.
    const A0 = "The clerk shall keep a record of each request made under this chapter and of its outcome.";
    const A1 = "Each request made under this chapter shall be answered in writing.";
    const B0 = "The clerk shall keep the minutes of each hearing.";
    const redline = redlineOf([A0, A1, KEEP, OTHER], [B0, A0.replace(/\.$/, ";"), P1, P2, OTHER]);
    expect(texts(redline)).toEqual([[null, "", `\n\n${B0}`], [null, ".", ";"], [null, `\n\n${A1}`, ""], ["split", " ", "\n\n"]]);
    expect(placed(redline)).toEqual([["", `\n\n${B0}`, undefined, id(0)], [".", ";", id(0), id(1)], [`\n\n${A1}`, "", id(1), undefined]]);
  });
});

describe("seams that would share a paragraph", () => {
  const X = "The clerk shall keep each record.";
  const Y1 = "The board shall hear each appeal";
  const Y2 = "within thirty days of the notice.";
  const Y = `${Y1} ${Y2}`;

  it("a draft paragraph both the end of a split and two base paragraphs joined, as alike: the split, which starts first; the two struck", () => {
    const redline = redlineOf([`${X} ${Y}`, Y1, Y2, OTHER], [X, Y, OTHER]);
    expect(texts(redline)).toEqual([["split", " ", "\n\n"], [null, `\n\n${Y1}`, ""], [null, `\n\n${Y2}`, ""]]);
  });

  it("the same with the split's first half edited (the join more alike): the join, and the first paragraph's own changes", () => {
    const redline = redlineOf([`${X.replace("clerk", "director")} ${Y}`, Y1, Y2, OTHER], [X, Y, OTHER]);
    expect(texts(redline)).toEqual([[null, "director", "clerk"], [null, ` ${Y}`, ""], ["join", "\n\n", " "]]);
    expect(placed(redline)).toEqual([["director", "clerk", id(0), id(0)], [` ${Y}`, "", id(0), id(0)]]);
  });

  it("a base paragraph both the end of a join and split in two, as alike: the join, which starts first; the two inserted", () => {
    const redline = redlineOf([X, Y, OTHER], [`${X} ${Y}`, Y1, Y2, OTHER]);
    expect(texts(redline)).toEqual([["join", "\n\n", " "], [null, "", `\n\n${Y1}`], [null, "", `\n\n${Y2}`]]);
  });

  it("the same with the join's first paragraph edited (the split more alike): the split, and the first paragraph's own changes", () => {
    const redline = redlineOf([X, Y, OTHER], [`${X.replace("clerk", "director")} ${Y}`, Y1, Y2, OTHER]);
    expect(texts(redline)).toEqual([[null, "clerk", "director"], [null, "", ` ${Y}`], ["split", " ", "\n\n"]]);
    expect(placed(redline)).toEqual([["clerk", "director", id(0), id(0)], ["", ` ${Y}`, id(0), id(0)]]);
  });
});

describe("seams at the bounds of what may be a seam", () => {
  it("a split whose paragraph lost words is a seam when its two halves are exactly 0.8 of its length, all of them its own", () => {
    // 13 words against 7 (too far apart to be alike by words); 100 of 125 characters shared at the ends.
    const redline = redlineOf(
      ["Notwithstanding intergovernmental understandings departmental administrators shall, as far as it may, coordinate enforcement.", OTHER],
      ["Notwithstanding intergovernmental understandings", "departmental administrators coordinate enforcement.", OTHER],
    );
    expect(redline.changes.map((change) => [change.seam ?? null, change.deleted.trim(), change.inserted])).toEqual([["split", "", "\n\n"], [null, "shall, as far as it may,", ""]]);
    expect(redline.changes[0]!.deleted).toBe(" ");
    expect(seamContext(redline)).toEqual([["derstandings", "derstandings"]]);
  });

  it("a base paragraph both joined to the next and split in two, as alike and from the same first paragraph: the join, whose draft paragraph comes first", () => {
    const X = "The clerk shall keep each record.";
    const Y1 = "The board shall hear each appeal";
    const Y2 = "within thirty days of the notice.";
    const redline = redlineOf([`${Y1} ${Y2}`, X, OTHER], [`${Y1} ${Y2} ${X}`, Y1, Y2, OTHER]);
    expect(texts(redline)).toEqual([["join", "\n\n", " "], [null, "", `\n\n${Y1}`], [null, "", `\n\n${Y2}`]]);
  });
});

describe("an editor's note beside a paragraph", () => {
  const NOTE = "Editor's note – Amended by the council.";
  const LONG = "The clerk shall keep each record and the board shall hear each appeal within thirty days of the notice.";

  it("a note and the paragraph after it made one note is no join", () => {
    const redline = redlineOf([KEEP, NOTE, LONG, OTHER], [KEEP, `${NOTE} ${LONG}`, OTHER]);
    expect(redline.changes.filter((change) => change.seam)).toEqual([]);
  });

  it("a note's words made the start of the paragraph after it: the note struck and the words added, no join", () => {
    const redline = redlineOf([KEEP, NOTE, LONG, OTHER], [KEEP, `Note – Amended by the council. ${LONG}`, OTHER]);
    expect(texts(redline)).toEqual([[null, `\n\n${NOTE}`, ""], [null, "", "Note – Amended by the council. "]]);
  });
});
