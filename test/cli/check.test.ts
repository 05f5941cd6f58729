import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { fixtureText } from "../support/fixtures";

const BASE = "fixtures/welcoming-city/base.txt";
const AMENDED = "fixtures/welcoming-city/amended.txt";

/** A draft that renumbers 2-173-042 to 2-173-044 and repeals 2-173-020's citation target 2-173-030 (cited by a new sentence). */
function staleDraft(): string {
  const base = fixtureText("base.txt");
  const renumbered = base.split("2-173-042 Civil").join("2-173-044 Civil");
  const cited = renumbered.replace("requires the inquiry or investigation.", "requires the inquiry or investigation, or Section 2-173-030 allows it.");
  const start = cited.indexOf("\n2-173-030 Disclosing information prohibited.\n\nNo agent");
  const end = cited.indexOf("\n2-173-040 Conditioning benefits, services, or opportunities on immigrant status prohibited.\n\nNo agency");
  return (cited.slice(0, start) + cited.slice(end)).replace("2-173-030 Disclosing information prohibited.\n", "");
}

function writeDraft(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "redline-check-")), "draft.txt");
  writeFileSync(path, text);
  return path;
}

describe("ordinance-redline check", () => {
  it("prints one line per stale citation: citing section, cited target, kind, suggested fix; exit 0", async () => {
    const result = await cli("check", BASE, writeDraft(staleDraft()));
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      "2-173-020 | 2-173-030 | repealed-section | no certain fix: remove the citation or cite what replaces it",
      '2-173-050 | 2-173-042(a) | renumbered-section (now 2-173-044(a)) | replace "2-173-042" with "2-173-044"',
    ]);
    expect(result.stderr).toContain("2 problems found");
  }, 60_000);

  it("prints JSON with the citation's and the fix's draft offsets", async () => {
    const draftText = staleDraft();
    const result = await cli("check", BASE, writeDraft(draftText), "--format", "json");
    expect(result.code).toBe(0);
    const { problems } = JSON.parse(result.stdout) as { problems: Array<{ kind: string; citation: { text: string; fromB: number; toB: number }; fix: { fromB: number; toB: number; text: string } | null }> };
    expect(problems.map((problem) => problem.kind)).toEqual(["repealed-section", "renumbered-section"]);
    for (const problem of problems) expect(draftText.slice(problem.citation.fromB, problem.citation.toB)).toBe(problem.citation.text);
    const fix = problems[1]!.fix!;
    expect(draftText.slice(fix.fromB, fix.toB)).toBe("2-173-042");
    expect(fix.text).toBe("2-173-044");
  }, 60_000);

  it("exits 0 with no output when nothing is stale", async () => {
    const result = await cli("check", BASE, AMENDED);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("0 problems found");
  }, 60_000);

  it("exits 1 on bad input and 2 on wrong usage", async () => {
    const missing = await cli("check", BASE, "no-such-file.txt");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no-such-file.txt: no such file");
    const twice = await cli("check", BASE, writeDraft(fixtureText("base.txt") + "\n2-173-070 Severability.\n\nAgain.\n"));
    expect(twice.code).toBe(1);
    expect((await cli("check", BASE)).code).toBe(2);
    expect((await cli("check", BASE, AMENDED, "--format", "html")).code).toBe(2);
  }, 180_000);
});
