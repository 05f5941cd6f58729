/**
 * Drafts and roles over real HTTP: creation with the base text stored once by its SHA-256,
 * unguessable ids, invitations of a person or an office, role changes and removal, every call
 * authorised for the draft, and the audit trail as JSON and CSV.
 */
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { firstAdmin, newDraft, person, testServer } from "./helpers";
import { queryAsAdmin } from "./postgres";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function started() {
  const server = await testServer();
  cleanups.push(() => server.close());
  return server;
}

const BASE = "CHAPTER 2-173 WELCOMING CITY ORDINANCE\n\n2-173-010 Purpose.\n";

describe("drafts", () => {
  it("stores the base text once under its SHA-256 and gives unguessable ids", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const ids = [await newDraft(admin, "One", BASE), await newDraft(admin, "Two", BASE)];
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const expectedHash = createHash("sha256").update(Buffer.from(BASE, "utf8")).digest("hex");
    for (const id of ids) {
      const read = await admin.call("GET", `/api/drafts/${id}`);
      expect(read.json.draft).toMatchObject({ id, baseHash: expectedHash, role: "drafter" });
      const base = await admin.call("GET", `/api/drafts/${id}/base`);
      expect(base.text).toBe(BASE);
    }
    expect((await admin.call("GET", "/api/drafts")).json.drafts.map((d: { title: string }) => d.title)).toEqual(["One", "Two"]);
  });

  it("refuses a draft without a base text, creating nothing", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const answer = await admin.call("POST", "/api/drafts", { title: "No base" });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/baseText/);
    expect((await admin.call("GET", "/api/drafts")).json.drafts).toEqual([]);
  });

  it("answers 404 to a person without a role, and lets only drafters manage members", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const reviewer = await person(admin, "Rae Reviewer", "Office of Ald. Vasquez, 40th Ward");
    const stranger = await person(admin, "Sam Stranger", "Elsewhere");
    const id = await newDraft(admin, "Shared", BASE);
    expect((await stranger.call("GET", `/api/drafts/${id}`)).status).toBe(404);
    expect((await stranger.call("GET", `/api/drafts/${id}/base`)).status).toBe(404);
    expect((await stranger.call("GET", `/api/drafts/${id}/audit`)).status).toBe(404);
    expect((await stranger.call("PUT", `/api/drafts/${id}/members`, { person: "Sam Stranger", role: "drafter" })).status).toBe(404);
    expect((await stranger.call("GET", "/api/drafts")).json.drafts).toEqual([]);
    expect((await admin.call("PUT", `/api/drafts/${id}/members`, { person: "Rae Reviewer", role: "reviewer" })).status).toBe(200);
    expect((await reviewer.call("GET", `/api/drafts/${id}`)).json.draft.role).toBe("reviewer");
    const escalate = await reviewer.call("PUT", `/api/drafts/${id}/members`, { person: "Rae Reviewer", role: "drafter" });
    expect(escalate.status).toBe(403);
    expect((await reviewer.call("GET", `/api/drafts/${id}`)).json.draft.role).toBe("reviewer");
    expect((await admin.call("GET", "/api/audit")).status).toBe(200);
    expect((await reviewer.call("GET", "/api/audit")).status).toBe(403);
  });

  it("invites a whole office; a person's own role comes before the office's; removal takes the role away", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const office = "Office of Ald. Ramirez-Rosa, 35th Ward";
    const staffA = await person(admin, "Ana Staff", office);
    const staffB = await person(admin, "Ben Staff", office);
    const id = await newDraft(admin, "Shared", BASE);
    expect((await admin.call("PUT", `/api/drafts/${id}/members`, { office, role: "viewer" })).status).toBe(200);
    expect((await staffA.call("GET", `/api/drafts/${id}`)).json.draft.role).toBe("viewer");
    expect((await staffB.call("GET", `/api/drafts/${id}`)).json.draft.role).toBe("viewer");
    const members = await admin.call("PUT", `/api/drafts/${id}/members`, { person: "Ben Staff", role: "reviewer" });
    expect(members.json.members).toEqual([
      { person: "Ada Admin", office: "Advancing Justice | Chicago", role: "drafter" },
      { office, role: "viewer" },
      { person: "Ben Staff", office, role: "reviewer" },
    ]);
    expect((await staffB.call("GET", `/api/drafts/${id}`)).json.draft.role).toBe("reviewer");
    expect((await admin.call("DELETE", `/api/drafts/${id}/members`, { office })).status).toBe(200);
    expect((await staffA.call("GET", `/api/drafts/${id}`)).status).toBe(404);
    expect((await staffB.call("GET", `/api/drafts/${id}`)).json.draft.role).toBe("reviewer");
    expect((await admin.call("PUT", `/api/drafts/${id}/members`, { office: "No Such Office", role: "viewer" })).status).toBe(404);
    expect((await admin.call("PUT", `/api/drafts/${id}/members`, { person: "Ben Staff", role: "owner" })).status).toBe(400);
    // The last drafter cannot step down.
    expect((await admin.call("PUT", `/api/drafts/${id}/members`, { person: "Ada Admin", role: "viewer" })).status).toBe(409);
    expect((await admin.call("DELETE", `/api/drafts/${id}/members`, { person: "Ada Admin" })).status).toBe(409);
  });
});

