/**
 * Problems found while validating untrusted JSON, each with the path where it was found
 * ("annotations[2].anchor.quote.exact"), and small checks that record a problem instead of
 * throwing, so that a validator can report every problem at once.
 */

/** One problem: where it is and what is wrong, in plain words. */
export interface FileProblem {
  readonly path: string;
  readonly message: string;
}

/** Collects problems while a value is read. */
export type ProblemList = FileProblem[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Records a problem for every own key of `value` that is not in `known` ("constructor" and a
 * "__proto__" key that JSON.parse made an own property included), with `message`.
 */
export function checkKnownKeys(value: Record<string, unknown>, known: readonly string[], path: string, problems: ProblemList, message = "is not a known field"): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.push({ path: path ? `${path}.${key}` : key, message });
  }
}

export interface TextRule {
  /** Fewest characters allowed (after nothing is trimmed); default 0. */
  readonly min?: number;
  readonly max: number;
}

/** The value when it is a string of allowed length; otherwise records a problem and returns null. */
export function readText(value: unknown, path: string, rule: TextRule, problems: ProblemList): string | null {
  const min = rule.min ?? 0;
  if (typeof value !== "string") {
    problems.push({ path, message: "must be text" });
    return null;
  }
  if (value.length < min || value.length > rule.max) {
    problems.push({ path, message: min > 0 ? `must be ${min} to ${rule.max} characters long` : `must be at most ${rule.max} characters long` });
    return null;
  }
  return value;
}

/** Like readText, but null is allowed and returned as null without a problem. */
export function readOptionalText(value: unknown, path: string, rule: TextRule, problems: ProblemList): string | null | undefined {
  if (value === null) return null;
  const text = readText(value, path, rule, problems);
  return text === null ? undefined : text;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The value when it is an ISO 8601 date-time ("2026-03-01T14:05:00.000Z"); otherwise a problem. */
export function readIsoTime(value: unknown, path: string, problems: ProblemList): string | null {
  if (typeof value !== "string" || !ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    problems.push({ path, message: "must be a date and time such as 2026-03-01T14:05:00Z" });
    return null;
  }
  return value;
}

/** The value when it is a list of at most `max` items; otherwise a problem. */
export function readList(value: unknown, path: string, max: number, problems: ProblemList): readonly unknown[] | null {
  if (!Array.isArray(value)) {
    problems.push({ path, message: "must be a list" });
    return null;
  }
  if (value.length > max) {
    problems.push({ path, message: `must have at most ${max} entries` });
    return null;
  }
  return value;
}

/** Problems as one line each: "annotations[0].status: must be one of …". */
export function describeFileProblems(problems: readonly FileProblem[]): string {
  return problems.map((problem) => `${problem.path}: ${problem.message}`).join("\n");
}
