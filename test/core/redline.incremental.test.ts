/**
 * updateRedline against compare: the incremental result after keystrokes must equal a fresh
 * compare of the same base and draft — for a title whose draft adds or repeals a whole chapter
 * (issue 9, fault 2), over long sequences of keystrokes across a large document, and for a
 * paragraph split or joined with the paragraph right beside it deleted, replaced or inserted. And what
 * `touchedSince` reports: every entry it leaves out is the old entry with its offsets shifted.
 */
import { describe, expect, it } from "vitest";
import type { Block, OrdinanceDocument } from "../../src/core/model/document";
import { compare, updateRedline, type Redline, type SectionRedline } from "../../src/core/redline";
import { randomEdit } from "../../src/core/samples/editScripts";
import { generateChapter, sentence } from "../../src/core/samples/generateChapter";
import { Random } from "../../src/core/samples/random";
import { randomKeystroke, typeInto } from "../support/keystrokes";

/** Plain values of a redline (sections with their changes, every change), for deep equality. */
function plain(redline: Redline): unknown {
  return JSON.parse(JSON.stringify({ sections: redline.sections, changes: redline.changes }));
}

function fresh(base: OrdinanceDocument, draft: OrdinanceDocument): Redline {
  return compare(structuredClone(base), structuredClone(draft));
}

const small = (seed: number, number: string) => generateChapter(seed, 1500, number);

describe("updateRedline with a chapter on one side only", () => {
  const kept = small(1, "2-173");
  const added = small(2, "2-174");
  const title = { number: "2", name: "CITY GOVERNMENT AND ADMINISTRATION" };
  const cases: Array<[string, OrdinanceDocument, OrdinanceDocument]> = [
    ["a chapter added", { title, chapters: [kept] }, { title, chapters: [kept, added] }],
    ["a chapter added first", { title, chapters: [kept] }, { title, chapters: [added, kept] }],
    ["a chapter repealed", { title, chapters: [kept, added] }, { title, chapters: [kept] }],
  ];
  for (const [name, base, draft] of cases) {
    it(`keeps every section of ${name} after a keystroke elsewhere`, () => {
      expect(added.sections.length).toBeGreaterThan(1);
      const keptIndex = draft.chapters.indexOf(kept);
      let previous = compare(base, draft);
      let current = draft;
      const random = new Random(7);
      for (let k = 0; k < 5; k++) {
        current = typeInto(current, keptIndex, k % kept.sections.length, random);
        previous = updateRedline(previous, current);
        expect(plain(previous), `keystroke ${k + 1}`).toEqual(plain(fresh(base, current)));
      }
    });
  }

  it("redoes an added chapter's sections when they are typed in", () => {
    const base: OrdinanceDocument = { title, chapters: [kept] };
    let current: OrdinanceDocument = { title, chapters: [kept, added] };
    let redline = compare(base, current);
    const random = new Random(3);
    for (let k = 0; k < 6; k++) {
      current = typeInto(current, 1, k % added.sections.length, random);
      redline = updateRedline(redline, current);
    }
    expect(plain(redline)).toEqual(plain(fresh(base, current)));
  });
});

/** An entry without its offsets, for comparing an entry with its shifted copy. */
function content(entry: SectionRedline): unknown {
  return {
    unit: entry.unit, status: entry.status, numberA: entry.numberA, numberB: entry.numberB, catchlineA: entry.catchlineA, catchlineB: entry.catchlineB,
    changes: entry.changes.map(({ fromA: _a, toA: _b, fromB: _c, toB: _d, ...rest }) => rest),
  };
}

