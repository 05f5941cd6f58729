/**
 * Which change each annotation is on, kept up to date as people edit. The order of trust:
 * 1. between re-diffs, ProseMirror's step mapping of the range of the annotation's change: the
 *    change of its section that covers the mapped words is its change, however reshaped — but
 *    a change that lay in a paragraph is followed only to a change that lies in one (the
 *    paragraph holding the mapped words), never to a change of no paragraph, such as the whole
 *    section shown inserted when an edit makes the engine stop pairing the section with its
 *    base; the steps below then decide (so it detaches, and comes back when the section pairs again);
 * 2. the saved anchor naming its change exactly (id, words and context), as after a reload;
 * 3. the stable paragraph id and the quote with its context (resolveAnchor): a change in
 *    another paragraph only when the quote with context matches it alone.
 * Annotations in sections a transaction did not touch keep their change (ids there are
 * stable). A change holds at most one annotation: a second one that would land on it is
 * detached. A detached annotation is kept, with its text, and listed — never dropped. What is
 * saved is the live anchor (see savedAnnotations), and a fresh state resolving the saved
 * anchors attaches every annotation to the same change.
 */
import type { Mappable } from "prosemirror-transform";
import type { Annotation, AnnotationAnchor } from "../../core/annotations/annotation";
import { exactChange, quoteOf, resolveAnchor, sideText } from "../../core/annotations/resolve";
import type { Change, Redline } from "../../core/redline/types";
import { changesOfSection, followedChange, mapRange, type PosRange } from "./changeRanges";

/** An annotation's anchor as the editor holds it now. */
export interface LiveAnchor extends AnnotationAnchor {
  /** False when no change holds it (its change id is then the last one it had). */
  readonly attached: boolean;
  /** The editor range of its change's draft words, when attached and known. */
  readonly range: PosRange | null;
  /** The change it is on and the redline it was found in, for its quote with context. */
  readonly seen: { readonly change: Change; readonly redline: Redline } | null;
}

export interface AnnotationIndex {
  readonly list: readonly Annotation[];
  /** Live anchor per annotation id. */
  readonly live: ReadonlyMap<string, LiveAnchor>;
  /** The annotation on each change (one at most, in a one-element list). */
  readonly byChange: ReadonlyMap<string, readonly Annotation[]>;
  readonly detached: readonly Annotation[];
}

/** What the editor knows of positions: how the last transaction moved them, and where changes stand now. */
export interface AnchorPositions {
  /** The transaction's mapping from the previous document (null: the document did not change). */
  readonly mapping: Mappable | null;
  /** The editor ranges of the changes in the sections with these numbers. */
  readonly rangesIn: (sections: ReadonlySet<string>) => ReadonlyMap<string, PosRange>;
}

/** The plain anchor (the saved fields) of a live one, with its quote and context as last seen. */
export function anchorOfLive(live: LiveAnchor): AnnotationAnchor {
  const { section, blockId, side, quote, changeId } = live;
  if (!live.seen) return { section, blockId, side, quote, changeId };
  const { change, redline } = live.seen;
  const seenQuote = quoteOf(change, side, redline.baseText, redline.draftText);
  return { section, blockId, side, quote: seenQuote.exact ? seenQuote : { ...seenQuote, exact: quote.exact }, changeId };
}

function attachedTo(start: AnnotationAnchor, change: Change, redline: Redline, range: PosRange | null): LiveAnchor {
  const inserted = start.side === "inserted";
  return {
    section: change.section,
    blockId: (inserted ? change.blockIdB : change.blockIdA) ?? start.blockId,
    side: start.side,
    quote: { ...start.quote, exact: sideText(change, start.side) || start.quote.exact },
    changeId: change.id,
    attached: true,
    range,
    seen: { change, redline },
  };
}

/** The paragraph `change` lies in on `side` (draft for inserted words, base for deleted), or null. */
function paragraphOf(change: Change, side: AnnotationAnchor["side"]): string | null {
  return (side === "inserted" ? change.blockIdB : change.blockIdA) ?? null;
}

function detachedAt(anchor: AnnotationAnchor): LiveAnchor {
  return { ...anchor, attached: false, range: null, seen: null };
}

/**
 * Resolves every annotation against `redline`. `touchedSections` (section numbers) limits the
 * work to sections a transaction changed; null re-resolves all. `positions` gives the step
 * mapping and change ranges (null: resolve from the text alone).
 */
export function resolveAnnotations(
  list: readonly Annotation[], redline: Redline, previous: AnnotationIndex | null, touchedSections: ReadonlySet<string> | null,
  positions: AnchorPositions | null = null,
): AnnotationIndex {
  const live = new Map<string, LiveAnchor>();
  const claimed = new Set<string>();
  const mapping = positions?.mapping ?? null;
  const kept = (before: LiveAnchor | undefined): boolean => before !== undefined && touchedSections !== null && !touchedSections.has(before.section);
  // The ranges of the changes in every section where an annotation is looked for.
  const sections = new Set<string>();
  for (const annotation of list) {
    const before = previous?.live.get(annotation.id);
    if (!kept(before)) sections.add(before?.section ?? annotation.anchor.section);
  }
  const ranges = positions && sections.size > 0 ? positions.rangesIn(sections) : new Map<string, PosRange>();
  const claim = (annotation: Annotation, anchor: LiveAnchor) => {
    live.set(annotation.id, anchor);
    claimed.add(anchor.changeId);
  };
  const later: Array<{ annotation: Annotation; anchor: AnnotationAnchor }> = [];
  for (const annotation of list) {
    const before = previous?.live.get(annotation.id);
    if (before && kept(before)) {
      const anchor = before.attached && !claimed.has(before.changeId) ? { ...before, range: before.range && mapRange(before.range, mapping) } : { ...before, attached: false };
      if (anchor.attached) claim(annotation, anchor); else live.set(annotation.id, detachedAt(anchorOfLive(before)));
      continue;
    }
    if (before?.attached && before.range && positions) {
      const mapped = mapRange(before.range, mapping);
      const inParagraph = before.seen !== null && paragraphOf(before.seen.change, before.side) !== null;
      const candidates = mapped
        ? changesOfSection(redline, before.section).filter((change) => sideText(change, before.side) !== "" && !claimed.has(change.id) && (!inParagraph || paragraphOf(change, before.side) !== null))
        : [];
      const change = mapped ? followedChange(mapped, candidates, ranges, before.changeId) : null;
      if (change) { claim(annotation, attachedTo(before, change, redline, ranges.get(change.id) ?? null)); continue; }
    }
    const anchor = before ? anchorOfLive(before) : annotation.anchor;
    const exact = exactChange(anchor, redline);
    if (exact && !claimed.has(exact.id)) { claim(annotation, attachedTo(anchor, exact, redline, ranges.get(exact.id) ?? null)); continue; }
    later.push({ annotation, anchor });
  }
  for (const { annotation, anchor } of later) {
    const id = resolveAnchor(anchor, redline, claimed);
    const change = id ? changesOfSection(redline, anchor.section).find((each) => each.id === id) : undefined;
    if (change) claim(annotation, attachedTo(anchor, change, redline, ranges.get(change.id) ?? null));
    else live.set(annotation.id, detachedAt(anchor));
  }
  const byChange = new Map<string, Annotation[]>();
  const detached: Annotation[] = [];
  for (const annotation of list) {
    const anchor = live.get(annotation.id)!;
    if (anchor.attached) byChange.set(anchor.changeId, [annotation]); else detached.push(annotation);
  }
  return { list, live, byChange, detached };
}
