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
import { randomStructuralEdit } from "../../src/core/samples/structuralEdits";
import { randomKeystroke } from "../support/keystrokes";

function plain(redline: Redline): unknown {
  return JSON.parse(JSON.stringify({ sections: redline.sections, changes: redline.changes, baseText: redline.baseText, draftText: redline.draftText }));
}

/** An entry without its offsets, to tell whether an entry left out by touchedSince only moved. */
function unplaced(entry: Redline["sections"][number]): unknown {
  return JSON.parse(JSON.stringify({ ...entry.toJSON?.() ?? entry, startA: 0, startB: 0, changes: entry.changes.map((change) => ({ ...change, fromA: 0, toA: 0, fromB: 0, toB: 0 })) }));
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

  it("gives the same redline again for the same draft", () => {
    const base = generateTitle(7, 2500, 2);
    const draft = randomEdit(base, new Random(8));
    const redline = compare(base, draft);
    const again = updateRedline(redline, draft);
    expect(plain(again)).toEqual(plain(redline));
    expect(again.touchedSince(redline.version) ?? []).toEqual([]);
  });
});
