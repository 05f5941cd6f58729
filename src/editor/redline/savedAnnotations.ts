/**
 * The annotations as they are saved with the draft: each with the anchor the editor shows it
 * at now (its live anchor), not the anchor it had when it was made. Every save and export path
 * takes annotations from here, so what is saved is what the editor shows, and reopening the
 * saved draft attaches every annotation to the same change.
 */
import type { EditorState } from "prosemirror-state";
import type { Annotation, AnnotationAnchor } from "../../core/annotations/annotation";
import { anchorOfLive, type LiveAnchor } from "./annotationIndex";
import { quoteOf } from "../../core/annotations/resolve";
import { ANNOTATION_LIMITS } from "../../core/amendmentFile";
import { blockId, findSection, sectionId, type OrdinanceDocument } from "../../core/model/document";
import type { Change, Redline, SectionRedline } from "../../core/redline/types";
import { docAnnotations, redlineState } from "./plugin";

/** The entry and change with this id, looked up in the sections numbered `section`. */
function findChange(redline: Redline, id: string, section: string): { entry: SectionRedline; change: Change } | null {
  for (const entry of redline.sections) {
    if (entry.numberB !== section && entry.numberA !== section) continue;
    const change = entry.changes.find((each) => each.id === id);
    if (change) return { entry, change };
  }
  return null;
}

/**
 * The id the paragraph `id` of section `number` gets when the saved text is read back: the
 * importer names blocks by their place in the section.
 */
export function savedBlockId(doc: OrdinanceDocument, number: string | null, id: string | undefined): string | null {
  if (!number || !id) return null;
  const index = findSection(doc, number)?.blocks.findIndex((block) => block.id === id) ?? -1;
  return index < 0 ? null : blockId(sectionId(number), index);
}

/** The anchor to save for an annotation whose live anchor is `live`. */
function savedAnchor(live: LiveAnchor, state: EditorState): AnnotationAnchor {
  const { base, draft, redline } = redlineState(state);
  const found = live.attached ? findChange(redline, live.changeId, live.section) : null;
  // A detached annotation keeps the anchor it was last looked for by (its words and context),
  // its paragraph named as the saved text will name it while that paragraph is still there.
  if (!found) {
    const anchor = anchorOfLive(live);
    const doc = anchor.side === "inserted" ? draft : base;
    return anchor.blockId ? { ...anchor, blockId: savedBlockId(doc, anchor.section, anchor.blockId) ?? anchor.blockId } : anchor;
  }
  const { entry, change } = found;
  const inserted = live.side === "inserted";
  const quote = quoteOf(change, live.side, redline.baseText, redline.draftText);
  // The file takes quotes of 1 to ANNOTATION_LIMITS.quote characters; a longer one is kept
  // as its start, which still finds the change (a contained quote).
  const exact = quote.exact === "" ? live.quote.exact : quote.exact.slice(0, ANNOTATION_LIMITS.quote);
  return {
    section: change.section,
    blockId: inserted ? savedBlockId(draft, entry.numberB, change.blockIdB) : savedBlockId(base, entry.numberA, change.blockIdA),
    side: live.side,
    quote: { ...quote, exact },
    changeId: change.id,
  };
}

/** The annotations to save for `state`, each with its live anchor. */
export function savedAnnotations(state: EditorState): readonly Annotation[] {
  const { annotations } = redlineState(state);
  return docAnnotations(state).map((annotation) => {
    const live = annotations.live.get(annotation.id);
    return live ? { ...annotation, anchor: savedAnchor(live, state) } : annotation;
  });
}
