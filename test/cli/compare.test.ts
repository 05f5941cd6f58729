import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureText } from "../support/fixtures";
import { cli } from "../support/cli";



const BASE = "fixtures/welcoming-city/base.txt";
const AMENDED = "fixtures/welcoming-city/amended.txt";

describe("ordinance-redline compare", () => {
  it("prints JSON changes that rebuild the amended text from the base", async () => {
    const result = await cli("compare", BASE, AMENDED, "--format", "json");
    expect(result.code).toBe(0);
    const { changes } = JSON.parse(result.stdout) as { changes: Array<{ fromA: number; toA: number; fromB: number; toB: number; deleted: string; inserted: string; withinMove?: string }> };
    const base = fixtureText("base.txt");
    const amended = fixtureText("amended.txt");
    let rebuilt = "";
    let pos = 0;
    for (const change of changes.filter((c) => !c.withinMove)) {
      expect(base.slice(change.fromA, change.toA)).toBe(change.deleted);
      expect(amended.slice(change.fromB, change.toB)).toBe(change.inserted);
      rebuilt += base.slice(pos, change.fromA) + change.inserted;
      pos = change.toA;
    }
    expect(rebuilt + base.slice(pos)).toBe(amended);
  }, 60_000);

  it("writes the text redline to a file, and HTML to stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "redline-cli-"));
    const out = join(dir, "redline.txt");
    expect((await cli("compare", BASE, AMENDED, "--out", out)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("Exchanging [-file-] information {+with federal authorities+}.");
    const html = await cli("compare", BASE, AMENDED, "--format", "html");
    expect(html.stdout).toContain("<del");
    expect(html.stdout).toContain("<ins");
  }, 60_000);

  it("exits 1 with a clear message for empty, binary or malformed input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "redline-cli-"));
    const empty = join(dir, "empty.txt");
    const binary = join(dir, "binary.txt");
    writeFileSync(empty, "");
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]));
    const first = await cli("compare", empty, AMENDED);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("empty.txt: no section found");
    const second = await cli("compare", BASE, binary);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("binary.txt: this is not plain text");
  }, 60_000);

  it("exits 2 when a file is missing from the command", async () => {
    const result = await cli("compare", BASE);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("compare takes 2 file arguments, got 1");
  }, 60_000);
});
