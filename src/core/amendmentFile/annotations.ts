/**
 * Validation of annotations read from an amendment file. Every field is checked — ids, the
 * anchor (section, paragraph id, side, quote, change id), sponsor ids, justification, status
 * each comment and whether its thread is resolved (absent: open) — with length caps, and every problem is recorded with its path. Returns
 * fresh values built from what was read, or null when anything was wrong.
 */
import { ANNOTATION_STATUSES, type Annotation, type AnnotationAnchor, type AnnotationStatus } from "../annotations/annotation";
import { checkKnownKeys, isRecord, readComments, readFlag, readList, readOptionalText, readQuote, readText, type ProblemList } from "../validation";

/** Length caps, in characters and entries. */
export const ANNOTATION_LIMITS = {
  annotations: 20_000,
  id: 200,
  section: 50,
  quote: 20_000,
  context: 2_000,
  sponsorIds: 200,
  sponsorId: 64,
  justification: 20_000,
  comments: 2_000,
  author: 200,
  commentText: 20_000,
} as const;

const ANNOTATION_KEYS = ["id", "anchor", "sponsorIds", "justification", "status", "comments", "resolved"];
const ANCHOR_KEYS = ["section", "blockId", "side", "quote", "changeId"];

function readAnchor(value: unknown, path: string, problems: ProblemList): AnnotationAnchor | null {
  if (!isRecord(value)) { problems.push({ path, message: "must be an object with section, blockId, side, quote and changeId" }); return null; }
  const before = problems.length;
  checkKnownKeys(value, ANCHOR_KEYS, path, problems);
  const section = readText(value.section, `${path}.section`, { min: 1, max: ANNOTATION_LIMITS.section }, problems);
  const blockId = readOptionalText(value.blockId, `${path}.blockId`, { min: 1, max: ANNOTATION_LIMITS.id }, problems);
  const side = value.side === "inserted" || value.side === "deleted" ? value.side : null;
  if (side === null) problems.push({ path: `${path}.side`, message: 'must be "inserted" or "deleted"' });
  const quote = readQuote(value.quote, `${path}.quote`, problems);
  const changeId = readText(value.changeId, `${path}.changeId`, { min: 1, max: ANNOTATION_LIMITS.id }, problems);
  if (problems.length > before || section === null || blockId === undefined || side === null || quote === null || changeId === null) return null;
  return { section, blockId, side, quote, changeId };
}

function readSponsorIds(value: unknown, path: string, problems: ProblemList): string[] | null {
  const list = readList(value, path, ANNOTATION_LIMITS.sponsorIds, problems);
  if (!list) return null;
  const before = problems.length;
  const ids = list.map((entry, index) => readText(entry, `${path}[${index}]`, { min: 1, max: ANNOTATION_LIMITS.sponsorId }, problems));
  return problems.length > before ? null : (ids as string[]);
}

function readStatus(value: unknown, path: string, problems: ProblemList): AnnotationStatus | null {
  if (typeof value === "string" && (ANNOTATION_STATUSES as readonly string[]).includes(value)) return value as AnnotationStatus;
  problems.push({ path, message: `must be one of ${ANNOTATION_STATUSES.join(", ")}` });
  return null;
}

function readAnnotation(value: unknown, path: string, problems: ProblemList): Annotation | null {
  if (!isRecord(value)) { problems.push({ path, message: "must be an object" }); return null; }
  const before = problems.length;
  checkKnownKeys(value, ANNOTATION_KEYS, path, problems);
  const id = readText(value.id, `${path}.id`, { min: 1, max: ANNOTATION_LIMITS.id }, problems);
  const anchor = readAnchor(value.anchor, `${path}.anchor`, problems);
  const sponsorIds = readSponsorIds(value.sponsorIds, `${path}.sponsorIds`, problems);
  const justification = readText(value.justification, `${path}.justification`, { max: ANNOTATION_LIMITS.justification }, problems);
  const status = readStatus(value.status, `${path}.status`, problems);
  const comments = readComments(value.comments, `${path}.comments`, problems);
  const resolved = readFlag(value.resolved, `${path}.resolved`, problems);
  if (problems.length > before || id === null || anchor === null || sponsorIds === null || justification === null || status === null || comments === null || resolved === null) return null;
  return { id, anchor, sponsorIds, justification, status, comments, ...(resolved ? { resolved } : {}) };
}

/**
 * Reads a list of annotations. Records every problem under `path` ("annotations[3].status")
 * and returns null when there was any; otherwise the annotations, newly built.
 */
export function readAnnotations(value: unknown, path: string, problems: ProblemList): Annotation[] | null {
  const list = readList(value, path, ANNOTATION_LIMITS.annotations, problems);
  if (!list) return null;
  const before = problems.length;
  const annotations = list.map((entry, index) => readAnnotation(entry, `${path}[${index}]`, problems));
  const ids = new Set<string>();
  list.forEach((entry, index) => {
    const id = isRecord(entry) && typeof entry.id === "string" ? entry.id : null;
    if (id !== null && ids.has(id)) problems.push({ path: `${path}[${index}].id`, message: `the id "${id}" is used twice` });
    if (id !== null) ids.add(id);
  });
  return problems.length > before ? null : (annotations as Annotation[]);
}
