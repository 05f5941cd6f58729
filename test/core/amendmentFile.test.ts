import { describe, expect, it } from "vitest";
import {
  AmendmentFileError, MAX_AMENDMENT_FILE_LENGTH, parseAmendment, serializeAmendment, type AmendmentContent,
} from "../../src/core/amendmentFile";
import type { Annotation } from "../../src/core/annotations/annotation";
import { serializeDocument } from "../../src/core/model/canonicalText";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";

const SAVED_AT = "2026-03-01T14:05:00.000Z";

function annotation(id: string, overrides: Partial<Annotation> = {}): Annotation {
  return {
    id,
    anchor: { section: "2-173-030", blockId: "s-2-173-030-b0", side: "deleted", quote: { exact: ", in any form,", prefix: "shall disclose", suffix: " information" }, changeId: "2-173-030:0" },
    sponsorIds: ["ramirez-rosa"],
    justification: "Disclosure in any form is already covered.",
    status: "proposed",
    comments: [{ id: "c1", author: "ramirez-rosa", time: "2026-02-27T09:00:00Z", text: "Agreed with Law." }],
    ...overrides,
  };
}

function content(): AmendmentContent {
  return {
    name: "Welcoming City — police accountability",
    base: fixtureBase(),
    draft: fixtureAmended(),
    sponsors: parseSponsors(JSON.parse(fixtureText("sponsors.json"))),
    annotations: [annotation("a1"), annotation("a2", { status: "agreed", anchor: { ...annotation("x").anchor, blockId: null, side: "inserted" } })],
    exportSettings: { grouping: "section", recitals: "home-rule" },
  };
}

/** The file's JSON with `change` applied, as text. */
function fileWith(change: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(serializeAmendment(content(), SAVED_AT)) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
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

describe("the amendment file", () => {
  it("writes the schema header and the documents as canonical text", () => {
    const file = JSON.parse(serializeAmendment(content(), SAVED_AT));
    expect(file.schemaVersion).toBe(1);
    expect(file.app).toBe("ordinance-redline");
    expect(file.savedAt).toBe(SAVED_AT);
    expect(file.base).toBe(serializeDocument(fixtureBase()));
    expect(file.draft).toBe(serializeDocument(fixtureAmended()));
    expect(file.annotations).toHaveLength(2);
  });

  it("reads back exactly what it wrote", () => {
    const original = content();
    expect(parseAmendment(serializeAmendment(original, SAVED_AT))).toEqual(original);
    const empty = { ...original, sponsors: null, annotations: [], exportSettings: null };
    expect(parseAmendment(serializeAmendment(empty, new Date(SAVED_AT)))).toEqual(empty);
  });

  it("refuses text that is not JSON, quoting the parser's complaint", () => {
    const error = refusal('{"schemaVersion": 1, "app": ');
    expect(error.kind).toBe("not-json");
    expect(error.message).toMatch(/not valid JSON \(.+\)/);
  });

  it("refuses a file of another application, and JSON that is not an object", () => {
    expect(refusal(fileWith((file) => { file.app = "word"; })).problems).toEqual([{ path: "app", message: expect.stringContaining("not an Ordinance Redline amendment file") }]);
    expect(refusal("[1, 2]").problems[0]!.message).toBe("must be a JSON object");
  });

  it("refuses a newer schema in plain words, before looking at anything else", () => {
    const error = refusal(fileWith((file) => { file.schemaVersion = 2; file.base = 42; }));
    expect(error.kind).toBe("newer-schema");
    expect(error.message).toContain("This file was written by a newer version of Ordinance Redline (schema 2); this version reads schema 1.");
    expect(refusal(fileWith((file) => { file.schemaVersion = "1"; })).problems.map((p) => p.path)).toEqual(["schemaVersion"]);
  });

  it("lists every wrong field with its path and returns nothing", () => {
    const error = refusal(fileWith((file) => {
      file.name = "";
      file.savedAt = "yesterday";
      file.extra = true;
      file.exportSettings = "chapter";
      const annotations = file.annotations as Array<Record<string, any>>;
      annotations.push(annotation("a3"));
      annotations[2]!.anchor.quote.exact = 3;
      annotations[1]!.sponsorIds = ["ok", 7];
      annotations[0]!.comments[0].time = "noon";
    }));
    expect(error.kind).toBe("invalid");
    expect(error.problems.map((problem) => problem.path)).toEqual([
      "extra", "name", "savedAt",
      "annotations[0].comments[0].time", "annotations[1].sponsorIds[1]", "annotations[2].anchor.quote.exact",
      "exportSettings",
    ]);
    expect(error.message).toContain("annotations[2].anchor.quote.exact: must be text");
  });

  it("refuses an annotation with a status that is not one of the four", () => {
    const error = refusal(fileWith((file) => { (file.annotations as Array<Record<string, unknown>>)[1]!.status = "maybe"; }));
    expect(error.problems).toEqual([{ path: "annotations[1].status", message: "must be one of proposed, agreed, withdrawn, rejected" }]);
  });

  it("checks annotations deeply: side, ids used twice, length caps, unknown fields", () => {
    const error = refusal(fileWith((file) => {
      const annotations = file.annotations as Array<Record<string, any>>;
      annotations[0]!.anchor.side = "both";
      annotations[0]!.justification = "x".repeat(20_001);
      annotations[1]!.id = "a1";
      annotations[1]!.colour = "red";
      annotations[1]!.comments = [{ id: "c", author: "", time: SAVED_AT, text: "" }];
    }));
    expect(error.problems.map((problem) => problem.path)).toEqual([
      "annotations[0].anchor.side", "annotations[0].justification",
      "annotations[1].colour", "annotations[1].comments[0].author", "annotations[1].id",
    ]);
  });

  it("names the document and the line when the base or the draft does not parse", () => {
    const error = refusal(fileWith((file) => { file.base = "Dear colleagues,\n\n(a) please see the attached.\n"; }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.path).toBe("base");
    expect(error.problems[0]!.message).toMatch(/^The base text does not parse at line 3: a numbered paragraph before the first section heading/);
    const draft = refusal(fileWith((file) => { file.draft = `${file.draft as string}\n2-173-010 Definitions.\n\nAgain.\n`; }));
    expect(draft.problems[0]).toEqual({ path: "draft", message: expect.stringMatching(/^The draft text does not parse at line \d+: section 2-173-010 appears twice$/) });
  });

  it("reports sponsor problems under sponsors", () => {
    const error = refusal(fileWith((file) => { (file.sponsors as { people: Array<{ id: string }> }).people[0]!.id = "Not An Id"; }));
    expect(error.problems.map((problem) => problem.path)).toContain("sponsors.people[0].id");
  });

  it("refuses a file over 20 MB without parsing it", () => {
    const huge = `{"pad": "${"x".repeat(MAX_AMENDMENT_FILE_LENGTH)}"}`;
    const started = Date.now();
    const error = refusal(huge);
    expect(error.kind).toBe("too-large");
    expect(error.message).toContain("the limit is 20 MB");
    expect(Date.now() - started).toBeLessThan(500);
  });
});
