/**
 * The drafter rule for comments, case by case: own comments may be added and edited, never
 * re-signed; someone else's may be removed but not changed; a comment put back word for word
 * as the draft once held it passes; a new one in another's name does not.
 */
import { describe, expect, it } from "vitest";
import { commentKey, drafterCommentRefusal } from "../../src/core/sharedDraft";

const DANA = { name: "Dana Drafter", office: "Advancing Justice | Chicago" };
const rita = { id: "c1", author: "Rita Reviewer", office: "35th Ward", time: "2026-12-03T12:00:00.000Z", text: "Online reports too?" };
const own = { id: "c2", author: "dana drafter ", office: "Advancing Justice | Chicago", time: "2026-12-03T12:05:00.000Z", text: "Yes." };
const entry = (...comments: object[]) => ({ id: "t1", resolved: false, comments });
const never = () => false;

describe("drafterCommentRefusal", () => {
  it("allows adding, editing and removing one's own comments, and resolving", () => {
    expect(drafterCommentRefusal(entry(rita), entry(rita, own), DANA, never)).toBeNull();
    expect(drafterCommentRefusal(entry(rita, own), entry(rita, { ...own, text: "Yes, and by telephone.", edited: "2026-12-03T12:06:00.000Z" }), DANA, never)).toBeNull();
    expect(drafterCommentRefusal(entry(rita, own), entry(rita), DANA, never)).toBeNull();
    expect(drafterCommentRefusal(entry(rita), { ...entry(rita), resolved: true }, DANA, never)).toBeNull();
    expect(drafterCommentRefusal(entry(rita), undefined, DANA, never)).toBeNull();
  });

  it("refuses a new comment in someone else's name, and re-signing one's own", () => {
    expect(drafterCommentRefusal(undefined, entry({ ...rita, id: "c9" }), DANA, never)).toBe("a comment must be signed by the person who writes it");
    expect(drafterCommentRefusal(entry(own), entry({ ...own, author: "Rita Reviewer" }), DANA, never)).toBe("a comment must be signed by the person who writes it");
    expect(drafterCommentRefusal(undefined, entry({ ...own, office: "Elsewhere" }), DANA, never)).toBe("a comment must be signed by the person who writes it");
  });

  it("refuses a change to someone else's comment but lets one be removed", () => {
    expect(drafterCommentRefusal(entry(rita), entry({ ...rita, text: "I agree." }), DANA, never)).toBe("someone else's comment may not be changed");
    expect(drafterCommentRefusal(entry(rita, own), entry(own), DANA, never)).toBeNull();
  });

  it("lets a comment come back word for word as the draft once held it, and only so", () => {
    const seen = new Set([commentKey(rita)]);
    expect(drafterCommentRefusal(undefined, entry(rita), DANA, (key) => seen.has(key))).toBeNull();
    expect(drafterCommentRefusal(undefined, entry({ ...rita, text: "Online reports too!" }), DANA, (key) => seen.has(key))).toBe("a comment must be signed by the person who writes it");
    // Key order does not matter; the words do.
    expect(commentKey({ text: rita.text, id: rita.id, time: rita.time, office: rita.office, author: rita.author })).toBe(commentKey(rita));
  });
});
