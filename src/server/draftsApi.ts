/**
 * Draft routes of the JSON API: create a draft with its base text (stored once, by SHA-256),
 * list and read drafts, invite a person or an office, change or remove a role, record an
 * export, and read the audit trail (JSON or CSV). A draft the caller has no role on answers 404, as one that does
 * not exist.
 */
import { createHash, randomBytes } from "node:crypto";
import { requireSession, type ApiRequest } from "./api";
import { auditCsv, auditJson, entryBy } from "./audit";
import { HttpError, readJson, sendJson, sendText, stringField } from "./http";
import type { Signed } from "./accounts";
import { ROLES, type DraftRecord, type Member, type MemberTarget, type Role } from "./storage/storage";

const DRAFT_ID = /^[A-Za-z0-9_-]{22}$/;

/** A new unguessable draft id: 128 random bits in base64url. */
export function newDraftId(): string {
  return randomBytes(16).toString("base64url");
}

/** The hash a base text is stored under: SHA-256 of its UTF-8, in hex. */
export function baseTextHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function draftJson(draft: DraftRecord, role: Role): Record<string, unknown> {
  return { id: draft.id, title: draft.title, baseHash: draft.baseHash, role, createdAt: new Date(draft.createdAt).toISOString() };
}

function memberJson(member: Member): Record<string, unknown> {
  return member.kind === "person" ? { person: member.name, office: member.office, role: member.role } : { office: member.office, role: member.role };
}

function roleField(body: Record<string, unknown>): Role {
  const role = body.role;
  if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role)) throw new HttpError(400, `"role" must be one of ${ROLES.join(", ")}`);
  return role as Role;
}

/** The draft and the caller's role on it; 404 when there is no such draft or no role. */
async function draftFor(req: ApiRequest, signed: Signed, id: string | undefined): Promise<{ draft: DraftRecord; role: Role }> {
  if (id === undefined || !DRAFT_ID.test(id)) throw new HttpError(404, "no such draft");
  const draft = await req.context.storage.findDraft(id);
  const role = draft ? await req.context.storage.roleOf(id, signed.person.id) : null;
  if (!draft || !role) throw new HttpError(404, "no such draft");
  return { draft, role };
}

function requireDrafter(role: Role): void {
  if (role !== "drafter") throw new HttpError(403, "only drafters manage the members of a draft");
}

/** Answers /api/drafts… and /api/audit. */
export async function handleDraftRoute(req: ApiRequest, first: "drafts" | "audit", rest: readonly string[]): Promise<void> {
  const signed = await requireSession(req);
  const { method } = req;
  if (first === "audit") {
    if (rest.length !== 0 || method !== "GET") throw new HttpError(404, "no such route");
    if (!signed.person.isAdmin) throw new HttpError(403, "only administrators read the whole audit trail");
    return sendAudit(req, null);
  }
  if (rest.length === 0) {
    if (method === "GET") return sendJson(req.response, 200, { drafts: (await req.context.storage.listDraftsFor(signed.person.id)).map((d) => draftJson(d, d.role)) });
    if (method === "POST") return createDraft(req, signed);
  }
  const [id, part, ...more] = rest;
  const { draft, role } = await draftFor(req, signed, id);
  if (more.length > 0) throw new HttpError(404, "no such route");
  if (part === undefined && method === "GET") {
    const members = (await req.context.storage.listMembers(draft.id)).map(memberJson);
    return sendJson(req.response, 200, { draft: draftJson(draft, role), members });
  }
  if (part === "base" && method === "GET") {
    const text = await req.context.storage.getBaseText(draft.baseHash);
    return sendText(req.response, 200, text ?? "", "text/plain; charset=utf-8", { etag: `"${draft.baseHash}"` });
  }
  if (part === "audit" && method === "GET") return sendAudit(req, draft.id);
  if (part === "exports" && method === "POST") return recordExport(req, signed, draft);
  if (part === "members" && (method === "PUT" || method === "DELETE")) {
    requireDrafter(role);
    return changeMember(req, signed, draft, method === "DELETE");
  }
  throw new HttpError(404, "no such route");
}

