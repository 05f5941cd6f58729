/**
 * The JSON API under /api: first start, sessions, people. Draft routes are in draftsApi.ts.
 * Every call is authorised here: a session for anything but sign-in and first start, the
 * session's CSRF token on state-changing calls (or, with no session yet, the custom
 * X-Requested-With header), and a same-origin check on the Origin header when present.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { AccountError, addPerson, TooManyAttemptsError, type Accounts, type Signed } from "./accounts";
import { entryBy } from "./audit";
import type { Collaboration } from "./collab";
import { handleDraftRoute } from "./draftsApi";
import { HttpError, readJson, sendJson, stringField } from "./http";
import { CSRF_HEADER, REQUESTED_WITH_HEADER, REQUESTED_WITH_VALUE, sameSecret, sessionCookie } from "./sessions";
import type { Person, Storage } from "./storage/storage";

/** What the API handlers need. */
export interface ApiContext {
  readonly storage: Storage;
  readonly accounts: Accounts;
  readonly collab: Collaboration;
  readonly now: () => number;
  /** Largest JSON body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** Whether cookies get the Secure attribute (behind HTTPS). */
  readonly secureCookies: boolean;
}

/** One request as the handlers see it. */
export interface ApiRequest {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly method: string;
  /** Path segments after /api. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly context: ApiContext;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The public view of a person. */
export function personJson(person: Person): Record<string, unknown> {
  return { name: person.name, office: person.office, admin: person.isAdmin };
}

/** Refuses a state-changing request from another site (Origin or Fetch Metadata). */
function checkOrigin(request: IncomingMessage): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== "null") {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new HttpError(403, "the request's Origin is not valid");
    }
    if (host !== request.headers.host) throw new HttpError(403, "cross-origin requests are refused");
  } else if (origin === "null") {
    throw new HttpError(403, "cross-origin requests are refused");
  }
  if (request.headers["sec-fetch-site"] === "cross-site") throw new HttpError(403, "cross-site requests are refused");
}

/** The signed-in person, or 401; on state-changing calls the CSRF token must match too. */
export async function requireSession(req: ApiRequest): Promise<Signed> {
  const signed = await req.context.accounts.fromCookieHeader(req.request.headers.cookie);
  if (!signed) throw new HttpError(401, "sign in first (no session, or it has expired)");
  if (STATE_CHANGING.has(req.method)) {
    const token = req.request.headers[CSRF_HEADER];
    if (typeof token !== "string" || !sameSecret(token, signed.csrfToken)) throw new HttpError(403, `missing or wrong ${CSRF_HEADER} header`);
  }
  return signed;
}

/** A state-changing call made before there is a session must carry the custom header. */
function requireRequestedWith(req: ApiRequest): void {
  if (req.request.headers[REQUESTED_WITH_HEADER] !== REQUESTED_WITH_VALUE) {
    throw new HttpError(403, `missing ${REQUESTED_WITH_HEADER}: ${REQUESTED_WITH_VALUE} header`);
  }
}

function clientAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? "unknown";
}

async function sendSignedIn(req: ApiRequest, status: number, opened: { token: string; signed: Signed }): Promise<void> {
  const maxAge = Math.floor((opened.signed.expiresAt - req.context.now()) / 1000);
  sendJson(req.response, status, { person: personJson(opened.signed.person), csrfToken: opened.signed.csrfToken, expiresAt: new Date(opened.signed.expiresAt).toISOString() },
    { "set-cookie": sessionCookie(opened.token, maxAge, req.context.secureCookies) });
}

/** Answers one /api request (errors become JSON `{error}` with their status). */
export async function handleApi(req: ApiRequest): Promise<void> {
  try {
    if (STATE_CHANGING.has(req.method)) checkOrigin(req.request);
    await route(req);
  } catch (error) {
    if (error instanceof HttpError) {
      sendJson(req.response, error.status, { error: error.message }, error.headers);
    } else {
      console.error(error);
      sendJson(req.response, 500, { error: "internal error" });
    }
  }
}

