/**
 * The sponsor registry: the people and offices who sponsor, draft or review an amendment.
 * Aldermen are sponsors; the drafting organisation is an author, never a sponsor. Values are
 * immutable; `parseSponsors` validates untrusted JSON (unknown fields refused) and reports
 * every problem at once.
 */
import { checkKnownKeys, isRecord } from "../validation";

export type SponsorRole = "sponsoring-alderman" | "drafting-organisation" | "reviewing-office";

export const SPONSOR_ROLES: readonly SponsorRole[] = ["sponsoring-alderman", "drafting-organisation", "reviewing-office"];

export interface Person {
  /** Stable id, lowercase letters, digits and hyphens. */
  readonly id: string;
  readonly name: string;
  /** Ward number for an alderman or a ward office; null otherwise. */
  readonly ward: number | null;
  readonly role: SponsorRole;
  /** A "#rrggbb" colour; a screen aid only, never part of the legal meaning. */
  readonly color: string;
}

export interface SponsorRegistry {
  readonly people: readonly Person[];
  /** The alderman who introduces the ordinance, or null while none is chosen. */
  readonly leadSponsorId: string | null;
  /** Aldermen who sign on as co-sponsors (never the lead). */
  readonly coSponsorIds: readonly string[];
}

/** A problem found in sponsor data, with where it is. */
export interface SponsorProblem {
  readonly path: string;
  readonly message: string;
}

export class SponsorDataError extends Error {
  constructor(readonly problems: readonly SponsorProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join("; "));
    this.name = "SponsorDataError";
  }
}

/** The person with this id, or undefined. */
export function findPerson(registry: SponsorRegistry, id: string): Person | undefined {
  return registry.people.find((person) => person.id === id);
}

/** "Alderman, 32nd Ward" style ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… */
export function ordinal(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${value}th`;
  switch (value % 10) {
    case 1: return `${value}st`;
    case 2: return `${value}nd`;
    case 3: return `${value}rd`;
    default: return `${value}th`;
  }
}

/** How a person is named in a list: "Scott Waguespack (32nd Ward)". */
export function describePerson(person: Person): string {
  return person.ward === null ? person.name : `${person.name} (${ordinal(person.ward)} Ward)`;
}

const REGISTRY_KEYS = ["people", "leadSponsorId", "coSponsorIds"];
const PERSON_KEYS = ["id", "name", "ward", "role", "color"];

function readPerson(value: unknown, path: string, problems: SponsorProblem[]): Person | null {
  if (!isRecord(value)) { problems.push({ path, message: "must be an object" }); return null; }
  const before = problems.length;
  checkKnownKeys(value, PERSON_KEYS, path, problems);
  const { id, name, ward, role, color } = value;
  if (typeof id !== "string" || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) problems.push({ path: `${path}.id`, message: "must be lowercase letters, digits and hyphens" });
  if (typeof name !== "string" || name.trim() === "" || name.length > 200) problems.push({ path: `${path}.name`, message: "must be a name of 1 to 200 characters" });
  if (ward !== null && (typeof ward !== "number" || !Number.isInteger(ward) || ward < 1 || ward > 50)) problems.push({ path: `${path}.ward`, message: "must be a ward number from 1 to 50, or null" });
  if (typeof role !== "string" || !SPONSOR_ROLES.includes(role as SponsorRole)) problems.push({ path: `${path}.role`, message: `must be one of ${SPONSOR_ROLES.join(", ")}` });
  if (typeof color !== "string" || !/^#[0-9a-fA-F]{6}$/.test(color)) problems.push({ path: `${path}.color`, message: "must be a colour like #1f4e79" });
  if (problems.length > before) return null;
  return { id: id as string, name: (name as string).trim(), ward: ward as number | null, role: role as SponsorRole, color: (color as string).toLowerCase() };
}

/**
 * Validates sponsor data (as read from JSON): every field, unknown fields refused. Returns the
 * registry, or throws a SponsorDataError listing every problem; never returns a partial registry.
 */
export function parseSponsors(value: unknown): SponsorRegistry {
  const problems: SponsorProblem[] = [];
  if (!isRecord(value)) throw new SponsorDataError([{ path: "sponsors", message: "must be an object with people, leadSponsorId and coSponsorIds" }]);
  checkKnownKeys(value, REGISTRY_KEYS, "", problems);
  const people: Person[] = [];
  if (!Array.isArray(value.people)) problems.push({ path: "people", message: "must be a list" });
  else value.people.forEach((entry, index) => { const person = readPerson(entry, `people[${index}]`, problems); if (person) people.push(person); });
  const ids = new Set<string>();
  for (const person of people) {
    if (ids.has(person.id)) problems.push({ path: "people", message: `the id "${person.id}" is used twice` });
    ids.add(person.id);
  }
  const lead = value.leadSponsorId ?? null;
  if (lead !== null && (typeof lead !== "string" || !ids.has(lead))) problems.push({ path: "leadSponsorId", message: "must be the id of a listed person, or null" });
  else if (lead !== null && people.find((person) => person.id === lead)?.role !== "sponsoring-alderman") problems.push({ path: "leadSponsorId", message: "the lead sponsor must be a sponsoring alderman" });
  const coSponsors = value.coSponsorIds ?? [];
  if (!Array.isArray(coSponsors) || coSponsors.some((id) => typeof id !== "string" || !ids.has(id))) {
    problems.push({ path: "coSponsorIds", message: "must list ids of listed people" });
  } else if (coSponsors.includes(lead)) {
    problems.push({ path: "coSponsorIds", message: "must not include the lead sponsor" });
  }
  if (problems.length > 0) throw new SponsorDataError(problems);
  return { people, leadSponsorId: lead as string | null, coSponsorIds: [...new Set(coSponsors as string[])] };
}

/** An empty registry. */
export const NO_SPONSORS: SponsorRegistry = { people: [], leadSponsorId: null, coSponsorIds: [] };
