/**
 * The presentation pass of the word diff (issue 9, faults 5 and 9): how a paragraph's token
 * hunks are shown. Pinned here: where an insertion or deletion bordered by equal tokens is
 * placed (after the sentence's punctuation), which unchanged runs between two changes are
 * folded into one replacement, and when a paragraph counts as rewritten (shown whole) — by the
 * share of its words actually changed. Long paragraphs are word-diffed like short ones.
 */
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare, formatText } from "../../src/core/redline";
import { DEFAULT_OPTIONS } from "../../src/core/redline/types";
import type { Token } from "../../src/core/redline/tokens";
import { diffLine, isRewrite, presentHunks, slideHunks, type TokenHunk } from "../../src/core/redline/wordDiff";
import { Random } from "../../src/core/samples/random";
import { applyChanges, boundariesInsideTokens, revertChanges, slicesMatch } from "../support/redlineChecks";

/** The line redlined as text: [-struck-] {+underscored+}, as formatText prints a line. */
function redlined(a: string, b: string, options = DEFAULT_OPTIONS): string {
  let out = "";
  let pos = 0;
  for (const edit of diffLine(a, b, options)) {
    out += a.slice(pos, edit.fromA);
    const deleted = a.slice(edit.fromA, edit.toA).trim();
    const inserted = b.slice(edit.fromB, edit.toB).trim();
    const lead = /^\s*/.exec(a.slice(edit.fromA, edit.toA) || b.slice(edit.fromB, edit.toB))![0];
    out += lead + [deleted && `[-${deleted}-]`, inserted && `{+${inserted}+}`].filter(Boolean).join(" ");
    out += /\s*$/.exec(a.slice(edit.fromA, edit.toA) || b.slice(edit.fromB, edit.toB))![0];
    pos = edit.toA;
  }
  return out + a.slice(pos);
}

function isWhole(a: string, b: string): boolean {
  const edits = diffLine(a, b, DEFAULT_OPTIONS);
  return edits.length === 1 && edits[0]!.fromA === 0 && edits[0]!.toA === a.length && edits[0]!.fromB === 0 && edits[0]!.toB === b.length;
}

function chapter(...paragraphs: string[]): OrdinanceDocument {
  return parseCodeText(`CHAPTER 2-173 TEST\n\n2-173-020 Test.\n\n${paragraphs.join("\n\n")}\n`).document;
}

describe("an insertion or deletion bordered by equal tokens", () => {
  const before = "The agency shall keep a record of each request and of its reply, and shall make the record public within thirty days of the investigation.";
  const edited = "The agency shall keep a record of every request and of its reply, and shall make the record public within thirty days of the investigation.";
  const added = " This duty applies to every request made by a federal authority.";

  it("starts after the sentence's punctuation when a sentence is added, with an unrelated edit before it", () => {
    expect(redlined(before, edited + added)).toBe(
      "The agency shall keep a record of [-each-] {+every+} request and of its reply, and shall make the record public within thirty days of the investigation. {+This duty applies to every request made by a federal authority.+}",
    );
  });

  it("starts after the sentence's punctuation when a sentence is added alone", () => {
    expect(redlined(before, before + added)).toBe(`${before} {+This duty applies to every request made by a federal authority.+}`);
  });

  it("starts after the sentence's punctuation when a sentence is struck, with an unrelated edit before it", () => {
    expect(redlined(before + added, edited)).toBe(
      "The agency shall keep a record of [-each-] {+every+} request and of its reply, and shall make the record public within thirty days of the investigation. [-This duty applies to every request made by a federal authority.-]",
    );
  });

  it("starts after a comma when a list item is added", () => {
    expect(redlined("Any board, commission or office of the City.", "Any board, agency, commission or office of the City."))
      .toBe("Any board, {+agency,+} commission or office of the City.");
  });

  it("moves back over unchanged words shared by both texts to start after a comma", () => {
    expect(redlined("It shall record the vehicle, the employee, the time of departure.", "It shall record the vehicle, the employee, the distance driven, the time of departure."))
      .toBe("It shall record the vehicle, the employee, {+the distance driven,+} the time of departure.");
    expect(redlined("It shall record the vehicle, the employee, the distance driven, the time of departure.", "It shall record the vehicle, the employee, the time of departure."))
      .toBe("It shall record the vehicle, the employee, [-the distance driven,-] the time of departure.");
  });

  it("stays where it is when no placement starts after punctuation", () => {
    expect(redlined("The officer shall act.", "The officer officer shall act.")).toBe("The officer {+officer+} shall act.");
    expect(redlined("A report of the report.", "A report of the report of the report.")).toBe("A report of the report {+of the report+}.");
  });

  it("keeps the base and draft texts exact in the changes", () => {
    const redline = compare(chapter(`(a) ${before}`), chapter(`(a) ${edited}${added}`));
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(formatText(redline)).toContain("of the investigation. {+This duty applies to every request made by a federal authority.+}");
  });
});

