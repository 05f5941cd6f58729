/**
 * Validation of comments and comment threads read from an amendment file: each comment (id,
 * author, office, time, text, edit time), text threads (id, anchor, resolved, comments) and the
 * current user. Every problem is recorded with its path; the readers return fresh values built
 * from what was read, or null when anything was wrong.
 */
import type { Comment, TextQuote } from "../annotations/annotation";
import type { CommentAuthor, TextAnchor, TextThread } from "../annotations/comments";
import { checkKnownKeys, isRecord, readIsoTime, readList, readOptionalText, readText, type ProblemList } from "./problems";

/** Length caps, in characters and entries. */
export const COMMENT_LIMITS = {
  threads: 20_000,
  comments: 2_000,
  id: 200,
  section: 50,
  quote: 20_000,
  context: 2_000,
  author: 200,
  office: 200,
  commentText: 20_000,
} as const;

const COMMENT_KEYS = ["id", "author", "office", "time", "text", "edited"];
const THREAD_KEYS = ["id", "anchor", "resolved", "comments"];
const ANCHOR_KEYS = ["section", "blockId", "quote"];
const QUOTE_KEYS = ["exact", "prefix", "suffix"];
const AUTHOR_KEYS = ["name", "office"];

/** A text-quote selector: exact (1 character or more), prefix and suffix. */
export function readQuote(value: unknown, path: string, problems: ProblemList): TextQuote | null {
  if (!isRecord(value)) { problems.push({ path, message: "must be an object with exact, prefix and suffix" }); return null; }
  const before = problems.length;
  checkKnownKeys(value, QUOTE_KEYS, path, problems);
  const exact = readText(value.exact, `${path}.exact`, { min: 1, max: COMMENT_LIMITS.quote }, problems);
  const prefix = readText(value.prefix, `${path}.prefix`, { max: COMMENT_LIMITS.context }, problems);
  const suffix = readText(value.suffix, `${path}.suffix`, { max: COMMENT_LIMITS.context }, problems);
  if (problems.length > before || exact === null || prefix === null || suffix === null) return null;
  return { exact, prefix, suffix };
}

/** One comment; `office` and `edited` are optional (files written before they were kept have neither). */
export function readComment(value: unknown, path: string, problems: ProblemList): Comment | null {
  if (!isRecord(value)) { problems.push({ path, message: "must be an object with id, author, time and text" }); return null; }
  const before = problems.length;
  checkKnownKeys(value, COMMENT_KEYS, path, problems);
  const id = readText(value.id, `${path}.id`, { min: 1, max: COMMENT_LIMITS.id }, problems);
  const author = readText(value.author, `${path}.author`, { min: 1, max: COMMENT_LIMITS.author }, problems);
  const office = value.office === undefined ? undefined : readText(value.office, `${path}.office`, { max: COMMENT_LIMITS.office }, problems);
  const time = readIsoTime(value.time, `${path}.time`, problems);
  const text = readText(value.text, `${path}.text`, { max: COMMENT_LIMITS.commentText }, problems);
  const edited = value.edited === undefined ? undefined : readIsoTime(value.edited, `${path}.edited`, problems);
  if (problems.length > before || id === null || author === null || time === null || text === null || office === null || edited === null) return null;
  return { id, author, ...(office !== undefined ? { office } : {}), time, text, ...(edited !== undefined ? { edited } : {}) };
}

/** A list of comments whose ids are unique. */
export function readComments(value: unknown, path: string, problems: ProblemList): Comment[] | null {
  const list = readList(value, path, COMMENT_LIMITS.comments, problems);
  if (!list) return null;
  const before = problems.length;
  const comments = list.map((entry, index) => readComment(entry, `${path}[${index}]`, problems));
  const ids = new Set<string>();
  comments.forEach((comment, index) => {
    if (comment && ids.has(comment.id)) problems.push({ path: `${path}[${index}].id`, message: `the id "${comment.id}" is used twice` });
    if (comment) ids.add(comment.id);
  });
  return problems.length > before ? null : (comments as Comment[]);
}

