/**
 * A real client opens the exported .docx: LibreOffice converts it to PDF, pdftotext checks what
 * a clerk would read (the formula, an omitted-text line, the signature block, a deleted
 * phrase), and pdftoppm writes page 1 as test-output/ordinance-page1.png for a person to look at.
 * Without `soffice` the test is skipped locally and fails in CI (CI installs LibreOffice).
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, HOME_RULE_RECITALS, writeDocx } from "../../src/core/export";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;

function onPath(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const tools = ["soffice", "pdftotext", "pdftoppm"];
const missing = tools.filter((tool) => !onPath(tool));
const inCi = Boolean(process.env.CI);

describe("the .docx in LibreOffice", () => {
  if (missing.length > 0 && inCi) {
    it("needs LibreOffice and poppler in CI", () => {
      expect.fail(`${missing.join(", ")} not on PATH: CI must install libreoffice-writer and poppler-utils`);
    });
    return;
  }

  it.skipIf(missing.length > 0)(`converts to a PDF that shows the formula, omitted text, the signature block and struck words${missing.length > 0 ? ` (skipped: ${missing.join(", ")} not on PATH)` : ""}`, async () => {
    const work = mkdtempSync(join(tmpdir(), "ordinance-lo-"));
    try {
      const sponsors = parseSponsors(JSON.parse(fixtureText("sponsors.json")));
      const settings = { ...DEFAULT_EXPORT_SETTINGS, recitals: HOME_RULE_RECITALS };
      const docx = join(work, "ordinance.docx");
      writeFileSync(docx, await writeDocx(buildOrdinance({ base: fixtureBase(), draft: fixtureAmended(), sponsors, settings })));
      const profile = mkdtempSync(join(tmpdir(), "ordinance-lo-profile-"));
      await run("soffice", ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", "pdf", "--outdir", work, docx], { timeout: 85_000 });
      rmSync(profile, { recursive: true, force: true });
      const pdf = join(work, "ordinance.pdf");
      expect(existsSync(pdf)).toBe(true);

      await run("pdftotext", [pdf, join(work, "ordinance.txt")]);
      const text = readFileSync(join(work, "ordinance.txt"), "utf8").replace(/\s+/g, " ");
      expect(text).toContain("ORDINANCE");
      expect(text).toContain("BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF CHICAGO:");
      expect(text).toContain("SECTION 1. Chapter 2-173 of the Municipal Code of Chicago is hereby amended by deleting the language struck through and by inserting the language underscored, as follows:");
      expect(text).toContain("(Omitted text is unaffected by this ordinance)");
      expect(text).toContain("The safety of the public in every neighborhood depends");
      expect(text).toContain("SECTION 2. This ordinance shall take effect upon its passage and publication.");
      expect(text).toMatch(/_{10,} Carlos Ramirez-Rosa Alderman, 35th Ward/);
      expect(text).toContain("Co-sponsors: Ameya Pawar (47th Ward)");

      const outDir = join(root, "test-output");
      mkdirSync(outDir, { recursive: true });
      await run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, join(outDir, "ordinance-page1")]);
      expect(existsSync(join(outDir, "ordinance-page1.png"))).toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 90_000);
});
