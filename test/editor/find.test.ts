/**
 * Find and replace in the draft (plugins/find): the matches equal a brute-force search of every
 * line's words; replace-all changes exactly the matched words, as one undoable transaction, and
 * the live redline after it equals a fresh compare; lines the structure guard would refuse keep
 * their words and the reason is given.
 */
import { undo } from "prosemirror-history";
import type { Node as PMNode } from "prosemirror-model";
import type { EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { findMatches, findPlugin, findState, findStep, replaceAll, replaceCurrent, setFindQuery, type FindQuery, type ReplaceOutcome } from "../../src/editor/plugins/find";
import { createEditorState } from "../../src/editor/editorState";
import { redlinePlugin } from "../../src/editor/redline/plugin";
import { disagreement } from "../support/redlineOracle";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { run } from "../support/editorHarness";

function editor(draft = fixtureAmended(), base = fixtureBase()): EditorState {
  return createEditorState(draft, { plugins: [redlinePlugin({ base }), findPlugin()] });
}

/** Every textblock's text but the contents lines', with the position its text starts at: read without the plugin's walk. */
function lines(doc: PMNode): Array<{ start: number; text: string }> {
  const found: Array<{ start: number; text: string }> = [];
  doc.nodesBetween(0, doc.content.size, (node, pos) => {
    if (node.isTextblock) {
      if (node.type.name !== "toc_entry") found.push({ start: pos + 1, text: node.textContent });
      return false;
    }
    return true;
  });
  return found;
}

/** The slow truth: at each character, does the needle start here (compared character by character); skip past each match. */
function bruteForce(doc: PMNode, query: FindQuery): Array<{ from: number; to: number }> {
  const fold = (c: string) => (query.caseSensitive ? c : c.toLowerCase());
  const out: Array<{ from: number; to: number }> = [];
  if (query.text === "") return out;
  for (const { start, text } of lines(doc)) {
    let i = 0;
    while (i + query.text.length <= text.length) {
      let same = true;
      for (let k = 0; k < query.text.length && same; k++) same = fold(text[i + k]!) === fold(query.text[k]!);
      if (same) { out.push({ from: start + i, to: start + i + query.text.length }); i += query.text.length; }
      else i++;
    }
  }
  return out;
}

/** A query taken from the document's own words (so it often matches), case changed at random. */
function randomQuery(doc: PMNode, random: Random): FindQuery {
  const all = lines(doc).map((line) => line.text).join(" ");
  const at = random.int(0, Math.max(0, all.length - 8));
  let text = all.slice(at, at + random.int(1, 7));
  if (random.int(0, 1) === 1) text = text.toUpperCase();
  return { text, caseSensitive: random.int(0, 1) === 1 };
}

describe("find in the draft", () => {
  it("finds what a brute-force search of every line finds, over random chapters and queries", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const random = new Random(seed);
      const chapter = generateChapter(seed, 4000, "2-173");
      const doc = { title: null, chapters: [chapter] };
      const state = editor(doc, doc);
      for (let q = 0; q < 8; q++) {
        const query = randomQuery(state.doc, random);
        expect(findMatches(state.doc, query), `seed ${seed} ${JSON.stringify(query)}`).toEqual(bruteForce(state.doc, query));
      }
    }
  });

  it("walks the matches forwards and backwards, wrapping round, selecting each", () => {
    let state = run(editor(), setFindQuery({ text: "the", caseSensitive: false }));
    const { matches } = findState(state);
    expect(matches.length).toBeGreaterThan(3);
    const seen: number[] = [];
    for (let k = 0; k <= matches.length; k++) {
      state = run(state, findStep(1));
      seen.push(findState(state).current);
      const match = matches[findState(state).current]!;
      expect([state.selection.from, state.selection.to]).toEqual([match.from, match.to]);
    }
    // Each match once, then back to where the walk began.
    expect(new Set(seen.slice(0, -1)).size).toBe(matches.length);
    expect(seen[seen.length - 1]).toBe(seen[0]);
    const at = findState(state).current;
    state = run(state, findStep(-1));
    expect(findState(state).current).toBe((at - 1 + matches.length) % matches.length);
  });

  it("tells case apart only when asked", () => {
    const state = editor();
    const any = findMatches(state.doc, { text: "city", caseSensitive: false }).length;
    const lower = findMatches(state.doc, { text: "city", caseSensitive: true }).length;
    const upper = findMatches(state.doc, { text: "City", caseSensitive: true }).length;
    const caps = findMatches(state.doc, { text: "CITY", caseSensitive: true }).length;
    expect(lower).toBeGreaterThan(0);
    expect(upper).toBeGreaterThan(0);
    expect(any).toBeGreaterThanOrEqual(lower + upper + caps);
  });
});

describe("replace in the draft", () => {
  it("replaces every match in one undoable transaction, the redline equal to a fresh compare", () => {
    const base = fixtureBase();
    const before = editor(fixtureAmended(), base);
    const query = { text: "shall", caseSensitive: true };
    let state = run(before, setFindQuery(query));
    const count = findState(state).matches.length;
    expect(count).toBeGreaterThan(2);
    let outcome: ReplaceOutcome | null = null;
    state = run(state, replaceAll("must", (o) => { outcome = o; }));
    expect(outcome).toEqual({ replaced: count, refused: [] });
    // Exactly the matched words changed: each line reads as before with the word swapped.
    expect(lines(state.doc).map((line) => line.text)).toEqual(lines(before.doc).map((line) => line.text.split("shall").join("must")));
    expect(findState(state).matches).toEqual([]);
    expect(disagreement(state, base)).toBeNull();
    state = run(state, undo);
    expect(state.doc.eq(before.doc)).toBe(true);
  });

  it("replaces the current match only, and goes on to the next", () => {
    let state = run(editor(), setFindQuery({ text: "shall", caseSensitive: true }));
    state = run(state, findStep(1));
    const { matches, current } = findState(state);
    const text = state.doc.textBetween(matches[current]!.from - 20, matches[current]!.to + 20);
    state = run(state, replaceCurrent("may"));
    expect(findState(state).matches.length).toBe(matches.length - 1);
    expect(lines(state.doc).map((l) => l.text).join("\n")).toContain(text.replace("shall", "may"));
  });

  it("leaves a history note's words when the replacement would stop it reading as one, and says why", () => {
    const base = fixtureBase();
    let state = run(editor(fixtureAmended(), base), setFindQuery({ text: "(Added", caseSensitive: true }));
    const count = findState(state).matches.length;
    expect(count).toBeGreaterThan(0);
    let outcome: ReplaceOutcome | null = null;
    const applied = replaceAll("Added", (o) => { outcome = o; })(state, (tr) => { state = state.apply(tr); });
    expect(applied).toBe(false);
    expect(outcome!.replaced).toBe(0);
    expect(outcome!.refused.length).toBe(count);
    expect(outcome!.refused[0]).toMatch(/history note/);
    // A replacement that keeps the note a note goes through.
    state = run(state, replaceAll("(Added"));
    expect(disagreement(state, base)).toBeNull();
  });
});
