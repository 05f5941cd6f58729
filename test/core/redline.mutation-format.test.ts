/**
 * The redline's outputs on hand-built redlines: segments in draft order, text and HTML marks
 * worked out by hand, and two oracles over random edits of multi-line text: the clean side of
 * the text and HTML outputs (deleted runs dropped, marks removed) is the draft, and the struck
 * side (inserted runs dropped) is the base, both up to spacing.
 *
 * Surviving mutants judged equivalent (no input can tell them apart), by line of format.ts, from
 * the run before the joining and spacing tests were added (they target the rest):
 * - 48, both mutants (`line === ""` made false or compared with another string): an empty line
 *   then gives a part with empty lead, core and trail, printed as "" in text and HTML alike.
 * - 49, the lead pattern without its `^`: exec finds the first match, and any run of spaces
 *   (the empty one too) matches at index 0.
 * - 134, `index === 0` made true: a later part of a joined run follows a line break, so the
 *   line it goes on is empty and its lead is "" by the first test.
 * - 138 (no coverage): every marked segment carries a change id, so the `""` branch of
 *   data-change-id is never taken.
 */
import { describe, expect, it } from "vitest";
import { escapeHtml, formatHtml, formatJson, formatText, redlineSegments, topLevelChanges } from "../../src/core/redline/format";
import type { Change, Redline } from "../../src/core/redline/types";
import { Random } from "../../src/core/samples/random";

interface Edit { fromA: number; toA: number; fromB: number; toB: number; move?: Change["move"]; withinMove?: string }

