import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureText, messyCopy } from "../support/fixtures";
import { cli } from "../support/cli";


/** Runs the installed command as a user would, through npx; resolves with status and output. */

describe("ordinance-redline parse", () => {
  it("prints every section of the fixture as JSON, and the same for a messy copy", async () => {
    const clean = await cli("parse", "fixtures/welcoming-city/base.txt", "--format", "json");
    expect(clean.code).toBe(0);
    const doc = JSON.parse(clean.stdout);
    expect(doc.chapters[0].sections.map((s: { number: string; catchline: string }) => `${s.number} ${s.catchline}`)).toContain(
      "2-173-042 Civil immigration enforcement actions – Federal responsibility.",
    );
    expect(doc.chapters[0].sections).toHaveLength(9);

    const dir = mkdtempSync(join(tmpdir(), "redline-cli-"));
    const messyPath = join(dir, "messy.txt");
    writeFileSync(messyPath, messyCopy(fixtureText("base.txt")));
    const messy = await cli("parse", messyPath, "--format", "json");
    expect(messy.code).toBe(0);
    expect(JSON.parse(messy.stdout)).toEqual(doc);
    expect(messy.stderr).toMatch(/line 1: skipped breadcrumb/);
  }, 60_000);

  it("prints the canonical text, and writes it to a file with --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "redline-cli-"));
    const out = join(dir, "canonical.txt");
    const result = await cli("parse", "fixtures/welcoming-city/amended.txt", "--format", "text", "--out", out);
    expect(result.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(fixtureText("amended.txt"));
  }, 60_000);

  it("exits 1 with a message naming the line for bad input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "redline-cli-"));
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "Hello there\n(a) Orphan text.\n2-173-010 Definitions.\n\nText.\n");
    const result = await cli("parse", bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("line 2: a numbered paragraph before the first section heading");
    expect((await cli("parse", join(dir, "missing.txt"))).stderr).toContain("no such file");
  }, 60_000);

  it("reads a Windows-1252 file with its § signs and says which encoding it read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "redline-cli-"));
    const path = join(dir, "latin.txt");
    // "§" is the byte 0xA7 and the en dash 0x96 in Windows-1252; neither is valid UTF-8 alone.
    const text = "2-173-042 Civil immigration enforcement actions \u2013 Federal responsibility.\n\nNo agent shall act.\n\n(Added Coun. J. 9-12-12, p. 33041, \u00a7 1)\n";
    writeFileSync(path, Buffer.from([...text].map((ch) => (ch === "\u00a7" ? 0xa7 : ch === "\u2013" ? 0x96 : ch.charCodeAt(0)))));
    const result = await cli("parse", path, "--format", "text");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("(Added Coun. J. 9-12-12, p. 33041, \u00a7 1)");
    expect(result.stdout).toContain("actions \u2013 Federal");
    expect(result.stdout).not.toContain("\ufffd");
    expect(result.stderr).toMatch(/latin\.txt: the file is not UTF-8; it was read as Windows-1252/);
  }, 60_000);

  it("exits 2 for wrong usage", async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli("parse")).code).toBe(2);
    const badFormat = await cli("parse", "fixtures/welcoming-city/base.txt", "--format", "xml");
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("--format must be one of json, text");
  }, 60_000);
});
