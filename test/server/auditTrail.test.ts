/**
 * The audit trail's rows for work on the text: the draft's first text as shared (no editing
 * session), an editing session per person and draft (a row when their edit follows a quiet
 * time, not one per keystroke), and exports, which any
 * member records and no one outside the draft can.
 */
import { afterEach, describe, expect, it } from "vitest";
import { connect, firstAdmin, newDraft, person, testServer, type Peer } from "./helpers";

const closing: (() => unknown)[] = [];
afterEach(async () => {
  while (closing.length > 0) await closing.pop()!();
});

async function started(options: Parameters<typeof testServer>[0] = {}) {
  const server = await testServer(options);
  closing.push(() => server.close());
  return server;
}

function tracked(peer: Peer): Peer {
  closing.push(() => peer.destroy());
  return peer;
}

describe("audit trail of editing and exports", () => {
  it("records one editing session per person and draft until a quiet time has passed", async () => {
    let now = Date.parse("2026-12-03T10:00:00Z");
    const server = await started({ now: () => now, editSessionGapMs: 5 * 60 * 1000 });
    const admin = await firstAdmin(server.url);
    const bea = await person(admin, "Bea Drafter", "Office of Ald. Ramirez-Rosa, 35th Ward");
    const draftId = await newDraft(admin);
    await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Bea Drafter", role: "drafter" });
    const a = tracked(await connect(server.wsUrl, draftId, admin.cookie));
    const b = tracked(await connect(server.wsUrl, draftId, bea.cookie));
    const edits = async () => (await admin.call("GET", `/api/drafts/${draftId}/audit`)).json.audit.filter((row: { action: string }) => row.action === "edit");
    // The draft's first text, as sharing puts it there: a row of its own, no editing session.
    a.text.insert(0, "shared text ");
    await a.acknowledged();
    const shared = (await admin.call("GET", `/api/drafts/${draftId}/audit`)).json.audit.filter((row: { action: string }) => row.action === "text-shared");
    expect(shared.map((row: { person: string }) => row.person)).toEqual(["Ada Admin"]);
    expect(await edits()).toEqual([]);
    now += 5 * 60 * 1000 + 1;
    for (let i = 0; i < 5; i++) {
      a.text.insert(0, `a${i} `);
      await a.acknowledged();
      now += 60 * 1000;
    }
    expect((await edits()).map((row: { person: string }) => row.person)).toEqual(["Ada Admin"]);
    b.text.insert(0, "b ");
    await b.acknowledged();
    expect((await edits()).map((row: { person: string }) => row.person)).toEqual(["Ada Admin", "Bea Drafter"]);
    // Four minutes after Ada's last edit: the same session. Six: a new one.
    now += 3 * 60 * 1000;
    a.text.insert(0, "again ");
    await a.acknowledged();
    expect(await edits()).toHaveLength(2);
    now += 5 * 60 * 1000 + 1;
    a.text.insert(0, "later ");
    await a.acknowledged();
    const rows = await edits();
    expect(rows.map((row: { person: string; office: string }) => [row.person, row.office])).toEqual([
      ["Ada Admin", "Advancing Justice | Chicago"], ["Bea Drafter", "Office of Ald. Ramirez-Rosa, 35th Ward"], ["Ada Admin", "Advancing Justice | Chicago"],
    ]);
    expect(rows[2].at).toBe(new Date(now).toISOString());
  });

  it("a reviewer's refused text update is no editing session", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const rev = await person(admin, "Rey Reviewer", "Office of Ald. La Spata, 1st Ward");
    const draftId = await newDraft(admin);
    await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Rey Reviewer", role: "reviewer" });
    const r = tracked(await connect(server.wsUrl, draftId, rev.cookie));
    r.text.insert(0, "not allowed ");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const audit = (await admin.call("GET", `/api/drafts/${draftId}/audit`)).json.audit;
    expect(audit.filter((row: { action: string }) => row.action === "edit")).toEqual([]);
  });

  it("records an export by any member, refuses an unknown format, and hides the draft from others", async () => {
    const server = await started();
    const admin = await firstAdmin(server.url);
    const viewer = await person(admin, "Vic Viewer", "Office of the City Clerk");
    const outsider = await person(admin, "Out Sider", "Elsewhere");
    const draftId = await newDraft(admin);
    await admin.call("PUT", `/api/drafts/${draftId}/members`, { person: "Vic Viewer", role: "viewer" });
    expect((await viewer.call("POST", `/api/drafts/${draftId}/exports`, { format: "ordinance-docx" })).status).toBe(201);
    expect((await admin.call("POST", `/api/drafts/${draftId}/exports`, { format: "clean-text" })).status).toBe(201);
    const unknown = await admin.call("POST", `/api/drafts/${draftId}/exports`, { format: "<script>" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatch(/"format" must be one of ordinance-docx/);
    expect((await outsider.call("POST", `/api/drafts/${draftId}/exports`, { format: "ordinance-docx" })).status).toBe(404);
    expect((await viewer.call("POST", `/api/drafts/${draftId}/exports`, { format: "ordinance-docx" }, { csrf: false })).status).toBe(403);
    const exports = (await admin.call("GET", `/api/drafts/${draftId}/audit`)).json.audit.filter((row: { action: string }) => row.action === "export");
    expect(exports.map((row: { person: string; detail: string }) => [row.person, row.detail])).toEqual([["Vic Viewer", "ordinance-docx"], ["Ada Admin", "clean-text"]]);
    const csv = (await admin.call("GET", `/api/drafts/${draftId}/audit?format=csv`)).text;
    expect(csv).toMatch(/,Vic Viewer,Office of the City Clerk,[^,]+,export,ordinance-docx\r\n/);
  });
});
