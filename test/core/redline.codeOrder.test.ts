/**
 * Sections keep the Code's order in the redline and the ordinance: a section repealed among
 * new ones is struck where its number stands (found by a new user: the repealed 2-173-050 was
 * struck between 2-173-042 and the new 2-173-043, and reprinted there in the ordinance).
 */
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, writeText } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { compare } from "../../src/core/redline";
import { chapterText, DETAIN, DISCLOSE, PURPOSE } from "../support/codeText";

const parse = (text: string) => parseCodeText(text).document;
const NEW_A = "Every agency shall post a notice of the rights this chapter secures in each office open to the public.";
const NEW_B = "The Office of Inspector General shall review each complaint that an agent threatened a person with deportation.";

describe("a section repealed among new sections", () => {
  const base = parse(chapterText([
    ["2-173-042", "Civil immigration enforcement actions.", DETAIN],
    ["2-173-050", "Disclosing information prohibited.", DISCLOSE],
    ["2-173-060", "Purpose.", PURPOSE],
  ]));
  const draft = parse(chapterText([
    ["2-173-042", "Civil immigration enforcement actions.", DETAIN],
    ["2-173-043", "Notice of rights.", NEW_A],
    ["2-173-055", "Review of complaints.", NEW_B],
    ["2-173-060", "Purpose.", PURPOSE],
  ]));

  it("is struck between the new sections of lower and higher number", () => {
    const order = compare(base, draft).sections.filter((entry) => entry.unit === "section").map((entry) => `${entry.status} ${entry.numberB ?? entry.numberA}`);
    expect(order).toEqual(["unchanged 2-173-042", "inserted 2-173-043", "deleted 2-173-050", "inserted 2-173-055", "unchanged 2-173-060"]);
  });

  it("has its contents line struck between the new contents lines around it", () => {
    const redline = compare(base, draft);
    const struck = redline.changes.find((change) => change.part === "toc" && change.deleted.includes("2-173-050"))!;
    expect(struck).toBeDefined();
    const draftText = redline.draftText;
    expect(struck.fromB).toBeGreaterThan(draftText.indexOf("2-173-043 Notice of rights."));
    expect(struck.fromB).toBeLessThan(draftText.indexOf("2-173-055 Review of complaints."));
  });

  it("is repealed in the ordinance between the insertions around it", () => {
    const text = writeText(buildOrdinance({ base, draft, settings: { ...DEFAULT_EXPORT_SETTINGS, grouping: "section" } }));
    const inserting043 = text.indexOf("inserting a new Section 2-173-043");
    const repeal050 = text.search(/Section 2-173-050 of the Municipal Code of Chicago is hereby repealed/);
    const inserting055 = text.indexOf("inserting a new Section 2-173-055");
    expect([inserting043, repeal050, inserting055].every((at) => at >= 0), text).toBe(true);
    expect(inserting043).toBeLessThan(repeal050);
    expect(repeal050).toBeLessThan(inserting055);
  });
});
