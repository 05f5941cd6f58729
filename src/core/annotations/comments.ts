/**
 * Comment threads: on a change (the comments of its annotation) or on words of the draft that
 * are not a change (a text thread, anchored by a text-quote selector). A thread is its comments
 * in order — the first opens it, the others reply — and whether it is resolved. Everything here
 * is a pure function returning new values; only a comment's own writer may edit or delete it.
 */
import type { Comment, TextQuote } from "./annotation";

/** Who is writing: a name and an office, set once in the app and stored with the draft. */
export interface CommentAuthor {
  readonly name: string;
  readonly office: string;
}

/** Where a text thread stands in the draft: its section, paragraph and quoted words with context. */
export interface TextAnchor {
  /** The draft number of the section the words are in. */
  readonly section: string;
  /** The id of the paragraph the words start in (as the saved text names it), or null for the heading. */
  readonly blockId: string | null;
  /** The words (draft text, paragraphs joined by a line break) and up to 32 characters on each side within the section. */
  readonly quote: TextQuote;
}

/** A comment thread on draft words that are not a change. */
export interface TextThread {
  readonly id: string;
  readonly anchor: TextAnchor;
  readonly resolved: boolean;
  readonly comments: readonly Comment[];
}

/** What every thread has, whatever it is on. */
export interface ThreadBody {
  readonly comments: readonly Comment[];
  readonly resolved?: boolean;
}

/** Whether `comment` was written by `author` (same name and office, ignoring case and outer spaces). */
export function isOwnComment(comment: Comment, author: CommentAuthor | null): boolean {
  if (!author) return false;
  const same = (a: string | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();
  return same(comment.author, author.name) && same(comment.office, author.office);
}

/** Whether an author is usable: a name of at least one non-space character. */
export function isValidAuthor(author: CommentAuthor | null | undefined): author is CommentAuthor {
  return !!author && author.name.trim() !== "";
}

/** A new comment by `author` (text trimmed), or null when the text is blank or the author has no name. */
export function newComment(id: string, author: CommentAuthor | null, text: string, time: string): Comment | null {
  if (!isValidAuthor(author) || text.trim() === "") return null;
  const office = author.office.trim();
  return { id, author: author.name.trim(), ...(office ? { office } : {}), time, text: text.trim() };
}

/** The thread with `comment` added at its end; a reply reopens a resolved thread (as Word does). */
export function addToThread<T extends ThreadBody>(thread: T, comment: Comment): T {
  return { ...thread, comments: [...thread.comments, comment], ...(thread.resolved ? { resolved: false } : {}) };
}

/**
 * The thread with comment `commentId` given `text` (trimmed) and marked edited at `time`, or null
 * when the comment is missing, is not `author`'s own, or the text is blank or unchanged.
 */
export function editInThread<T extends ThreadBody>(thread: T, commentId: string, author: CommentAuthor | null, text: string, time: string): T | null {
  const comment = thread.comments.find((each) => each.id === commentId);
  if (!comment || !isOwnComment(comment, author) || text.trim() === "" || text.trim() === comment.text) return null;
  return { ...thread, comments: thread.comments.map((each) => (each.id === commentId ? { ...each, text: text.trim(), edited: time } : each)) };
}

/** The thread without comment `commentId`, or null when it is missing or not `author`'s own. */
export function deleteFromThread<T extends ThreadBody>(thread: T, commentId: string, author: CommentAuthor | null): T | null {
  const comment = thread.comments.find((each) => each.id === commentId);
  if (!comment || !isOwnComment(comment, author)) return null;
  return { ...thread, comments: thread.comments.filter((each) => each.id !== commentId) };
}

/** The thread resolved (`resolved` true) or reopened; null when it has no comments or is already so. */
export function setThreadResolved<T extends ThreadBody>(thread: T, resolved: boolean): T | null {
  if (thread.comments.length === 0 || Boolean(thread.resolved) === resolved) return null;
  return { ...thread, resolved };
}

/** How an author is shown: "Name, Office" or "Name". */
export function describeAuthor(author: { readonly name: string; readonly office?: string | undefined }): string {
  const office = author.office?.trim();
  return office ? `${author.name}, ${office}` : author.name;
}