describe("unchanged runs between two changes", () => {
  it("are folded into one replacement when they are one or two short words", () => {
    expect(redlined("The agent may detain the person promptly.", "The officer shall detain a person promptly."))
      .toBe("The [-agent may-] {+officer shall+} detain [-the-] {+a+} person promptly.");
    expect(redlined("He shall ask or request the file.", "He may seek or demand the file.")).toBe("He [-shall ask or request-] {+may seek or demand+} the file.");
    expect(redlined("He shall ask of the file now.", "He may seek of the record now.")).toBe("He [-shall ask of the file-] {+may seek of the record+} now.");
  });

  it("are folded when they are punctuation alone, however long, or punctuation and a short word", () => {
    expect(redlined("The (agent), (officer) shall act.", "The (clerk), (judge) shall act.")).toBe("The ([-agent), (officer-] {+clerk), (judge+}) shall act.");
    expect(redlined("Send the notice to agent, ; employee at once.", "Send the notice to officer, ; commissioner at once."))
      .toBe("Send the notice to [-agent, ; employee-] {+officer, ; commissioner+} at once.");
    expect(redlined("The agent, or employee shall act.", "The clerk, or judge shall act.")).toBe("The [-agent, or employee-] {+clerk, or judge+} shall act.");
    expect(redlined("The agent for each person.", "The officer for every person.")).toBe("The [-agent for each-] {+officer for every+} person.");
  });

  it("are kept when they hold three words, or a word of four letters or more", () => {
    expect(redlined("He shall ask of the City for the file.", "He may seek of the City for the record."))
      .toBe("He [-shall ask-] {+may seek+} of the City for the [-file-] {+record+}.");
    expect(redlined("He shall ask or if the file.", "He may seek or if the record.")).toBe("He [-shall ask-] {+may seek+} or if the [-file-] {+record+}.");
    expect(redlined("The agent from each person.", "The officer from every person.")).toBe("The [-agent-] {+officer+} from [-each-] {+every+} person.");
    expect(redlined("The agent will detain each person promptly.", "The officer will detain every person promptly."))
      .toBe("The [-agent-] {+officer+} will detain [-each-] {+every+} person promptly.");
    expect(redlined("The agent from the person.", "The officer from the clerk.")).toBe("The [-agent-] {+officer+} from the [-person-] {+clerk+}.");
  });
});

