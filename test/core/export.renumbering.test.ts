/**
 * The amending ordinance for a renumbered section (issue 9, fault 3), in section grouping: the
 * section whose number and text are unchanged is neither repealed nor re-inserted.
 */
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, writeText } from "../../src/core/export";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { chapterText, DETAIN, DISCLOSE, PURPOSE } from "../support/codeText";

describe("section grouping with a renumbered section", () => {
  const base = parseCodeText(chapterText([
    ["2-173-005", "Purpose.", PURPOSE],
    ["2-173-030", "Disclosing information prohibited.", DISCLOSE],
    ["2-173-042", "Civil immigration enforcement actions.", DETAIN],
  ])).document;
  const draft = parseCodeText(chapterText([
    ["2-173-005", "Purpose.", PURPOSE],
    ["2-173-020", "Civil immigration enforcement actions.", DETAIN],
    ["2-173-030", "Disclosing information prohibited.", DISCLOSE],
  ])).document;
  const text = writeText(buildOrdinance({ base, draft, settings: { ...DEFAULT_EXPORT_SETTINGS, grouping: "section" } }));

  it("never repeals or re-inserts the unchanged section", () => {
    expect(text).not.toMatch(/Section 2-173-030 of the Municipal Code of Chicago is hereby repealed/);
    expect(text).not.toMatch(/inserting a new Section 2-173-030/);
    expect(text).not.toContain(`{+${DISCLOSE}+}`);
    expect(text).not.toContain(`[-${DISCLOSE}-]`);
  });

  it("names the renumbered section and never calls it unchanged law", () => {
    expect(text).toMatch(/2-173-042/);
    expect(text).toMatch(/2-173-020/);
  });
});
