/**
 * Every field of an amendment file is validated as the README says, by the one validator the
 * file, its sponsors and its export settings share: unknown keys (including "constructor" and
 * "__proto__"), wrong types and out-of-range values are refused with their paths, in the
 * export settings and the sponsors as at the top level; a deeply nested value is refused, not
 * stored.
 */
import { describe, expect, it } from "vitest";
import { AmendmentFileError, parseAmendment, serializeAmendment, type AmendmentContent } from "../../src/core/amendmentFile";
import { parseSponsors, SponsorDataError } from "../../src/core/sponsors/sponsors";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";

function content(): AmendmentContent {
  return {
    name: "Welcoming City — training",
    base: fixtureBase(),
    draft: fixtureAmended(),
    sponsors: parseSponsors(JSON.parse(fixtureText("sponsors.json"))),
    annotations: [],
    exportSettings: { grouping: "section", recitals: "home-rule" },
  };
}

/** The saved file's JSON text with `edit` applied to the text itself (so keys like __proto__ survive). */
function edited(edit: (json: string) => string): string {
  const text = serializeAmendment(content(), "2026-03-01T14:05:00.000Z");
  const changed = edit(text);
  expect(changed).not.toBe(text);
  return changed;
}

function paths(text: string): string[] {
  try {
    parseAmendment(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AmendmentFileError);
    return (error as AmendmentFileError).problems.map((problem) => problem.path);
  }
  throw new Error("the file was accepted");
}

describe("export settings in an amendment file", () => {
  it("refuse unknown keys, constructor and wrong types with their paths", () => {
    expect(paths(edited((json) => json.replace('"grouping": "section"', '"grouping": "section", "colour": "red"')))).toEqual(["exportSettings.colour"]);
    expect(paths(edited((json) => json.replace('"grouping": "section"', '"grouping": "section", "constructor": {}')))).toEqual(["exportSettings.constructor"]);
    expect(paths(edited((json) => json.replace('"grouping": "section"', '"grouping": 5')))).toEqual(["exportSettings.grouping"]);
    expect(paths(edited((json) => json.replace('"recitals": "home-rule"', '"recitals": [["nested"]]')))).toEqual(["exportSettings.recitals[0]"]);
    expect(paths(edited((json) => json.replace('"grouping": "section"', '"grouping": "section", "__proto__": {"grouping": "chapter"}')))).toEqual(["exportSettings.__proto__"]);
  });

  it("refuse a 20,000-deep array rather than keep a value that cannot be stored", () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    expect(paths(edited((json) => json.replace('"recitals": "home-rule"', `"recitals": ${deep}`)))).toEqual(["exportSettings.recitals[0]"]);
    expect(paths(edited((json) => json.replace('"grouping": "section"', `"grouping": "section", "extra": ${deep}`)))).toEqual(["exportSettings.extra"]);
  });

  it("are kept when valid", () => {
    expect(parseAmendment(serializeAmendment(content(), "2026-03-01T14:05:00.000Z")).exportSettings).toEqual({ grouping: "section", recitals: "home-rule" });
  });
});

describe("sponsors in an amendment file", () => {
  it("refuse unknown keys, __proto__ included, at the top and in each person", () => {
    expect(paths(edited((json) => json.replace('"leadSponsorId": "ramirez-rosa"', '"leadSponsorId": "ramirez-rosa", "chair": "pawar"')))).toEqual(["sponsors.chair"]);
    expect(paths(edited((json) => json.replace('"leadSponsorId": "ramirez-rosa"', '"leadSponsorId": "ramirez-rosa", "__proto__": {"isAdmin": true}')))).toEqual(["sponsors.__proto__"]);
    // The person is refused, so the lead sponsor naming them is reported too.
    expect(paths(edited((json) => json.replace('"ward": 35,', '"ward": 35, "phone": "312-555-0100",')))).toEqual(["sponsors.people[0].phone", "sponsors.leadSponsorId"]);
  });

  it("are refused the same way when read on their own", () => {
    const sponsors = JSON.parse(fixtureText("sponsors.json").replace('"leadSponsorId"', '"constructor": 1, "leadSponsorId"'));
    expect(() => parseSponsors(sponsors)).toThrow(SponsorDataError);
    expect(() => parseSponsors(sponsors)).toThrow("constructor: is not a known field");
  });
});