async function createDraft(req: ApiRequest, signed: Signed): Promise<void> {
  const { storage, now } = req.context;
  const body = await readJson(req.request, req.context.maxBodyBytes);
  const title = stringField(body, "title", 300);
  const baseText = body.baseText;
  if (typeof baseText !== "string" || baseText.trim() === "") throw new HttpError(400, `"baseText" must be the base chapter's text`);
  const hash = baseTextHash(baseText);
  const draft: DraftRecord = { id: newDraftId(), title, baseHash: hash, createdBy: signed.person.id, createdAt: now() };
  await storage.putBaseText(hash, baseText);
  await storage.addDraft(draft);
  await storage.setMember(draft.id, { kind: "person", userId: signed.person.id }, "drafter");
  await storage.appendAudit(entryBy(signed.person, draft.id, "draft-created", `"${title}", base ${hash}`, now()));
  sendJson(req.response, 201, { draft: draftJson(draft, "drafter") });
}

/** Invites (or changes the role of) a person or an office; or removes them. */
async function changeMember(req: ApiRequest, signed: Signed, draft: DraftRecord, remove: boolean): Promise<void> {
  const { storage, now } = req.context;
  const body = await readJson(req.request, 64 * 1024);
  const hasPerson = typeof body.person === "string";
  if (hasPerson === (typeof body.office === "string")) throw new HttpError(400, `give either "person" or "office" (a name)`);
  let target: MemberTarget;
  let label: string;
  if (hasPerson) {
    const name = stringField(body, "person", 200);
    const person = await storage.findPersonByName(name);
    if (!person) throw new HttpError(404, `no person named "${name}"`);
    target = { kind: "person", userId: person.id };
    label = `${person.name} (${person.office})`;
  } else {
    const name = stringField(body, "office", 200);
    const office = await storage.findOffice(name);
    if (!office) throw new HttpError(404, `no office named "${name}"`);
    target = { kind: "office", officeId: office.id };
    label = `office ${office.name}`;
  }
  const role = remove ? null : roleField(body);
  await keepOneDrafter(req, draft, target, role);
  if (role === null) {
    if (!(await storage.removeMember(draft.id, target))) throw new HttpError(404, `${label} is not a member of this draft`);
  } else {
    await storage.setMember(draft.id, target, role);
  }
  await storage.appendAudit(entryBy(signed.person, draft.id, role === null ? "role-removed" : "role-set", role === null ? label : `${label}: ${role}`, now()));
  await req.context.collab.refreshRoles(draft.id);
  sendJson(req.response, 200, { members: (await storage.listMembers(draft.id)).map(memberJson) });
}

/** Refuses a change that would leave the draft with no personal drafter. */
async function keepOneDrafter(req: ApiRequest, draft: DraftRecord, target: MemberTarget, role: Role | null): Promise<void> {
  if (target.kind !== "person" || role === "drafter") return;
  const members = await req.context.storage.listMembers(draft.id);
  const drafters = members.filter((m) => m.kind === "person" && m.role === "drafter");
  if (drafters.length === 1 && drafters[0]!.kind === "person" && drafters[0]!.userId === target.userId) {
    throw new HttpError(409, "a draft keeps at least one drafter: make someone else drafter first");
  }
}

/** What a client may say it exported (the exports are made in the browser, from the shared draft). */
export const EXPORT_FORMATS = ["ordinance-docx", "ordinance-tracked-docx", "ordinance-html", "ordinance-text", "clean-text", "clean-docx", "amendment-file", "review-copy-docx"] as const;

/** Records that a member exported the draft (any role may export what it can read). */
async function recordExport(req: ApiRequest, signed: Signed, draft: DraftRecord): Promise<void> {
  const body = await readJson(req.request, 4 * 1024);
  const format = body.format;
  if (typeof format !== "string" || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(400, `"format" must be one of ${EXPORT_FORMATS.join(", ")}`);
  }
  await req.context.storage.appendAudit(entryBy(signed.person, draft.id, "export", format, req.context.now()));
  sendJson(req.response, 201, { recorded: format });
}

async function sendAudit(req: ApiRequest, draftId: string | null): Promise<void> {
  const rows = await req.context.storage.listAudit(draftId);
  if (req.query.get("format") === "csv") {
    return sendText(req.response, 200, auditCsv(rows), "text/csv; charset=utf-8", { "content-disposition": `attachment; filename="audit${draftId ? `-${draftId}` : ""}.csv"` });
  }
  sendJson(req.response, 200, { audit: rows.map(auditJson) });
}
