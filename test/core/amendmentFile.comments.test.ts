/**
 * Comment threads in the amendment file: a file written by hand in the format of before threads
 * (comments with no office, annotations with no resolved flag, no threads, no current user)
 * opens as it always did; threads, edits, resolved flags and the current user survive a save;
 * a file with a bad thread is refused with every problem named and nothing half-read.
 */
import { describe, expect, it } from "vitest";
import { AmendmentFileError, parseAmendment, serializeAmendment, type AmendmentContent } from "../../src/core/amendmentFile";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { fixtureAmended, fixtureBase } from "../support/fixtures";

const SAVED_AT = "2026-03-01T14:05:00.000Z";

/** An amendment file as the app wrote it before comment threads, typed out field by field. */
function oldFormatFile(): string {
  return `{
  "schemaVersion": 1,
  "app": "ordinance-redline",
  "name": "Older draft",
  "savedAt": "2026-02-01T08:00:00.000Z",
  "base": ${JSON.stringify(serializeDocument(fixtureBase()))},
  "draft": ${JSON.stringify(serializeDocument(fixtureAmended()))},
  "sponsors": null,
  "annotations": [
    {
      "id": "a1",
      "anchor": { "section": "2-173-030", "blockId": null, "side": "deleted", "quote": { "exact": "in any form", "prefix": "", "suffix": "" }, "changeId": "2-173-030:0" },
      "sponsorIds": [],
      "justification": "",
      "status": "proposed",
      "comments": [{ "id": "c1", "author": "ramirez-rosa", "time": "2026-01-27T09:00:00Z", "text": "Agreed with Law." }]
    }
  ],
  "exportSettings": null
}
`;
}

function refusal(text: string): AmendmentFileError {
  try {
    parseAmendment(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AmendmentFileError);
    return error as AmendmentFileError;
  }
  throw new Error("the file was accepted");
}

function withThreads(): AmendmentContent {
  return {
    ...parseAmendment(oldFormatFile()),
    threads: [{
      id: "t1",
      anchor: { section: "2-173-020", blockId: "s-2-173-020-b1", quote: { exact: "any agency", prefix: "means ", suffix: " of the City" } },
      resolved: true,
      comments: [
        { id: "c1", author: "Dana Whitfield", office: "Office of the City Clerk", time: "2026-02-02T09:00:00.000Z", text: "Does this include sister agencies?", edited: "2026-02-02T09:05:00.000Z" },
        { id: "c2", author: "Luis Ortega", time: "2026-02-02T10:00:00.000Z", text: "No." },
      ],
    }],
    currentUser: { name: "Dana Whitfield", office: "Office of the City Clerk" },
  };
}

describe("comment threads in the amendment file", () => {
  it("opens a file of the format before threads, its change comments as they were", () => {
    const content = parseAmendment(oldFormatFile());
    expect(content.annotations[0]!.comments).toEqual([{ id: "c1", author: "ramirez-rosa", time: "2026-01-27T09:00:00Z", text: "Agreed with Law." }]);
    expect(content.annotations[0]!.resolved).toBeUndefined();
    expect(content.threads).toBeUndefined();
    expect(content.currentUser).toBeUndefined();
    // Saved again, it gains no fields it did not need.
    const file = JSON.parse(serializeAmendment(content, SAVED_AT)) as Record<string, unknown>;
    expect(Object.keys(file)).not.toContain("threads");
    expect(Object.keys(file)).not.toContain("currentUser");
  });

  it("keeps threads, edit times, resolved flags and the current user through a save", () => {
    const content = withThreads();
    const resolvedChange = { ...content, annotations: [{ ...content.annotations[0]!, resolved: true }] };
    const back = parseAmendment(serializeAmendment(resolvedChange, SAVED_AT));
    expect(back.threads).toEqual(content.threads);
    expect(back.currentUser).toEqual(content.currentUser);
    expect(back.annotations[0]!.resolved).toBe(true);
  });

  it("refuses bad threads with every problem named, and returns nothing", () => {
    const file = JSON.parse(serializeAmendment(withThreads(), SAVED_AT)) as { threads: Array<Record<string, unknown>>; currentUser: unknown; annotations: Array<Record<string, unknown>> };
    const thread = file.threads[0]!;
    file.threads.push(JSON.parse(JSON.stringify(thread)) as Record<string, unknown>);
    (thread.anchor as Record<string, unknown>).quote = { exact: "   ", prefix: "", suffix: "" };
    thread.resolved = "yes";
    (thread.comments as Array<Record<string, unknown>>)[1]!.edited = "later";
    (thread.comments as Array<Record<string, unknown>>)[1]!.office = 7;
    (thread.comments as Array<Record<string, unknown>>)[0]!.likes = 3;
    file.currentUser = { name: " ", office: "x" };
    file.annotations[0]!.resolved = 1;
    const error = refusal(JSON.stringify(file));
    expect(error.kind).toBe("invalid");
    expect(error.problems.map((problem) => problem.path).sort()).toEqual([
      "annotations[0].resolved", "currentUser.name", "threads[0].anchor.quote.exact", "threads[0].comments[0].likes",
      "threads[0].comments[1].edited", "threads[0].comments[1].office", "threads[0].resolved", "threads[1].id",
    ]);
    expect(error.message).toContain("threads[0].resolved: must be true or false");
    expect(error.message).toContain('threads[1].id: the id "t1" is used twice');
  });

  it("refuses threads that are not a list, and a current user that is not an object", () => {
    const file = JSON.parse(serializeAmendment(withThreads(), SAVED_AT)) as Record<string, unknown>;
    file.threads = { t1: {} };
    file.currentUser = "Dana";
    expect(refusal(JSON.stringify(file)).problems).toEqual([
      { path: "threads", message: "must be a list" },
      { path: "currentUser", message: "must be an object with name and office, or null" },
    ]);
  });
});