describe("updateRedline over many keystrokes across a large document", () => {
  it("equals compare after 300 keystrokes across the sections of a 2 MB-scale, three-chapter title", () => {
    const chapters = [generateChapter(31, 700_000, "2-171"), generateChapter(32, 700_000, "2-172"), generateChapter(33, 700_000, "2-173")];
    const base: OrdinanceDocument = { title: null, chapters };
    const random = new Random(5);
    let draft: OrdinanceDocument = base;
    for (let k = 0; k < 20; k++) draft = randomKeystroke(draft, random);
    let redline = compare(base, draft);
    for (let k = 1; k <= 300; k++) {
      draft = randomKeystroke(draft, random);
      redline = updateRedline(redline, draft);
      // Reading sections or changes in between must not disturb what later updates give.
      if (k % 37 === 0) expect(redline.changes.length).toBeGreaterThan(0);
      if (k % 100 === 0) expect(plain(redline), `keystroke ${k}`).toEqual(plain(fresh(base, draft)));
    }
  });

  it("equals compare over random keystrokes and structural edits on multi-chapter titles, and touchedSince names every entry that differs", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = new Random(seed);
      const chapters = [generateChapter(seed, 6000, "2-171"), generateChapter(seed + 50, 6000, "2-172"), generateChapter(seed + 90, 3000, "2-174")];
      const base: OrdinanceDocument = { title: seed % 2 ? { number: "2", name: "CITY GOVERNMENT" } : null, chapters };
      // Some drafts add a chapter, some repeal one.
      let draft: OrdinanceDocument = seed % 3 === 0 ? { ...base, chapters: [chapters[0]!, generateChapter(seed + 7, 3000, "2-173"), ...chapters.slice(1)] }
        : seed % 3 === 1 ? { ...base, chapters: chapters.slice(0, 2) } : base;
      let redline = compare(base, draft);
      const history: Redline[] = [redline];
      for (let step = 1; step <= 60; step++) {
        draft = random.chance(0.08) ? randomEdit(draft, random) : randomKeystroke(draft, random);
        redline = updateRedline(redline, draft);
        history.push(redline);
        const label = `seed ${seed} step ${step}`;
        if (step % 6 === 0) expect(plain(redline), label).toEqual(plain(fresh(base, draft)));
        const older = history[Math.max(0, history.length - 1 - random.int(1, 8))]!;
        const touched = redline.touchedSince(older.version);
        if (touched === null) continue;
        expect(redline.sectionCount, label).toBe(older.sectionCount);
        const set = new Set(touched);
        for (let i = 0; i < redline.sectionCount; i++) {
          if (!set.has(i)) expect(content(redline.section(i)), `${label} entry ${i}`).toEqual(content(older.section(i)));
        }
      }
      expect(redline.touchedSince(redline.version)).toEqual([]);
      expect(redline.touchedSince(-1)).toBeNull();
    }
  });
});

describe("updateRedline typing into a section that is not surely paired", () => {
  it("recomputes that section alone while its pairing stays the same", () => {
    const base: OrdinanceDocument = { title: null, chapters: [generateChapter(41, 30_000, "2-173")] };
    const chapter = base.chapters[0]!;
    const target = chapter.sections.findIndex((section) => section.blocks.filter((block) => block.kind === "paragraph").length >= 4);
    expect(target).toBeGreaterThanOrEqual(0);
    // Half of the section's paragraphs rewritten: the same-numbered pair is alike, but not surely the same section.
    let seen = 0;
    const rewritten = {
      ...chapter.sections[target]!,
      blocks: chapter.sections[target]!.blocks.map((block) => (block.kind === "paragraph" && seen++ % 2 === 0
        ? { ...block, text: "The commissioner shall publish a quarterly report of every request received under this paragraph and its outcome." }
        : block)),
    };
    let draft: OrdinanceDocument = { ...base, chapters: [{ ...chapter, sections: chapter.sections.map((s, i) => (i === target ? rewritten : s)) }] };
    let redline = compare(base, draft);
    const unit = redline.sections.findIndex((entry) => entry.numberB === rewritten.number);
    expect(redline.sections[unit]!.status).toBe("changed");
    const random = new Random(9);
    for (let k = 0; k < 8; k++) {
      draft = typeInto(draft, 0, target, random);
      const next = updateRedline(redline, draft);
      expect(next.touchedSince(redline.version), `keystroke ${k + 1}`).toEqual([unit]);
      expect(plain(next), `keystroke ${k + 1}`).toEqual(plain(fresh(base, draft)));
      redline = next;
    }
  });
});

