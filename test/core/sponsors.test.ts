import { describe, expect, it } from "vitest";
import { describePerson, ordinal, parseSponsors, SponsorDataError } from "../../src/core/sponsors/sponsors";
import { fixtureText } from "../support/fixtures";

describe("the sponsor registry", () => {
  it("reads the fixture's aldermen and the drafting organisation", () => {
    const registry = parseSponsors(JSON.parse(fixtureText("sponsors.json")));
    expect(registry.leadSponsorId).toBe("ramirez-rosa");
    expect(registry.people.filter((p) => p.role === "sponsoring-alderman")).toHaveLength(28);
    const author = registry.people.find((p) => p.role === "drafting-organisation")!;
    expect(author.name).toBe("Asian Americans Advancing Justice | Chicago");
    expect(registry.coSponsorIds).not.toContain(author.id);
    expect(describePerson(registry.people.find((p) => p.id === "waguespack")!)).toBe("Scott Waguespack (32nd Ward)");
  });

  it("writes ward ordinals the way the Council does", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 32, 33, 50].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "32nd", "33rd", "50th"]);
  });

  it("reports every problem of bad data at once and returns nothing partial", () => {
    const bad = {
      leadSponsorId: "nobody",
      people: [
        { id: "Bad Id", name: "", ward: 99, role: "mayor", color: "red" },
        { id: "ok", name: "Ok", ward: null, role: "reviewing-office", color: "#123456" },
        { id: "ok", name: "Twin", ward: 3, role: "sponsoring-alderman", color: "#123456" },
      ],
      coSponsorIds: ["ghost"],
    };
    try {
      parseSponsors(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SponsorDataError);
      const paths = (error as SponsorDataError).problems.map((problem) => problem.path);
      expect(paths).toEqual(["people[0].id", "people[0].name", "people[0].ward", "people[0].role", "people[0].color", "people", "leadSponsorId", "coSponsorIds"]);
    }
    expect(() => parseSponsors("nonsense")).toThrow(SponsorDataError);
  });
});
