/**
 * Which change each annotation is on, kept up to date as people edit. Each annotation has a
 * live anchor: the words of its change as last seen, in its section and paragraph. After a
 * transaction, annotations in untouched sections keep their change (ids there are stable);
 * those in touched sections are re-found by their live words, so an annotation follows its
 * change when the change is reshaped, and survives splits, joins and undo. When no change
 * holds its words any more it is detached — kept, with its text, never dropped. The live
 * anchors are what is saved (see savedAnnotations), so a reopened draft resolves the same.
 */
import type { Annotation, AnnotationAnchor } from "../../core/annotations/annotation";
import { resolveAnchor } from "../../core/annotations/resolve";
import type { Change, Redline } from "../../core/redline/types";

export interface AnnotationIndex {
  readonly list: readonly Annotation[];
  /** Live anchor per annotation id (its change id is null when detached). */
  readonly live: ReadonlyMap<string, AnnotationAnchor & { readonly attached: boolean }>;
  readonly byChange: ReadonlyMap<string, readonly Annotation[]>;
  readonly detached: readonly Annotation[];
}

function changeById(redline: Redline, id: string, section: string): Change | undefined {
  for (const entry of redline.sections) {
    if (entry.numberB !== section && entry.numberA !== section) continue;
    const found = entry.changes.find((change) => change.id === id);
    if (found) return found;
  }
  return undefined;
}

/** The live anchor of an annotation found on `change`: its section, paragraph, words and id now. */
function followed(start: AnnotationAnchor, change: Change): AnnotationAnchor & { attached: boolean } {
  const inserted = start.side === "inserted";
  return {
    section: change.section,
    blockId: (inserted ? change.blockIdB : change.blockIdA) ?? start.blockId,
    side: start.side,
    quote: { ...start.quote, exact: (inserted ? change.inserted : change.deleted) || start.quote.exact },
    changeId: change.id,
    attached: true,
  };
}

/**
 * Resolves every annotation against `redline`. `touchedSections` (section numbers) limits the
 * work to sections a transaction changed; null re-resolves all.
 */
export function resolveAnnotations(
  list: readonly Annotation[], redline: Redline, previous: AnnotationIndex | null, touchedSections: ReadonlySet<string> | null,
): AnnotationIndex {
  const live = new Map<string, AnnotationAnchor & { attached: boolean }>();
  const byChange = new Map<string, Annotation[]>();
  const detached: Annotation[] = [];
  for (const annotation of list) {
    const before = previous?.live.get(annotation.id);
    let anchor: AnnotationAnchor & { attached: boolean };
    if (before && touchedSections && !touchedSections.has(before.section)) {
      anchor = before;
    } else {
      const start = before ?? { ...annotation.anchor, attached: true };
      const exact = before ? null : changeById(redline, annotation.anchor.changeId, annotation.anchor.section);
      const id = exact && (annotation.anchor.side === "inserted" ? exact.inserted : exact.deleted) === annotation.anchor.quote.exact
        ? exact.id
        : resolveAnchor(start, redline, before === undefined);
      const change = id ? changeById(redline, id, start.section) : undefined;
      anchor = change ? followed(start, change) : { ...start, attached: false };
    }
    live.set(annotation.id, anchor);
    if (anchor.attached) {
      const on = byChange.get(anchor.changeId) ?? [];
      on.push(annotation);
      byChange.set(anchor.changeId, on);
    } else {
      detached.push(annotation);
    }
  }
  return { list, live, byChange, detached };
}
