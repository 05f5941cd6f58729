/**
 * Faithful to the word: the .docx is read back as an independent client would (jszip +
 * DOMParser over word/document.xml) and its struck runs must say exactly the deleted language
 * the ordinance reprints, its underscored runs exactly the inserted language, in order, nothing
 * lost or doubled. The expectation comes from the redline's changes alone, by the form rules:
 * history notes and title lines are not reprinted; units repealed by formula (sections in
 * section grouping, chapters always) are not struck; a section moved to a new number is marked
 * only by its inner edits, at its draft place.
 */
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, writeDocx, type ExportSettings } from "../../src/core/export";
import { syncDocumentContents } from "../../src/core/model/contents";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import type { Change, Redline, SectionRedline } from "../../src/core/redline/types";
import { readDocx, struckText, underscoredText, words } from "../support/docxReadBack";
import { randomlyEdited, scatteredWordEdits } from "../../src/core/samples/editScripts";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { generateDocument, generateTitle } from "../../src/core/samples/generateChapter";
import { randomlyRestructured } from "../../src/core/samples/structuralEdits";

/** Whether an entry is repealed by formula rather than reprinted struck. */
function repealedByFormula(entry: SectionRedline, grouping: ExportSettings["grouping"], chapterDeleted: boolean): boolean {
  if (chapterDeleted) return true;
  const removed = entry.status === "deleted" || (entry.status === "moved" && entry.numberB === null);
  return grouping === "section" && entry.unit === "section" && removed;
}

/** Lines of `text` that are not history notes of either document. */
function withoutHistoryLines(text: string, historyNotes: ReadonlySet<string>): string {
  return text.split("\n").filter((line) => !historyNotes.has(line.trim())).join("\n");
}

/** The chapter part of a section number: "2-173-042" → "2-173". */
const chapterPart = (number: string) => number.split("-").slice(0, 2).join("-");

/**
 * A section moved to a new number is a renumbering: reprinted once, at its draft place, with only
 * its inner edits marked (number, catchline, words), nothing at its old place; its contents line,
 * when it stays in the same chapter's table, likewise shows just the heading's marks at the draft
 * place. Returns the destination entries' inner changes and the contents lines so replaced.
 */
function renumberings(redline: Redline) {
  const inner = new Map<string, Change[]>();
  const tocDeletedLines = new Set<string>();
  const tocInsertedLines = new Map<string, Change[]>();
  for (const change of redline.changes) {
    if (change.move?.role !== "destination" || change.move.otherSection === change.section) continue;
    const edits = redline.changes.filter((edit) => edit.withinMove === change.id);
    inner.set(change.id, edits);
    // Paired only when both contents lines are in one chapter and each is deleted or inserted whole.
    const tocLines = (side: "deleted" | "inserted") => redline.changes.filter((edit) => edit.part === "toc").flatMap((edit) => edit[side].split("\n"));
    const whole = (side: "deleted" | "inserted", number: string) => tocLines(side).some((line) => line.startsWith(`${number} `));
    if (chapterPart(change.move.otherSection) !== chapterPart(change.section) || !whole("deleted", change.move.otherSection) || !whole("inserted", change.section)) continue;
    tocDeletedLines.add(change.move.otherSection);
    tocInsertedLines.set(change.section, edits.filter((edit) => edit.part === "number" || edit.part === "catchline"));
  }
  return { inner, tocDeletedLines, tocInsertedLines };
}

