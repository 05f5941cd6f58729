/**
 * Finds the change an annotation belongs to from the text alone — its section, its paragraph
 * id and its quote with context (a text-quote selector) — for a reload, or when the editor's
 * position mapping lost the change. A change in another paragraph is taken only when the
 * quote with its context matches it and no other change; otherwise the annotation detaches.
 */
import type { Change, Redline } from "../redline/types";
import type { AnnotationAnchor, TextQuote } from "./annotation";

const CONTEXT = 32;
/** How much of the stored context must agree, on each side, for the context to match. */
const CONTEXT_CHECK = 12;

/** The text-quote selector for a change: its words on one side and context from that side's text. */
export function quoteOf(change: Change, side: "inserted" | "deleted", baseText: string, draftText: string): TextQuote {
  const [text, from, to] = side === "inserted" ? [draftText, change.fromB, change.toB] : [baseText, change.fromA, change.toA];
  return { exact: text.slice(from, to), prefix: text.slice(Math.max(0, from - CONTEXT), from), suffix: text.slice(to, to + CONTEXT) };
}

/** The anchor for an annotation on `change` in `redline`. */
export function anchorFor(change: Change, redline: Redline): AnnotationAnchor {
  const side = change.inserted ? "inserted" : "deleted";
  return {
    section: change.section,
    blockId: (side === "inserted" ? change.blockIdB : change.blockIdA) ?? null,
    side,
    quote: quoteOf(change, side, redline.baseText, redline.draftText),
    changeId: change.id,
  };
}

/** The words of `change` on the anchor's side. */
export function sideText(change: Change, side: AnnotationAnchor["side"]): string {
  return side === "inserted" ? change.inserted : change.deleted;
}

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Share of the quote's words found in `text` (0–1). */
function wordOverlap(quote: string, text: string): number {
  const quoted = words(quote);
  if (quoted.length === 0) return 0;
  const available = new Set(words(text));
  return quoted.filter((word) => available.has(word)).length / quoted.length;
}

/** The changes in the sections numbered `section` (draft or base number). */
function changesIn(redline: Redline, section: string): Change[] {
  const found: Change[] = [];
  for (const entry of redline.sections) if (entry.numberB === section || entry.numberA === section) found.push(...entry.changes);
  return found;
}

/** Whether the context around `change` agrees with the anchor's on both sides. */
function contextMatches(anchor: AnnotationAnchor, change: Change, redline: Redline): boolean {
  const quote = quoteOf(change, anchor.side, redline.baseText, redline.draftText);
  const prefix = anchor.quote.prefix.slice(-CONTEXT_CHECK);
  const suffix = anchor.quote.suffix.slice(0, CONTEXT_CHECK);
  return quote.prefix.endsWith(prefix) && quote.suffix.startsWith(suffix);
}

/**
 * The change the anchor names exactly — its change id, with the same words and the same
 * context — or null. A saved anchor of an attached annotation always names its change so.
 */
export function exactChange(anchor: AnnotationAnchor, redline: Redline): Change | null {
  const change = changesIn(redline, anchor.section).find((each) => each.id === anchor.changeId);
  if (!change || sideText(change, anchor.side) !== anchor.quote.exact) return null;
  return contextMatches(anchor, change, redline) ? change : null;
}

/**
 * The id of the change the anchor now belongs to, or null (detached). Looks at the changes of
 * the anchor's section that have words on its side. In the anchor's paragraph (or anywhere in
 * the section when it has none): the best score wins — the quote (exact 4, contained 3, half
 * its words 1), the context on each side (+1 each), the last known id (+0.5); ties go to the
 * first; a quote that is not exact counts only with context on at least one side. Failing that, a change in another paragraph is taken only when it alone holds the
 * quote (exact or contained) with matching context on both sides. A change in `claimed` (held
 * by another annotation) is never returned: the result is then null, so two annotations never
 * share one change.
 */
export function resolveAnchor(anchor: AnnotationAnchor, redline: Redline, claimed: ReadonlySet<string> = new Set()): string | null {
  let best: { id: string; score: number } | null = null;
  const elsewhere: string[] = [];
  for (const change of changesIn(redline, anchor.section)) {
    const text = sideText(change, anchor.side);
    if (!text) continue;
    const exact = anchor.quote.exact;
    const textScore = text === exact ? 4 : text.includes(exact) || exact.includes(text.trim()) ? 3 : wordOverlap(exact, text) >= 0.5 ? 1 : 0;
    if (textScore === 0) continue;
    const blockId = (anchor.side === "inserted" ? change.blockIdB : change.blockIdA) ?? null;
    const context = contextMatches(anchor, change, redline);
    if (anchor.blockId === null || blockId === anchor.blockId) {
      const quote = quoteOf(change, anchor.side, redline.baseText, redline.draftText);
      const before = anchor.quote.prefix !== "" && quote.prefix.endsWith(anchor.quote.prefix.slice(-CONTEXT_CHECK));
      const after = anchor.quote.suffix !== "" && quote.suffix.startsWith(anchor.quote.suffix.slice(0, CONTEXT_CHECK));
      // Words merely contained in, or shared with, a change are not enough without context.
      if (textScore < 4 && !before && !after) continue;
      const score = textScore + (before ? 1 : 0) + (after ? 1 : 0) + (change.id === anchor.changeId ? 0.5 : 0);
      if (!best || score > best.score) best = { id: change.id, score };
    } else if (textScore >= 3 && context) {
      elsewhere.push(change.id);
    }
  }
  const id = best?.id ?? (elsewhere.length === 1 ? elsewhere[0]! : null);
  return id !== null && !claimed.has(id) ? id : null;
}