/** An optional boolean flag: absent is false. */
export function readFlag(value: unknown, path: string, problems: ProblemList): boolean | null {
  if (value === undefined) return false;
  if (typeof value === "boolean") return value;
  problems.push({ path, message: "must be true or false" });
  return null;
}

/** A text anchor (section, paragraph id or null, quote with some words); null and problems recorded when it is not one. */
export function readTextAnchor(value: unknown, path: string, problems: ProblemList): TextAnchor | null {
  if (!isRecord(value)) { problems.push({ path, message: "must be an object with section, blockId and quote" }); return null; }
  const before = problems.length;
  checkKnownKeys(value, ANCHOR_KEYS, path, problems);
  const section = readText(value.section, `${path}.section`, { min: 1, max: COMMENT_LIMITS.section }, problems);
  const blockId = readOptionalText(value.blockId, `${path}.blockId`, { min: 1, max: COMMENT_LIMITS.id }, problems);
  const quote = readQuote(value.quote, `${path}.quote`, problems);
  if (quote && quote.exact.trim() === "") problems.push({ path: `${path}.quote.exact`, message: "must hold some words, not only spaces" });
  if (problems.length > before || section === null || blockId === undefined || quote === null) return null;
  return { section, blockId, quote };
}

function readTextThread(value: unknown, path: string, problems: ProblemList): TextThread | null {
  if (!isRecord(value)) { problems.push({ path, message: "must be an object with id, anchor, resolved and comments" }); return null; }
  const before = problems.length;
  checkKnownKeys(value, THREAD_KEYS, path, problems);
  const id = readText(value.id, `${path}.id`, { min: 1, max: COMMENT_LIMITS.id }, problems);
  const anchor = readTextAnchor(value.anchor, `${path}.anchor`, problems);
  const resolved = readFlag(value.resolved, `${path}.resolved`, problems);
  const comments = readComments(value.comments, `${path}.comments`, problems);
  if (problems.length > before || id === null || anchor === null || resolved === null || comments === null) return null;
  return { id, anchor, resolved, comments };
}

/**
 * The text threads of a file: absent is none (files written before they were kept); otherwise a
 * list of threads with unique ids, each checked whole. Null when anything was wrong.
 */
export function readTextThreads(value: unknown, path: string, problems: ProblemList): TextThread[] | null {
  if (value === undefined) return [];
  const list = readList(value, path, COMMENT_LIMITS.threads, problems);
  if (!list) return null;
  const before = problems.length;
  const threads = list.map((entry, index) => readTextThread(entry, `${path}[${index}]`, problems));
  const ids = new Set<string>();
  list.forEach((entry, index) => {
    const id = isRecord(entry) && typeof entry.id === "string" ? entry.id : null;
    if (id !== null && ids.has(id)) problems.push({ path: `${path}[${index}].id`, message: `the id "${id}" is used twice` });
    if (id !== null) ids.add(id);
  });
  return problems.length > before ? null : (threads as TextThread[]);
}

/** The current user ("You are…"): absent or null is none; otherwise a name (1+ characters) and an office. */
export function readCommentAuthor(value: unknown, path: string, problems: ProblemList): CommentAuthor | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) { problems.push({ path, message: "must be an object with name and office, or null" }); return undefined; }
  const before = problems.length;
  checkKnownKeys(value, AUTHOR_KEYS, path, problems);
  const name = readText(value.name, `${path}.name`, { min: 1, max: COMMENT_LIMITS.author }, problems);
  const office = readText(value.office, `${path}.office`, { max: COMMENT_LIMITS.office }, problems);
  if (name !== null && name.trim() === "") problems.push({ path: `${path}.name`, message: "must not be blank" });
  if (problems.length > before || name === null || office === null) return undefined;
  return { name, office };
}
