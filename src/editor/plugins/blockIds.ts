/**
 * Keeps every paragraph, history note and section id unique and non-empty. Splitting a
 * paragraph copies its attributes, and pasted nodes arrive without ids; this plugin gives the
 * new node a fresh id in the same transaction group, so annotations and the redline can rely
 * on ids. Only the ranges a transaction touched are examined.
 */
import { Plugin, type Transaction } from "prosemirror-state";
import { ReplaceStep } from "prosemirror-transform";
import type { Node as PMNode } from "prosemirror-model";
import { isRemoteChange } from "../collab/remote";

let counter = 0;

/** A new id, unique within this page's lifetime and very likely across pages. */
export function freshId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${counter}`;
}

function needsId(node: PMNode): boolean {
  return node.type.spec.attrs?.id !== undefined;
}

/** Ranges of the new document touched by these transactions. */
function touchedRanges(transactions: readonly Transaction[], doc: PMNode): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const tr of transactions) {
    tr.mapping.maps.forEach((map, index) => {
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        const rest = tr.mapping.slice(index + 1);
        ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
      });
    });
  }
  return ranges.map(([from, to]) => [Math.max(0, from - 1), Math.min(doc.content.size, to + 1)]);
}

/** The plugin; add it to every editor state of `codeSchema`. */
export function blockIdsPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged && !isRemoteChange(tr)) || transactions.every(onlyEditsText)) return null;
      const seen = new Set<string>();
      const fixes: Array<{ pos: number; prefix: string }> = [];
      for (const [from, to] of touchedRanges(transactions, newState.doc)) {
        newState.doc.nodesBetween(from, to, (node, pos) => {
          if (!needsId(node)) return true;
          const id = node.attrs.id as string;
          if (!id || seen.has(`${id}@${pos}`) === false && isDuplicate(newState.doc, id, pos)) {
            fixes.push({ pos, prefix: node.type.name === "section" ? "s" : "b" });
          }
          seen.add(`${id}@${pos}`);
          return node.type.name === "chapter" || node.type.name === "section";
        });
      }
      if (fixes.length === 0) return null;
      const tr = newState.tr;
      const done = new Set<number>();
      for (const { pos, prefix } of fixes) {
        if (done.has(pos)) continue;
        done.add(pos);
        tr.setNodeAttribute(pos, "id", freshId(prefix));
      }
      return tr.setMeta("addToHistory", false);
    },
  });
}

/** True when another node before `pos` in the same parent region carries the same id. */
function isDuplicate(doc: PMNode, id: string, pos: number): boolean {
  // Splits produce the duplicate right after the original, so look at the previous sibling
  // first; a full scan is the fallback for pasted sections.
  const $pos = doc.resolve(pos);
  const before = $pos.nodeBefore;
  if (before && before.attrs.id === id) return true;
  let found = false;
  doc.descendants((node, nodePos) => {
    if (found || nodePos >= pos) return false;
    if (node.attrs.id === id && needsId(node)) found = true;
    return !found && (node.type.name === "doc" || node.type.name === "chapter" || node.type.name === "section_group" || node.type.name === "section");
  });
  return found;
}

/** True when every step of `tr` replaced text inside one textblock: no block was made or copied. */
function onlyEditsText(tr: Transaction): boolean {
  return tr.steps.every((step, index) => {
    if (!(step instanceof ReplaceStep)) return false;
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: import("prosemirror-model").Slice };
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    let inline = true;
    slice.content.forEach((node) => { if (!node.isInline) inline = false; });
    if (!inline) return false;
    const doc = tr.docs[index]!;
    const $from = doc.resolve(from);
    return $from.parent.isTextblock && $from.sameParent(doc.resolve(to));
  });
}
