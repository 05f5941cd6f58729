/**
 * Sponsor annotations on changes: who sponsors a change and why, its status and a comment
 * thread. An annotation is anchored by what lets it be found again from the text alone — the
 * section, the paragraph id, the quoted words with a little context (a text-quote selector) —
 * plus the id of the change it was last attached to.
 */

export type AnnotationStatus = "proposed" | "agreed" | "withdrawn" | "rejected";

export const ANNOTATION_STATUSES: readonly AnnotationStatus[] = ["proposed", "agreed", "withdrawn", "rejected"];

export interface Comment {
  readonly id: string;
  /** The writer's name (in files written before names were kept: a sponsor registry id, or a free name). */
  readonly author: string;
  /** The writer's office, when known. */
  readonly office?: string;
  /** ISO 8601 time of writing. */
  readonly time: string;
  readonly text: string;
  /** ISO 8601 time of the last edit, when the writer edited it. */
  readonly edited?: string;
}

/** The words an annotation covers and a few words on each side (W3C text-quote selector). */
export interface TextQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface AnnotationAnchor {
  /** Section number the change was in (draft number, or base number for a deletion). */
  readonly section: string;
  /** Paragraph id in the draft (or base, for a deletion), when the change lies in a paragraph. */
  readonly blockId: string | null;
  /** Which text the quote is from: the inserted (draft) or deleted (base) words. */
  readonly side: "inserted" | "deleted";
  readonly quote: TextQuote;
  /** The change id it was attached to when last resolved. */
  readonly changeId: string;
}

export interface Annotation {
  readonly id: string;
  readonly anchor: AnnotationAnchor;
  readonly sponsorIds: readonly string[];
  readonly justification: string;
  readonly status: AnnotationStatus;
  readonly comments: readonly Comment[];
  /** True once the change's comment thread is resolved; absent (as in older files) means open. */
  readonly resolved?: boolean;
}

/** Returns a copy of `list` with the annotation of this id replaced by `update(old)`. */
export function updateAnnotation(list: readonly Annotation[], id: string, update: (old: Annotation) => Annotation): Annotation[] {
  return list.map((annotation) => (annotation.id === id ? update(annotation) : annotation));
}