describe("a paragraph rewritten or mostly kept", () => {
  it("keeps a clause edited by dropping a phrase and adding another as a word diff", () => {
    expect(redlined(
      "(3) spend time while on duty answering questions about a person's address.",
      "(3) spend time answering questions about a person's address, or contact information.",
    )).toBe("(3) spend time [-while on duty-] answering questions about a person's address{+, or contact information+}.");
    expect(redlined(
      "No agent shall while on duty give out a person's address.",
      "No agent shall give out a person's address, or contact information.",
    )).toBe("No agent shall [-while on duty-] give out a person's address{+, or contact information+}.");
  });

  it("shows a paragraph whose words are nearly all replaced as one whole replacement", () => {
    expect(isWhole("No agent of the City shall ask any person about the status of that person.", "Every officer of the Department must refrain from asking anybody whether a resident holds papers.")).toBe(true);
    expect(isWhole("Reserved.", "Repealed.")).toBe(true);
  });

  it("never shows a pure insertion or deletion whole, however long", () => {
    const long = " and to every other board, commission, department and office that the City Council creates by ordinance after this date";
    expect(isWhole("This chapter applies.", `This chapter applies${long}.`)).toBe(false);
    expect(isWhole(`This chapter applies${long}.`, "This chapter applies.")).toBe(false);
  });

  it("measures the share of words changed on each side: whole only when both sides pass the threshold", () => {
    // The default threshold is one half. Five of ten words replaced: half, not past it.
    expect(DEFAULT_OPTIONS.rewriteThreshold).toBe(0.5);
    expect(isWhole("one two three four five six seven eight nine ten", "one ein three drei five funf seven sieben nine zehn")).toBe(false);
    // Six of ten replaced: 0.6 each side.
    expect(isWhole("one two three four five six seven eight nine ten", "one ein drei four funf sechs seven acht neun ten")).toBe(true);
    // Six of ten struck, and seven of eleven new words (one added at the end).
    expect(isWhole("one two three four five six seven eight nine ten", "one ein drei four funf sechs seven acht neun ten more")).toBe(true);
    // Six of ten struck, but only three new words of seven: kept as a word diff.
    expect(isWhole("one two three four five six seven eight nine ten", "one ein four funf seven neun ten")).toBe(false);
    // Six struck of ten and five new of nine (5/9 > 0.5) is whole; five of ten struck is not, however many are added.
    expect(isWhole("one two three four five six seven eight nine ten", "one ein drei four funf sieben seven acht ten")).toBe(true);
    expect(isWhole("one two three four five six seven eight nine ten", "one ein drei four funf six seven acht neun zehn elf zwolf ten")).toBe(false);
    // Punctuation does not count as words: three of four words and a comma changed.
    expect(isWhole("alpha, beta gamma delta.", "alpha; uno dos tres.")).toBe(true);
    // Words outside the changed stretch count: three of ten.
    expect(isWhole("one two three four five six seven eight nine ten", "one two three four five six seven ocho nueve diez")).toBe(false);
  });

  it("follows the rewrite threshold option", () => {
    const a = "one two three four five six seven eight nine ten";
    const b = "one ein three drei five funf seven sieben nine zehn";
    expect(diffLine(a, b, { ...DEFAULT_OPTIONS, rewriteThreshold: 0.4 })).toHaveLength(1);
    expect(diffLine(a, b, { ...DEFAULT_OPTIONS, rewriteThreshold: 0.5 })).toHaveLength(5);
    expect(diffLine(a, b, { ...DEFAULT_OPTIONS, rewriteThreshold: 1 })).toHaveLength(5);
  });
});

const VOCABULARY = (
  "agency agent person department officer shall federal state law immigration status citizenship enforcement action " +
  "detain arrest request information disclose benefit service warrant court order criminal civil violation provision " +
  "chapter section pursuant applicable including upon notice written consent guardian minor employee contractor " +
  "volunteer facility record report complaint investigation finding discipline council license permit"
).split(" ");
/** Short words, as frequent as in legal prose: the runs between edits that the presentation may fold. */
const CONNECTORS = "the of and or to in for by a an any may not".split(" ");
const FRESH = (
  "zephyr quartz lantern meadow harbor copper willow granite falcon ember orchard thistle cobalt saffron juniper marble " +
  "heron velvet tundra canyon"
).split(" ");

/** A paragraph of `n` words (two in five short connectors), some followed by commas. */
function paragraph(random: Random, n: number): string[] {
  return Array.from({ length: n }, (_, i) => random.pick(random.chance(0.4) ? CONNECTORS : VOCABULARY) + (i < n - 1 && random.chance(0.08) ? "," : ""));
}

/** The paragraph with round(k·n) of its words each replaced by one or two words it does not use. */
function withWordsEdited(random: Random, words: readonly string[], k: number): string[] {
  const count = Math.round(k * words.length);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random.int(0, words.length - 1));
  return words.flatMap((word, i) => {
    if (!chosen.has(i)) return [word];
    const comma = word.endsWith(",") ? "," : "";
    const fresh = Array.from({ length: random.int(1, 2) }, () => random.pick(FRESH));
    fresh[fresh.length - 1] += comma;
    return fresh;
  });
}

