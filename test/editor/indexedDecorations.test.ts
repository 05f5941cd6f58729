// @vitest-environment happy-dom
/**
 * The redline's decorations with a binary-searched child lookup (redline/indexedDecorations)
 * answer every node of the document exactly as ProseMirror's own DecorationSet does, for
 * random decorations of every kind (inline ones spanning blocks, node ones, widgets); and a
 * view redrawn keystroke by keystroke through them shows what a view drawn afresh shows.
 */
import type { Node as PMNode } from "prosemirror-model";
import { TextSelection, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet, EditorView, type DecorationSource } from "prosemirror-view";
import { afterEach, describe, expect, it } from "vitest";
import { Random } from "../../src/core/samples/random";
import { indexedDecorations } from "../../src/editor/redline/indexedDecorations";
import { redlineEditor } from "../support/editorHarness";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { randomAction } from "../support/randomTransactions";

interface Internal { locals(node: PMNode): readonly Decoration[] }

/** Every decoration a source hands each node, as "path|from-to|kind|spec" lines, walking the document as the view does. */
function handedOut(source: DecorationSource, node: PMNode, path = "doc"): string[] {
  const lines = (source as unknown as Internal).locals(node).map((d) => `${path}|${d.from}-${d.to}|${(d.spec as { tag?: string }).tag}`);
  let offset = 0;
  node.forEach((child, _, index) => {
    lines.push(...handedOut(source.forChild(offset, child), child, `${path}/${index}`));
    offset += child.nodeSize;
  });
  return lines.sort();
}

function randomDecorations(doc: PMNode, random: Random, count: number): Decoration[] {
  const blocks: Array<{ pos: number; end: number }> = [];
  const nodes: Array<{ pos: number; end: number }> = [];
  doc.descendants((node, pos) => {
    nodes.push({ pos, end: pos + node.nodeSize });
    if (node.isTextblock) blocks.push({ pos: pos + 1, end: pos + 1 + node.content.size });
    return true;
  });
  const decorations: Decoration[] = [];
  for (let i = 0; i < count; i++) {
    const tag = `d${i}`;
    const roll = random.next();
    if (roll < 0.4) {
      const block = blocks[random.int(0, blocks.length - 1)]!;
      const from = random.int(block.pos, block.end);
      decorations.push(Decoration.inline(from, random.int(from, block.end), { class: "x" }, { tag }));
    } else if (roll < 0.5) {
      // An inline decoration across blocks (and sections): handed down cut to each.
      const from = random.int(0, doc.content.size - 1);
      decorations.push(Decoration.inline(from, Math.min(doc.content.size, from + random.int(1, 3000)), { class: "y" }, { tag }));
    } else if (roll < 0.8) {
      const node = nodes[random.int(0, nodes.length - 1)]!;
      decorations.push(Decoration.node(node.pos, node.end, { class: "n" }, { tag }));
    } else {
      const block = blocks[random.int(0, blocks.length - 1)]!;
      decorations.push(Decoration.widget(random.int(block.pos, block.end), () => document.createElement("del"), { tag }));
    }
  }
  return decorations;
}

/** The drawn markup, one element per line, attributes sorted (redraws may add them in another order). */
function drawn(root: Element): string[] {
  const lines: string[] = [];
  const walk = (node: Node, depth: number) => {
    if (node.nodeType === Node.TEXT_NODE) { lines.push(`${" ".repeat(depth)}"${node.textContent}"`); return; }
    if (!(node instanceof Element)) return;
    // A section's or group's estimated height (editor/sectionBoxes.ts) is set when its box is
    // made and deliberately kept through edits (once drawn, the browser keeps its real height).
    const attrs = [...node.attributes].filter((a) => a.name !== "spellcheck" && !(a.name === "style" && /^contain-intrinsic-size: auto \d+px;$/.test(a.value))).map((a) => a.name === "class" ? `class=${a.value.split(/\s+/).sort().join(".")}` : `${a.name}=${a.value}`).sort();
    lines.push(`${" ".repeat(depth)}<${node.tagName.toLowerCase()} ${attrs.join(" ")}>`);
    node.childNodes.forEach((child) => walk(child, depth + 1));
  };
  root.childNodes.forEach((child) => walk(child, 0));
  return lines;
}

function firstDifference(a: string[], b: string[]): string | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return `line ${i}: ${a[i]} ≠ ${b[i]}`;
  return null;
}

let view: EditorView | null = null;
afterEach(() => { view?.destroy(); view = null; document.body.replaceChildren(); });

describe("decorations with an indexed child lookup", () => {
  it("hand every node the decorations ProseMirror's own set hands it", () => {
    const state = redlineEditor(fixtureBase(), fixtureAmended());
    const doc = state.doc;
    const inText: number[] = [];
    doc.descendants((node, pos) => { if (node.isTextblock) inText.push(pos + 1); return !node.isTextblock; });
    const random = new Random(7);
    for (let trial = 0; trial < 60; trial++) {
      const set = DecorationSet.create(doc, randomDecorations(doc, random, random.int(0, 120)));
      const indexed = indexedDecorations(set);
      expect(handedOut(indexed, doc)).toEqual(handedOut(set, doc));
      // Mapped through typing, it still answers as the mapped set.
      const tr = state.tr.insertText("typed ", random.pick(inText));
      expect(handedOut(indexed.map(tr.mapping, tr.doc), tr.doc)).toEqual(handedOut(set.map(tr.mapping, tr.doc), tr.doc));
    }
  });

  it("is one wrapper per set, equal only to a wrapper of an equal set", () => {
    const doc = redlineEditor().doc;
    const set = DecorationSet.create(doc, [Decoration.node(0, doc.child(0).nodeSize, { class: "n" })]);
    const again = DecorationSet.create(doc, [Decoration.node(0, doc.child(0).nodeSize, { class: "n" })]);
    const other = DecorationSet.create(doc, [Decoration.node(0, doc.child(0).nodeSize, { class: "m" })]);
    const wrapped = indexedDecorations(set) as DecorationSource & { eq(other: unknown): boolean };
    expect(indexedDecorations(set)).toBe(wrapped);
    expect(wrapped.eq(indexedDecorations(again))).toBe(true);
    expect(wrapped.eq(indexedDecorations(other))).toBe(false);
    expect(indexedDecorations(DecorationSet.empty)).toBe(DecorationSet.empty);
  });

  it("redraws the view, transaction by transaction, as a view drawn afresh shows it", { timeout: 120_000 }, () => {
    const place = document.createElement("div");
    document.body.append(place);
    let state: EditorState = redlineEditor(fixtureBase(), fixtureAmended());
    view = new EditorView(place, { state });
    const random = new Random(11);
    for (let step = 0; step < 150; step++) {
      const { next } = randomAction(state, random);
      if (!next) continue;
      state = next;
      view.updateState(state);
      if (step % 10 !== 9) continue;
      const fresh = document.createElement("div");
      const freshView = new EditorView(fresh, { state: state.apply(state.tr.setSelection(TextSelection.atStart(state.doc))) });
      expect(firstDifference(drawn(view.dom), drawn(freshView.dom))).toBe(null);
      freshView.destroy();
    }
  });
});
