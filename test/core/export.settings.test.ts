/** Validation of export settings read from untrusted JSON: complete settings or every problem, never partial. */
import { describe, expect, it } from "vitest";
import { DEFAULT_EXPORT_SETTINGS, HOME_RULE_RECITALS, parseExportSettings, type SettingsResult } from "../../src/core/export";

function problems(result: SettingsResult): string[] {
  return result.ok ? [] : result.problems.map((problem) => problem.path);
}

describe("parseExportSettings", () => {
  it("gives the defaults for an empty object: ORDINANCE, no recitals, passage and publication, chapter grouping", () => {
    const result = parseExportSettings({});
    expect(result).toEqual({ ok: true, settings: DEFAULT_EXPORT_SETTINGS });
    expect(DEFAULT_EXPORT_SETTINGS).toMatchObject({
      title: "ORDINANCE", recitals: [], effectiveDate: { kind: "passage-and-publication" },
      strikeWording: "struck through", formulaOrder: "delete-first", omittedWording: "unaffected", grouping: "chapter",
    });
  });

  it("accepts every valid choice", () => {
    const result = parseExportSettings({
      title: "SUBSTITUTE ORDINANCE", recitals: "home-rule", effectiveDate: { kind: "fixed-date", date: "2028-02-29" },
      strikeWording: "stricken through", formulaOrder: "insert-first", omittedWording: "not affected", grouping: "section",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.recitals).toEqual(HOME_RULE_RECITALS);
    expect(result.settings.effectiveDate).toEqual({ kind: "fixed-date", date: "2028-02-29" });
    expect(result.settings.grouping).toBe("section");
  });

  it("strips a written-out WHEREAS and closing '; and' from recitals, since the export adds them", () => {
    const result = parseExportSettings({ recitals: ["WHEREAS, the City welcomes everyone; and", "notices matter; now, therefore,"] });
    expect(result.ok && result.settings.recitals).toEqual(["the City welcomes everyone", "notices matter"]);
  });

  it("mentions HOME_RULE_RECITALS as the home rule pair: home rule unit and powers over its affairs", () => {
    expect(HOME_RULE_RECITALS).toHaveLength(2);
    expect(HOME_RULE_RECITALS[0]).toContain("Article VII, Section 6(a)");
    expect(HOME_RULE_RECITALS[1]).toContain("government and affairs");
  });

  it.each([
    ["a value that is not an object", [], ["settings"]],
    ["null", null, ["settings"]],
    ["an unknown field", { colour: "red" }, ["colour"]],
    ["an unknown title", { title: "RESOLUTION" }, ["title"]],
    ["recitals that are not a list", { recitals: "WHEREAS, x" }, ["recitals"]],
    ["an empty recital", { recitals: ["fine", "   "] }, ["recitals[1]"]],
    ["a recital that is not text", { recitals: [42] }, ["recitals[0]"]],
    ["a recital over two lines", { recitals: ["one\ntwo"] }, ["recitals[0]"]],
    ["a recital that is too long", { recitals: ["x".repeat(2001)] }, ["recitals[0]"]],
    ["too many recitals", { recitals: Array.from({ length: 21 }, () => "x") }, ["recitals"]],
    ["an effective date that is not an object", { effectiveDate: "soon" }, ["effectiveDate"]],
    ["an unknown effective-date kind", { effectiveDate: { kind: "tomorrow" } }, ["effectiveDate.kind"]],
    ["a fixed date that is not a calendar date", { effectiveDate: { kind: "fixed-date", date: "2027-02-30" } }, ["effectiveDate.date"]],
    ["a fixed date in another format", { effectiveDate: { kind: "fixed-date", date: "1/1/2027" } }, ["effectiveDate.date"]],
    ["a fixed date without its date", { effectiveDate: { kind: "fixed-date" } }, ["effectiveDate.date"]],
    ["zero days", { effectiveDate: { kind: "days-after-passage", days: 0 } }, ["effectiveDate.days"]],
    ["a fraction of a day", { effectiveDate: { kind: "days-after-passage", days: 1.5 } }, ["effectiveDate.days"]],
    ["days as text", { effectiveDate: { kind: "days-after-passage", days: "10" } }, ["effectiveDate.days"]],
    ["a field the kind does not use", { effectiveDate: { kind: "passage-and-approval", days: 10 } }, ["effectiveDate.days"]],
    ["an unknown strike wording", { strikeWording: "crossed out" }, ["strikeWording"]],
    ["an unknown formula order", { formulaOrder: "random" }, ["formulaOrder"]],
    ["an unknown omitted wording", { omittedWording: "untouched" }, ["omittedWording"]],
    ["an unknown grouping", { grouping: "title" }, ["grouping"]],
  ])("rejects %s", (_label, value, paths) => {
    const result = parseExportSettings(value);
    expect(result.ok).toBe(false);
    expect(problems(result)).toEqual(paths);
    if (!result.ok) for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(10);
  });

  it("reports every problem at once and never returns partial settings", () => {
    const result = parseExportSettings({ title: "x", grouping: "y", effectiveDate: { kind: "days-after-passage", days: -1 }, extra: true });
    expect(result.ok).toBe(false);
    expect(problems(result).sort()).toEqual(["effectiveDate.days", "extra", "grouping", "title"]);
    expect("settings" in result).toBe(false);
  });
});
