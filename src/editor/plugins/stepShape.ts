/** What a transaction's steps did, for plugins that skip work on plain typing. */
import type { Slice } from "prosemirror-model";
import { ReplaceStep } from "prosemirror-transform";
import type { Transaction } from "prosemirror-state";

/** True when step `index` of `tr` replaced inline content inside one textblock (no node made, joined or split). */
export function replacesWithinLine(tr: Transaction, index: number): boolean {
  const step = tr.steps[index];
  if (!(step instanceof ReplaceStep)) return false;
  const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
  if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
  let inline = true;
  slice.content.forEach((node) => { if (!node.isInline) inline = false; });
  const doc = tr.docs[index]!;
  const $from = doc.resolve(from);
  return inline && $from.parent.isTextblock && $from.sameParent(doc.resolve(to));
}
