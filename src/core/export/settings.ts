/**
 * What a drafter may vary in the amending ordinance: the title, recitals, the effective-date
 * clause, the wording of the amending formula and of the omitted-text line, and whether one
 * SECTION amends a whole chapter or one Code section. `parseExportSettings` validates untrusted
 * JSON: it returns complete settings (defaults for what is missing) or every problem found,
 * never partial settings.
 */
import { checkKnownKeys, isRecord } from "../validation";

export type OrdinanceTitle = "ORDINANCE" | "SUBSTITUTE ORDINANCE";

export type EffectiveDate =
  | { readonly kind: "passage-and-publication" }
  | { readonly kind: "passage-and-approval" }
  /** A calendar date, "YYYY-MM-DD". */
  | { readonly kind: "fixed-date"; readonly date: string }
  | { readonly kind: "days-after-passage"; readonly days: number };

export interface ExportSettings {
  readonly title: OrdinanceTitle;
  /** Recital bodies, without the leading "WHEREAS," and the closing "; and" (both are added). */
  readonly recitals: readonly string[];
  readonly effectiveDate: EffectiveDate;
  /** "deleting the language struck through" or "… stricken through". */
  readonly strikeWording: "struck through" | "stricken through";
  /** Which clause of the amending formula comes first. */
  readonly formulaOrder: "delete-first" | "insert-first";
  /** "(Omitted text is unaffected by this ordinance)" or "… is not affected …". */
  readonly omittedWording: "unaffected" | "not affected";
  /** One SECTION per amended chapter, or one per amended Code section. */
  readonly grouping: "chapter" | "section";
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  title: "ORDINANCE",
  recitals: [],
  effectiveDate: { kind: "passage-and-publication" },
  strikeWording: "struck through",
  formulaOrder: "delete-first",
  omittedWording: "unaffected",
  grouping: "chapter",
};

/** The usual opening pair of recitals: the City is a home rule unit and may legislate on its affairs. */
export const HOME_RULE_RECITALS: readonly string[] = [
  "the City of Chicago is a home rule unit of government as defined in Article VII, Section 6(a) of the 1970 Constitution of the State of Illinois",
  "as a home rule unit, the City of Chicago may exercise any power and perform any function pertaining to its government and affairs",
];

export interface SettingsProblem {
  /** Where the problem is, e.g. "effectiveDate.days". */
  readonly path: string;
  readonly message: string;
}

export type SettingsResult =
  | { readonly ok: true; readonly settings: ExportSettings }
  | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

const TITLES: readonly OrdinanceTitle[] = ["ORDINANCE", "SUBSTITUTE ORDINANCE"];
const EFFECTIVE_KINDS = ["passage-and-publication", "passage-and-approval", "fixed-date", "days-after-passage"] as const;
const KNOWN_KEYS = Object.keys(DEFAULT_EXPORT_SETTINGS);
const MAX_RECITALS = 20;
const MAX_RECITAL_LENGTH = 2000;
const MAX_DAYS = 3650;


/** Whether "YYYY-MM-DD" names a real calendar date. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A recital body with any "WHEREAS," lead and closing "; and" / "; now, therefore," removed. */
export function recitalBody(text: string): string {
  return text.trim()
    .replace(/^WHEREAS,?\s*/i, "")
    .replace(/\s*;\s*(and|now,?\s*therefore,?)?\s*$/i, "")
    .trim();
}