async function route(req: ApiRequest): Promise<void> {
  const { method, segments, context } = req;
  const [first, ...rest] = segments;
  if (first === "setup" && rest.length === 0) {
    if (method === "GET") return sendJson(req.response, 200, { needsAdministrator: (await context.storage.countPeople()) === 0 });
    if (method === "POST") return setup(req);
  }
  if (first === "session" && rest.length === 0) {
    if (method === "POST") return signIn(req);
    if (method === "GET") {
      const signed = await requireSession(req);
      return sendJson(req.response, 200, { person: personJson(signed.person), csrfToken: signed.csrfToken, expiresAt: new Date(signed.expiresAt).toISOString() });
    }
    if (method === "DELETE") {
      const signed = await requireSession(req);
      await context.accounts.signOut(signed);
      context.collab.closeSession(signed.tokenHash);
      await context.storage.appendAudit(entryBy(signed.person, null, "sign-out", "", context.now()));
      return sendJson(req.response, 200, { signedOut: true }, { "set-cookie": sessionCookie("", 0, context.secureCookies) });
    }
  }
  if (first === "people" && rest.length === 0) {
    const signed = await requireSession(req);
    if (method === "GET") return sendJson(req.response, 200, { people: (await context.storage.listPeople()).map(personJson), offices: await context.storage.listOffices() });
    if (method === "POST") return addPersonRoute(req, signed);
  }
  if (first === "health" && rest.length === 0 && method === "GET") return sendJson(req.response, 200, { ok: true, ...context.collab.health() });
  if (first === "drafts" || first === "audit") return handleDraftRoute(req, first, rest);
  throw new HttpError(404, `no API route ${method} /api/${segments.join("/")}`);
}

/** First start: with no one in the database, anyone on the server's address may create the first administrator. */
async function setup(req: ApiRequest): Promise<void> {
  requireRequestedWith(req);
  const { storage, accounts, now } = req.context;
  const body = await readJson(req.request, req.context.maxBodyBytes);
  if ((await storage.countPeople()) > 0) throw new HttpError(409, "the first administrator already exists; sign in instead");
  let person: Person;
  try {
    person = await addPerson(storage, { name: body.name, office: body.office, password: body.password, isAdmin: true }, now());
  } catch (error) {
    if (error instanceof AccountError) throw new HttpError(400, error.message);
    throw error;
  }
  await storage.appendAudit(entryBy(person, null, "first-administrator", `created through the first-start page`, now()));
  await sendSignedIn(req, 201, await accounts.openSession(person));
}

async function signIn(req: ApiRequest): Promise<void> {
  requireRequestedWith(req);
  const body = await readJson(req.request, 64 * 1024);
  const name = stringField(body, "name", 200);
  const password = typeof body.password === "string" ? body.password : "";
  let opened;
  try {
    opened = await req.context.accounts.signIn(name, password, clientAddress(req.request));
  } catch (error) {
    if (error instanceof TooManyAttemptsError) {
      await req.context.storage.appendAudit(entryBy(null, null, "sign-in-blocked", `name "${name}" from ${clientAddress(req.request)}`, req.context.now()));
      throw new HttpError(429, error.message, { "retry-after": String(Math.ceil(error.retryAfterMs / 1000)) });
    }
    throw error;
  }
  if (!opened) {
    await req.context.storage.appendAudit(entryBy(null, null, "sign-in-failed", `name "${name}" from ${clientAddress(req.request)}`, req.context.now()));
    throw new HttpError(401, "wrong name or password");
  }
  await req.context.storage.appendAudit(entryBy(opened.signed.person, null, "sign-in", "", req.context.now()));
  await sendSignedIn(req, 200, opened);
}

async function addPersonRoute(req: ApiRequest, signed: Signed): Promise<void> {
  if (!signed.person.isAdmin) throw new HttpError(403, "only administrators add people");
  const body = await readJson(req.request, 64 * 1024);
  let person: Person;
  try {
    person = await addPerson(req.context.storage, { name: body.name, office: body.office, password: body.password, isAdmin: body.admin === true }, req.context.now());
  } catch (error) {
    if (error instanceof AccountError) throw new HttpError(400, error.message);
    throw error;
  }
  await req.context.storage.appendAudit(entryBy(signed.person, null, "person-added", `${person.name} (${person.office})${person.isAdmin ? ", administrator" : ""}`, req.context.now()));
  sendJson(req.response, 201, { person: personJson(person) });
}