describe("audit trail", () => {
  it("records sign-in, draft creation and role changes with who and office, as JSON and CSV", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    await person(admin, "Rae, \"the\" Reviewer", "=HYPERLINK(\"x\")");
    const id = await newDraft(admin, "Shared", BASE);
    await admin.call("PUT", `/api/drafts/${id}/members`, { person: "Rae, \"the\" Reviewer", role: "reviewer" });
    await admin.call("DELETE", `/api/drafts/${id}/members`, { person: "Rae, \"the\" Reviewer" });
    const rows = (await admin.call("GET", `/api/drafts/${id}/audit`)).json.audit as Record<string, unknown>[];
    expect(rows.map((row) => [row.person, row.office, row.action])).toEqual([
      ["Ada Admin", "Advancing Justice | Chicago", "draft-created"],
      ["Ada Admin", "Advancing Justice | Chicago", "role-set"],
      ["Ada Admin", "Advancing Justice | Chicago", "role-removed"],
    ]);
    expect(rows[1]!.detail).toBe("Rae, \"the\" Reviewer (=HYPERLINK(\"x\")): reviewer");
    const all = (await admin.call("GET", "/api/audit")).json.audit as Record<string, unknown>[];
    expect(all.filter((row) => row.action === "sign-in").map((row) => row.person)).toEqual(["Rae, \"the\" Reviewer"]);
    const csv = await admin.call("GET", `/api/drafts/${id}/audit?format=csv`);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = csv.text.split("\r\n");
    expect(lines[0]).toBe("id,at,person,office,draft,action,detail");
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^\d+,\d{4}-\d\d-\d\dT[^,]+,Ada Admin,Advancing Justice \| Chicago,'?[A-Za-z0-9_-]{22},role-set,"Rae, ""the"" Reviewer \(=HYPERLINK\(""x""\)\): reviewer"$/);
    // A cell a spreadsheet would run as a formula is quoted.
    const people = (await admin.call("GET", "/api/audit?format=csv")).text;
    expect(people).toContain("'=HYPERLINK");
    expect(people).not.toMatch(/,=HYPERLINK/);
  });

  it("cannot be altered in the database", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    await newDraft(admin);
    const tampering = ["UPDATE audit SET action = 'nothing'", "DELETE FROM audit", "UPDATE base_texts SET text = 'other'", "DELETE FROM base_texts"];
    const refusals = [/append-only/, /append-only/, /immutable/, /immutable/];
    if (server.data.database) {
      for (const [i, sql] of tampering.entries()) await expect(queryAsAdmin(server.data.database, sql)).rejects.toThrow(refusals[i]);
    } else {
      const Database = (await import("better-sqlite3")).default;
      const db = new Database(`${server.dataDir}/ordinance-redline.sqlite`);
      try {
        for (const [i, sql] of tampering.entries()) expect(() => db.prepare(sql).run()).toThrow(refusals[i]);
      } finally {
        db.close();
      }
    }
  });
});
