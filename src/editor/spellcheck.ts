/**
 * Spelling is checked in the unit being edited only: the section holding the cursor (or, in a
 * chapter's heading and contents, the block holding it). The editor's root says
 * spellcheck="false" and this plugin marks that one unit spellcheck="true" with a node
 * decoration. Chromium keeps a marker for every misspelt word it has found in an editable
 * element and revisits them on each selection change: over a whole 2 MB chapter, full of legal
 * terms it does not know, that made every keystroke several milliseconds slower (the cursor
 * moves with every character). Checked only where one types, the cost does not grow with the
 * document, and the rest of the chapter — mostly official text — is not covered in squiggles.
 */
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

const spellcheckKey = new PluginKey<DecorationSet>("spellcheck");

/** The unit around the selection's head: its start and end positions, or null outside any. */
function unitAt(state: EditorState): { from: number; to: number } | null {
  const $head = state.selection.$head;
  for (let depth = $head.depth; depth > 0; depth--) {
    if ($head.node(depth).type.name === "section") return { from: $head.before(depth), to: $head.after(depth) };
  }
  // In a chapter's heading or contents (chapter → heading | toc), or the title heading.
  const depth = Math.min($head.depth, 2);
  return depth > 0 ? { from: $head.before(depth), to: $head.after(depth) } : null;
}

function decorate(state: EditorState): DecorationSet {
  const unit = unitAt(state);
  return unit ? DecorationSet.create(state.doc, [Decoration.node(unit.from, unit.to, { spellcheck: "true" })]) : DecorationSet.empty;
}

/** Root attribute spellcheck="false", and spellcheck="true" on the unit holding the cursor. */
export function spellcheckPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: spellcheckKey,
    state: {
      init: (_config, state) => decorate(state),
      apply(tr, previous, _old, state) {
        if (!tr.docChanged && !tr.selectionSet) return previous;
        const unit = unitAt(state);
        const mapped = tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
        // Still on the same unit (typing): keep the decoration as mapped.
        if (unit && mapped.find(unit.from, unit.to).some((deco) => deco.from === unit.from && deco.to === unit.to)) return mapped;
        return decorate(state);
      },
    },
    props: {
      attributes: { spellcheck: "false" },
      decorations: (state) => spellcheckKey.getState(state),
    },
  });
}
