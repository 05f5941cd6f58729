/**
 * The app's client of the Ordinance Redline server's JSON API (same origin). Every call says
 * what went wrong in words a person can act on; none throws anything but `ServerError`.
 */

/** A signed-in person as the server describes them. */
export interface SignedPerson {
  readonly name: string;
  readonly office: string;
  readonly isAdmin: boolean;
}

/** The server's session: who, and the token state-changing calls carry. */
export interface ServerSession {
  readonly person: SignedPerson;
  readonly csrfToken: string;
}

/** A role on a shared draft. */
export type SharedRole = "drafter" | "reviewer" | "viewer";

/** What the server says about reaching it. */
export type ServerStatus =
  | { readonly kind: "none" }
  | { readonly kind: "needs-administrator" }
  | { readonly kind: "signed-out" }
  | { readonly kind: "signed-in"; readonly session: ServerSession };

/** A refused or failed call, with the server's own reason when it gave one. */
export class ServerError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

const REQUESTED_WITH = { "x-requested-with": "ordinance-redline" };

async function call(method: string, path: string, body?: unknown, session?: ServerSession | null): Promise<unknown> {
  const headers: Record<string, string> = { ...REQUESTED_WITH };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (session) headers["x-csrf-token"] = session.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ServerError("The server does not answer. Check that it is running, then try again.", 0);
  }
  const text = await response.text();
  let json: unknown = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  if (!response.ok) {
    const reason = json && typeof json === "object" && typeof (json as { error?: unknown }).error === "string" ? (json as { error: string }).error : `the server answered ${response.status}`;
    throw new ServerError(reason.charAt(0).toUpperCase() + reason.slice(1) + (/[.!?]$/.test(reason) ? "" : "."), response.status);
  }
  return json;
}

function sessionFrom(json: unknown): ServerSession {
  const value = json as { person?: { name?: unknown; office?: unknown; isAdmin?: unknown; admin?: unknown }; csrfToken?: unknown };
  if (!value?.person || typeof value.person.name !== "string" || typeof value.csrfToken !== "string") throw new ServerError("The server's answer was not understood.", 0);
  return { person: { name: value.person.name, office: String(value.person.office ?? ""), isAdmin: value.person.isAdmin === true || value.person.admin === true }, csrfToken: value.csrfToken };
}

/** Whether there is a server behind the app, and whether one is signed in. */
export async function serverStatus(): Promise<ServerStatus> {
  let setup: unknown;
  try {
    setup = await call("GET", "/api/setup");
  } catch {
    return { kind: "none" };
  }
  if (!setup || typeof setup !== "object" || typeof (setup as { needsAdministrator?: unknown }).needsAdministrator !== "boolean") return { kind: "none" };
  if ((setup as { needsAdministrator: boolean }).needsAdministrator) return { kind: "needs-administrator" };
  try {
    return { kind: "signed-in", session: sessionFrom(await call("GET", "/api/session")) };
  } catch (error) {
    if (error instanceof ServerError && error.status === 401) return { kind: "signed-out" };
    throw error;
  }
}

/** Signs in; the session cookie is set by the server (HttpOnly). */
export async function signIn(name: string, password: string): Promise<ServerSession> {
  return sessionFrom(await call("POST", "/api/session", { name, password }));
}

/** Creates the first administrator on a server with no one yet, and signs them in. */
export async function createFirstAdministrator(name: string, office: string, password: string): Promise<ServerSession> {
  return sessionFrom(await call("POST", "/api/setup", { name, office, password }));
}

/** A shared draft as listed for the signed-in person. */
export interface SharedDraftSummary {
  readonly id: string;
  readonly title: string;
  readonly role: SharedRole;
}

function draftFrom(value: unknown): SharedDraftSummary {
  const draft = value as { id?: unknown; title?: unknown; role?: unknown };
  if (typeof draft?.id !== "string" || typeof draft.title !== "string" || !["drafter", "reviewer", "viewer"].includes(String(draft.role))) {
    throw new ServerError("The server's answer was not understood.", 0);
  }
  return { id: draft.id, title: draft.title, role: draft.role as SharedRole };
}

/** Creates a shared draft on `baseText` (the signed-in person becomes its drafter). */
export async function createSharedDraft(session: ServerSession, title: string, baseText: string): Promise<SharedDraftSummary> {
  return draftFrom((await call("POST", "/api/drafts", { title, baseText }, session) as { draft?: unknown }).draft);
}

/** The shared drafts the signed-in person has a role on. */
export async function listSharedDrafts(): Promise<SharedDraftSummary[]> {
  const json = await call("GET", "/api/drafts") as { drafts?: unknown };
  return Array.isArray(json?.drafts) ? json.drafts.map(draftFrom) : [];
}