/** The document with the blocks of one section replaced (a new section object, the rest shared). */
function withBlocks(doc: OrdinanceDocument, c: number, s: number, blocks: Block[]): OrdinanceDocument {
  const chapter = doc.chapters[c]!;
  const sections = chapter.sections.map((section, index) => (index === s ? { ...section, blocks } : section));
  return { ...doc, chapters: doc.chapters.map((each, index) => (index === c ? { ...chapter, sections } : each)) };
}

describe("updateRedline with a seam beside a changed paragraph", () => {
  it("equals compare after a split or join, the neighbour's deletion, replacement or insertion, and keystrokes, in either order", () => {
    let seams = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = new Random(100 + seed);
      const chapters = [generateChapter(seed, 5000, "2-171"), generateChapter(seed + 60, 5000, "2-172")];
      const base: OrdinanceDocument = { title: null, chapters };
      const c = random.int(0, 1);
      const candidates = chapters[c]!.sections.flatMap((section, index) => (section.blocks.filter((block) => block.kind === "paragraph").length >= 3 ? [index] : []));
      if (candidates.length === 0) continue;
      const s = random.pick(candidates);
      const blocks = [...chapters[c]!.sections[s]!.blocks];
      const paragraphs = blocks.flatMap((block, index) => (block.kind === "paragraph" && block.text.split(" ").length >= 8 ? [index] : []));
      const k = random.pick(paragraphs);
      const block = blocks[k]!;
      if (block.kind !== "paragraph") continue;
      const next = blocks[k + 1];
      const split = !(next?.kind === "paragraph") || random.chance(0.5);
      // The seam's edit, and where its neighbour stands after it (the block after the seam's).
      const seamEdit = (list: Block[]): number => {
        if (split) {
          const words = block.text.split(" ");
          const cut = random.int(3, words.length - 3);
          list.splice(k, 1, { ...block, text: words.slice(0, cut).join(" ") }, { ...block, id: `${block.id}-split`, enumerator: null, text: words.slice(cut).join(" ") });
          return k + 2;
        }
        list.splice(k, 2, { ...block, text: `${block.text} ${(next as typeof block).text}` });
        return k + 1;
      };
      const neighbourEdit = (list: Block[], after: number) => {
        const at = random.chance(0.5) && k > 0 ? k - 1 : after;
        const kind = random.pick(["deleted", "replaced", "inserted"] as const);
        const neighbour = list[at];
        const fresh: Block = { kind: "paragraph", id: `${block.id}-new`, enumerator: null, level: block.level, text: sentence(random, random.int(8, 20)) };
        if (kind === "inserted" || neighbour?.kind !== "paragraph") list.splice(at === k - 1 ? k : after, 0, fresh);
        else if (kind === "deleted") list.splice(at, 1);
        else list.splice(at, 1, { ...fresh, id: neighbour.id, enumerator: neighbour.enumerator });
      };
      const steps: OrdinanceDocument[] = [];
      const working = [...blocks];
      if (random.chance(0.5)) {
        const after = seamEdit(working);
        steps.push(withBlocks(base, c, s, [...working]));
        neighbourEdit(working, after);
      } else {
        // The neighbour first (after k, so k stays the seam's place), then the seam.
        neighbourEdit(working, k + (split ? 1 : 2));
        steps.push(withBlocks(base, c, s, [...working]));
        seamEdit(working);
      }
      steps.push(withBlocks(base, c, s, [...working]));
      let redline = compare(base, base);
      for (const [index, draft] of steps.entries()) {
        redline = updateRedline(redline, draft);
        expect(plain(redline), `seed ${seed} step ${index + 1}`).toEqual(plain(fresh(base, draft)));
      }
      seams += redline.changes.filter((change) => change.seam).length;
      let draft = steps[steps.length - 1]!;
      for (let key = 1; key <= 4; key++) {
        draft = typeInto(draft, c, s, random);
        redline = updateRedline(redline, draft);
        expect(plain(redline), `seed ${seed} keystroke ${key}`).toEqual(plain(fresh(base, draft)));
      }
    }
    expect(seams).toBeGreaterThan(25);
  });
});
