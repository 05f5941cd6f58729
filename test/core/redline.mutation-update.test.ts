/**
 * updateRedline against compare on small multi-chapter titles (quick enough to run once per
 * mutant): after keystrokes, paragraph edits and structural edits, the incremental redline
 * equals a fresh one — every entry, change, offset and text, read through `sections`,
 * `section(k)` and `sectionCount` — and `touchedSince` leaves out only entries that are the
 * previous ones unchanged apart from their offsets.
 */
import { describe, expect, it } from "vitest";
import type { OrdinanceDocument } from "../../src/core/model/document";
import { compare, updateRedline, type Redline } from "../../src/core/redline";
import { randomEdit } from "../../src/core/samples/editScripts";
import { generateTitle } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { addChapter, moveWithinChapter, randomStructuralEdit, repealChapter } from "../../src/core/samples/structuralEdits";
import { randomKeystroke } from "../support/keystrokes";

function plain(redline: Redline): unknown {
  return JSON.parse(JSON.stringify({ sections: redline.sections, changes: redline.changes, baseText: redline.baseText, draftText: redline.draftText }));
}

/** An entry without its offsets, to tell whether an entry left out by touchedSince only moved. */
function unplaced(entry: Redline["sections"][number]): unknown {
  const { unit, status, numberA, numberB, catchlineA, catchlineB, changes } = entry;
  return JSON.parse(JSON.stringify({ unit, status, numberA, numberB, catchlineA, catchlineB, changes: changes.map((change) => ({ ...change, fromA: 0, toA: 0, fromB: 0, toB: 0 })) }));
}

describe("updateRedline on small titles", () => {
  it("equals compare after every edit of random scripts", () => {
    const random = new Random(61);
    for (let script = 0; script < 4; script++) {
      const base = generateTitle(100 + script, 2500, 3);
      let draft: OrdinanceDocument = base;
      for (let k = 0; k < 3; k++) draft = randomStructuralEdit(draft, random);
      let redline = compare(base, draft);
      const history = [redline];
      for (let step = 0; step < 10; step++) {
        const roll = random.next();
        draft = roll < 0.6 ? randomKeystroke(draft, random) : roll < 0.85 ? randomEdit(draft, random) : randomStructuralEdit(draft, random);
        const next = updateRedline(redline, draft);
        const fresh = compare(structuredClone(base), structuredClone(draft));
        expect(plain(next), `script ${script}, step ${step}`).toEqual(plain(fresh));
        expect(next.sectionCount).toBe(fresh.sections.length);
        for (let k = 0; k < next.sectionCount; k++) expect(next.section(k).startB).toBe(fresh.sections[k]!.startB);
        history.push(next);
        // Against the previous redline and against one three steps back.
        for (const older of [redline, history[Math.max(0, history.length - 4)]!]) {
          const touched = next.touchedSince(older.version);
          if (!touched || next.sectionCount !== older.sectionCount) continue;
          expect(touched.every((unit, k) => k === 0 || touched[k - 1]! < unit), "ascending, each once").toBe(true);
          const named = new Set(touched);
          for (let k = 0; k < next.sectionCount; k++) {
            if (!named.has(k)) expect(unplaced(next.section(k)), `entry ${k} left out`).toEqual(unplaced(older.section(k)));
          }
        }
        expect(next.version).toBeGreaterThan(redline.version);
        redline = next;
      }
    }
  });

  it("equals compare after edits of titles, chapter heads and contents, and chapters added or repealed", () => {
    const random = new Random(62);
    const base = generateTitle(9, 6000, 2);
    const name = (doc: OrdinanceDocument, title: OrdinanceDocument["title"]): OrdinanceDocument => ({ ...doc, title });
    const retitle = (doc: OrdinanceDocument, c: number, title: string): OrdinanceDocument => ({ ...doc, chapters: doc.chapters.map((ch, k) => (k === c ? { ...ch, title } : ch)) });
    const retoc = (doc: OrdinanceDocument, c: number): OrdinanceDocument => ({
      ...doc, chapters: doc.chapters.map((ch, k) => (k === c ? { ...ch, toc: ch.toc.map((entry, e) => (e === 0 ? { ...entry, catchline: `${entry.catchline} amended` } : entry)) } : ch)),
    });
    let moved = moveWithinChapter(base, random);
    for (let tries = 0; tries < 60 && !compare(base, moved).sections.some((entry) => entry.status === "moved"); tries++) moved = moveWithinChapter(base, random);
    const steps: Array<(doc: OrdinanceDocument) => OrdinanceDocument> = [
      (doc) => randomKeystroke(doc, random),
      (doc) => retitle(doc, 1, "RETITLED CHAPTER"),
      (doc) => retoc(doc, 0),
      (doc) => name(doc, { number: "2", name: "RENAMED TITLE" }),
      (doc) => name(doc, null),
      (doc) => randomKeystroke(doc, random),
      (doc) => retitle(doc, 0, "UNTITLED NOW"),
      (doc) => name(doc, { number: "2", name: "BACK AGAIN" }),
      (doc) => addChapter(doc, random),
      (doc) => randomKeystroke(doc, random),
      (doc) => repealChapter(doc, random),
      (doc) => randomKeystroke(doc, random),
    ];
    for (const [from, start] of [[base, base], [base, moved], [base, name(base, null)], [name(base, null), name(base, null)]] as const) {
      let draft = start;
      let redline = compare(from, draft);
      for (const [k, step] of steps.entries()) {
        draft = step(draft);
        const next = updateRedline(redline, draft);
        expect(plain(next), `step ${k}`).toEqual(plain(compare(structuredClone(from), structuredClone(draft))));
        const touched = next.touchedSince(redline.version);
        if (touched) expect(touched.every((unit, i) => i === 0 || touched[i - 1]! < unit)).toBe(true);
        redline = next;
      }
    }
    // Typing into a moved section's destination, again and again.
    let draft = moved;
    let redline = compare(base, draft);
    const destination = compare(base, moved).sections.findIndex((entry) => entry.status === "moved" && entry.numberB !== null);
    expect(destination).toBeGreaterThan(0);
    for (let k = 0; k < 4; k++) {
      const number = redline.sections[destination]!.numberB!;
      const c = draft.chapters.findIndex((ch) => ch.sections.some((section) => section.number === number));
      const s = draft.chapters[c]!.sections.findIndex((section) => section.number === number);
      const section = draft.chapters[c]!.sections[s]!;
      const blocks = section.blocks.map((block, b) => (b === 0 ? { ...block, text: `${block.text} more${k}` } : block));
      draft = { ...draft, chapters: draft.chapters.map((ch, i) => (i === c ? { ...ch, sections: ch.sections.map((each, j) => (j === s ? { ...section, blocks } : each)) } : ch)) };
      const next = updateRedline(redline, draft);
      expect(plain(next)).toEqual(plain(compare(structuredClone(base), structuredClone(draft))));
      const touched = next.touchedSince(redline.version);
      if (touched) {
        expect(touched).toContain(destination);
        expect(touched.every((unit, i) => i === 0 || touched[i - 1]! < unit)).toBe(true);
      }
      redline = next;
    }
  });

  it("gives the same redline again for the same draft", () => {
    const base = generateTitle(7, 2500, 2);
    const draft = randomEdit(base, new Random(8));
    const redline = compare(base, draft);
    const again = updateRedline(redline, draft);
    expect(plain(again)).toEqual(plain(redline));
    expect(again.touchedSince(redline.version) ?? []).toEqual([]);
  });
});
