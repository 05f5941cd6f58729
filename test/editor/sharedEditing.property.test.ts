// @vitest-environment happy-dom
/**
 * Two people on one shared draft: each editor is bound to its own Y document, and the two
 * documents exchange updates late and in bursts, so edits cross. After every delivery, and at
 * the end, the property of the trust issue must hold on both clients with remote transactions:
 * the live redline equals a fresh compare of base and draft, and its decorations equal those
 * built from scratch. When everything is delivered both clients hold the same text and the same
 * attributes, and each editor holds exactly what its Y fragment says.
 */
import { EditorState, type Transaction } from "prosemirror-state";
import { afterEach, describe, expect, it } from "vitest";
import { Random } from "../../src/core/samples/random";
import { undoDraft } from "../../src/editor/collab";
import { DRAFT_FRAGMENT, sharedDraftNode } from "../../src/editor/shared";
import { deliver, disposeClients, pair, type Client } from "../support/sharedClients";
import { amendedSample } from "../../src/core/samples/editScripts";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { randomAction } from "../support/randomTransactions";
import { disagreement } from "../support/redlineOracle";

afterEach(() => disposeClients());

/** A transaction taking `editor` to `next`'s document and attributes (a random action computed on a copy of its state). */
function toward(state: EditorState, next: EditorState): Transaction | null {
  const tr = state.tr;
  const start = state.doc.content.findDiffStart(next.doc.content);
  if (start !== null) {
    const end = state.doc.content.findDiffEnd(next.doc.content)!;
    const overlap = Math.max(0, start - Math.min(end.a, end.b));
    tr.replace(start, end.a + overlap, next.doc.slice(start, end.b + overlap));
  }
  for (const key of ["annotations", "threads", "sponsors", "exportSettings"]) {
    if (state.doc.attrs[key] !== next.doc.attrs[key]) tr.setDocAttribute(key, next.doc.attrs[key]);
  }
  return tr.steps.length > 0 ? tr : null;
}

function check(c: Client, label: string): void {
  const problem = disagreement(c.editor.state, c.base);
  if (problem) throw new Error(`${label}: ${problem}`);
  expect(sharedDraftNode(c.ydoc.getXmlFragment(DRAFT_FRAGMENT)).content.eq(c.editor.state.doc.content), `${label}: the editor holds what its fragment says`).toBe(true);
}

describe("two clients on one shared draft", () => {
  it("starts both from the uploaded draft, its redline the fresh compare's", () => {
    const [a, b] = pair();
    expect(b.editor.state.doc.eq(a.editor.state.doc)).toBe(true);
    expect(a.editor.state.doc.textContent).toContain("Threats to report a person to immigration authorities");
    check(a, "a");
    check(b, "b");
  });

  it("converges with crossing random edits and keeps the redline true on both, remote changes included (30 drafts × 40 steps, a third of them multi-chapter titles)", { timeout: 400_000 }, () => {
    const trials = 30;
    const steps = 40;
    let crossed = 0;
    for (let seed = 1; seed <= trials; seed++) {
      const random = new Random(seed * 7919);
      const title = seed % 3 === 0 ? generateTitle(seed, 24_000, 3) : null;
      const [a, b] = title ? pair(false, title, amendedSample(title, seed)) : pair();
      for (let step = 0; step < steps; step++) {
        const roll = random.next();
        const target = random.chance(0.5) ? a : b;
        if (roll < 0.7) {
          const { next } = randomAction(target.editor.state, random);
          const tr = next && toward(target.editor.state, next);
          if (tr) target.editor.dispatch(tr);
          if (tr) check(target, `seed ${seed} step ${step} after a local edit`);
          if (tr && target.inbox.length > 0) crossed++;
        } else {
          deliver(target, random.int(1, Math.max(1, target.inbox.length)));
          check(target, `seed ${seed} step ${step} after delivery`);
        }
      }
      deliver(a);
      deliver(b);
      deliver(a);
      check(a, `seed ${seed} a`);
      check(b, `seed ${seed} b`);
      expect(b.editor.state.doc.content.eq(a.editor.state.doc.content), `seed ${seed}: both hold the same text`).toBe(true);
      expect(JSON.stringify(b.editor.state.doc.attrs.annotations)).toBe(JSON.stringify(a.editor.state.doc.attrs.annotations));
      disposeClients();
    }
    // The test is worth something only if edits actually crossed (made while the other's were undelivered).
    expect(crossed).toBeGreaterThan(trials * 3);
  });

  it("undoes only one's own edits", () => {
    const [a, b] = pair();
    const at = a.editor.state.doc.textContent.indexOf("Threats to report");
    expect(at).toBeGreaterThan(0);
    let pos = -1;
    a.editor.state.doc.descendants((node, p) => { if (pos < 0 && node.isText && node.text!.includes("Threats to report")) pos = p + node.text!.indexOf("Threats"); return pos < 0; });
    a.editor.dispatch(a.editor.state.tr.insertText("Alpha ", pos));
    deliver(b);
    let posB = -1;
    b.editor.state.doc.descendants((node, p) => { if (posB < 0 && node.isText && node.text!.includes("Alpha Threats")) posB = p + node.text!.indexOf("Threats"); return posB < 0; });
    b.editor.dispatch(b.editor.state.tr.insertText("Beta ", posB));
    deliver(a);
    expect(a.editor.state.doc.textContent).toContain("Alpha Beta Threats");
    expect(a.editor.run(undoDraft, false)).toBe(true);
    deliver(b);
    expect(a.editor.state.doc.textContent).toContain("Beta Threats");
    expect(a.editor.state.doc.textContent).not.toContain("Alpha");
    expect(b.editor.state.doc.textContent).toContain("Beta Threats");
    expect(b.editor.state.doc.textContent).not.toContain("Alpha");
    check(a, "a");
    check(b, "b");
  });
});

