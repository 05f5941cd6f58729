/**
 * Finds the change an annotation belongs to from the text alone: same section, same paragraph,
 * the quoted words, then the context around them. Used after a reload or when live position
 * mapping lost the change; returns null when the words are gone (the annotation is detached).
 */
import type { Change, Redline } from "../redline/types";
import type { AnnotationAnchor, TextQuote } from "./annotation";

const CONTEXT = 32;

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

/**
 * The id of the change the anchor now belongs to, or null. `useContext` false skips the
 * context check, which needs the whole texts (for the keystroke path, where the live quote
 * is fresh). Plan: look at changes of the same
 * section; score the quote (exact 4, contained 3, half its words 1), the paragraph id (+2) and
 * the context on each side (+1 each); the best positive score wins, ties going to the change
 * with the anchor's last known id.
 */
export function resolveAnchor(anchor: AnnotationAnchor, redline: Redline, useContext = true): string | null {
  let best: { id: string; score: number } | null = null;
  for (const section of redline.sections) {
    if (section.numberB !== anchor.section && section.numberA !== anchor.section) continue;
    for (const change of section.changes) {
      const text = anchor.side === "inserted" ? change.inserted : change.deleted;
      if (!text) continue;
      let score = text === anchor.quote.exact ? 4 : text.includes(anchor.quote.exact) || anchor.quote.exact.includes(text.trim()) ? 3 : wordOverlap(anchor.quote.exact, text) >= 0.5 ? 1 : 0;
      if (score === 0) continue;
      const blockId = anchor.side === "inserted" ? change.blockIdB : change.blockIdA;
      if (anchor.blockId && blockId === anchor.blockId) score += 2;
      if (useContext) {
        const quote = quoteOf(change, anchor.side, redline.baseText, redline.draftText);
        if (anchor.quote.prefix && quote.prefix.endsWith(anchor.quote.prefix.slice(-12))) score += 1;
        if (anchor.quote.suffix && quote.suffix.startsWith(anchor.quote.suffix.slice(0, 12))) score += 1;
      }
      if (change.id === anchor.changeId) score += 0.5;
      if (!best || score > best.score) best = { id: change.id, score };
    }
  }
  return best?.id ?? null;
}
