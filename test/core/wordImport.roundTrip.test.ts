/**
 * Export the amending ordinance as .docx, import it back: the draft must carry the same
 * changes. Checked on the fixture and on generated chapters with random edits, for marked
 * (strike/underline) and tracked (w:ins/w:del) files and both groupings; and a .docx saved by
 * LibreOffice from HTML with <s>/<u> must import to the same changes as the exporter's own.
 *
 * What cannot round-trip, by the ordinance's form: history notes are never reprinted, so an
 * edit to a history note is lost, and a history note follows the section number rather than the
 * section when a section moves without the redline pairing it as a move; a new paragraph with
 * omitted text on both sides has no recorded place (the import warns that its place is uncertain).
 */
import { describe, expect, it } from "vitest";
import { buildOrdinance, DEFAULT_EXPORT_SETTINGS, renderOrdinance, type OrdinanceFormat } from "../../src/core/export";
import { syncDocumentContents } from "../../src/core/model/contents";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare } from "../../src/core/redline";
import { randomlyEdited, scatteredWordEdits } from "../../src/core/samples/editScripts";
import { generateDocument, generateTitle } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { insertAndShiftAt, moveBetweenChapters, moveWithinChapter, randomStructuralEdit, renumberChapter } from "../../src/core/samples/structuralEdits";
import { parseCodeText } from "../../src/core/importer/parseCodeText";
import { chapterText, DETAIN, DISCLOSE, PURPOSE } from "../support/codeText";
import { importWordDraft, type WordDraft } from "../../src/core/wordImport";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { libreOfficeDocx, onPath, ordinanceHtml, parseXml } from "../support/wordFiles";

/** A randomly edited draft with its contents in step with its headings, as the editor keeps them. */
const editedDraft = (base: OrdinanceDocument, seed: number, count: number) => syncDocumentContents(randomlyEdited(base, seed, count), base).document;

type Form = readonly [OrdinanceFormat, "chapter" | "section"];
const FORMS: readonly Form[] = [["docx", "chapter"], ["tracked-docx", "chapter"], ["docx", "section"]];
const SEEDS = Array.from({ length: 20 }, (_, index) => index + 1);

function changesOf(base: OrdinanceDocument, draft: OrdinanceDocument) {
  return compare(base, draft).changes.map(({ id, kind, part, section, deleted, inserted }) => ({ id, kind, part, section, deleted, inserted }));
}

function withoutHistory(doc: OrdinanceDocument): OrdinanceDocument {
  return { ...doc, chapters: doc.chapters.map((chapter) => ({ ...chapter, sections: chapter.sections.map((section) => ({ ...section, blocks: section.blocks.filter((block) => block.kind !== "history") })) })) };
}

async function roundTrip(base: OrdinanceDocument, draft: OrdinanceDocument, [format, grouping]: Form): Promise<WordDraft> {
  const bytes = await renderOrdinance({ base, draft, format, settings: { ...DEFAULT_EXPORT_SETTINGS, grouping } }) as Uint8Array;
  return importWordDraft(bytes, base, parseXml);
}

describe("ordinance .docx round trip", () => {
  it("gives back exactly the changes of word edits in generated chapters", async () => {
    for (const seed of SEEDS) {
      const base = generateDocument(seed, 6000);
      const draft = scatteredWordEdits(base, seed, 0.2);
      for (const form of FORMS) {
        const imported = await roundTrip(base, draft, form);
        expect(imported.warnings, `seed ${seed} ${form.join(" ")}`).toEqual([]);
        expect(changesOf(base, imported.draft), `seed ${seed} ${form.join(" ")}`).toEqual(changesOf(base, draft));
      }
    }
  });

  it("gives back the changes of random word, paragraph and section edits, except what the ordinance cannot carry", async () => {
    let exact = 0;
    const explained: string[] = [];
    for (const seed of [...SEEDS, 26, 57, 63]) {
      const base = generateDocument(seed, 6000);
      const draft = editedDraft(base, seed * 7, 1 + (seed % 6));
      for (const form of FORMS) {
        const label = `seed ${seed} ${form.join(" ")}`;
        const imported = await roundTrip(base, draft, form);
        if (JSON.stringify(changesOf(base, imported.draft)) === JSON.stringify(changesOf(base, draft))) { exact++; continue; }
        const uncertain = imported.warnings.some((warning) => warning.reason.includes("place in section") && warning.reason.includes("is uncertain"));
        if (uncertain) { explained.push(`${label}: uncertain place`); continue; }
        // Otherwise the difference must lie in history notes alone.
        expect(changesOf(withoutHistory(base), withoutHistory(imported.draft)), label).toEqual(changesOf(withoutHistory(base), withoutHistory(draft)));
        explained.push(`${label}: history notes`);
      }
    }
    // Seeds 1–20 all round-trip exactly; 26 and 63 delete a history note; 57 adds a paragraph between omitted passages.
    expect(exact).toBe(20 * FORMS.length);
    expect(explained.sort()).toEqual([
      ...FORMS.map((form) => `seed 26 ${form.join(" ")}: history notes`),
      ...FORMS.map((form) => `seed 57 ${form.join(" ")}: uncertain place`),
      ...FORMS.map((form) => `seed 63 ${form.join(" ")}: history notes`),
    ].sort());
  });
});

