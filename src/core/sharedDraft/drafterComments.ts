/**
 * What a drafter may do to the comments of a shared draft. Drafters write the Y document
 * directly (they may edit the text), so the server checks their comments after the fact: each
 * comment a drafter adds is signed by them, and someone else's comment stays as its writer left
 * it (a drafter may still remove it, or the whole thread, as moderation). A comment put back as
 * it once was (Undo after deleting the words it was on) is no forgery. Pure: the server applies
 * the rule to what it holds.
 */
import { signedBy, sortedJson, type Writer } from "./reviewerChanges";

/** A comment as an entry holds it: checked only for its id and signature, compared whole. */
export interface RawComment {
  readonly id?: unknown;
  readonly author?: unknown;
  readonly office?: unknown;
  readonly [field: string]: unknown;
}

/** The comments of an entry's value (a thread or an annotation), as written; [] when it has none. */
export function entryComments(value: unknown): readonly RawComment[] {
  const comments = (value as { comments?: unknown } | null | undefined)?.comments;
  return Array.isArray(comments) ? comments.filter((comment): comment is RawComment => typeof comment === "object" && comment !== null) : [];
}

/** A comment's value in a form that compares equal exactly when the two are the same comment word for word. */
export function commentKey(comment: RawComment): string {
  return sortedJson(comment);
}

/**
 * Why a drafter `writer`'s change of an entry from `before` to `after` (undefined: no entry) is
 * refused; null when it is allowed. `seen` says whether a comment, word for word, was held in
 * this draft before (so restoring it is allowed).
 */
export function drafterCommentRefusal(before: unknown, after: unknown, writer: Writer, seen: (key: string) => boolean): string | null {
  const old = new Map(entryComments(before).map((comment) => [comment.id, comment]));
  for (const comment of entryComments(after)) {
    const key = commentKey(comment);
    const earlier = old.get(comment.id);
    if (earlier && commentKey(earlier) === key) continue;
    if (earlier && !signedBy(earlier, writer)) return "someone else's comment may not be changed";
    if (!signedBy(comment, writer) && (earlier || !seen(key))) return "a comment must be signed by the person who writes it";
  }
  return null;
}