function expectedMarks(redline: Redline, base: OrdinanceDocument, draft: OrdinanceDocument, grouping: ExportSettings["grouping"]): { struck: string; underscored: string } {
  const historyNotes = new Set([base, draft].flatMap((doc) => doc.chapters.flatMap((chapter) => chapter.sections.flatMap((section) => section.blocks)))
    .filter((block) => block.kind === "history").map((block) => block.text));
  const { inner, tocDeletedLines, tocInsertedLines } = renumberings(redline);
  const struck: string[] = [];
  const underscored: string[] = [];
  const lineNumber = (line: string) => line.split(" ")[0]!;
  let chapterDeleted = false;
  for (const entry of redline.sections) {
    if (entry.unit === "title") continue;
    if (entry.unit === "chapter") chapterDeleted = entry.status === "deleted";
    const reprinted = (change: Change) => change.withinMove === undefined && change.part !== "history" && change.part !== "title";
    for (const top of entry.changes.filter(reprinted)) {
      if (top.move?.role === "source" && top.move.otherSection !== top.section) {
        // A renumbering: nothing at its old place; moved into another chapter, the chapter's reprint strikes its heading there.
        const chapterOf = (number: string) => number.split("-").slice(0, 2).join("-");
        if (grouping === "chapter" && chapterOf(top.section) !== chapterOf(top.move.otherSection)) struck.push(top.deleted.trim().split("\n")[0]!);
        continue;
      }
      const changes = top.move?.role === "destination" && inner.has(top.id) ? inner.get(top.id)!.filter((edit) => edit.part !== "history") : [top];
      for (const change of changes) {
        let deleted = change.deleted;
        let inserted = change.inserted;
        const headingMarks: Change[] = [];
        if (change.part === "toc") {
          deleted = deleted.split("\n").filter((line) => !tocDeletedLines.has(lineNumber(line))).join("\n");
          inserted = inserted.split("\n").flatMap((line) => {
            const marks = tocInsertedLines.get(lineNumber(line));
            if (!marks) return [line];
            headingMarks.push(...marks);
            return marks.map((mark) => mark.inserted);
          }).join("\n");
        }
        if (!repealedByFormula(entry, grouping, chapterDeleted)) struck.push(withoutHistoryLines(deleted, historyNotes), ...headingMarks.map((mark) => mark.deleted));
        if (!chapterDeleted) underscored.push(withoutHistoryLines(inserted, historyNotes));
      }
    }
  }
  return { struck: words(struck.join(" ")), underscored: words(underscored.join(" ")) };
}

async function checkReadBack(base: OrdinanceDocument, edited: OrdinanceDocument, grouping: ExportSettings["grouping"], label: string): Promise<void> {
  // The ordinance is of the draft with its contents in step with its headings (as the editor
  // keeps them); the edit scripts change headings without touching the contents.
  const draft = syncDocumentContents(edited, base).document;
  const redline = compare(base, draft);
  const document = buildOrdinance({ base, draft, redline, settings: { ...DEFAULT_EXPORT_SETTINGS, grouping } });
  const read = await readDocx(await writeDocx(document));
  const expected = expectedMarks(redline, base, draft, grouping);
  expect(struckText(read), `${label}: struck`).toBe(expected.struck);
  expect(underscoredText(read), `${label}: underscored`).toBe(expected.underscored);
  for (const paragraph of read.paragraphs) {
    for (const run of paragraph.runs) expect(run.struck && run.underlined, `${label}: a run both struck and underscored`).toBe(false);
  }
}

describe("docx read-back: struck = deleted, underscored = inserted", () => {
  it("holds on the Welcoming City fixture in both groupings", async () => {
    const base = fixtureBase();
    const draft = fixtureAmended();
    await checkReadBack(base, draft, "chapter", "fixture, chapter");
    await checkReadBack(base, draft, "section", "fixture, section");
    // A clerk's spot check: the deleted and inserted language of the fixture, in order.
    const read = await readDocx(await writeDocx(buildOrdinance({ base, draft })));
    expect(struckText(read)).toBe("file in every neighborhood residents resident e f g h , in any form, seeking Section file");
    expect(underscoredText(read).startsWith("2-173-045 Coercion and threats based on immigration status prohibited. 2-173-047 Accountability for violations by police officers. with federal authorities people person (e) Threats")).toBe(true);
  });

  it("holds on 20 generated chapters with random edits (sections added, removed, moved, renumbered)", async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const base = generateDocument(seed, 12_000);
      const draft = randomlyEdited(base, seed * 7, 4 + (seed % 8));
      await checkReadBack(base, draft, seed % 2 === 0 ? "chapter" : "section", `seed ${seed}`);
    }
  }, 60_000);

  it("holds on 30 generated multi-chapter titles with random structural edits (sections moved to new numbers among them), in both groupings", async () => {
    let renumberedMoves = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const base = generateTitle(seed, 16_000, 3);
      const draft = randomlyRestructured(base, seed * 13, 3 + (seed % 5));
      renumberedMoves += compare(base, syncDocumentContents(draft, base).document).changes.filter((change) => change.move?.role === "destination" && change.move.otherSection !== change.section).length;
      await checkReadBack(base, draft, "chapter", `title seed ${seed}, chapter`);
      await checkReadBack(base, draft, "section", `title seed ${seed}, section`);
    }
    expect(renumberedMoves).toBeGreaterThan(3);
  }, 60_000);

  it("holds on a generated chapter with scattered word edits in both groupings", async () => {
    const base = generateDocument(5, 40_000);
    const draft = scatteredWordEdits(base, 9, 0.2);
    await checkReadBack(base, draft, "chapter", "scattered, chapter");
    await checkReadBack(base, draft, "section", "scattered, section");
  }, 60_000);
});
