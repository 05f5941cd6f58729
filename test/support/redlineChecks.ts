/** Independent checks of a redline against the two canonical texts. */
import { tokenize } from "../../src/core/redline/tokens";
import type { Change, Redline } from "../../src/core/redline/types";

function topLevel(redline: Redline): Change[] {
  return redline.changes.filter((change) => change.withinMove === undefined);
}

/** The base text with every top-level change applied: should equal the draft text. */
export function applyChanges(redline: Redline): string {
  const base = redline.baseText;
  const draft = redline.draftText;
  let result = "";
  let pos = 0;
  for (const change of [...topLevel(redline)].sort((x, y) => x.fromA - y.fromA || x.fromB - y.fromB)) {
    if (change.fromA < pos) throw new Error(`change ${change.id} overlaps the previous one`);
    result += base.slice(pos, change.fromA) + draft.slice(change.fromB, change.toB);
    pos = change.toA;
  }
  return result + base.slice(pos);
}

/** The draft text with every top-level change reversed: should equal the base text. */
export function revertChanges(redline: Redline): string {
  const base = redline.baseText;
  const draft = redline.draftText;
  let result = "";
  let pos = 0;
  for (const change of [...topLevel(redline)].sort((x, y) => x.fromB - y.fromB || x.fromA - y.fromA)) {
    if (change.fromB < pos) throw new Error(`change ${change.id} overlaps the previous one in the draft`);
    result += draft.slice(pos, change.fromB) + base.slice(change.fromA, change.toA);
    pos = change.toB;
  }
  return result + draft.slice(pos);
}

/** Positions strictly inside a token (a word, citation, number…) of `text`. */
function insideToken(text: string): (position: number) => boolean {
  const starts = new Int32Array(text.length + 1).fill(-1);
  for (const token of tokenize(text)) {
    for (let p = token.from + 1; p < token.to; p++) starts[p] = token.from;
  }
  return (position) => starts[position]! >= 0;
}

/**
 * Descriptions of change boundaries that fall inside a token, in either text. Re-lettered
 * enumerators are the one exception by convention — "([-c-]{+d+})" marks the label inside its
 * parentheses — and are checked separately.
 */
export function boundariesInsideTokens(redline: Redline): string[] {
  const inA = insideToken(redline.baseText);
  const inB = insideToken(redline.draftText);
  const problems: string[] = [];
  for (const change of redline.changes) {
    if (change.part === "enumerator") continue;
    for (const [side, position, inside] of [["A", change.fromA, inA], ["A", change.toA, inA], ["B", change.fromB, inB], ["B", change.toB, inB]] as const) {
      if (inside(position)) problems.push(`${change.id}: ${side} offset ${position} is inside a token`);
    }
  }
  return problems;
}

/** Checks that each change's texts are the slices its offsets name. */
export function slicesMatch(redline: Redline): string[] {
  return redline.changes
    .filter((change) => redline.baseText.slice(change.fromA, change.toA) !== change.deleted || redline.draftText.slice(change.fromB, change.toB) !== change.inserted)
    .map((change) => change.id);
}
