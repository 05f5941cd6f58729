/**
 * The changes panel's rows refreshed from the previous model (only touched sections redone)
 * equal rows built from scratch, over random keystrokes and structural edits on multi-chapter
 * titles, with refreshes that skip some redlines (as a throttled panel does).
 */
import { describe, expect, it } from "vitest";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare, updateRedline } from "../../src/core/redline";
import { randomEdit } from "../../src/core/samples/editScripts";
import { generateChapter } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { resolveAnnotations } from "../../src/editor/redline/annotationIndex";
import { NO_FILTER } from "../../src/editor/redline/plugin";
import { panelModel, type PanelModel } from "../../src/ui/panel/panelRows";
import { fixtureAmended, fixtureBase } from "../support/fixtures";
import { randomKeystroke } from "../support/keystrokes";

function keysOf(model: PanelModel): string[] {
  return Array.from({ length: model.rowCount }, (_, index) => model.key(index));
}

function plain(model: PanelModel): unknown {
  return JSON.parse(JSON.stringify({ rows: model.rows, keys: keysOf(model), changeIds: model.changeIds, total: model.total, rowCount: model.rowCount, shownCount: model.shownCount }));
}

describe("panel rows refreshed incrementally", () => {
  it("equal rows built from scratch after every refresh", () => {
    let refreshedCount = 0;
    let keysChangedCount = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const random = new Random(seed * 13);
      // Enough sections for several blocks of rows.
      const chapters = [generateChapter(seed, 60_000, "2-171"), generateChapter(seed + 40, 40_000, "2-172")];
      const base: OrdinanceDocument = { title: null, chapters };
      let draft: OrdinanceDocument = seed % 2 ? { ...base, chapters: [chapters[0]!, generateChapter(seed + 9, 4000, "2-173"), chapters[1]!] } : base;
      let redline = compare(base, draft);
      const annotations = resolveAnnotations([], redline, null, null);
      let model = panelModel(redline, annotations, NO_FILTER);
      for (let step = 1; step <= 80; step++) {
        draft = random.chance(0.05) ? randomEdit(draft, random) : randomKeystroke(draft, random);
        redline = updateRedline(redline, draft);
        if (random.chance(0.4)) continue; // this redline is never shown
        if (redline.touchedSince(model.version) !== null) refreshedCount++;
        const previous = model;
        model = panelModel(redline, annotations, NO_FILTER, model);
        const scratch = panelModel(redline, annotations, NO_FILTER);
        const label = `seed ${seed} step ${step}`;
        const sameKeys = JSON.stringify(keysOf(previous)) === JSON.stringify(keysOf(scratch));
        if (!sameKeys) keysChangedCount++;
        expect(model.hasSameKeysAs(previous), `${label} same keys`).toBe(sameKeys);
        expect(previous.hasSameKeysAs(model), `${label} same keys, other way`).toBe(sameKeys);
        expect(plain(model), label).toEqual(plain(scratch));
        for (let probe = 0; probe < 5; probe++) {
          const index = random.int(-1, model.rowCount);
          expect(model.row(index), `${label} row ${index}`).toEqual(scratch.rows[index]);
        }
        const id = random.pick([...scratch.changeIds, "none"]);
        expect(model.rowOfChange(id), label).toBe(scratch.rows.findIndex((row) => row.kind === "change" && row.change.id === id));
      }
    }
    expect(refreshedCount).toBeGreaterThan(200);
    // Both answers of hasSameKeysAs were put to the test.
    expect(keysChangedCount).toBeGreaterThan(20);
    expect(keysChangedCount).toBeLessThan(refreshedCount);
  });

  it("give every row a distinct key, even when two sections share a number", () => {
    const base = fixtureBase();
    const draft = fixtureAmended();
    const chapter = draft.chapters[0]!;
    for (let twin = 1; twin < chapter.sections.length; twin++) {
      // Section `twin` takes the number of the section before it, as midway through a renumbering.
      const sections = chapter.sections.map((section, k) => (k === twin ? { ...section, number: chapter.sections[twin - 1]!.number } : section));
      const redline = compare(base, { ...draft, chapters: [{ ...chapter, sections }, ...draft.chapters.slice(1)] });
      const model = panelModel(redline, resolveAnnotations([], redline, null, null), NO_FILTER);
      const keys = keysOf(model);
      expect(new Set(keys).size, `twin ${twin}`).toBe(model.rowCount);
      expect(model.key(-1)).toBe("");
      expect(model.key(model.rowCount)).toBe("");
    }
  });
});