describe("round trip of a paragraph moved to another list level", () => {
  const OFFICERS = "An officer shall give a person who asks a written statement of the reason for a stop.";
  const RECORDS = "A record of every such statement shall be kept for three years.";
  const base = parseCodeText(chapterText([
    ["2-173-005", "Purpose.", PURPOSE],
    ["2-173-030", "Disclosing information prohibited.", `    (a) ${DISCLOSE}\n\n        (1) ${OFFICERS}\n\n        (2) ${RECORDS}`],
  ])).document;

  it("gives back an item raised a level and re-lettered in another style, the only paragraph reprinted, in every form", async () => {
    // (2) becomes (b), one level up: its reprint's indentation is the draft's level 1, not the base's 2.
    const draft = parseCodeText(chapterText([
      ["2-173-005", "Purpose.", PURPOSE],
      ["2-173-030", "Disclosing information prohibited.", `    (a) ${DISCLOSE}\n\n        (1) ${OFFICERS}\n\n    (b) ${RECORDS}`],
    ])).document;
    expect(compare(base, draft).changes.map((change) => [change.part, change.deleted.trim(), change.inserted.trim()])).toEqual([["enumerator", "(2)", "(b)"]]);
    for (const form of [...FORMS, ["tracked-docx", "section"] as const]) {
      const imported = await roundTrip(base, draft, form);
      expect(imported.warnings, form.join(" ")).toEqual([]);
      expect(changesOf(base, imported.draft), form.join(" ")).toEqual(changesOf(base, draft));
    }
  });
});

