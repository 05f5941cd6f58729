/** The `ordinance` and `clean` commands, run as a user would through npx. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { markedText, readDocx } from "../support/docxReadBack";
import { fixtureText } from "../support/fixtures";
import { cli } from "../support/cli";



const BASE = "fixtures/welcoming-city/base.txt";
const AMENDED = "fixtures/welcoming-city/amended.txt";
const SPONSORS = "fixtures/welcoming-city/sponsors.json";

function workDir(): string {
  return mkdtempSync(join(tmpdir(), "ordinance-cli-"));
}

describe("ordinance-redline ordinance", () => {
  it("writes the ordinance as .docx, with the settings applied and the lead sponsor's signature block", async () => {
    const dir = workDir();
    const settings = join(dir, "settings.json");
    writeFileSync(settings, JSON.stringify({ title: "SUBSTITUTE ORDINANCE", grouping: "section", effectiveDate: { kind: "passage-and-approval" } }));
    const out = join(dir, "ordinance.docx");
    const result = await cli("ordinance", BASE, AMENDED, "--sponsors", SPONSORS, "--settings", settings, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const doc = await readDocx(readFileSync(out));
    const texts = doc.paragraphs.map((paragraph) => paragraph.text);
    expect(texts[0]).toBe("SUBSTITUTE ORDINANCE");
    expect(texts).toContain("SECTION 5. Section 2-173-040 of the Municipal Code of Chicago is hereby amended by deleting the language struck through and by inserting the language underscored, as follows:");
    expect(doc.paragraphs.map(markedText)).toContain("No agent or agency shall disclose[-, in any form,-] information about the citizenship or immigration status of any person unless the disclosure is required by law, or the person to whom the information relates has authorized the disclosure in writing or, if that person is a minor or otherwise lacks legal capacity, the person's parent or guardian has authorized it in writing.");
    expect(texts).toContain("SECTION 10. This ordinance shall take effect upon its passage and approval.");
    expect(texts.slice(texts.indexOf("Carlos Ramirez-Rosa") - 1, texts.indexOf("Carlos Ramirez-Rosa") + 3)).toEqual([
      "______________________________", "Carlos Ramirez-Rosa", "Alderman, 35th Ward", "Co-sponsors:",
    ]);
  }, 60_000);

  it("reprints contents lines as the headings read when the draft's contents lag, and says so", async () => {
    const dir = workDir();
    const draft = join(dir, "draft.txt");
    // The heading is re-worded (after a blank line), its contents line (after a line) is not.
    writeFileSync(draft, fixtureText("base.txt").replace("\n\n2-173-070 Severability.\n", "\n\n2-173-070 Severability of provisions.\n"));
    const result = await cli("ordinance", BASE, draft);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${draft}: contents of chapter 2-173: "2-173-070 Severability." now reads "2-173-070 Severability of provisions.", as its section heading does\n`);
    const lines = result.stdout.split("\n").map((line) => line.trim()).filter((line) => line.startsWith("2-173-070 "));
    expect(lines).toEqual(["2-173-070 Severability {+of provisions+}.", "2-173-070 Severability {+of provisions+}."]);
  }, 60_000);

  it("writes HTML and text by extension, and text to stdout without --out", async () => {
    const dir = workDir();
    const [html, text, stdout] = await Promise.all([
      cli("ordinance", BASE, AMENDED, "--out", join(dir, "o.html")),
      cli("ordinance", BASE, AMENDED, "--out", join(dir, "o.txt")),
      cli("ordinance", BASE, AMENDED),
    ]);
    expect([html.code, text.code, stdout.code]).toEqual([0, 0, 0]);
    const page = readFileSync(join(dir, "o.html"), "utf8");
    expect(page).toContain("<del>file</del>");
    expect(page).toContain("@media print");
    const written = readFileSync(join(dir, "o.txt"), "utf8");
    expect(written).toContain("2-173-060 Exchanging [-file-] information {+with federal authorities+}.");
    expect(written).toContain("\n\n(Omitted text is unaffected by this ordinance)\n\n");
    expect(stdout.stdout).toBe(written);
  }, 60_000);

  it("writes Word tracked changes by the lead sponsor with --tracked", async () => {
    const out = join(workDir(), "tracked.docx");
    const result = await cli("ordinance", BASE, AMENDED, "--sponsors", SPONSORS, "--tracked", "--out", out);
    expect(result.code).toBe(0);
    const doc = await readDocx(readFileSync(out));
    const revised = doc.paragraphs.flatMap((paragraph) => paragraph.runs).filter((run) => run.revision);
    expect(revised.some((run) => run.revision!.kind === "delete" && run.text.includes("in every neighborhood"))).toBe(true);
    expect(new Set(revised.map((run) => run.revision!.author))).toEqual(new Set(["Carlos Ramirez-Rosa"]));
  }, 60_000);

  it("exits 1 naming the problems in bad settings, bad sponsors or invalid JSON, and when nothing changed", async () => {
    const dir = workDir();
    const settings = join(dir, "settings.json");
    const sponsors = join(dir, "sponsors.json");
    const broken = join(dir, "broken.json");
    writeFileSync(settings, JSON.stringify({ grouping: "title", effectiveDate: { kind: "days-after-passage", days: 0 } }));
    writeFileSync(sponsors, JSON.stringify({ people: [], leadSponsorId: "nobody", coSponsorIds: [] }));
    writeFileSync(broken, "{ title: ");
    const [badSettings, badSponsors, badJson, unchanged] = await Promise.all([
      cli("ordinance", BASE, AMENDED, "--settings", settings),
      cli("ordinance", BASE, AMENDED, "--sponsors", sponsors),
      cli("ordinance", BASE, AMENDED, "--settings", broken),
      cli("ordinance", BASE, BASE),
    ]);
    expect(badSettings.code).toBe(1);
    expect(badSettings.stderr).toContain("effectiveDate.days: must be a whole number of days");
    expect(badSettings.stderr).toContain('grouping: must be one of "chapter", "section"');
    expect(badSponsors.code).toBe(1);
    expect(badSponsors.stderr).toContain("leadSponsorId");
    expect(badJson.code).toBe(1);
    expect(badJson.stderr).toContain("broken.json: not valid JSON");
    expect(unchanged.code).toBe(1);
    expect(unchanged.stderr).toContain("makes no change");
  }, 60_000);

  it("exits 2 for an unknown output extension or --tracked without .docx", async () => {
    const dir = workDir();
    const [pdf, trackedHtml, cleanHtml] = await Promise.all([
      cli("ordinance", BASE, AMENDED, "--out", join(dir, "o.pdf")),
      cli("ordinance", BASE, AMENDED, "--tracked", "--out", join(dir, "o.html")),
      cli("clean", AMENDED, "--out", join(dir, "c.html")),
    ]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain("--out must end in .docx, .html, .txt");
    expect(trackedHtml.code).toBe(2);
    expect(trackedHtml.stderr).toContain("--tracked needs --out FILE.docx");
    expect(cleanHtml.code).toBe(2);
    expect(cleanHtml.stderr).toContain("--out must end in .docx, .txt");
  }, 60_000);
});

describe("ordinance-redline clean", () => {
  it("writes the amended chapter's canonical text exactly, and a .docx of it", async () => {
    const dir = workDir();
    const [text, docx] = await Promise.all([
      cli("clean", AMENDED, "--out", join(dir, "clean.txt")),
      cli("clean", AMENDED, "--out", join(dir, "clean.docx")),
    ]);
    expect([text.code, docx.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, "clean.txt"), "utf8")).toBe(fixtureText("amended.txt"));
    const doc = await readDocx(readFileSync(join(dir, "clean.docx")));
    expect(doc.paragraphs.map((paragraph) => paragraph.text)).toEqual(fixtureText("amended.txt").split("\n").map((line) => line.trim()).filter((line) => line !== ""));
  }, 60_000);
});
