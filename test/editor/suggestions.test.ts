// @vitest-environment happy-dom
/**
 * Suggestions in the editor: proposing wording for selected words (or words to insert after a
 * word), accepting (the text changes, once) and rejecting (it does not), and the live range
 * following edits around the words; the redline after an accept equals a fresh compare.
 */
import { describe, expect, it } from "vitest";
import { DocumentEditor } from "../../src/editor/documentEditor";
import { acceptSuggestion, docSuggestions, rejectSuggestion, suggestionRange, suggestWording } from "../../src/editor/suggestions";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { disagreement } from "../support/redlineOracle";

const RITA = { name: "Rita Reviewer", office: "35th Ward" };

function editor(): DocumentEditor {
  return new DocumentEditor({ base: fixtureBase(), draft: fixtureAmended() });
}

function find(target: DocumentEditor, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  target.state.doc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const at = node.text!.indexOf(text);
    if (at >= 0) found = { from: pos + at, to: pos + at + text.length };
    return false;
  });
  if (!found) throw new Error(`not found: ${text}`);
  return found;
}

describe("suggestions in the editor", () => {
  it("proposes wording for words and accepts it: the text changes once and the redline stays true", () => {
    const target = editor();
    const words = find(target, "help with investigations");
    expect(target.run(suggestWording(words.from, words.to, "assist with investigations", RITA, "2026-12-03T12:00:00.000Z"), false)).toBe(true);
    const [made] = docSuggestions(target.state);
    expect(made).toMatchObject({ replacement: "assist with investigations", author: RITA.name, office: RITA.office, status: "open" });
    expect(made!.anchor.quote.exact).toBe("help with investigations");
    // Typing before the words moves their range along.
    target.dispatch(target.state.tr.insertText("gladly ", words.from));
    expect(target.state.doc.textBetween(suggestionRange(target.state, made!.id)!.from, suggestionRange(target.state, made!.id)!.to)).toBe("help with investigations");
    expect(target.run(acceptSuggestion(made!.id, "Dana Drafter", "2026-12-03T12:05:00.000Z"), false)).toBe(true);
    expect(target.state.doc.textContent).toContain("gladly assist with investigations without fear");
    expect(docSuggestions(target.state)[0]).toMatchObject({ status: "accepted", decidedBy: "Dana Drafter", decidedAt: "2026-12-03T12:05:00.000Z" });
    expect(disagreement(target.state, fixtureBase())).toBeNull();
    // Decided once: neither accept nor reject applies again.
    const text = target.state.doc.textContent;
    expect(target.run(acceptSuggestion(made!.id, "Dana Drafter"), false)).toBe(false);
    expect(target.run(rejectSuggestion(made!.id, "Dana Drafter"), false)).toBe(false);
    expect(target.state.doc.textContent).toBe(text);
  });

  it("rejects without changing the text, and proposes a deletion and an insertion", () => {
    const target = editor();
    const before = target.state.doc.textContent;
    const words = find(target, "witnesses to crime");
    target.run(suggestWording(words.from, words.to, "bystanders", RITA), false);
    expect(target.run(rejectSuggestion(docSuggestions(target.state)[0]!.id, "Dana Drafter"), false)).toBe(true);
    expect(target.state.doc.textContent).toBe(before);
    const deletion = find(target, "roughly ");
    target.run(suggestWording(deletion.from, deletion.to, "", RITA), false);
    const removed = docSuggestions(target.state)[1]!;
    expect(removed.replacement).toBe("");
    target.run(acceptSuggestion(removed.id, "Dana Drafter"), false);
    expect(target.state.doc.textContent).toContain("and one of every five");
    // A caret after "diverse": the wording goes after that word.
    const caret = find(target, "diverse").to;
    expect(target.run(suggestWording(caret, caret, "and welcoming", RITA), false)).toBe(true);
    const insertion = docSuggestions(target.state)[2]!;
    expect(insertion.anchor.quote.exact).toBe("diverse");
    target.run(acceptSuggestion(insertion.id, "Dana Drafter"), false);
    expect(target.state.doc.textContent).toContain("most diverse and welcoming cities");
    expect(disagreement(target.state, fixtureBase())).toBeNull();
  });

  it("refuses a suggestion with no author, no words, or the same wording", () => {
    const target = editor();
    const words = find(target, "witnesses to crime");
    expect(target.run(suggestWording(words.from, words.to, "bystanders", null), false)).toBe(false);
    expect(target.run(suggestWording(words.from, words.to, "witnesses to crime", RITA), false)).toBe(false);
    expect(target.run(suggestWording(words.from, words.from, "  ", RITA), false)).toBe(false);
    expect(docSuggestions(target.state)).toEqual([]);
  });

  it("cannot accept a suggestion whose words were deleted", () => {
    const target = editor();
    const words = find(target, "witnesses to crime");
    target.run(suggestWording(words.from, words.to, "bystanders", RITA), false);
    const id = docSuggestions(target.state)[0]!.id;
    target.dispatch(target.state.tr.delete(words.from - 4, words.to + 1));
    expect(suggestionRange(target.state, id)).toBeNull();
    expect(target.run(acceptSuggestion(id, "Dana Drafter"), false)).toBe(false);
  });
});
