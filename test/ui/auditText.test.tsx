/**
 * Audit rows as the People and history dialog shows them: actions in words, a base text's
 * fingerprint cut short (whole in `full`), an unknown action as the server named it.
 */
import { describe, expect, it } from "vitest";
import { describeAuditRow } from "../../src/ui/shared/auditText";

const row = (action: string, detail: string) => ({ at: "2026-12-03T10:00:00.000Z", person: "Ada Admin", office: "Advancing Justice | Chicago", action, detail });
const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("describeAuditRow", () => {
  it("cuts a base fingerprint to twelve digits and keeps the whole detail apart", () => {
    expect(describeAuditRow(row("draft-created", `"Welcoming City amendment", base ${HASH}`))).toEqual({
      what: "Created the draft",
      detail: "\"Welcoming City amendment\", base text fingerprint 9f86d081884c…",
      full: `"Welcoming City amendment", base ${HASH}`,
    });
  });

  it("says in words what each action of a draft's trail did", () => {
    expect(describeAuditRow(row("text-shared", "the draft's text as shared")).what).toBe("Shared the draft's text");
    expect(describeAuditRow(row("edit", "began an editing session"))).toMatchObject({ what: "Edited the text", detail: "an editing session began" });
    expect(describeAuditRow(row("suggestion-accepted", "suggestion s1")).what).toBe("Accepted a suggestion");
    expect(describeAuditRow(row("role-set", "Bea Drafter: reviewer")).what).toBe("Gave a role");
    expect(describeAuditRow(row("export", "ordinance-docx")).what).toBe("Exported");
    expect(describeAuditRow(row("comment-refused", "thread t1: a comment must be signed by the person who writes it")).what).toBe("Comment refused");
  });

  it("shows what a suggestion or a comment was about without its id, the id kept in full", () => {
    const detail = "suggestion g-mx9cmsrqs86w1 in 2-173-020: “investigate” → “inquire into”";
    expect(describeAuditRow(row("suggestion-accepted", detail))).toEqual({ what: "Accepted a suggestion", detail: "in 2-173-020: “investigate” → “inquire into”", full: detail });
    expect(describeAuditRow(row("comment", "change a-1 on “people” in 2-173-005")).detail).toBe("on “people” in 2-173-005");
    // A row written before the words were given keeps its id: it is all there is.
    expect(describeAuditRow(row("comment", "thread t-1")).detail).toBe("thread t-1");
  });

  it("leaves an unknown action, a short hex word and other details as written", () => {
    expect(describeAuditRow(row("restored-backup", "abc123 deadbeef"))).toEqual({ what: "restored-backup", detail: "abc123 deadbeef", full: "abc123 deadbeef" });
    expect(describeAuditRow(row("comment", `thread ${HASH}x`)).detail).toBe(`thread ${HASH}x`);
  });
});