describe("a reviewer's copy of a shared draft", () => {
  it("refuses every local change of the text, sponsors and settings (comments alone go on), and still takes the drafter's", () => {
    const [a, b] = pair(true);
    const before = b.editor.state.doc;
    let refused = 0;
    const random = new Random(4242);
    for (let step = 0; step < 200; step++) {
      // The edits are worked out on the drafter's copy (the same draft, which takes edits) and offered to the reviewer's.
      const { next } = randomAction(a.editor.state, random);
      const tr = next && toward(b.editor.state, next);
      if (!tr) continue;
      b.editor.dispatch(tr);
      refused++;
      expect(b.editor.state.doc.content.eq(before.content), `step ${step}`).toBe(true);
      expect(b.editor.state.doc.attrs.sponsors, `step ${step}`).toBe(before.attrs.sponsors);
      expect(b.editor.state.doc.attrs.exportSettings, `step ${step}`).toBe(before.attrs.exportSettings);
    }
    expect(refused).toBeGreaterThan(50);
    // Nothing reached the shared document from the reviewer (comments would go through the server).
    expect(a.inbox.length).toBe(0);
    let pos = -1;
    a.editor.state.doc.descendants((node, p) => { if (pos < 0 && node.isText && node.text!.includes("witnesses to crime")) pos = p + node.text!.indexOf("witnesses"); return pos < 0; });
    a.editor.dispatch(a.editor.state.tr.insertText("brave ", pos));
    deliver(b);
    expect(b.editor.state.doc.textContent).toContain("brave witnesses to crime");
    check(b, "reviewer");
  });
});

describe("undo in a shared draft", () => {
  it("takes back a word at a time while typing, as in a local draft", () => {
    const [a] = pair();
    let pos = -1;
    a.editor.state.doc.descendants((node, p) => { if (pos < 0 && node.isText && node.text!.includes("help with investigations")) pos = p + node.text!.indexOf("help"); return pos < 0; });
    const before = a.editor.state.doc.textContent;
    // Typed key by key, within the undo manager's capture time.
    for (const char of "only ever ") {
      a.editor.dispatch(a.editor.state.tr.insertText(char, pos));
      pos += 1;
    }
    expect(a.editor.state.doc.textContent).toContain("only ever help with investigations");
    expect(a.editor.run(undoDraft, false)).toBe(true);
    expect(a.editor.state.doc.textContent).toContain("only help with investigations");
    expect(a.editor.run(undoDraft, false)).toBe(true);
    expect(a.editor.state.doc.textContent).toBe(before);
  });
});
