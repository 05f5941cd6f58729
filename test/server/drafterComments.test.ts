/**
 * Drafters write comments straight into the shared document, so the server checks them once
 * applied: a drafter's own signed comment stays; a comment signed in someone else's name, or a
 * change to someone else's words, is put back at once for everyone, the drafter is told why and
 * the audit trail keeps a row; removing a reviewer's thread and putting it back word for word
 * (Undo) is allowed. The update that first fills the empty document (the draft as shared) may
 * hold comments others wrote in the sharer's browser.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SHARED_MAPS } from "../../src/core/sharedDraft";
import { commentThread, connect, firstAdmin, newDraft, person, refusalsTo, sleep, testServer, waitFor, type Peer } from "./helpers";

const DRAFTER = { name: "Dana Drafter", office: "Advancing Justice | Chicago" };
const signedBy = (who: { name: string; office: string }) => ({ author: who.name, office: who.office });
const REVIEWER = { name: "Rita Reviewer", office: "Office of Ald. Ramirez-Rosa, 35th Ward" };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()!(); });

async function setUp() {
  const server = await testServer();
  cleanups.push(() => server.close());
  const admin = await firstAdmin(server.url);
  const drafterClient = await person(admin, DRAFTER.name, DRAFTER.office);
  const reviewerClient = await person(admin, REVIEWER.name, REVIEWER.office);
  const id = await newDraft(drafterClient);
  expect((await drafterClient.call("PUT", `/api/drafts/${id}/members`, { person: REVIEWER.name, role: "reviewer" })).status).toBe(200);
  const open = async (cookie: string) => { const peer = await connect(server.wsUrl, id, cookie); cleanups.push(() => peer.destroy()); return peer; };
  const drafter = await open(drafterClient.cookie);
  const reviewer = await open(reviewerClient.cookie);
  const told = refusalsTo(drafter);
  const refusedRows = async () => ((await drafterClient.call("GET", `/api/drafts/${id}/audit`)).json.audit as Array<{ action: string; person: string }>).filter((row) => row.action === "comment-refused");
  return { drafter, reviewer, told, refusedRows };
}

const threads = (peer: Peer) => peer.doc.getMap<{ order: number; value: unknown }>(SHARED_MAPS.threads);
const commentsAt = (peer: Peer, id: string) => (threads(peer).get(id)?.value as { comments: Array<{ author: string; text: string }> } | undefined)?.comments;

/** A reviewer's thread, written through the reviewers' checked path, as seen by both. */
async function reviewerThread(drafter: Peer, reviewer: Peer) {
  const value = commentThread("t-r", [{ id: "c-r", ...signedBy(REVIEWER), text: "Does this cover reports made online?" }]);
  reviewer.provider.sendStateless(JSON.stringify({ type: "entry", map: "threads", id: "t-r", value }));
  await waitFor(() => threads(drafter).has("t-r"), 10_000, "the reviewer's thread at the drafter's");
  return value;
}

describe("a drafter's comments on a shared draft", () => {
  it("takes the draft as shared whole: the one update that fills the empty document may hold others' comments", async () => {
    const { drafter, reviewer, told, refusedRows } = await setUp();
    drafter.doc.transact(() => {
      drafter.text.insert(0, "the draft as shared ");
      threads(drafter).set("t-old", { order: 0, value: commentThread("t-old", [{ id: "c-old", author: "Sam Colleague", office: "Advancing Justice | Chicago", text: "Noted in the local draft." }]) });
    });
    await drafter.acknowledged();
    await waitFor(() => threads(reviewer).has("t-old"), 10_000, "the shared thread at the reviewer's");
    await sleep(300);
    expect(commentsAt(drafter, "t-old")?.[0]?.author).toBe("Sam Colleague");
    expect(told).toEqual([]);
    expect(await refusedRows()).toEqual([]);
    // Once the draft holds something, the same is a forgery.
    threads(drafter).set("t-new", { order: 1, value: commentThread("t-new", [{ id: "c-new", author: "Sam Colleague", office: "Advancing Justice | Chicago", text: "Later." }]) });
    await waitFor(() => told.length > 0, 10_000, "the refusal");
    await waitFor(() => !threads(drafter).has("t-new"), 10_000, "the forged thread gone");
  }, 60_000);

  it("keeps a drafter's own signed thread", async () => {
    const { drafter, reviewer, told, refusedRows } = await setUp();
    threads(drafter).set("t-d", { order: 0, value: commentThread("t-d", [{ id: "c-d", ...signedBy(DRAFTER), text: "Check the 2012 amendment." }]) });
    await drafter.acknowledged();
    await waitFor(() => threads(reviewer).has("t-d"), 10_000, "the thread at the reviewer's");
    await sleep(300);
    expect(commentsAt(drafter, "t-d")?.[0]?.author).toBe(DRAFTER.name);
    expect(told).toEqual([]);
    expect(await refusedRows()).toEqual([]);
  }, 60_000);

  it("puts back a thread signed in someone else's name, tells the drafter why and audits it", async () => {
    const { drafter, reviewer, told, refusedRows } = await setUp();
    drafter.text.insert(0, "the draft as shared ");
    await drafter.acknowledged();
    threads(drafter).set("t-f", { order: 0, value: commentThread("t-f", [{ id: "c-f", ...signedBy(REVIEWER), text: "I agree with everything." }]) });
    await waitFor(() => told.length > 0, 10_000, "the refusal");
    expect(told).toEqual(["a comment must be signed by the person who writes it"]);
    await waitFor(() => !threads(drafter).has("t-f"), 10_000, "the forged thread gone at the drafter's");
    await sleep(300);
    expect(threads(reviewer).has("t-f")).toBe(false);
    expect((await refusedRows()).map((row) => row.person)).toEqual([DRAFTER.name]);
  }, 60_000);

  it("puts back a reviewer's words a drafter changed, but lets a drafter remove the thread and put it back word for word", async () => {
    const { drafter, reviewer, told } = await setUp();
    const original = await reviewerThread(drafter, reviewer);
    threads(drafter).set("t-r", { order: 0, value: { ...original, comments: [{ ...original.comments[0]!, text: "I agree with everything." }] } });
    await waitFor(() => told.length > 0, 10_000, "the refusal");
    expect(told).toEqual(["someone else's comment may not be changed"]);
    await waitFor(() => commentsAt(drafter, "t-r")?.[0]?.text === "Does this cover reports made online?", 10_000, "the reviewer's words back");
    // Removal (the words it was on deleted), then Undo putting it back as it was.
    threads(drafter).delete("t-r");
    await drafter.acknowledged();
    await waitFor(() => !threads(reviewer).has("t-r"), 10_000, "the thread removed at the reviewer's");
    threads(drafter).set("t-r", { order: 0, value: original });
    await drafter.acknowledged();
    await waitFor(() => threads(reviewer).has("t-r"), 10_000, "the thread back at the reviewer's");
    await sleep(300);
    expect(commentsAt(reviewer, "t-r")).toEqual(original.comments);
    expect(told).toHaveLength(1);
  }, 60_000);
});