describe("random paragraphs with k% of their words edited", () => {
  const random = new Random(2024);
  const cases = (k: number, trials: number) => Array.from({ length: trials }, () => {
    const words = paragraph(random, random.chance(0.7) ? random.int(8, 40) : random.int(41, 150));
    return { a: `${words.join(" ")}.`, b: `${withWordsEdited(random, words, k).join(" ")}.` };
  });

  for (const k of [0.05, 0.1, 0.2, 0.3]) {
    it(`are always word-diffed at k = ${k * 100}`, () => {
      const whole = cases(k, 1500).filter(({ a, b }) => isWhole(a, b));
      expect(whole.slice(0, 3)).toEqual([]);
    });
  }

  for (const k of [0.8, 0.9, 1]) {
    it(`are always shown whole at k = ${k * 100}`, () => {
      const diffed = cases(k, 400).filter(({ a, b }) => !isWhole(a, b));
      expect(diffed.slice(0, 3)).toEqual([]);
    });
  }
});

describe("a long paragraph", () => {
  it("is word-diffed precisely past 20,000 tokens, one change per edit", () => {
    const random = new Random(5);
    const words = paragraph(random, 30_000);
    const edited = [...words];
    let edits = 0;
    for (let i = 5; i < edited.length; i += 200 + random.int(0, 50)) { edited[i] = random.pick(FRESH); edits++; }
    const redline = compare(chapter(`(a) ${words.join(" ")}.`), chapter(`(a) ${edited.join(" ")}.`));
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(redline.changes.every((change) => change.precise)).toBe(true);
    expect(redline.changes).toHaveLength(edits);
    expect(redline.changes.every((change) => change.deleted.split(" ").length <= 1)).toBe(true);
  });

  it("falls back by sentence, imprecise, only where nothing anchors, never as one whole paragraph", () => {
    const periodic = (pattern: string[], length: number) => Array.from({ length }, (_, i) => pattern[i % pattern.length]!).join(" ");
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i + 1} of this paragraph stays as it was.`);
    const a = [...sentences.slice(0, 20), `${periodic(["x", "y"], 3000)}.`, ...sentences.slice(20)].join(" ");
    const b = [...sentences.slice(0, 20), `${periodic(["x", "x", "y"], 3000)}.`, ...sentences.slice(20)].join(" ");
    const redline = compare(chapter(`(a) ${a}`), chapter(`(a) ${b}`), { maxEditLength: 10 });
    expect(applyChanges(redline)).toBe(redline.draftText);
    expect(redline.changes.length).toBeGreaterThan(0);
    for (const change of redline.changes) {
      expect(change.precise).toBe(false);
      expect(change.deleted).not.toContain("Sentence");
      expect(change.inserted).not.toContain("Sentence");
    }
  });
});

describe("the presentation pass on given hunks", () => {
  const hunk = (fromA: number, toA: number, fromB: number, toB: number, precise = true): TokenHunk => ({ fromA, toA, fromB, toB, precise });
  const tokens = (...texts: string[]): Token[] => {
    let at = 0;
    return texts.map((text) => { const token = { text, from: at, to: at + text.length }; at += text.length + 1; return token; });
  };

  it("slides an insertion right over an equal token to start after a period", () => {
    expect(slideHunks([hunk(1, 1, 1, 3)], ["a", "."], ["a", ".", "b", "."])).toEqual([hunk(2, 2, 2, 4)]);
  });
  it("slides a deletion left to start after a semicolon", () => {
    expect(slideHunks([hunk(2, 4, 2, 2)], ["a", ";", "b", ";"], ["a", ";"])).toEqual([hunk(2, 4, 2, 2)]);
    expect(slideHunks([hunk(3, 5, 3, 3)], ["x", "a", ";", "b", ";", "y"], ["x", "a", ";", "y"])).toEqual([hunk(3, 5, 3, 3)]);
    expect(slideHunks([hunk(2, 4, 2, 2)], ["x", "a", ";", "b", "y"], ["x", "a", "y"])).toEqual([hunk(2, 4, 2, 2)]);
    expect(slideHunks([hunk(1, 3, 1, 1)], ["a", ";", "b", ";", "c"], ["a", ";", "c"])).toEqual([hunk(2, 4, 2, 2)]);
  });
  it("never slides a hunk into touching the next or the previous one", () => {
    // ". b" inserted after "a", then "c" replaced by "d": "b ." after "a ." would touch the replacement.
    expect(slideHunks([hunk(1, 1, 1, 3), hunk(2, 3, 4, 5)], ["a", ".", "c"], ["a", ".", "b", ".", "d"])).toEqual([hunk(1, 1, 1, 3), hunk(2, 3, 4, 5)]);
    // "x" replaced by ";", then "k m" inserted after "m": "m k" right after the ";" would read
    // better, but would touch the replacement.
    expect(slideHunks([hunk(0, 1, 0, 1), hunk(2, 2, 2, 4)], ["x", "m"], [";", "m", "k", "m"])).toEqual([hunk(0, 1, 0, 1), hunk(2, 2, 2, 4)]);
    // With the ";" unchanged, there is nothing to touch and the insertion does move.
    expect(slideHunks([hunk(2, 2, 2, 4)], [";", "m"], [";", "m", "k", "m"])).toEqual([hunk(1, 1, 1, 3)]);
  });
  it("leaves replacements where they are", () => {
    expect(slideHunks([hunk(1, 2, 1, 2)], ["a", ".", "b"], ["a", ",", "b"])).toEqual([hunk(1, 2, 1, 2)]);
  });
  it("picks the first placement from the left that starts with a word after a closing mark", () => {
    // "x , x , x" with ", x" inserted: placements after "x" (", x"), after "," ("x ,")...
    expect(slideHunks([hunk(3, 3, 3, 5)], ["x", ",", "x", ",", "x"], ["x", ",", "x", ",", "x", ",", "x"])).toEqual([hunk(2, 2, 2, 4)]);
  });

  it("folds hunks across a short run and keeps the fold imprecise when a part is", () => {
    const a = tokens("The", "agent", "of", "the", "City", "acts");
    const b = tokens("The", "clerk", "of", "the", "county", "acts");
    expect(presentHunks([hunk(1, 2, 1, 2), hunk(4, 5, 4, 5, false)], a, b, 0.5)).toEqual([hunk(1, 5, 1, 5, false)]);
    expect(presentHunks([hunk(1, 2, 1, 2), hunk(4, 5, 4, 5)], a, b, 0.5)).toEqual([hunk(1, 5, 1, 5)]);
  });
  it("counts a line as rewritten only past the threshold on both sides, words outside included", () => {
    const a = tokens("one", "two", "three", "four", ".");
    const b = tokens("uno", "dos", "tres", "four", ".");
    const changed = [hunk(0, 3, 0, 3)];
    expect(isRewrite(changed, a, b, 0.5)).toBe(true);
    expect(isRewrite(changed, a, b, 0.75)).toBe(false);
    expect(isRewrite(changed, a, b, 0.74)).toBe(true);
    expect(isRewrite(changed, a, b, 0.5, 2)).toBe(false);
    expect(isRewrite(changed, a, b, 0.5, 1)).toBe(true);
    expect(isRewrite([hunk(0, 3, 0, 0)], a, tokens("four", "."), 0.5)).toBe(false);
    expect(presentHunks(changed, a, b, 0.5)).toBeNull();
    expect(presentHunks([hunk(0, 3, 0, 3, false)], a, b, 0.5)).toEqual([hunk(0, 3, 0, 3, false)]);
  });
  it("leaves the words of hunks compared as sentences out of the share on both sides", () => {
    const a = tokens("one", "two", "three", "four", "five", "six");
    const b = tokens("uno", "dos", "tres", "four", "cinco", "seis");
    // Two of the four words known: not past one half; three of four: past it.
    expect(isRewrite([hunk(0, 2, 0, 2), hunk(4, 6, 4, 6, false)], a, b, 0.5)).toBe(false);
    expect(isRewrite([hunk(0, 3, 0, 3), hunk(4, 6, 4, 6, false)], a, b, 0.5)).toBe(true);
    // Counted as known words, the imprecise hunk would make the first a rewrite.
    expect(isRewrite([hunk(0, 2, 0, 2), hunk(4, 6, 4, 6)], a, b, 0.5)).toBe(true);
    // Nothing known: never a rewrite.
    expect(isRewrite([hunk(0, 6, 0, 6, false)], a, b, 0.5)).toBe(false);
  });

  it("does not count punctuation as words", () => {
    const a = tokens("one", ",", ";", ":", "two");
    const b = tokens("uno", ".", ".", ".", "two");
    expect(isRewrite([hunk(0, 4, 0, 4)], a, b, 0.5)).toBe(false);
    expect(isRewrite([hunk(0, 4, 0, 4)], a, b, 0.49)).toBe(true);
  });
  it("marks an edit imprecise only when the diff fell back to sentences", () => {
    expect(diffLine("A b c.", "A d c.", DEFAULT_OPTIONS).every((edit) => edit.precise)).toBe(true);
  });
});

describe("a long paragraph compared sentence by sentence first", () => {
  const random = new Random(77);
  /** A paragraph of about `sentences` generated sentences, some ending with ";" or ":". */
  const longText = (count: number) => Array.from({ length: count }, () => {
    const words = paragraph(random, random.int(8, 30));
    return `${words.join(" ")}${random.pick([".", ".", ".", ";", ":"])}`;
  });

  it("rebuilds both texts with exact slices and whole tokens over random edits", () => {
    for (let trial = 0; trial < 12; trial++) {
      const sentences = longText(500);
      const edited = sentences.flatMap((text) => {
        const roll = random.next();
        if (roll < 0.03) return [];
        if (roll < 0.06) return [text, `${random.pick(FRESH)} ${random.pick(FRESH)} shall apply.`];
        if (roll < 0.09) return [text.replace(/[.;:]$/, random.pick([".", ";", ","]))];
        if (roll < 0.2) { const words = text.split(" "); words[random.int(0, words.length - 1)] = random.pick(FRESH); return [words.join(" ")]; }
        return [text];
      });
      const redline = compare(chapter(`(a) ${sentences.join(" ")}`), chapter(`(a) ${edited.join(" ")}`));
      const label = `trial ${trial}`;
      expect(redline.baseText.length, label).toBeGreaterThan(20_000);
      expect(applyChanges(redline), label).toBe(redline.draftText);
      expect(revertChanges(redline), label).toBe(redline.baseText);
      expect(slicesMatch(redline), label).toEqual([]);
      expect(boundariesInsideTokens(redline), label).toEqual([]);
      expect(redline.changes.every((change) => change.precise), label).toBe(true);
    }
  });

  it("places an added sentence after the period before it and marks a replaced word alone", () => {
    const sentences = longText(700);
    const edited = [...sentences];
    edited.splice(300, 0, "Every report shall be public.");
    edited[500] = edited[500]!.replace(/^\S+/, "zephyr");
    const redline = compare(chapter(`(a) ${sentences.join(" ")}`), chapter(`(a) ${edited.join(" ")}`));
    const text = formatText(redline);
    expect(text).toContain(`${sentences[299]} {+Every report shall be public.+} ${sentences[300]}`);
    expect(redline.changes).toHaveLength(2);
    expect(redline.changes[1]!.inserted).toBe("zephyr");
  });

  it("shows a long paragraph rewritten throughout as one whole replacement", () => {
    const before = longText(600);
    for (const kept of [1, 2]) {
      const after = before.map((text) => text.split(" ").map((word, i) => (i % 5 < kept ? word : random.pick(FRESH))).join(" "));
      const redline = compare(chapter(`(a) ${before.join(" ")}`), chapter(`(a) ${after.join(" ")}`));
      // Struck whole and underscored whole: in place after the enumerator, or as two paragraphs.
      const deleted = redline.changes.map((change) => change.deleted).join("");
      const inserted = redline.changes.map((change) => change.inserted).join("");
      expect(deleted, `kept ${kept}`).toContain(before.join(" "));
      expect(inserted, `kept ${kept}`).toContain(after.join(" "));
      expect(redline.changes.length).toBeLessThanOrEqual(2);
    }
  });
});
