import { undo } from "prosemirror-history";
import { describe, expect, it } from "vitest";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare } from "../../src/core/redline";
import { checkReferences } from "../../src/core/references";
import { toModel } from "../../src/editor/convert";
import { applyReferenceFix, draftPosition, referenceProblems } from "../../src/editor/references";
import { redlineState } from "../../src/editor/redline/plugin";
import { changeList, positionOf, redlineEditor, run } from "../support/editorHarness";
import { fixtureBase, fixtureText } from "../support/fixtures";

const relettered = () => parseCodeText(fixtureText("base.txt")
  .replace("    (c) Subsections (a) and (b) of this section shall not", "    (d) Subsections (a) and (b) of this section shall not")
  .replace("    (b) Except as provided in subsection (c)", "    (c) Except as provided in subsection (c)")
  .replace("    (a) Except as provided in subsection (c) of this section, no agent", "    (a) Nothing in this section applies to a judicial warrant.\n\n    (b) Except as provided in subsection (c) of this section, no agent")).document;

describe("the checker in the editor", () => {
  it("finds the draft's problems from the live redline, the same as the core checker", () => {
    const base = fixtureBase();
    const state = redlineEditor(base, relettered());
    expect(referenceProblems(state)).toEqual(checkReferences(base, relettered()));
    expect(referenceProblems(state)).toBe(referenceProblems(state));
  });
  it("maps draft offsets to the positions of the citing words", () => {
    const state = redlineEditor(fixtureBase(), relettered());
    for (const problem of referenceProblems(state)) {
      const from = draftPosition(state, problem.citation!.span.from)!;
      const to = draftPosition(state, problem.citation!.span.to)!;
      expect(state.doc.textBetween(from, to)).toBe(problem.citation!.text);
    }
  });
  it("applies each certain fix as a tracked change, one undo step each, until nothing is stale", () => {
    const base = fixtureBase();
    let state = redlineEditor(base, relettered());
    const before = changeList(state);
    const fixes = referenceProblems(state).length;
    expect(fixes).toBe(5);
    for (let i = 0; i < fixes; i++) {
      const next = referenceProblems(state)[0]!;
      const applied = run(state, applyReferenceFix(next.fix!));
      expect(referenceProblems(applied)).toHaveLength(referenceProblems(state).length - 1);
      expect(toModel(run(applied, undo).doc)).toEqual(toModel(state.doc));
      state = applied;
    }
    expect(referenceProblems(state)).toEqual([]);
    const draft = toModel(state.doc);
    expect(changeList(state)).toEqual(changeList(redlineEditor(base, draft)));
    expect(redlineState(state).redline.changes.map((c) => c.inserted)).toEqual(compare(base, draft).changes.map((c) => c.inserted));
    expect(changeList(state).length).toBeGreaterThan(before.length);
    expect(changeList(state)).toContain("[-(a) and (b)-]{+(b) and (c)+}");
  });
  it("refuses a fix the draft no longer reads, changing nothing", () => {
    const state = redlineEditor(fixtureBase(), relettered());
    const problem = referenceProblems(state)[0]!;
    const at = positionOf(state, "subsection (c) of this section, no agent");
    const typed = state.apply(state.tr.insertText("(z)", at + "subsection ".length, at + "subsection (c)".length));
    expect(applyReferenceFix(problem.fix!)(typed)).toBe(false);
  });
});

describe("a new section renumbered in the editor", () => {
  it("gives a citation of its first number the renumber fix, not 'no such section'", async () => {
    const { insertSection, renumberSection } = await import("../../src/editor/structure/sectionCommands");
    const sectionPos = (state: ReturnType<typeof redlineEditor>, number: string) => {
      let found = -1;
      state.doc.descendants((node, pos) => {
        if (node.type.name === "section" && node.firstChild!.attrs.number === number) found = pos;
        return found < 0 && node.type.name !== "section";
      });
      return found;
    };
    let state = redlineEditor(fixtureBase());
    state = run(state, insertSection(sectionPos(state, "2-173-042"), "2-173-045", "Coercion prohibited."));
    state = state.apply(state.tr.insertText("No agent shall coerce any person."));
    const at = positionOf(state, "shall not be construed to create");
    state = state.apply(state.tr.insertText("like Section 2-173-045, ", at));
    expect(referenceProblems(state)).toEqual([]);
    state = run(state, renumberSection(sectionPos(state, "2-173-045"), "2-173-047", "2-173-042"));
    const problems = referenceProblems(state);
    expect(problems.map((p) => [p.kind, p.cited, p.newTarget, p.fix?.text])).toEqual([["renumbered-section", "2-173-045", "2-173-047", "2-173-047"]]);
    state = run(state, applyReferenceFix(problems[0]!.fix!));
    expect(referenceProblems(state)).toEqual([]);
    expect(redlineState(state).redline.draftText).toContain("like Section 2-173-047, shall not be construed");
  });
});
