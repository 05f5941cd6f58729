/**
 * The review copy: the tracked .docx with each comment thread as Word comments. Read back with
 * JSZip: every comment is in comments.xml with its writer and text, its range in document.xml
 * holds the thread's words (a change's words for a change thread), replies name their thread's
 * first comment and a resolved thread is marked done; a thread whose words are not reprinted is
 * kept, on its section's number (or the title when the ordinance does not name the section), saying what it is on. LibreOffice, where installed, opens the file and
 * keeps the comments (its ODT conversion holds them as annotations).
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, renderOrdinanceDocument, type ReviewThread } from "../../src/core/export";
import { compare } from "../../src/core/redline";
import { parseSponsors } from "../../src/core/sponsors/sponsors";
import { fixtureAmended, fixtureBase, fixtureText } from "../support/fixtures";

const run = promisify(execFile);

function onPath(command: string): boolean {
  try { execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }); return true; } catch { return false; }
}

const T = "2026-11-02T09:00:00.000Z";

function threads(): ReviewThread[] {
  const redline = compare(fixtureBase(), fixtureAmended());
  const change = redline.changes.find((each) => each.inserted.trim().split(" ").length >= 2 && !each.deleted && each.part !== "toc" && each.part !== "section")!;
  return [
    { words: change.inserted.trim(), changeId: change.id, section: change.section, resolved: false, comments: [
      { author: "Dana Whitfield", office: "Office of the City Clerk", time: T, text: "Why this wording?" },
      { author: "Luis Ortega", office: "32nd Ward", time: T, text: "It follows the state statute." },
    ] },
    { words: change.inserted.trim(), changeId: null, section: change.section, resolved: true, comments: [{ author: "Luis Ortega", time: T, text: "Resolved note on the same words." }] },
    { words: "words that the ordinance never prints", changeId: null, section: "2-173-005", resolved: false, comments: [{ author: "Ana Park", time: T, text: "A note on text not reprinted." }] },
  ];
}

/** Each comment id's range text in document.xml: the w:t text between its start and end markers. */
function rangeTexts(xml: string): Map<string, string> {
  const texts = new Map<string, string>();
  const open = new Set<string>();
  for (const match of xml.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>|<w:commentRangeEnd w:id="(\d+)"\/>|<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)) {
    if (match[1] !== undefined) { open.add(match[1]); texts.set(match[1], ""); }
    else if (match[2] !== undefined) open.delete(match[2]);
    else for (const id of open) texts.set(id, texts.get(id)! + match[3]!);
  }
  return texts;
}

async function reviewCopy(list: readonly ReviewThread[]): Promise<Uint8Array> {
  const sponsors = parseSponsors(JSON.parse(fixtureText("sponsors.json")));
  const ordinance = buildOrdinance({ base: fixtureBase(), draft: fixtureAmended(), sponsors, settings: DEFAULT_EXPORT_SETTINGS });
  return await renderOrdinanceDocument(ordinance, "tracked-docx", { defaultAuthor: "Lead Sponsor", revisionDate: T, threads: list }) as Uint8Array;
}

describe("the review copy (.docx with comments)", () => {
  it("writes each thread as Word comments around its words, with replies and the resolved state", async () => {
    const list = threads();
    const zip = await JSZip.loadAsync(await reviewCopy(list));
    const document = await zip.file("word/document.xml")!.async("string");
    const comments = await zip.file("word/comments.xml")!.async("string");
    expect(document).toContain("<w:ins ");
    expect([...document.matchAll(/<w:commentRangeStart /g)]).toHaveLength(4);
    expect([...document.matchAll(/<w:commentReference /g)]).toHaveLength(4);
    const ranges = rangeTexts(document);
    expect(ranges.get("0")!.replace(/\s+/g, " ").trim()).toBe(list[0]!.words.replace(/\s+/g, " "));
    expect(ranges.get("1")).toBe(ranges.get("0"));
    expect(ranges.get("2")!.replace(/\s+/g, " ").trim()).toBe(list[1]!.words.replace(/\s+/g, " "));
    // Words the ordinance does not reprint: the thread goes on its section's number where the section is printed.
    expect(ranges.get("3")).toBe("2-173-005");
    for (const [author, text] of [["Dana Whitfield, Office of the City Clerk", "Why this wording?"], ["Luis Ortega, 32nd Ward", "It follows the state statute."]]) {
      expect(comments).toContain(`w:author="${author}"`);
      expect(comments).toContain(text);
    }
    expect(comments).toContain("On \u201cwords that the ordinance never prints\u201d (2-173-005): A note on text not reprinted.");
    const extended = await zip.file("word/commentsExtended.xml")?.async("string");
    expect(extended, "commentsExtended.xml").toBeDefined();
    expect([...extended!.matchAll(/w15:paraIdParent=/g)]).toHaveLength(1);
    expect([...extended!.matchAll(/w15:done="1"/g)]).toHaveLength(1);
  });

  it("puts a thread on an unchanged section's contents line, and on the title when the ordinance does not name its section", async () => {
    const note = (section: string) => ({ words: "words of a section left as it is", changeId: null, section, resolved: false, comments: [{ author: "Ana Park", time: T, text: `On ${section}.` }] });
    // 2-173-070 is unchanged: the ordinance names it only in the reprinted contents. 2-174-010 it never names.
    const zip = await JSZip.loadAsync(await reviewCopy([note("2-173-070"), note("2-174-010")]));
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document).not.toContain("2-174-010");
    const ranges = rangeTexts(document);
    expect(ranges.get("0")).toBe("2-173-070");
    expect(ranges.get("1")).toContain("ORDINANCE");
    const comments = await zip.file("word/comments.xml")!.async("string");
    expect(comments).toContain("On \u201cwords of a section left as it is\u201d (2-173-070): On 2-173-070.");
    expect(comments).toContain("On \u201cwords of a section left as it is\u201d (2-174-010): On 2-174-010.");
  });

  it("writes no comments part when there are no threads", async () => {
    const zip = await JSZip.loadAsync(await reviewCopy([]));
    expect(zip.file("word/comments.xml")).toBeNull();
    expect(await zip.file("word/document.xml")!.async("string")).not.toContain("commentRangeStart");
  });

  it.skipIf(!onPath("soffice"))("opens in LibreOffice with the comments kept", async () => {
    const work = mkdtempSync(join(tmpdir(), "review-lo-"));
    const profile = mkdtempSync(join(tmpdir(), "review-lo-profile-"));
    try {
      const docx = join(work, "review.docx");
      writeFileSync(docx, await reviewCopy(threads()));
      await run("soffice", ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", "odt", "--outdir", work, docx], { timeout: 85_000 });
      const odt = await JSZip.loadAsync(readFileSync(join(work, "review.odt")));
      const content = await odt.file("content.xml")!.async("string");
      const annotations = [...content.matchAll(/<office:annotation[ >][\s\S]*?<\/office:annotation>/g)].map((match) => match[0]);
      expect(annotations.length).toBe(4);
      expect(annotations.join("\n")).toContain("Why this wording?");
      expect(annotations.join("\n")).toContain("Dana Whitfield, Office of the City Clerk");
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