describe("round trip of renumbered sections", () => {
  it("gives back a section renumbered to an earlier place (shown moved), with a word edit, in every form", async () => {
    const base = parseCodeText(chapterText([
      ["2-173-005", "Purpose.", PURPOSE],
      ["2-173-030", "Disclosing information prohibited.", DISCLOSE],
      ["2-173-042", "Civil immigration enforcement actions.", DETAIN],
    ])).document;
    const draft = parseCodeText(chapterText([
      ["2-173-005", "Purpose.", PURPOSE],
      ["2-173-020", "Civil immigration enforcement actions.", DETAIN.replace("solely", "only")],
      ["2-173-030", "Disclosing information prohibited.", DISCLOSE],
    ])).document;
    expect(compare(base, draft).changes.some((change) => change.move?.role === "destination")).toBe(true);
    for (const form of [...FORMS, ["tracked-docx", "section"] as const]) {
      const imported = await roundTrip(base, draft, form);
      expect(imported.warnings, form.join(" ")).toEqual([]);
      expect(changesOf(base, imported.draft), form.join(" ")).toEqual(changesOf(base, draft));
    }
  });

  it("gives back generated titles with sections moved and renumbered within their chapter", async () => {
    let moves = 0;
    for (const seed of [2, 5, 11, 23, 31]) {
      const base = generateTitle(seed, 12_000, 2);
      const random = new Random(seed);
      const draft = syncDocumentContents(scatteredWordEdits(moveWithinChapter(moveWithinChapter(base, random), random), seed, 0.05), base).document;
      if (compare(base, draft).changes.some((change) => change.move?.role === "destination" && change.move.otherSection !== change.section)) moves++;
      for (const form of FORMS) {
        const imported = await roundTrip(base, draft, form);
        expect(imported.warnings, `seed ${seed} ${form.join(" ")}`).toEqual([]);
        expect(changesOf(base, imported.draft), `seed ${seed} ${form.join(" ")}`).toEqual(changesOf(base, draft));
      }
    }
    expect(moves).toBeGreaterThan(2);
  }, 60_000);

  it("gives back generated titles with a section moved into another chapter", async () => {
    let moves = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const base = generateTitle(seed, 12_000, 3);
      const draft = syncDocumentContents(scatteredWordEdits(moveBetweenChapters(base, new Random(seed)), seed, 0.05), base).document;
      if (compare(base, draft).changes.some((change) => change.move?.role === "destination")) moves++;
      for (const form of FORMS) {
        const imported = await roundTrip(base, draft, form);
        expect(imported.warnings, `seed ${seed} ${form.join(" ")}`).toEqual([]);
        expect(changesOf(base, imported.draft), `seed ${seed} ${form.join(" ")}`).toEqual(changesOf(base, draft));
      }
    }
    expect(moves).toBeGreaterThan(4);
  }, 60_000);

  it("gives back a new section that takes the number of a section shifted up, with no warning", async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const base = generateTitle(seed, 12_000, 2);
      const random = new Random(seed);
      const chapter = random.int(0, base.chapters.length - 1);
      const draft = syncDocumentContents(insertAndShiftAt(base, chapter, random.int(0, base.chapters[chapter]!.sections.length - 2), random), base).document;
      for (const form of FORMS) {
        const imported = await roundTrip(base, draft, form);
        expect(imported.warnings, `seed ${seed} ${form.join(" ")}`).toEqual([]);
        // The new section's history note is not reprinted by an ordinance: compare without notes.
        expect(changesOf(withoutHistory(base), withoutHistory(imported.draft)), `seed ${seed} ${form.join(" ")}`).toEqual(changesOf(withoutHistory(base), withoutHistory(draft)));
      }
    }
  }, 60_000);

  it("gives back random structural edits of generated titles (history notes aside)", async () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 24; seed++) {
      const base = generateTitle(seed + 40, 9_000, 3);
      const random = new Random(seed);
      let edited = base;
      for (let k = random.int(1, 3); k > 0; k--) edited = randomStructuralEdit(edited, random);
      const draft = syncDocumentContents(edited, base).document;
      for (const form of FORMS) {
        const label = `seed ${seed} ${form.join(" ")}`;
        const imported = await roundTrip(base, draft, form);
        if (imported.warnings.length > 0) failures.push(`${label}: ${imported.warnings.map((warning) => warning.reason).join("; ")}`);
        else if (JSON.stringify(changesOf(withoutHistory(base), withoutHistory(imported.draft))) !== JSON.stringify(changesOf(withoutHistory(base), withoutHistory(draft)))) failures.push(`${label}: other changes`);
      }
    }
    // Seed 5 moves a section into another chapter and rewrites most of its paragraphs, pairing
    // paragraphs whose labels change list and level ("(A)" → "(1)"): their indentation is the
    // draft's level, so they are no evidence of the indentation unit (see keepsLevel).
    expect(failures).toEqual([]);
  }, 120_000);

  it("keeps every section of a renumbered chapter, each under its new number, and the chapter under its new number", async () => {
    let renumbered = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const base = generateTitle(seed, 12_000, 3);
      const draft = syncDocumentContents(renumberChapter(base, new Random(seed)), base).document;
      if (draft === base) continue;
      renumbered++;
      const numbers = (doc: OrdinanceDocument) => doc.chapters.flatMap((chapter) => chapter.sections.map((section) => section.number)).sort();
      for (const form of FORMS) {
        const imported = await roundTrip(base, draft, form);
        expect(imported.warnings, `seed ${seed} ${form.join(" ")}`).toEqual([]);
        expect(numbers(imported.draft), `seed ${seed} ${form.join(" ")}`).toEqual(numbers(draft));
        expect(imported.draft.chapters.map((chapter) => chapter.number), `seed ${seed} ${form.join(" ")}: chapter numbers`).toEqual(draft.chapters.map((chapter) => chapter.number));
      }
    }
    expect(renumbered).toBeGreaterThan(2);
  }, 60_000);
});

const hasSoffice = onPath("soffice");
const inCi = Boolean(process.env.CI);

describe("a Word redline saved by LibreOffice from HTML with <s> and <u>", () => {
  if (!hasSoffice && inCi) {
    it("needs LibreOffice in CI", () => expect.fail("soffice is not on PATH: CI must install libreoffice-writer"));
    return;
  }

  it.skipIf(!hasSoffice)(`imports to the same changes as the exporter's strike/underline .docx${hasSoffice ? "" : " (skipped: soffice not on PATH)"}`, async () => {
    const pairs = [
      { base: fixtureBase(), draft: fixtureAmended() },
      ...[3, 8].map((seed) => { const base = generateDocument(seed, 6000); return { base, draft: editedDraft(base, seed * 7, 1 + (seed % 6)) }; }),
    ];
    const htmls = pairs.flatMap(({ base, draft }) => {
      const document = buildOrdinance({ base, draft });
      return [ordinanceHtml(document, true), ordinanceHtml(document, false)];
    });
    const files = await libreOfficeDocx(htmls);
    for (const [index, { base, draft }] of pairs.entries()) {
      const ownDocx = await roundTrip(base, draft, ["docx", "chapter"]);
      for (const file of [files[2 * index]!, files[2 * index + 1]!]) {
        const fromLibreOffice = await importWordDraft(file, base, parseXml);
        expect(fromLibreOffice.form).toBe("ordinance");
        expect(fromLibreOffice.warnings).toEqual([]);
        expect(changesOf(base, fromLibreOffice.draft)).toEqual(changesOf(base, ownDocx.draft));
      }
      expect(changesOf(base, ownDocx.draft)).toEqual(changesOf(base, draft));
    }
  }, 90_000);
});