/** One shared draft, with the caller's role. */
export async function sharedDraft(id: string): Promise<SharedDraftSummary> {
  return draftFrom((await call("GET", `/api/drafts/${encodeURIComponent(id)}`) as { draft?: unknown }).draft);
}

/** The base text of a shared draft (immutable, stored by its hash). */
export async function sharedBaseText(id: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/api/drafts/${encodeURIComponent(id)}/base`, { credentials: "same-origin" });
  } catch {
    throw new ServerError("The server does not answer. Check that it is running, then try again.", 0);
  }
  if (!response.ok) throw new ServerError(response.status === 404 ? "There is no such shared draft, or you have no role on it." : `The server answered ${response.status}.`, response.status);
  return response.text();
}

/** Gives a person (by name) or a whole office a role on a shared draft. */
export async function inviteMember(session: ServerSession, draftId: string, who: { readonly person: string } | { readonly office: string }, role: SharedRole): Promise<void> {
  await call("PUT", `/api/drafts/${encodeURIComponent(draftId)}/members`, { ...who, role }, session);
}

/** Tells the audit trail that the signed-in person exported the draft in `format`. */
export async function recordExport(session: ServerSession, draftId: string, format: string): Promise<void> {
  await call("POST", `/api/drafts/${encodeURIComponent(draftId)}/exports`, { format }, session);
}

/** A member of a shared draft: a person (with their office) or a whole office. */
export type SharedMember =
  | { readonly kind: "person"; readonly person: string; readonly office: string; readonly role: SharedRole }
  | { readonly kind: "office"; readonly office: string; readonly role: SharedRole };

/** The members of a shared draft. */
export async function listMembers(id: string): Promise<SharedMember[]> {
  const json = await call("GET", `/api/drafts/${encodeURIComponent(id)}`) as { members?: unknown };
  if (!Array.isArray(json?.members)) return [];
  return json.members.flatMap((value): SharedMember[] => {
    const member = value as { person?: unknown; office?: unknown; role?: unknown };
    const role = member.role as SharedRole;
    if (!["drafter", "reviewer", "viewer"].includes(String(role)) || typeof member.office !== "string") return [];
    return typeof member.person === "string" ? [{ kind: "person", person: member.person, office: member.office, role }] : [{ kind: "office", office: member.office, role }];
  });
}

/** Removes a person or an office from a shared draft. */
export async function removeMember(session: ServerSession, draftId: string, who: { readonly person: string } | { readonly office: string }): Promise<void> {
  await call("DELETE", `/api/drafts/${encodeURIComponent(draftId)}/members`, who, session);
}

/** One row of a draft's audit trail. */
export interface AuditRow {
  readonly at: string;
  readonly person: string | null;
  readonly office: string | null;
  readonly action: string;
  readonly detail: string;
}

/** A shared draft's audit trail, oldest first. */
export async function draftAudit(id: string): Promise<AuditRow[]> {
  const json = await call("GET", `/api/drafts/${encodeURIComponent(id)}/audit`) as { audit?: unknown };
  if (!Array.isArray(json?.audit)) return [];
  return json.audit.map((value) => {
    const row = value as Record<string, unknown>;
    return { at: String(row.at ?? ""), person: typeof row.person === "string" ? row.person : null, office: typeof row.office === "string" ? row.office : null, action: String(row.action ?? ""), detail: String(row.detail ?? "") };
  });
}

/** The address of a shared draft's audit trail as CSV (a download). */
export function auditCsvUrl(id: string): string {
  return `/api/drafts/${encodeURIComponent(id)}/audit?format=csv`;
}

/** The people and offices on the server (any signed-in person may read them, to invite). */
export async function listPeople(): Promise<{ people: SignedPerson[]; offices: string[] }> {
  const json = await call("GET", "/api/people") as { people?: unknown; offices?: unknown };
  const people = Array.isArray(json?.people) ? json.people.map((value) => {
    const person = value as { name?: unknown; office?: unknown; admin?: unknown };
    return { name: String(person.name ?? ""), office: String(person.office ?? ""), isAdmin: person.admin === true };
  }) : [];
  const offices = Array.isArray(json?.offices) ? json.offices.map((office) => (typeof office === "string" ? office : String((office as { name?: unknown })?.name ?? ""))) : [];
  return { people, offices };
}

/** Adds a person (administrators only). */
export async function addPerson(session: ServerSession, person: { name: string; office: string; password: string; admin: boolean }): Promise<void> {
  await call("POST", "/api/people", person, session);
}

/** Signs out (the session ends on the server, and its sockets close). */
export async function signOut(session: ServerSession): Promise<void> {
  await call("DELETE", "/api/session", undefined, session);
}