function choice<T extends string>(value: unknown, allowed: readonly T[], path: string, problems: SettingsProblem[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  problems.push({ path, message: `must be one of ${allowed.map((each) => `"${each}"`).join(", ")}` });
  return fallback;
}

function readRecitals(value: unknown, problems: SettingsProblem[]): readonly string[] {
  if (value === undefined) return DEFAULT_EXPORT_SETTINGS.recitals;
  if (value === "home-rule") return HOME_RULE_RECITALS;
  if (!Array.isArray(value)) {
    problems.push({ path: "recitals", message: 'must be a list of recital texts, or "home-rule" for the home rule pair' });
    return [];
  }
  if (value.length > MAX_RECITALS) problems.push({ path: "recitals", message: `must have at most ${MAX_RECITALS} recitals` });
  const recitals: string[] = [];
  value.forEach((entry, index) => {
    const body = typeof entry === "string" ? recitalBody(entry) : "";
    if (typeof entry !== "string" || body === "" || entry.length > MAX_RECITAL_LENGTH || /[\r\n]/.test(entry)) {
      problems.push({ path: `recitals[${index}]`, message: `must be one line of text, 1 to ${MAX_RECITAL_LENGTH} characters` });
    } else {
      recitals.push(body);
    }
  });
  return recitals;
}

function readEffectiveDate(value: unknown, problems: SettingsProblem[]): EffectiveDate {
  const fallback = DEFAULT_EXPORT_SETTINGS.effectiveDate;
  if (value === undefined) return fallback;
  if (!isRecord(value)) {
    problems.push({ path: "effectiveDate", message: 'must be an object such as { "kind": "passage-and-publication" }' });
    return fallback;
  }
  const kind = choice(value.kind, EFFECTIVE_KINDS, "effectiveDate.kind", problems, fallback.kind);
  const allowedKeys = kind === "fixed-date" ? ["kind", "date"] : kind === "days-after-passage" ? ["kind", "days"] : ["kind"];
  for (const key of Object.keys(value)) {
    if (!allowedKeys.includes(key)) problems.push({ path: `effectiveDate.${key}`, message: `is not used with kind "${kind}"` });
  }
  if (kind === "fixed-date") {
    if (typeof value.date !== "string" || !isCalendarDate(value.date)) {
      problems.push({ path: "effectiveDate.date", message: 'must be a calendar date written "YYYY-MM-DD"' });
      return fallback;
    }
    return { kind, date: value.date };
  }
  if (kind === "days-after-passage") {
    if (typeof value.days !== "number" || !Number.isInteger(value.days) || value.days < 1 || value.days > MAX_DAYS) {
      problems.push({ path: "effectiveDate.days", message: `must be a whole number of days from 1 to ${MAX_DAYS}` });
      return fallback;
    }
    return { kind, days: value.days };
  }
  return { kind };
}

/**
 * Validates settings read from JSON. Missing fields take their defaults; unknown fields, wrong
 * types and out-of-range values are problems. Returns every problem at once.
 */
export function parseExportSettings(value: unknown): SettingsResult {
  if (!isRecord(value)) return { ok: false, problems: [{ path: "settings", message: "must be an object" }] };
  const problems: SettingsProblem[] = [];
  checkKnownKeys(value, KNOWN_KEYS, "", problems, `is not a setting (known: ${KNOWN_KEYS.join(", ")})`);
  const defaults = DEFAULT_EXPORT_SETTINGS;
  const settings: ExportSettings = {
    title: choice(value.title, TITLES, "title", problems, defaults.title),
    recitals: readRecitals(value.recitals, problems),
    effectiveDate: readEffectiveDate(value.effectiveDate, problems),
    strikeWording: choice(value.strikeWording, ["struck through", "stricken through"] as const, "strikeWording", problems, defaults.strikeWording),
    formulaOrder: choice(value.formulaOrder, ["delete-first", "insert-first"] as const, "formulaOrder", problems, defaults.formulaOrder),
    omittedWording: choice(value.omittedWording, ["unaffected", "not affected"] as const, "omittedWording", problems, defaults.omittedWording),
    grouping: choice(value.grouping, ["chapter", "section"] as const, "grouping", problems, defaults.grouping),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}

/** Problems as one readable line each: "effectiveDate.days: must be …". */
export function describeProblems(problems: readonly SettingsProblem[]): string {
  return problems.map((problem) => `${problem.path}: ${problem.message}`).join("\n");
}
