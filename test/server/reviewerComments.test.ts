/**
 * Reviewers comment on a shared draft they may not edit: a read-only connection sends the thread
 * as a message; the server checks the role and the rule (new comments only, signed by the
 * writer), writes it into the draft for everyone, logs it before answering, and audits it. A
 * forged signature, a change of someone else's words, a removal or a viewer's comment is refused
 * with its reason and changes nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SHARED_MAPS } from "../../src/core/sharedDraft";
import { commentThread, connect, firstAdmin, newDraft, person, refusalsTo, testServer, waitFor, type Peer } from "./helpers";

const REVIEWER = { name: "Rita Reviewer", office: "Office of Ald. Ramirez-Rosa, 35th Ward" };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()!(); });

async function setUp() {
  const server = await testServer();
  cleanups.push(() => server.close());
  const admin = await firstAdmin(server.url);
  const drafter = await person(admin, "Dana Drafter", "Advancing Justice | Chicago");
  const reviewer = await person(admin, REVIEWER.name, REVIEWER.office);
  const viewer = await person(admin, "Vic Viewer", "32nd Ward");
  const id = await newDraft(drafter);
  for (const [who, role] of [[REVIEWER.name, "reviewer"], ["Vic Viewer", "viewer"]] as const) {
    expect((await drafter.call("PUT", `/api/drafts/${id}/members`, { person: who, role })).status).toBe(200);
  }
  const open = async (cookie: string) => { const peer = await connect(server.wsUrl, id, cookie); cleanups.push(() => peer.destroy()); return peer; };
  return { server, id, drafter: await open(drafter.cookie), reviewer: await open(reviewer.cookie), viewer: await open(viewer.cookie), drafterClient: drafter };
}

const threadsOf = (peer: Peer) => peer.doc.getMap<{ value: unknown }>(SHARED_MAPS.threads);

describe("a reviewer's comments on a shared draft", () => {
  it("are written for everyone when signed by the reviewer, replies included, and audited", async () => {
    const { id, drafter, reviewer, drafterClient } = await setUp();
    const opened = commentThread("t1", [{ id: "c1", ...{ author: REVIEWER.name, office: REVIEWER.office }, text: "Should this name victims' families?" }]);
    reviewer.provider.sendStateless(JSON.stringify({ type: "entry", map: "threads", id: "t1", value: opened }));
    await waitFor(() => threadsOf(drafter).has("t1"), 10_000, "the thread at the drafter's");
    expect(threadsOf(drafter).get("t1")!.value).toEqual(opened);
    await waitFor(() => threadsOf(reviewer).has("t1"), 10_000, "the thread back at the reviewer's");
    // The drafter resolves it (drafters write the document); the reviewer's reply reopens it.
    drafter.doc.getMap<{ order: number; value: unknown }>(SHARED_MAPS.threads).set("t1", { order: 0, value: { ...opened, resolved: true } });
    await waitFor(() => (threadsOf(reviewer).get("t1")?.value as { resolved?: boolean }).resolved === true, 10_000, "resolved at the reviewer's");
    const reply = commentThread("t1", [...opened.comments, { id: "c2", author: REVIEWER.name, office: REVIEWER.office, text: "One more point." }]);
    reviewer.provider.sendStateless(JSON.stringify({ type: "entry", map: "threads", id: "t1", value: reply }));
    await waitFor(() => (threadsOf(drafter).get("t1")?.value as { comments: unknown[] }).comments.length === 2, 10_000, "the reply");
    const audit = await drafterClient.call("GET", `/api/drafts/${id}/audit`);
    const rows = (audit.json.audit as Array<{ action: string; person: string | null }>).filter((row) => row.action === "comment");
    expect(rows.map((row) => row.person)).toEqual([REVIEWER.name, REVIEWER.name]);
  }, 60_000);

  it("refuses a forged signature, a change of earlier words, a removal and a viewer's comment, changing nothing", async () => {
    const { drafter, reviewer, viewer } = await setUp();
    const told = refusalsTo(reviewer);
    const toldViewer = refusalsTo(viewer);
    const send = (peer: Peer, value: unknown, idOf = "t2") => peer.provider.sendStateless(JSON.stringify({ type: "entry", map: "threads", id: idOf, value }));
    send(reviewer, commentThread("t2", [{ id: "c1", author: "Dana Drafter", office: "Advancing Justice | Chicago", text: "Forged." }]));
    await waitFor(() => told.length === 1, 10_000, "the first refusal");
    expect(told[0]).toMatch(/signed by the person who writes it/);
    // The drafter writes a thread; the reviewer may not rewrite her words, nor remove the thread.
    const drafters = commentThread("t3", [{ id: "c1", author: "Dana Drafter", office: "Advancing Justice | Chicago", text: "Original words." }]);
    drafter.doc.getMap<{ order: number; value: unknown }>(SHARED_MAPS.threads).set("t3", { order: 0, value: drafters });
    await waitFor(() => threadsOf(reviewer).has("t3"), 10_000, "the drafter's thread at the reviewer's");
    send(reviewer, commentThread("t3", [{ id: "c1", author: "Dana Drafter", office: "Advancing Justice | Chicago", text: "Changed words." }, { id: "c2", author: REVIEWER.name, office: REVIEWER.office, text: "Mine." }]), "t3");
    reviewer.provider.sendStateless(JSON.stringify({ type: "entry", map: "threads", id: "t3", value: null }));
    send(viewer, commentThread("t4", [{ id: "c1", author: "Vic Viewer", office: "32nd Ward", text: "Viewer's." }]), "t4");
    await waitFor(() => told.length === 3 && toldViewer.length === 1, 10_000, "the refusals");
    expect(told.slice(1)).toEqual(["earlier comments may not change", "only drafters remove comments"]);
    expect(toldViewer[0]).toMatch(/viewers read the draft/);
    expect([...threadsOf(drafter).keys()].sort()).toEqual(["t3"]);
    expect(threadsOf(drafter).get("t3")!.value).toEqual(drafters);
  }, 60_000);

  it("takes a reviewer's suggestion, refuses a forged one, and audits the drafter's decision by its person", async () => {
    const { id, drafter, reviewer, drafterClient } = await setUp();
    const told = refusalsTo(reviewer);
    const suggestion = { id: "g1", anchor: commentThread("x", []).anchor, replacement: "witnesses of crime", author: REVIEWER.name, office: REVIEWER.office, time: "2026-12-03T12:00:00.000Z", status: "open" };
    reviewer.provider.sendStateless(JSON.stringify({ type: "entry", map: "suggestions", id: "g2", value: { ...suggestion, id: "g2", author: "Dana Drafter" } }));
    reviewer.provider.sendStateless(JSON.stringify({ type: "entry", map: "suggestions", id: "g1", value: suggestion }));
    const suggestions = (peer: Peer) => peer.doc.getMap<{ order: number; value: { status: string } }>(SHARED_MAPS.suggestions);
    await waitFor(() => suggestions(drafter).has("g1") && told.length === 1, 10_000, "the suggestion and the refusal");
    expect(told[0]).toMatch(/signed by the person who makes it/);
    expect([...suggestions(drafter).keys()]).toEqual(["g1"]);
    // The drafter accepts through the document (drafters write it); the server audits it as hers.
    suggestions(drafter).set("g1", { order: 0, value: { ...suggestion, status: "accepted", decidedBy: "Dana Drafter", decidedAt: "2026-12-03T12:05:00.000Z" } as never });
    const rows = async () => ((await drafterClient.call("GET", `/api/drafts/${id}/audit`)).json.audit as Array<{ action: string; person: string }>).map((row) => `${row.action} ${row.person}`);
    let seen: string[] = [];
    for (let tries = 0; tries < 50 && !seen.includes("suggestion-accepted Dana Drafter"); tries++) { seen = await rows(); await new Promise((resolve) => setTimeout(resolve, 100)); }
    expect(seen).toEqual(expect.arrayContaining(["suggestion-made Rita Reviewer", "suggestion-accepted Dana Drafter"]));
    // Each row says what the suggestion was, in words, after its id.
    const details = ((await drafterClient.call("GET", `/api/drafts/${id}/audit`)).json.audit as Array<{ action: string; detail: string }>)
      .filter((row) => row.action.startsWith("suggestion-")).map((row) => row.detail);
    expect(details).toEqual(["suggestion g1 in 2-173-020: “witnesses to crime” → “witnesses of crime”", "suggestion g1 in 2-173-020: “witnesses to crime” → “witnesses of crime”"]);
    // The reviewer may not decide it back.
    reviewer.provider.sendStateless(JSON.stringify({ type: "entry", map: "suggestions", id: "g1", value: { ...suggestion, status: "rejected", decidedBy: REVIEWER.name, decidedAt: "2026-12-03T12:06:00.000Z" } }));
    await waitFor(() => told.length === 2, 10_000, "the second refusal");
    expect(told[1]).toMatch(/only drafters accept or reject/);
    expect(suggestions(drafter).get("g1")!.value.status).toBe("accepted");
  }, 60_000);
});