/** A redline of `base` → `draft` with the given changes (texts taken from the offsets). */
function redlineOf(base: string, draft: string, edits: readonly Edit[]): Redline {
  const changes: Change[] = edits.map((edit, index) => ({
    id: `c${index}`,
    kind: edit.move ? "move" : edit.toA === edit.fromA ? "insert" : edit.toB === edit.fromB ? "delete" : "replace",
    part: "text",
    section: "2-173-020",
    ...edit,
    deleted: base.slice(edit.fromA, edit.toA),
    inserted: draft.slice(edit.fromB, edit.toB),
    precise: true,
  }));
  return {
    baseText: base, draftText: draft, sections: [], changes, sectionCount: 0, version: 1,
    section: () => { throw new Error("no sections"); },
    touchedSince: () => null,
  };
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

describe("redlineSegments and topLevelChanges", () => {
  it("lists same, deleted and inserted runs in draft order, leaving out edits within a move", () => {
    const redline = redlineOf("one two three four", "one 2 three four five", [
      { fromA: 4, toA: 7, fromB: 4, toB: 5 },
      { fromA: 8, toA: 8, fromB: 6, toB: 6, withinMove: "c9" },
      { fromA: 18, toA: 18, fromB: 16, toB: 21 },
    ]);
    expect(topLevelChanges(redline).map((change) => change.id)).toEqual(["c0", "c2"]);
    expect(redlineSegments(redline)).toEqual([
      { text: "one ", mark: "same" },
      { text: "two", mark: "deleted", changeId: "c0" },
      { text: "2", mark: "inserted", changeId: "c0" },
      { text: " three four", mark: "same" },
      { text: " five", mark: "inserted", changeId: "c2" },
    ]);
  });

  it("labels moved text with the other end, and adds no empty same run at either end", () => {
    const moved = redlineOf("A\nB", "B\nA", [
      { fromA: 0, toA: 2, fromB: 0, toB: 0, move: { role: "source", otherSection: "2-173-040", pairId: "p" } },
      { fromA: 3, toA: 3, fromB: 1, toB: 3, move: { role: "destination", otherSection: "2-173-010", pairId: "p" } },
    ]);
    expect(redlineSegments(moved)).toEqual([
      { text: "A\n", mark: "moved-away", changeId: "c0", label: "moved to 2-173-040" },
      { text: "B", mark: "same" },
      { text: "\nA", mark: "moved-here", changeId: "c1", label: "moved from 2-173-010" },
    ]);
    expect(formatText(moved)).toBe("⟦moved to 2-173-040⟧ [-A-]\nB\n⟦moved from 2-173-010⟧ {+A+}");
    expect(formatHtml(moved)).toBe([
      '<p><del class="moved" title="moved to 2-173-040" data-change-id="c0">A</del></p>',
      "<p>B</p>",
      '<p><ins class="moved" title="moved from 2-173-010" data-change-id="c1">A</ins></p>',
    ].join("\n") + "\n");
  });
});

describe("formatText", () => {
  it("marks words, keeps one space between the halves of a replacement and spacing outside the marks", () => {
    expect(formatText(redlineOf("one two three", "one 2 three", [{ fromA: 4, toA: 7, fromB: 4, toB: 5 }]))).toBe("one [-two-] {+2+} three");
    // The deletion's spaces stay outside its marks; a replacement's halves get exactly one space.
    expect(formatText(redlineOf("a  b  c", "a  X  c", [{ fromA: 1, toA: 5, fromB: 1, toB: 5 }]))).toBe("a  [-b-] {+X+}  c");
    expect(formatText(redlineOf("a b", "a", [{ fromA: 1, toA: 3, fromB: 1, toB: 1 }]))).toBe("a [-b-]");
    expect(formatText(redlineOf("a", "a b", [{ fromA: 1, toA: 1, fromB: 1, toB: 3 }]))).toBe("a {+b+}");
  });

  it("marks a paragraph line by line, indentation outside, and joins no halves across a line", () => {
    const base = "(a) Old.\n    (1) First.";
    const draft = "(a) Old.\n    (1) New one.\n    (2) Added.";
    const redline = redlineOf(base, draft, [{ fromA: 17, toA: 23, fromB: 17, toB: 40 }]);
    expect(formatText(redline)).toBe("(a) Old.\n    (1) [-First.-] {+New one.+}\n    {+(2) Added.+}");
    // A struck line and an underscored line on lines of their own are not joined.
    const split = redlineOf("x\nold\ny", "x\n\nnew\ny", [{ fromA: 2, toA: 5, fromB: 2, toB: 6 }]);
    expect(formatText(split)).toBe("x\n[-old-]\n{+new+}\ny");
  });

  it("joins only a struck and an underscored half that both carry words on the line they meet", () => {
    // An insertion after unchanged words keeps its spaces; it is no replacement.
    expect(formatText(redlineOf("a", "a  b", [{ fromA: 1, toA: 1, fromB: 1, toB: 4 }]))).toBe("a  {+b+}");
    // The struck half ends its line: the underscored one starts the next line as it is.
    expect(formatText(redlineOf("a\nold\nb", "a\nnew b", [{ fromA: 2, toA: 6, fromB: 2, toB: 5 }]))).toBe("a\n[-old-]\n{+new+} b");
    // The struck half's last line is only indentation: nothing to join, and no empty marks.
    expect(formatText(redlineOf("old\n    x", "new x", [{ fromA: 0, toA: 8, fromB: 0, toB: 3 }]))).toBe("[-old-]\n    {+new+} x");
    // The underscored half's first line is only spaces.
    expect(formatText(redlineOf("old", "  \nnew", [{ fromA: 0, toA: 3, fromB: 0, toB: 6 }]))).toBe("[-old-]  \n{+new+}");
    // Every trailing space of the struck half goes, for exactly one between the halves.
    expect(formatText(redlineOf("a b  c", "a X c", [{ fromA: 2, toA: 5, fromB: 2, toB: 3 }]))).toBe("a [-b-] {+X+} c");
    expect(formatHtml(redlineOf("a b  c", "a X c", [{ fromA: 2, toA: 5, fromB: 2, toB: 3 }]))).toBe('<p>a <del data-change-id="c0">b</del> <ins data-change-id="c0">X</ins> c</p>\n');
  });

  it("keeps a line of spaces inside a marked run as it is, unmarked", () => {
    expect(formatText(redlineOf("x\n  \ny", "", [{ fromA: 0, toA: 6, fromB: 0, toB: 0 }]))).toBe("[-x-]\n  \n[-y-]");
    expect(formatHtml(redlineOf("x\n  \ny", "", [{ fromA: 0, toA: 6, fromB: 0, toB: 0 }]))).toBe('<p><del data-change-id="c0">x</del></p>\n<p><del data-change-id="c0">y</del></p>\n');
    // A line left with nothing but spaces (unchanged indentation, then a struck run's spaces) is no paragraph.
    expect(formatHtml(redlineOf("a\n    \nbc", "a\n  c", [{ fromA: 4, toA: 8, fromB: 4, toB: 4 }]))).toBe('<p>a</p>\n<p><del data-change-id="c0">b</del>c</p>\n');
  });

  it("labels a moved run of several lines once", () => {
    const moved = redlineOf("A\nB", "", [{ fromA: 0, toA: 3, fromB: 0, toB: 0, move: { role: "source", otherSection: "2-173-040", pairId: "p" } }]);
    expect(formatText(moved)).toBe("⟦moved to 2-173-040⟧ [-A-]\n[-B-]");
  });

  it("prints the clean side as the draft and the struck side as the base, over random edits", () => {
    const random = new Random(51);
    const vocabulary = ["the", "City", "shall", "not", "(a)", "agent", "2-173-020", "request", "—", "“x”", "&", "<b>"];
    const line = () => `${" ".repeat(4 * random.int(0, 2))}${Array.from({ length: random.int(1, 6) }, () => vocabulary[random.int(0, vocabulary.length - 1)]!).join(" ")}`;
    for (let round = 0; round < 150; round++) {
      const pieces = Array.from({ length: random.int(1, 8) }, line);
      let base = "";
      let draft = "";
      const edits: Edit[] = [];
      for (const piece of pieces) {
        const roll = random.next();
        const separator = base === "" && draft === "" ? "" : random.chance(0.5) ? "\n" : " ";
        if (roll < 0.5) { base += separator + piece; draft += separator + piece; continue; }
        const other = line();
        const fromA = base.length;
        const fromB = draft.length;
        if (roll < 0.65) base += separator + piece;
        else if (roll < 0.8) draft += separator + other;
        else { base += separator + piece; draft += separator + other; }
        if (base.length > fromA || draft.length > fromB) edits.push({ fromA, toA: base.length, fromB, toB: draft.length });
      }
      const redline = redlineOf(base, draft, edits);
      const text = formatText(redline);
      const label = JSON.stringify({ base, draft, text });
      expect(collapse(text.replace(/⟦[^⟧]*⟧ /g, "").replace(/\[-[\s\S]*?-\]/g, " ").replace(/\{\+|\+\}/g, "")), label).toBe(collapse(draft));
      expect(collapse(text.replace(/\{\+[\s\S]*?\+\}/g, " ").replace(/\[-|-\]/g, "")), label).toBe(collapse(base));
      const html = formatHtml(redline);
      const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
      const clean = unescape(html.replace(/<del[^>]*>[\s\S]*?<\/del>/g, " ").replace(/<[^>]+>/g, " "));
      const struck = unescape(html.replace(/<ins[^>]*>[\s\S]*?<\/ins>/g, " ").replace(/<[^>]+>/g, " "));
      expect(collapse(clean), label).toBe(collapse(draft));
      expect(collapse(struck), label).toBe(collapse(base));
    }
  });
});

describe("formatHtml", () => {
  it("puts each line in a paragraph with its indentation as a margin, escaping all text", () => {
    const base = "Title & <x>\n    (a) Old \"q\" 'r'.";
    const draft = "Title & <x>\n    (a) New \"q\" 'r'.\n\n        (1) More.";
    const redline = redlineOf(base, draft, [{ fromA: 20, toA: 23, fromB: 20, toB: 23 }, { fromA: 33, toA: 33, fromB: 33, toB: 52 }]);
    expect(formatHtml(redline)).toBe([
      "<p>Title &amp; &lt;x&gt;</p>",
      '<p style="margin-left:2em">(a) <del data-change-id="c0">Old</del> <ins data-change-id="c0">New</ins> &quot;q&quot; &#39;r&#39;.</p>',
      '<p style="margin-left:4em"><ins data-change-id="c1">(1) More.</ins></p>',
    ].join("\n") + "\n");
  });

  it("joins the halves of a replacement on their shared line only", () => {
    const base = "(a) Old.\n    (1) First.";
    const draft = "(a) Old.\n    (1) New one.\n    (2) Added.";
    expect(formatHtml(redlineOf(base, draft, [{ fromA: 17, toA: 23, fromB: 17, toB: 40 }]))).toBe([
      "<p>(a) Old.</p>",
      '<p style="margin-left:2em">(1) <del data-change-id="c0">First.</del> <ins data-change-id="c0">New one.</ins></p>',
      '<p style="margin-left:2em"><ins data-change-id="c0">(2) Added.</ins></p>',
    ].join("\n") + "\n");
  });

  it("keeps the spacing of runs that are not replacements", () => {
    const redline = redlineOf("a  b  c", "a  c", [{ fromA: 3, toA: 6, fromB: 3, toB: 3 }]);
    expect(formatHtml(redline)).toBe('<p>a  <del data-change-id="c0">b</del>  c</p>\n');
    expect(formatHtml(redlineOf("", "", []))).toBe("\n");
  });

  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    expect(escapeHtml("&&<<")).toBe("&amp;&amp;&lt;&lt;");
  });
});

describe("formatJson", () => {
  it("writes the sections and changes, and a closing newline", () => {
    const redline = redlineOf("a", "b", [{ fromA: 0, toA: 1, fromB: 0, toB: 1 }]);
    const json = formatJson(redline);
    expect(json.endsWith("}\n")).toBe(true);
    expect(JSON.parse(json)).toEqual({ sections: [], changes: redline.changes });
    expect(json.split("\n")[1]).toBe('  "sections": [],');
  });
});
