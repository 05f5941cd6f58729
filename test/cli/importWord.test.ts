/**
 * `ordinance-redline import-word`: the draft a returned Word file describes, printed headless
 * for batches — from the project's own ordinance export and from a file LibreOffice wrote —
 * with warnings on stderr, and a clear line and exit 1 for a file that is not a Word document.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, renderOrdinance } from "../../src/core/export";
import { cli } from "../support/cli";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";
import { docxFromBody, libreOfficeDocx, onPath, ordinanceHtml, zipOf } from "../support/wordFiles";

const BASE = "fixtures/welcoming-city/base.txt";
const dir = mkdtempSync(join(tmpdir(), "redline-import-word-"));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("ordinance-redline import-word", () => {
  let ordinancePath: string;
  beforeAll(async () => {
    const bytes = await renderOrdinance({ base: fixtureBase(), draft: fixtureAmended(), settings: DEFAULT_EXPORT_SETTINGS, format: "docx" }) as Uint8Array;
    ordinancePath = file("ordinance.docx", bytes);
  });

  it("prints the amended chapter an exported ordinance describes, as canonical text", async () => {
    const result = await cli("import-word", ordinancePath, "--base", BASE);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(fixtureText("amended.txt"));
  }, 60_000);

  it("writes the draft's model as JSON to --out", async () => {
    const out = join(dir, "draft.json");
    const result = await cli("import-word", ordinancePath, "--base", BASE, "--format", "json", "--out", out);
    expect(result.code).toBe(0);
    const draft = JSON.parse(readFileSync(out, "utf8")) as { chapters: Array<{ sections: Array<{ number: string }> }> };
    expect(draft.chapters[0]!.sections.map((section) => section.number)).toEqual(fixtureAmended().chapters[0]!.sections.map((section) => section.number));
  }, 60_000);

  it.skipIf(!onPath("soffice") && !process.env.CI)("reads a file LibreOffice wrote from the ordinance with <s> and <u>", async () => {
    const [bytes] = await libreOfficeDocx([ordinanceHtml(buildOrdinance({ base: fixtureBase(), draft: fixtureAmended() }))]);
    const result = await cli("import-word", file("libreoffice.docx", bytes!), "--base", BASE);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(fixtureText("amended.txt"));
  }, 120_000);

  it("refuses what is not a Word document with one line and exit 1, and a missing --base with usage and exit 2", async () => {
    const cases: Array<[string, string]> = [
      [file("text.docx", "2-173-010 Definitions.\n"), "text.docx: "],
      [file("nodocument.docx", await zipOf({ "a.txt": "hello" })), "nodocument.docx: "],
      [file("badxml.docx", await docxFromBody("<w:p><w:r><w:t>open")), "badxml.docx: "],
      [join(dir, "missing.docx"), "missing.docx: no such file"],
    ];
    for (const [path, start] of cases) {
      const result = await cli("import-word", path, "--base", BASE);
      expect(result.code, path).toBe(1);
      expect(result.stdout, path).toBe("");
      expect(result.stderr.trim().split("\n"), path).toHaveLength(1);
      expect(result.stderr, path).toContain(start);
      expect(result.stderr, path).not.toMatch(/\n\s+at /);
    }
    const usage = await cli("import-word", ordinancePath);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("import-word needs --base BASE");
  }, 120_000);
});
