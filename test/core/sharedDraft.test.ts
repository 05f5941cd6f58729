/**
 * What a reviewer may write into a shared draft (core/sharedDraft): new comments and
 * suggestions signed by them, nothing else. Each refusal is checked by changing one thing of an
 * allowed change, so a rule that stopped refusing would fail here.
 */
import { describe, expect, it } from "vitest";
import { readEntryChange, readSuggestion, reviewerRefusal, type EntryChange } from "../../src/core/sharedDraft";

const RITA = { name: "Rita Reviewer", office: "Office of Ald. Ramirez-Rosa, 35th Ward" };
const ANCHOR = { section: "2-173-020", blockId: null, quote: { exact: "witnesses to crime", prefix: "and ", suffix: ", including" } };
const T = "2026-12-03T12:00:00.000Z";

const comment = (id: string, author = RITA.name, office = RITA.office, text = "A point.") => ({ id, author, office, time: T, text });
const thread = (comments: unknown[], resolved = false) => ({ id: "t1", anchor: ANCHOR, resolved, comments });
const suggestion = (over: Record<string, unknown> = {}) => ({ id: "g1", anchor: ANCHOR, replacement: "witnesses of crime", author: RITA.name, office: RITA.office, time: T, status: "open", ...over });
const entry = (map: EntryChange["map"], value: unknown, id = map === "suggestions" ? "g1" : "t1"): EntryChange => ({ map, id, value });

describe("a reviewer's changes of a shared draft", () => {
  it("allows a new thread, a reply (which may reopen), and a new suggestion, each signed by the reviewer", () => {
    expect(reviewerRefusal(entry("threads", thread([comment("c1")])), undefined, RITA)).toBeNull();
    const drafters = thread([comment("c1", "Dana Drafter", "Advancing Justice | Chicago")], true);
    expect(reviewerRefusal(entry("threads", thread([...drafters.comments, comment("c2")], false)), drafters, RITA)).toBeNull();
    expect(reviewerRefusal(entry("suggestions", suggestion()), undefined, RITA)).toBeNull();
    expect(reviewerRefusal(entry("suggestions", suggestion({ replacement: "" })), undefined, RITA)).toBeNull();
    // Names compare without regard to case and outer spaces, as comments' own writers do.
    expect(reviewerRefusal(entry("threads", thread([comment("c1", " rita reviewer ", "office of ald. ramirez-rosa, 35th ward")])), undefined, RITA)).toBeNull();
  });

  it("refuses everything else, with its reason", () => {
    const drafters = thread([comment("c1", "Dana Drafter", "Advancing Justice | Chicago", "Original.")]);
    const cases: Array<[string, EntryChange, unknown, RegExp]> = [
      ["a forged thread", entry("threads", thread([comment("c1", "Dana Drafter", "Advancing Justice | Chicago")])), undefined, /signed by the person/],
      ["another office", entry("threads", thread([comment("c1", RITA.name, "32nd Ward")])), undefined, /signed by the person/],
      ["earlier words changed", entry("threads", thread([comment("c1", "Dana Drafter", "Advancing Justice | Chicago", "Changed."), comment("c2")])), drafters, /earlier comments/],
      ["a comment taken away", entry("threads", thread([])), drafters, /nothing new|not a valid/],
      ["the anchor moved", entry("threads", { ...thread([...drafters.comments, comment("c2")]), anchor: { ...ANCHOR, section: "2-173-030" } }), drafters, /only the comments/],
      ["resolving", entry("threads", thread([...drafters.comments, comment("c2")], true)), drafters, /only the comments/],
      ["a removal", entry("threads", null), drafters, /only drafters remove/],
      ["an invalid thread", entry("threads", { id: "t1" }), undefined, /not a valid comment thread/],
      ["a mismatched id", entry("threads", thread([comment("c1")]), "t9"), undefined, /id does not match/],
      ["a forged suggestion", entry("suggestions", suggestion({ author: "Dana Drafter" })), undefined, /signed by the person/],
      ["a decided suggestion", entry("suggestions", suggestion({ status: "accepted", decidedBy: RITA.name, decidedAt: T })), undefined, /is open/],
      ["deciding a suggestion", entry("suggestions", suggestion({ status: "rejected", decidedBy: RITA.name, decidedAt: T })), suggestion(), /only drafters accept or reject/],
      ["removing a suggestion", entry("suggestions", null), suggestion(), /only drafters remove suggestions/],
      ["an invalid suggestion", entry("suggestions", suggestion({ replacement: 7 })), undefined, /not a valid suggestion/],
    ];
    for (const [name, change, current, reason] of cases) expect(reviewerRefusal(change, current, RITA), name).toMatch(reason);
  });

  it("reads only well-formed entry messages", () => {
    expect(readEntryChange({ type: "entry", map: "threads", id: "t1", value: null })).toEqual({ map: "threads", id: "t1", value: null });
    for (const bad of [null, "x", { type: "other", map: "threads", id: "t1" }, { type: "entry", map: "sponsors", id: "t1" }, { type: "entry", map: "threads", id: "" }, { type: "entry", map: "threads", id: "x".repeat(201) }]) {
      expect(readEntryChange(bad)).toBeNull();
    }
  });

  it("validates suggestions field by field", () => {
    const problems: { path: string; message: string }[] = [];
    expect(readSuggestion(suggestion(), "s", problems)).toEqual(suggestion());
    const broken: Array<Record<string, unknown>> = [
      { id: "" }, { anchor: { ...ANCHOR, quote: { exact: "  ", prefix: "", suffix: "" } } }, { replacement: "x".repeat(20_001) }, { author: "" },
      { time: "yesterday" }, { status: "maybe" }, { decidedBy: RITA.name }, { constructor: "x" }, { __proto__: { polluted: true } as unknown as string },
    ];
    for (const over of broken) {
      const found: { path: string; message: string }[] = [];
      const value = over.__proto__ !== Object.prototype && "__proto__" in over ? JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(suggestion()).slice(1)}`) : suggestion(over);
      expect(readSuggestion(value, "s", found), JSON.stringify(over)).toBeNull();
      expect(found.length).toBeGreaterThan(0);
    }
  });
});
