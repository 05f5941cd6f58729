/**
 * The renumberings done in this editor, old number → current number. The redline sees only the
 * base and the draft, so a section that is new in the draft and then renumbered is just a new
 * section to it: a citation written with its first number reads as "no such section". With this
 * log the checker's editor side can give such a citation the renumber fix (see references.ts).
 * Chains fold (A → B, then B → C gives A → C and B → C); a number used again by a section drops out.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";

const renumberLogKey = new PluginKey<ReadonlyMap<string, string>>("renumberLog");

/** Marks `tr` as renumbering a section from `from` to `to`. */
export function recordRenumbering(tr: Transaction, from: string, to: string): Transaction {
  return tr.setMeta(renumberLogKey, { from, to });
}

/** Old number → the number that section has now, for the renumberings done in this editor. */
export function renumberings(state: EditorState): ReadonlyMap<string, string> {
  return renumberLogKey.getState(state) ?? new Map();
}

/** The log as a list for saving with the draft (see amendmentFile's `renumberings`). */
export function renumberingList(state: EditorState): Array<{ from: string; to: string }> {
  return [...renumberings(state)].map(([from, to]) => ({ from, to }));
}

/** Keeps the log, starting from `saved` (the renumberings saved with the draft; none for a new draft). */
export function renumberLogPlugin(saved: ReadonlyArray<{ readonly from: string; readonly to: string }> = []): Plugin<ReadonlyMap<string, string>> {
  return new Plugin<ReadonlyMap<string, string>>({
    key: renumberLogKey,
    state: {
      init: () => new Map(saved.map(({ from, to }) => [from, to])),
      apply(tr, log) {
        const step = tr.getMeta(renumberLogKey) as { from: string; to: string } | undefined;
        if (!step) return log;
        const next = new Map<string, string>();
        for (const [old, now] of log) if (old !== step.to) next.set(old, now === step.from ? step.to : now);
        next.set(step.from, step.to);
        return next;
      },
    },
  });
}
